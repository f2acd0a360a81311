import type { Kysely, Logger as QueryLogger } from 'kysely';
import { convertRow } from '@core/import/convert';
import { detachString } from '@core/formats/detach';
import { applyMapping } from '@core/import/mapping';
import type { RawRecord } from '@core/formats/types';
import type { ConvertedRow, ImportField, ImportIssueCode, RowIssue } from '@core/import/types';
import type { Language } from '@core/ipc/contract';
import type { ImportOptions, ImportSummary, ReadOptions } from '@core/ipc/import-schemas';
import { createScorer } from '@core/scoring';
import { openDatabase } from '../db/connection';
import { isCorruptError } from '../db/sqlite-errors';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import { dataVersion } from '../db/data-version';
import type { Logger } from '../log';
import { findBatch, updateBatch } from '../repositories/import-repository';
import { listUsers } from '../repositories/users-repository';
import { loadScoringSettings } from '../domain/scoring-settings';
import { writeChunk, type WriteSetup } from './chunk-writer';
import { FileIndex, type RowKeys } from './dedupe';
import { FileIndexStore } from './file-index-store';
import { discardBatch, finishBatch } from './finish';
import {
  type ImportJobInput,
  type ImportPhase,
  type ImportProgress,
  ImportStopped,
  type StopReason,
} from './job-protocol';
import { lookUpChunk } from './lookups';
import { type ChunkPlan, keysOf, planChunk, type PlanSetup } from './plan';
import { openRecordSource, type RecordSource } from '../formats/record-source';
import { SummaryBuilder } from './summary';

/** Records per chunk; each chunk of a real import is one write transaction. */
export const IMPORT_CHUNK = 500;

/** A job that writes nothing for this long (refused rows being counted) still says it lives. */
const HEARTBEAT_MS = 10_000;

export type ImportJobParams = ImportJobInput & {
  now: () => number;
  newId: () => string;
  /** Aborted with a {@link StopReason}: the job stops before its next chunk. */
  signal: AbortSignal;
  onProgress: (progress: ImportProgress) => void;
  /** Where technical details go (a cleanup that failed after the failure reported). */
  log: Logger;
  /** Query log of the job's connection (tests and benchmarks observe its transactions). */
  queryLog?: QueryLogger;
};

/** How to read the file, from the import options. */
export function readOptionsOf(options: ImportOptions): ReadOptions {
  const read: ReadOptions = { hasHeader: options.hasHeader };
  if (options.format !== undefined) read.format = options.format;
  if (options.encoding !== undefined) read.encoding = options.encoding;
  if (options.delimiter !== undefined) read.delimiter = options.delimiter;
  if (options.sheet !== undefined) read.sheet = options.sheet;
  return read;
}

/** Index of the longest cell, or -1 when all are empty. */
function longestCell(cells: readonly string[]): number {
  let best = -1;
  cells.forEach((cell, index) => {
    if (cell.length > (cells[best] ?? '').length) best = index;
  });
  return best;
}

/**
 * A record the reader had trouble with is an error of its row, whatever its cells say.
 * `language`: of the note lines that keep invalid values (the importing user's).
 */
export function convertRecord(
  record: RawRecord,
  headers: readonly string[],
  columns: readonly (ImportField | null)[],
  language: Language = 'de',
): ConvertedRow {
  const converted = convertRow(record, headers, columns, { defaultRegion: 'DE', language });
  if (record.issue === undefined) return converted;
  const code: ImportIssueCode = record.issue === 'unclosed_quote' ? 'unclosed_quote' : 'too_long';
  if (converted.issues.some((issue) => issue.code === code && issue.severity === 'error')) {
    return converted;
  }
  // The reader cut the record at a length limit: its longest cell is the one that was cut.
  const cut = code === 'too_long' ? longestCell(record.cells) : -1;
  const issue: RowIssue = {
    row: record.row,
    field: null,
    column: cut === -1 ? null : (headers[cut] ?? null),
    code,
    value: cut === -1 ? '' : detachString((record.cells[cut] ?? '').slice(0, 100)),
    severity: 'error',
  };
  return { row: record.row, lead: null, issues: [...converted.issues, issue] };
}

function stopIfAborted(signal: AbortSignal): void {
  if (signal.aborted) {
    const reason: StopReason = signal.reason === 'close' ? 'close' : 'cancel';
    throw new ImportStopped(reason);
  }
}

