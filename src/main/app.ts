import { randomUUID } from 'node:crypto';
import { LocalConfigStore } from './config/local-config';
import type { AppOptions, LeadwerkApp } from './host';
import { call, dispatch } from './ipc/dispatch';
import { consoleLogger } from './log';
import type { AppContext } from './services/context';

/** Default SQLite busy timeout: how long a write waits for another machine's lock. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Creates the application behind every host (Electron, web bridge, CLI, tests): one
 * `dispatch` for all channels of the contract. No database is open until a
 * `database.*` channel opens one.
 */
export function createApp(options: AppOptions): LeadwerkApp {
  const ctx: AppContext = {
    host: options.host,
    configDir: options.configDir,
    config: new LocalConfigStore(options.configDir),
    now: options.now ?? Date.now,
    newId: () => randomUUID(),
    busyTimeoutMs: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
    fallbackLanguage: options.language ?? 'de',
    session: null,
    log: options.host.log ?? consoleLogger,
    ...(options.importLog ? { importLog: options.importLog } : {}),
  };
  return {
    dispatch: (channel, input) => dispatch(ctx, channel, input),
    call: (channel, input) => call(ctx, channel, input),
    session: () => ctx.session,
    async close() {
      const session = ctx.session;
      ctx.session = null;
      await session?.close();
    },
  };
}
