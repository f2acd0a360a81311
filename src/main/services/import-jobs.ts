import { translate } from '@core/i18n';
import type { ImportJob } from '@core/ipc/import-schemas';
import type { OpenDatabase } from '../db/connection';
import { fileParams, sqliteAppError } from '../db/sqlite-errors';
import { AppError } from '../errors';
import type { ImportJobInput, ImportProgress } from '../import/job-protocol';
import { ImportStopped } from '../import/job-protocol';
import { launchImportJob, type LaunchedJob } from '../import/job-launcher';
import { emit, emitLeadsChanged, languageOf, requireSession, type AppContext } from './context';
import { noteDatabaseFailure } from './database-health';

/**
 * The import jobs of an app: at most one running, the last finished ones kept for their
 * status and rejected rows; progress events while they run.
 */

/** Progress events come at most this often … */
const EMIT_MIN_MS = 100;
/** … and at least this often while a job runs. */
const EMIT_MAX_MS = 200;
/** Finished jobs kept for `import.status` and `import.saveRejected`. */
const KEEP_FINISHED = 20;

type JobRecord = {
  job: ImportJob;
  input: ImportJobInput;
  launched: LaunchedJob | null;
  /** Settles when the job has ended and its snapshot is final. */
  finished: Promise<void>;
};

/** The jobs of one app: at most one running at a time. */
type Registry = { jobs: Map<string, JobRecord>; running: JobRecord | null; starting: boolean };

const registries = new WeakMap<AppContext, Registry>();

function registryOf(ctx: AppContext): Registry {
  let registry = registries.get(ctx);
  if (registry === undefined) {
    registry = { jobs: new Map(), running: null, starting: false };
    registries.set(ctx, registry);
  }
  return registry;
}

/** The batch an import of this app is writing right now, if any. */
export function runningBatchId(ctx: AppContext): string | null {
  return registryOf(ctx).running?.job.batchId ?? null;
}

function snapshot(record: JobRecord): ImportJob {
  return structuredClone(record.job);
}

function findRecord(ctx: AppContext, jobId: string): JobRecord {
  const record = registryOf(ctx).jobs.get(jobId);
  if (record === undefined) throw new AppError('NOT_FOUND');
  return record;
}

function forget(registry: Registry): void {
  const finished = [...registry.jobs.values()].filter((r) => r.job.status !== 'running');
  for (const record of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
    registry.jobs.delete(record.job.jobId);
  }
}

/**
 * A finished job's error as the contract carries it, in the user's language: SQLite's
 * failures (which keep their code across the worker boundary) mapped like any request's,
 * naming the job's file; a damaged file is switched to read-only. Details go to the log.
 */
async function jobError(
  ctx: AppContext,
  session: OpenDatabase,
  error: unknown,
): Promise<NonNullable<ImportJob['error']>> {
  let known = error instanceof AppError ? error : sqliteAppError(error, session.path);
  if (!(error instanceof AppError) && known?.code !== 'DB_LOCKED') ctx.log('import failed', error);
  // The job's own connection is on the same file: damage it found is the file's.
  await noteDatabaseFailure(ctx, session, error);
  if (known === null) {
    const detail = error instanceof Error ? error.message : String(error);
    known = new AppError('INTERNAL', 'errors.INTERNAL', { detail });
  }
  const language = languageOf(ctx);
  const params = known.params;
  return {
    code: known.code,
    key: known.key,
    message: translate(language, known.key, params ?? {}),
    ...(params === undefined ? {} : { params }),
  };
}

const damagedError = (session: OpenDatabase) =>
  new AppError('DB_CORRUPT', 'errors.DB_CORRUPT', fileParams(session.path));

/**
 * Starts a job for `input` and tracks it: progress events (throttled, and at least every
 * {@link EMIT_MAX_MS} while running), the final snapshot, `imports.changed` for a real
 * import and `leads.changed` once its leads are visible. Closing the file stops the job
 * (the batch stays interrupted) and waits for it; so does finding the file damaged (the job
 * fails with DB_CORRUPT). A damaged file gets no new job (DB_CORRUPT).
 */