/**
 * Looks a chunk up on `db` and plans it against `file` (the earlier rows it may match),
 * counting into a summary of its own: an attempt whose reads turn out stale is dropped
 * without a trace, and only the one that is written is absorbed into the run's summary.
 */
async function planAttempt(
  db: Kysely<Database>,
  suppressionKey: Buffer,
  setup: PlanSetup,
  rows: readonly ConvertedRow[],
  keys: readonly (RowKeys | null)[],
  file: FileIndex,
  pendingOf: string | null,
): Promise<{ plan: ChunkPlan; tally: SummaryBuilder }> {
  const { database, suppressed } = await lookUpChunk(db, suppressionKey, rows, keys, pendingOf);
  const tally = new SummaryBuilder();
  const plan = planChunk(setup, { file, summary: tally }, rows, keys, database, (i) =>
    suppressed.has(i),
  );
  return { plan, tally };
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function startCounts(db: Kysely<Database>, params: ImportJobInput) {
  if (params.batchId === null || params.fromRecord === 0) return null;
  const batch = await findBatch(db, params.batchId);
  if (batch === undefined) return null;
  return {
    rows: batch.rows_done,
    created: batch.created_count,
    filled: batch.filled_count,
    overwritten: batch.overwritten_count,
    skipped: batch.skipped_count,
    suppressed: batch.suppressed_count,
    invalid: batch.invalid_count,
    duplicates: batch.duplicate_count,
    possibleDuplicates: batch.possible_duplicate_count,
    warnings: batch.warning_count,
    warningRows: batch.warning_row_count,
  };
}

/**
 * `earlier`: the rows of the file that a run writing nothing (a dry run, a refused import)
 * will create, for the later chunks' in-file duplicates; real runs find them in the database.
 */
async function run(
  db: Kysely<Database>,
  source: RecordSource,
  params: ImportJobParams,
  suppressionKey: Buffer,
  earlier: FileIndexStore,
): Promise<ImportSummary> {
  const { options, signal } = params;
  const userId = params.userId ?? '';
  /** The batch this run writes; null: a dry run, nothing is written. */
  const batchId = params.dryRun || params.userId === null ? null : params.batchId;
  const { headers } = source;
  const columns = applyMapping(headers, options.mapping);
  const ownerIndex = columns.indexOf('owner');
  const users = await listUsers(db);
  const summary = new SummaryBuilder(await startCounts(db, params));
  const setup: PlanSetup = {
    options,
    usersByName: new Map(users.map((user) => [user.name.toLowerCase(), user])),
    usersById: new Map(users.map((user) => [user.id, user])),
    ownerColumn: ownerIndex === -1 ? null : (headers[ownerIndex] ?? null),
    overrides: new Map(options.duplicateOverrides.map((o) => [o.row, o.action])),
  };
  const settings = await loadScoringSettings(db);
  const writeSetup: WriteSetup = {
    batchId: batchId ?? '',
    userId,
    fileName: source.fileName,
    language: params.language,
    options,
    settings,
    scorer: createScorer(settings),
    now: params.now,
    newId: params.newId,
    campaigns: new Map(),
    companies: new Map(),
    suppressionKey,
  };
  const campaignId = () =>
    options.campaignName === null
      ? null
      : (writeSetup.campaigns.get(options.campaignName.trim().toLowerCase()) ?? null);

  let done = params.fromRecord;
  let refused = false;
  let beat = params.now();
  const report = (phase: ImportPhase, finished = false) => {
    const bytesDone = source.bytesRead();
    const estimate = bytesDone > 0 ? Math.round((done * source.size) / bytesDone) : null;
    params.onProgress({
      phase,
      rowsDone: done,
      rowsTotal: finished ? done : estimate === null ? null : Math.max(done, estimate),
      bytesDone: finished ? source.size : bytesDone,
      bytesTotal: source.size,
    });
  };
  report('reading');

  for await (const records of source.records({
    fromRecord: params.fromRecord,
    batchSize: IMPORT_CHUNK,
  })) {
    stopIfAborted(signal);
    const rows = records.map((record) => convertRecord(record, headers, columns, params.language));
    const keys = keysOf(rows);
    if (batchId === null || refused) {
      const file = earlier.indexFor(keys);
      const { plan, tally } = await planAttempt(db, suppressionKey, setup, rows, keys, file, null);
      earlier.keep(file);
      summary.absorb(tally);
      if (plan.invalidRows > 0 && !options.skipInvalid) refused = true;
      if (batchId !== null && params.now() - beat > HEARTBEAT_MS) {
        beat = params.now();
        await db.transaction().execute((trx) => updateBatch(trx, batchId, { heartbeat_at: beat }));
      }
    } else {
      // Look-ups and planning happen before the write lock is taken, so that colleagues'
      // edits wait only for the writes. If another connection committed meanwhile (the
      // data version moved), what was read may be stale — a lead with a row's email may have
      // appeared: the chunk is looked up and planned again inside the transaction. Rows
      // written by earlier chunks are found in the database, so each attempt starts with an
      // empty file index.
      const attemptOn = (handle: Kysely<Database>) =>
        planAttempt(handle, suppressionKey, setup, rows, keys, new FileIndex(), batchId);
      const before = await dataVersion(db);
      let attempt = await attemptOn(db);
      if (attempt.plan.invalidRows > 0 && !options.skipInvalid) {
        summary.absorb(attempt.tally);
        refused = true;
      } else {
        const consumed = done + records.length;
        await db.transaction().execute(async (trx) => {
          if ((await dataVersion(trx)) !== before) {
            attempt = await attemptOn(trx);
          }
          summary.absorb(attempt.tally);
          await writeChunk(trx, writeSetup, attempt.plan);
          beat = params.now();
          await updateBatch(trx, batchId, {
            ...summary.counts(),
            resume_row: consumed,
            heartbeat_at: beat,
            campaign_id: campaignId(),
          });
        });
      }
    }
    done += records.length;
    report('reading');
    await yieldToEventLoop();
  }
  stopIfAborted(signal);
  if (refused) {
    throw new AppError('IMPORT_REFUSED', 'errors.IMPORT_REFUSED', {
      count: summary.summary.invalid,
    });
  }
  if (batchId !== null) {
    report('finishing');
    const now = params.now();
    await db
      .transaction()
      .execute((trx) =>
        finishBatch(
          trx,
          batchId,
          { ...writeSetup, now, userId },
          { ...summary.counts(), rows_total: done, resume_row: done, campaign_id: campaignId() },
        ),
      );
  }
  report('finishing', true);
  return summary.summary;
}

/**
 * Runs one import or dry run on a connection of its own, so that the app's connection
 * keeps serving the UI: reads the file in chunks, converts, checks suppression and
 * duplicates, and (unless a dry run) writes each chunk in one `BEGIN IMMEDIATE`
 * transaction and completes the batch in a final one. Stops between chunks when `signal`
 * is aborted: a cancelled batch is discarded, one stopped because the file closes stays
 * interrupted (resumable). Any other failure discards the batch and marks it failed —
 * except on a damaged file, which gets no further writes. Rows with errors are left out,
 * or with `skipInvalid` false the whole import is refused (IMPORT_REFUSED with their
 * count) and nothing stays.
 */
export async function runImportJob(params: ImportJobParams): Promise<ImportSummary> {
  const session = await openDatabase(params.dbPath, 'open', {
    busyTimeoutMs: params.busyTimeoutMs,
    now: params.now,
    log: params.log,
    ...(params.queryLog === undefined ? {} : { queryLog: params.queryLog }),
  });
  let source: RecordSource | null = null;
  const earlier = new FileIndexStore();
  try {
    source = await openRecordSource(params.path, readOptionsOf(params.options));
    return await run(session.db, source, params, session.suppressionKey, earlier);
  } catch (error) {
    // A damaged file gets no cleanup writes: it stays as SQLite found it.
    const keep =
      (error instanceof ImportStopped && error.reason === 'close') || isCorruptError(error);
    if (params.batchId !== null && !params.dryRun && !keep) {
      const status = error instanceof ImportStopped ? 'cancelled' : 'failed';
      await discardBatch(session.db, params.batchId, status, params.now()).catch(
        (cleanup: unknown) => params.log('discarding an import failed', cleanup),
      );
    }
    throw error;
  } finally {
    earlier.close();
    await source?.close();
    await session.close();
  }
}
