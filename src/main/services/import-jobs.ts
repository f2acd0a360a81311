import { translate } from '@core/i18n';
import type { ImportJob } from '@core/ipc/import-schemas';
import { AppError } from '../ipc/errors';
import type { ImportJobInput, ImportProgress } from '../import/job-protocol';
import { ImportStopped } from '../import/job-protocol';
import { launchImportJob, type LaunchedJob } from '../import/job-launcher';
import { emit, emitLeadsChanged, languageOf, requireSession, type AppContext } from './context';

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

/** A finished job's error as the contract carries it, in the user's language. */
function jobError(ctx: AppContext, error: unknown): ImportJob['error'] {
  const language = languageOf(ctx);
  if (error instanceof AppError) {
    const message = translate(language, error.key, error.params ?? {});
    const params = error.params;
    return {
      code: error.code,
      key: error.key,
      message,
      ...(params === undefined ? {} : { params }),
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  console.error('Leadwerk: import failed', error);
  return {
    code: 'INTERNAL',
    key: 'errors.INTERNAL',
    message: translate(language, 'errors.INTERNAL', { detail }),
  };
}

/**
 * Starts a job for `input` and tracks it: progress events (throttled, and at least every
 * {@link EMIT_MAX_MS} while running), the final snapshot, `imports.changed` for a real
 * import and `leads.changed` once its leads are visible. Closing the file stops the job
 * (the batch stays interrupted) and waits for it.
 */
export function startJob(
  ctx: AppContext,
  input: ImportJobInput,
  file: { fileName: string; size: number },
): ImportJob {
  const session = requireSession(ctx);
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

  const launched = launchImportJob(input, onProgress, ctx.now, ctx.importLog);
  record.launched = launched;
  const stopOnClose = () => launched.stop('close');
  session.closing.addEventListener('abort', stopOnClose, { once: true });
  record.finished = launched.done.then(
    (summary) => {
      Object.assign(record.job, { status: 'done', phase: 'finishing', summary });
      record.job.rowsTotal = record.job.rowsDone;
    },
    (error: unknown) => {
      if (error instanceof ImportStopped) record.job.status = 'cancelled';
      else Object.assign(record.job, { status: 'failed', error: jobError(ctx, error) });
    },
  );
  registry.running = record;
  registry.jobs.set(record.job.jobId, record);
  session.track(record.finished);
  void record.finished.then(() => {
    clearInterval(timer);
    session.closing.removeEventListener('abort', stopOnClose);
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
