import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import type { AppState, Bridge } from '@core/ipc/contract';
import type { Result } from '@core/ipc/result';
import { createApi } from '../../src/renderer/api/client';
import type { FileTransfers } from '../../src/renderer/api/file-transfers';
import { AppStateProvider } from '../../src/renderer/shared/app-state';
import { createI18n } from '../../src/renderer/app/i18n';
import { AppProviders } from '../../src/renderer/app/providers';

export const NOW = Date.UTC(2026, 1, 10, 9, 0);

type Handler = (input: Record<string, unknown>) => Result<unknown> | undefined;

/** A fake transport: answers channels from handlers and records every call. */
export function fakeBridge(handlers: Record<string, Handler>) {
  const calls: { channel: string; input: Record<string, unknown> }[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const bridge: Bridge = {
    invoke(channel, input) {
      calls.push({ channel, input: input as Record<string, unknown> });
      const handler = handlers[channel];
      const result = handler?.(input as Record<string, unknown>);
      return Promise.resolve(
        result ?? {
          ok: false,
          error: {
            code: 'INTERNAL',
            key: 'errors.INTERNAL',
            message: `no fake for ${channel}`,
            params: { detail: `no fake for ${channel}` },
          },
        },
      );
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  return {
    bridge,
    calls,
    callsTo: (channel: string) => calls.filter((c) => c.channel === channel),
    /** Pushes an event from "main" to the listeners, as a window would receive it. */
    emit: (event: string, payload: unknown) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}

export const appState: AppState = {
  database: {
    path: '/data/team.sqlite',
    fileName: 'team.sqlite',
    schemaVersion: 1,
    damaged: false,
  },
  recent: [],
  user: { id: 'u1', name: 'Jana Becker', initials: 'JB' },
  language: 'de',
  host: 'test',
  canPickFiles: false,
  fileAccess: 'paths',
  defaultDatabasePath: '/data/leadwerk.sqlite',
  appVersion: '0.1.0',
};

/**
 * Renders inside the app's real providers, in German, with a frozen clock; `transfers` stand
 * in for the browser's uploads and downloads (`web` mode).
 */
export function renderApp(
  ui: ReactNode,
  bridge: Bridge,
  state: AppState = appState,
  transfers: FileTransfers | null = null,
) {
  const i18n = createI18n(state.language);
  return render(
    <AppProviders api={createApi(bridge)} transfers={transfers} i18n={i18n} test={{ now: NOW }}>
      <AppStateProvider value={{ state, setState: () => undefined }}>{ui}</AppStateProvider>
    </AppProviders>,
  );
}

export const ok = <T,>(value: T): Result<T> => ({ ok: true, value });

/** The app state of the `web` mode: files are uploaded and downloaded. */
export const browserState: AppState = { ...appState, host: 'web', fileAccess: 'transfers' };

/**
 * Fake uploads and downloads: an upload answers `upload:<n>` (or `failWith`), every
 * download is recorded.
 */
export function fakeTransfers(options: { failWith?: Result<never> } = {}) {
  const uploads: File[] = [];
  const downloads: { url: string; fileName: string }[] = [];
  const transfers: FileTransfers = {
    upload(file) {
      uploads.push(file);
      if (options.failWith) return Promise.resolve(options.failWith);
      return Promise.resolve({
        ok: true,
        value: { file: `upload:${uploads.length}`, fileName: file.name, size: file.size },
      });
    },
    download(download) {
      downloads.push(download);
    },
  };
  return { transfers, uploads, downloads };
}
