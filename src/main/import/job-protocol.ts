import { assertNever } from '@core/domain/stages';
import type { Language } from '@core/ipc/contract';
import type { ImportOptions, ImportSummary, IMPORT_PHASES } from '@core/ipc/import-schemas';
import type { ErrorCode } from '@core/ipc/result';
import { AppError } from '../ipc/errors';

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

/** A job's failure as data. */
export type JobFailure =
  | { kind: 'app'; code: ErrorCode; key: string; params: Record<string, string | number> | null }
  | { kind: 'stopped'; reason: StopReason }
  | { kind: 'internal'; message: string };

export function toFailure(error: unknown): JobFailure {
  if (error instanceof AppError) {
    return { kind: 'app', code: error.code, key: error.key, params: error.params ?? null };
  }
  if (error instanceof ImportStopped) return { kind: 'stopped', reason: error.reason };
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export function fromFailure(failure: JobFailure): Error {
  switch (failure.kind) {
    case 'app':
      return new AppError(failure.code, failure.key, failure.params ?? undefined);
    case 'stopped':
      return new ImportStopped(failure.reason);
    case 'internal':
      return new Error(failure.message);
    default:
      return assertNever(failure);
  }
}

/** Messages of the worker thread to the service. */
export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'failed'; failure: JobFailure };

/** Messages of the service to the worker thread. */
export type ServiceMessage = { type: 'stop'; reason: StopReason };