export function startJob(
  ctx: AppContext,
  input: ImportJobInput,
  file: { fileName: string; size: number },
): ImportJob {
  const session = requireSession(ctx);
  // Not even a dry run: the job would open the damaged file with a writable connection.
  if (session.damaged) throw damagedError(session);
  const registry = registryOf(ctx);
  const record: JobRecord = {
    job: {
      jobId: ctx.newId(),
      batchId: input.batchId,
      dryRun: input.dryRun,
      fileName: file.fileName,
      status: 'running',
      phase: 'reading',
      rowsDone: input.fromRecord,
      rowsTotal: null,
      bytesDone: 0,
      bytesTotal: file.size,
      summary: null,
      error: null,
    },
    input,
    launched: null,
    finished: Promise.resolve(),
  };
  let lastEmit = 0;
  const emitNow = () => {
    lastEmit = performance.now();
    emit(ctx, 'import.progress', snapshot(record));
  };
  const onProgress = (progress: ImportProgress) => {
    // A new phase ("finishing": the last transaction) is shown at once.
    const phaseChanged = progress.phase !== record.job.phase;
    Object.assign(record.job, progress);
    if (phaseChanged || performance.now() - lastEmit >= EMIT_MIN_MS) emitNow();
  };
  const timer = setInterval(() => {
    if (performance.now() - lastEmit >= EMIT_MAX_MS) emitNow();
  }, EMIT_MIN_MS / 2);
  timer.unref();

  const launched = launchImportJob(input, onProgress, ctx.now, ctx.log, ctx.importLog);
  record.launched = launched;
  // Stopped as by closing: the batch stays as it is, nothing more is written or discarded.
  const stopOnClose = () => launched.stop('close');
  session.closing.addEventListener('abort', stopOnClose, { once: true });
  session.damagedSignal.addEventListener('abort', stopOnClose, { once: true });
  record.finished = launched.done.then(
    (summary) => {
      Object.assign(record.job, { status: 'done', phase: 'finishing', summary });
      record.job.rowsTotal = record.job.rowsDone;
    },
    async (failure: unknown) => {
      const error =
        failure instanceof ImportStopped && session.damaged ? damagedError(session) : failure;
      if (error instanceof ImportStopped) record.job.status = 'cancelled';
      else
        Object.assign(record.job, { status: 'failed', error: await jobError(ctx, session, error) });
    },
  );
  registry.running = record;
  registry.jobs.set(record.job.jobId, record);
  session.track(record.finished);
  void record.finished.then(() => {
    clearInterval(timer);
    session.closing.removeEventListener('abort', stopOnClose);
    session.damagedSignal.removeEventListener('abort', stopOnClose);
    registry.running = null;
    forget(registry);
    emitNow();
    if (input.batchId !== null && ctx.session === session) {
      emit(ctx, 'imports.changed', {});
      if (record.job.status === 'done') emitLeadsChanged(ctx, []);
    }
  });
  emitNow();
  // The history shows the batch as running from now on.
  if (input.batchId !== null) emit(ctx, 'imports.changed', {});
  return snapshot(record);
}

/**
 * Runs `work` that ends by starting a job, refusing it while another import runs in this
 * app (IMPORT_RUNNING); two starts cannot overlap while `work` awaits.
 */
export async function exclusiveStart<T>(ctx: AppContext, work: () => Promise<T>): Promise<T> {
  const registry = registryOf(ctx);
  if (registry.running !== null || registry.starting) throw new AppError('IMPORT_RUNNING');
  registry.starting = true;
  try {
    return await work();
  } finally {
    registry.starting = false;
  }
}

/** Stops the job writing `batchId` in this app, if any, as a cancel; true when there was one. */
export async function cancelBatchJob(ctx: AppContext, batchId: string): Promise<boolean> {
  const record = registryOf(ctx).running;
  if (record === null || record.job.batchId !== batchId) return false;
  record.launched?.stop('cancel');
  await record.finished;
  return true;
}

/** Where a job stands (NOT_FOUND for an unknown or long-forgotten job). */
export function jobSnapshot(ctx: AppContext, jobId: string): ImportJob {
  return snapshot(findRecord(ctx, jobId));
}

/** Stops a running job before its next chunk as a cancel and waits for it to end. */
export async function cancelJob(ctx: AppContext, jobId: string): Promise<ImportJob> {
  const record = findRecord(ctx, jobId);
  if (record.job.status === 'running') {
    record.launched?.stop('cancel');
    await record.finished;
  }
  return snapshot(record);
}

/** What a finished job read (IMPORT_RUNNING while it still runs). */
export function finishedJobInput(ctx: AppContext, jobId: string): ImportJobInput {
  const record = findRecord(ctx, jobId);
  if (record.job.status === 'running') throw new AppError('IMPORT_RUNNING');
  return record.input;
}
