import type { Logger as QueryLogger } from 'kysely';
import type { Channel } from '@core/ipc/channels';
import type { ChannelInput, ChannelOutput, EventArgs, Language } from '@core/ipc/contract';
import type { FilePickPurpose } from '@core/ipc/import-schemas';
import type { Result } from '@core/ipc/result';
import type { OpenDatabase } from './db/connection';
import type { TransferStore } from './files/transfers';
import type { Logger } from './log';

export type HostKind = 'electron' | 'web' | 'cli' | 'test';

/**
 * How requests name files. `paths`: paths on this machine (Electron's dialogs, the CLI,
 * tests). `transfers` (web): the page can name no server path — files to read are uploads
 * of this run, files written become downloads of this run.
 */
export type FileAccess = { kind: 'paths' } | { kind: 'transfers'; store: TransferStore };

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
   * (suggesting `defaultName`) for the others. Absent where there is none (the browser
   * uploads and downloads instead, see `files`).
   */
  pickPath?: (purpose: FilePickPurpose, defaultName?: string) => Promise<string | null>;
  /** Pushes an event with the payload its contract names to every window or socket. */
  emit: (...event: EventArgs) => void;
  /** The file policy; absent: `paths`. */
  files?: FileAccess;
  /**
   * Where technical details of failures go; stderr unless given. A host whose stderr the
   * user reads (the command line) passes a log file.
   */
  log?: Logger;
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
  importLog?: QueryLogger;
};

/** The running application: one dispatch for every channel of the contract. */
export type LeadwerkApp = {
  /**
   * Validates `input` against the channel's schema, runs the handler, never throws. For
   * bridges that pass on what a renderer sent; code of main calls {@link LeadwerkApp.call}.
   */
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
  /** `dispatch` with the channel's types: for callers inside main (CLI, menu, tests). */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Closes the open database. */
  close(): Promise<void>;
  /** The open database file, if any: for tests and diagnostics, not for queries. */
  session(): OpenDatabase | null;
};
