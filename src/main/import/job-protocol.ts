import BetterSqlite3 from 'better-sqlite3';
import { assertNever } from '@core/domain/stages';
import type { TranslationKey } from '@core/i18n';
import type { Language } from '@core/ipc/contract';
import type { ImportOptions, ImportSummary, IMPORT_PHASES } from '@core/ipc/import-schemas';
import type { ErrorCode } from '@core/ipc/result';
import { sqliteCode } from '../db/sqlite-errors';
import { AppError } from '../errors';
import { describeForLog } from '../log';

/**
 * What crosses between the import service and the job, in-process or to a worker thread:
 * plain data only (structured clone), no functions.
 */

export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** Where a job stands. `rowsTotal` is estimated from the bytes read until the end. */
export type ImportProgress = {
  phase: ImportPhase;
  rowsDone: number;
  rowsTotal: number | null;
  bytesDone: number;
  bytesTotal: number;
};

/** Everything a job needs besides a clock, ids, a stop signal and a progress callback. */
export type ImportJobInput = {
  dbPath: string;
  busyTimeoutMs: number;
  path: string;
  options: ImportOptions;
  dryRun: boolean;
  /** The batch a real import writes (created by the service); null for a dry run. */
  batchId: string | null;
  /** Who imports (recorded on leads, activities, changes); null only for a dry run. */
  userId: string | null;
  /** Language of texts the job stores (scoring's promotion reason). */
  language: Language;
  /** Data records already handled (resume): skipped. */
  fromRecord: number;
};

/**
 * Why a job stops early: the user cancelled (its batch is discarded) or the file is being
 * closed (the batch stays, interrupted, for a later resume).
 */
export type StopReason = 'cancel' | 'close';

/** Thrown by a job that was stopped between two chunks. */
export class ImportStopped extends Error {
  constructor(readonly reason: StopReason) {
    super(`import stopped: ${reason}`);
    this.name = 'ImportStopped';
  }
}

/**
 * A job's failure as data. SQLite's own failures keep their result code (`SQLITE_BUSY`,
 * `SQLITE_FULL`, ...), so the service maps them exactly like its own (a lock in the worker
 * is DB_LOCKED, not an unexpected error); `detail` is the stack or text for the log.
 */
export type JobFailure =
  | {
      kind: 'app';
      code: ErrorCode;
      key: TranslationKey;
      params: Record<string, string | number> | null;
    }
  | { kind: 'stopped'; reason: StopReason }
  | { kind: 'sqlite'; code: string; message: string; detail: string }
  | { kind: 'internal'; message: string; detail: string };

export function toFailure(error: unknown): JobFailure {
  if (error instanceof AppError) {
    return { kind: 'app', code: error.code, key: error.key, params: error.params ?? null };
  }
  if (error instanceof ImportStopped) return { kind: 'stopped', reason: error.reason };
  const message = error instanceof Error ? error.message : String(error);
  const detail = describeForLog(error);
  const code = sqliteCode(error);
  if (code !== null) return { kind: 'sqlite', code, message, detail };
  return { kind: 'internal', message, detail };
}

/** The error a failure stood for, rebuilt on this side of the thread boundary. */
export function fromFailure(failure: JobFailure): Error {
  switch (failure.kind) {
    case 'app':
      return new AppError(failure.code, failure.key, failure.params ?? undefined);
    case 'stopped':
      return new ImportStopped(failure.reason);
    case 'sqlite':
      return withStack(
        new BetterSqlite3.SqliteError(failure.message, failure.code),
        failure.detail,
      );
    case 'internal':
      return withStack(new Error(failure.message), failure.detail);
    default:
      return assertNever(failure);
  }
}

/** Keeps the worker's stack, where the failure happened, for the log. */
function withStack<E extends Error>(error: E, detail: string): E {
  if (detail !== '') error.stack = detail;
  return error;
}

/** Messages of the worker thread to the service. */
export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'log'; message: string; detail: string }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'failed'; failure: JobFailure };

/** Messages of the service to the worker thread. */
export type ServiceMessage = { type: 'stop'; reason: StopReason };
