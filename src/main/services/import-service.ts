import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { applyMapping } from '@core/import/mapping';
import { csvLine, neutralizeFormula, UTF8_BOM } from '@core/import/csv-writer';
import { LOCALES, translate } from '@core/i18n';
import type { ImportJob, ImportOptions } from '@core/ipc/import-schemas';
import { AppError, validationError } from '../ipc/errors';
import type { ImportJobInput, ImportProgress } from '../import/job-protocol';
import { ImportStopped } from '../import/job-protocol';
import { launchImportJob, type LaunchedJob } from '../import/job-launcher';
import { convertRecord, readOptionsOf } from '../import/job-runner';
import { hashFile, openRecordSource } from '../import/record-source';
import { insertBatch } from '../repositories/import-repository';
import { findPreviousImport } from '../repositories/import-lookup-repository';
import { findUser } from '../repositories/users-repository';
import {
  emit,
  emitLeadsChanged,
  languageOf,
  readDb,
  requireSession,
  selectedUserId,
  write,
  type AppContext,
} from './context';

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
    return { code: error.code, key: error.key, message, ...(params === undefined ? {} : { params }) };
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
    Object.assign(record.job, progress);
    if (performance.now() - lastEmit >= EMIT_MIN_MS) emitNow();
  };
  const timer = setInterval(() => {
    if (performance.now() - lastEmit >= EMIT_MAX_MS) emitNow();
  }, EMIT_MIN_MS / 2);
  timer.unref();

  const launched = launchImportJob(input, onProgress, ctx.now);
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
  return snapshot(record);
}

function formatDate(ms: number, ctx: AppContext): string {
  return new Intl.DateTimeFormat(LOCALES[languageOf(ctx)], {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(ms);
}

/** The user a real import is recorded under: the one chosen for this file, or NO_USER. */
export async function importingUser(ctx: AppContext): Promise<string> {
  const session = requireSession(ctx);
  const userId = selectedUserId(ctx, session);
  if (userId === null || (await findUser(session.db, userId)) === undefined) {
    throw new AppError('NO_USER');
  }
  return userId;
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

/**
 * Starts an import (or, with `dryRun`, a check that writes nothing) and returns its job at
 * once, status running. Checked first: no other import runs here (IMPORT_RUNNING), the
 * user (NO_USER, real imports), the owner, that the file can be read (FILE_UNREADABLE) and
 * that the same bytes were not imported before without undo (IMPORT_REPEATED with the
 * file and date, unless `options.confirmRepeat`). A real import gets its batch row here.
 */
export async function startImport(
  ctx: AppContext,
  path: string,
  options: ImportOptions,
  dryRun: boolean,
): Promise<ImportJob> {
  return exclusiveStart(ctx, async () => {
    const db = readDb(ctx);
    const absolute = resolve(path);
    const userId = dryRun ? null : await importingUser(ctx);
    if (options.ownerId !== null && (await findUser(db, options.ownerId)) === undefined) {
      throw validationError([{ path: ['options', 'ownerId'], key: 'validation.invalid' }]);
    }
    const source = await openRecordSource(absolute, readOptionsOf(options));
    await source.close();
    let batchId: string | null = null;
    if (userId !== null) {
      const contentHash = await hashFile(absolute);
      const previous = await findPreviousImport(db, contentHash);
      if (previous !== undefined && !options.confirmRepeat) {
        throw new AppError('IMPORT_REPEATED', 'errors.IMPORT_REPEATED', {
          file: previous.file_name,
          date: formatDate(previous.started_at, ctx),
        });
      }
      const id = ctx.newId();
      const now = ctx.now();
      await write(ctx, (trx) =>
        insertBatch(trx, {
          id,
          file_name: source.fileName,
          file_path: absolute,
          file_size: source.size,
          content_hash: contentHash,
          format: source.format,
          options: JSON.stringify(options),
          mapping_name: options.mappingName,
          source_channel: options.sourceChannel,
          campaign_id: null,
          owner_id: options.ownerId,
          status: 'running',
          started_at: now,
          started_by: userId,
          heartbeat_at: now,
        }),
      );
      batchId = id;
    }
    const session = requireSession(ctx);
    return startJob(
      ctx,
      {
        dbPath: session.path,
        busyTimeoutMs: ctx.busyTimeoutMs,
        path: absolute,
        options,
        dryRun,
        batchId,
        userId,
        language: languageOf(ctx),
        fromRecord: 0,
      },
      { fileName: source.fileName, size: source.size },
    );
  });
}

/** Where a job stands (NOT_FOUND for an unknown or long-forgotten job). */
export async function importStatus(ctx: AppContext, jobId: string): Promise<ImportJob> {
  return snapshot(findRecord(ctx, jobId));
}

/**
 * Stops a running job before its next chunk and waits for it: a real import's batch is
 * discarded (nothing of it stays), status cancelled. A finished job is returned as it is.
 */
export async function cancelImport(ctx: AppContext, jobId: string): Promise<ImportJob> {
  const record = findRecord(ctx, jobId);
  if (record.job.status === 'running') {
    record.launched?.stop('cancel');
    await record.finished;
  }
  return snapshot(record);
}

/**
 * Writes the rows a finished job left out for errors to `path` as CSV for Excel (UTF-8
 * with BOM, `;`): the file's own columns (formulas neutralised) plus a reason column
 * ("Grund"/"Reason") with every error of the row in the user's language. Only invalid rows: suppressed people must
 * not come back, skipped duplicates were the user's choice, empty rows carry nothing.
 * Re-reads the file, so memory stays bounded. Returns the number of rows written.
 */
export async function saveRejected(
  ctx: AppContext,
  jobId: string,
  path: string,
): Promise<{ rows: number; path: string }> {
  const record = findRecord(ctx, jobId);
  if (record.job.status === 'running') throw new AppError('IMPORT_RUNNING');
  const language = languageOf(ctx);
  const { options } = record.input;
  const source = await openRecordSource(record.input.path, readOptionsOf(options));
  const target = resolve(path);
  const out = await open(target, 'w');
  let rows = 0;
  try {
    const { headers } = source;
    const columns = applyMapping(headers, options.mapping);
    const reason = translate(language, 'importJob.reasonColumn');
    await out.write(UTF8_BOM + csvLine([...headers, reason], ';'));
    for await (const records of source.records()) {
      let text = '';
      for (const raw of records) {
        const converted = convertRecord(raw, headers, columns);
        const errors = converted.issues.filter((issue) => issue.severity === 'error');
        if (converted.lead !== null || errors.length === 0) continue;
        const reasons = errors.map((issue) =>
          translate(language, `importIssues.${issue.code}`, {
            value: issue.value,
            column: issue.column ?? '',
          }),
        );
        const cells = headers.map((_, index) => neutralizeFormula(raw.cells[index] ?? ''));
        text += csvLine([...cells, reasons.join('; ')], ';');
        rows += 1;
      }
      await out.write(text);
    }
  } finally {
    await out.close();
    await source.close();
  }
  return { rows, path: target };
}
