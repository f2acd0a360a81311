import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Result } from '@core/ipc/result';
import { createApp } from './app';
import { createTransferStore, type TransferStore } from './files/transfers';
import type { LeadwerkApp } from './host';
import { defaultConfigDir } from './paths';
import { parseWebArgs, WEB_USAGE, type WebArgs } from './web/args';
import { createToken, startWebServer, type WebServer } from './web/server';

/**
 * `npm run web`: the renderer in a browser, bridged to the same `dispatch` over a WebSocket.
 * Stdout carries exactly one line, the address with the per-run token; everything else goes
 * to stderr. Runs until SIGINT/SIGTERM, then closes the database.
 */

function resolveUserPath(path: string): string {
  // `npm run` changes into the package folder; INIT_CWD is where the user typed the command.
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

async function openDatabase(
  app: LeadwerkApp,
  args: WebArgs & { db: string },
): Promise<Result<unknown>> {
  const path = resolveUserPath(args.db);
  if (existsSync(path)) return app.call('database.open', { path });
  if (args.demo) return app.call('database.openDemo', { path });
  return app.call('database.create', { path });
}

function waitForStopSignal(): Promise<NodeJS.Signals> {
  // The handlers stay installed: a second Ctrl-C (the shell and run-built.mjs both deliver
  // one) must not kill the process halfway through closing the database.
  return new Promise((resolvePromise) => {
    process.on('SIGINT', resolvePromise);
    process.on('SIGTERM', resolvePromise);
  });
}

async function main(): Promise<number> {
  const parsed = parseWebArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(parsed.message);
    console.error(WEB_USAGE);
    return 2;
  }
  const { args } = parsed;
  const root = resolve(import.meta.dirname, '../renderer');
  if (!existsSync(join(root, 'index.html'))) {
    console.error(`The renderer is not built (${root}); run "npm run build".`);
    return 1;
  }

  let server: WebServer | null = null;
  // The page names no server paths: files come in as uploads and go out as downloads.
  const transfers: TransferStore = await createTransferStore();
  const app = createApp({
    host: {
      kind: 'web',
      emit: (...event) => server?.broadcast(...event),
      files: { kind: 'transfers', store: transfers },
    },
    configDir: defaultConfigDir(),
  });
  try {
    if (args.db !== null) {
      const opened = await openDatabase(app, { ...args, db: args.db });
      if (!opened.ok) {
        console.error(opened.error.message);
        return 1;
      }
    }
    try {
      server = await startWebServer({
        root,
        port: args.port,
        token: createToken(),
        dispatch: (channel, input) => app.dispatch(channel, input),
        transfers,
      });
    } catch (error) {
      console.error(`Cannot listen on 127.0.0.1:${args.port}: ${(error as Error).message}`);
      return 1;
    }
    process.stdout.write(`Leadwerk web: ${server.url}\n`);
    await waitForStopSignal();
    return 0;
  } finally {
    await server?.close();
    await app.close();
    await transfers.close();
  }
}

// Exit explicitly: a stray timer must not keep a stopped server alive.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
