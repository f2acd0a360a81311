import type { Logger } from 'kysely';
import type { EventName } from '@core/ipc/channels';
import type { Language } from '@core/ipc/contract';
import type { FilePickPurpose } from '@core/ipc/import-schemas';
import type { Result } from '@core/ipc/result';

export type HostKind = 'electron' | 'web' | 'cli' | 'test';

/**
 * What the process hosting `dispatch` provides. `dispatch` itself never imports Electron:
 * the Electron glue, the web bridge, the CLI and the tests each pass their own host.
 */
export type Host = {
  kind: HostKind;
  /** Native file dialog; absent where there is none (web, CLI, tests). */
  pickFile?: (purpose: 'create' | 'open') => Promise<string | null>;
  /**
   * Native dialog for import and export files: an open dialog for `import`, a save dialog
   * (suggesting `defaultName`) for the others. Absent where there is none; the UI then asks
   * for a path.
   */
  pickPath?: (purpose: FilePickPurpose, defaultName?: string) => Promise<string | null>;
  /** Pushes an event to every window or socket. */
  emit: (event: EventName, payload: unknown) => void;
};

export type AppOptions = {
  host: Host;
  /** Per-machine folder: recent files, chosen user per database, language. Not shared. */
  configDir: string;
  /** Clock; defaults to `Date.now`. Tests pass a fixed one. */
  now?: () => number;
  /** SQLite busy timeout; tests lower it to see "locked" quickly. */
  busyTimeoutMs?: number;
  /** Language for `message` texts of errors when the config has none. */
  language?: Language;
  /**
   * Query log of the connections of import jobs run in this thread (tests and benchmarks
   * measure their transactions); a job on a worker thread cannot take a function.
   */
  importLog?: Logger;
};

/** The running application: one dispatch for every channel of the contract. */
export type LeadwerkApp = {
  /** Validates `input` against the channel's schema, runs the handler, never throws. */
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Closes the open database. */
  close(): Promise<void>;
};
