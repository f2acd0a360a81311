import { statSync } from 'node:fs';
import type { Transaction } from 'kysely';
import type { ImportFormat } from '@core/formats/types';
import type { SourceChannel } from '@core/domain/channels';
import {
  importOptionsSchema,
  type BATCH_STATUSES,
  type ImportBatch,
  type ImportJob,
} from '@core/ipc/import-schemas';
import type { Database } from '../db/schema';
import { slices } from '../db/slices';
import { discardBatch } from '../import/finish';
import { readOptionsOf } from '../import/job-runner';
import { parsePatch, type LeadPatch } from '../import/lead-values';
import { hashFile, openRecordSource } from '../formats/record-source';
import { AppError } from '../errors';
import { deleteCompaniesWithoutLeads } from '../repositories/companies-repository';
import {
  companyNames,
  deleteLeads,
  findVisibleLeads,
  leadStates,
  updateLeadForImport,
} from '../repositories/import-leads-repository';
import {
  batchChanges,
  claimBatch,
  deleteUnusedBatchCompanies,
  findBatch,
  listBatchRows,
  updateBatch,
  type BatchListRow,
  type BatchRow,
  type ChangeRow,
} from '../repositories/import-repository';
import {
  emit,
  emitLeadsChanged,
  languageOf,
  readDb,
  requireSession,
  writeAsUser,
  type AppContext,
} from './context';
import { cancelBatchJob, exclusiveStart, runningBatchId, startJob } from './import-jobs';
import { importingUser } from './import-service';
import { leadDerivedColumns } from '../domain/lead-company';
import { rescoreLeads } from './scoring-service';

type BatchStatus = (typeof BATCH_STATUSES)[number];
type UndoResult = { removed: number; restored: number; kept: { leadId: string; name: string }[] };

/**
 * A running batch whose heartbeat is older than this, and that no job of this app is
 * writing, was interrupted (crash, killed process, machine switched off).
 */
export const INTERRUPTED_AFTER_MS = 60_000;

const PAGE = 500;

/**
 * The status the history shows. A batch another process still works on (fresh heartbeat)
 * stays `running`, so that nobody resumes or discards it under that process's hands.
 */
function statusOf(ctx: AppContext, row: Pick<BatchRow, 'id' | 'status' | 'heartbeat_at'>) {
  const status = row.status as Exclude<BatchStatus, 'interrupted'>;
  if (status !== 'running' || runningBatchId(ctx) === row.id) return status;
  return row.heartbeat_at < ctx.now() - INTERRUPTED_AFTER_MS ? 'interrupted' : 'running';
}

/**
 * Whether the batch's file still seems to be there: same path and size. Cheap enough for
 * every refresh of the history; resuming checks the content hash itself.
 */
function fileStillThere(row: Pick<BatchRow, 'file_path' | 'file_size'>): boolean {
  try {
    return statSync(row.file_path).size === row.file_size;
  } catch {
    return false;
  }
}

/** Whether the batch's file is still there with the same bytes. */
async function sameFile(row: Pick<BatchRow, 'file_path' | 'content_hash'>): Promise<boolean> {
  try {
    return (await hashFile(row.file_path)) === row.content_hash;
  } catch {
    return false;
  }
}

function optionsOf(row: Pick<BatchRow, 'options'>) {
  try {
    const parsed = importOptionsSchema.safeParse(JSON.parse(row.options));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function toBatch(ctx: AppContext, row: BatchListRow): ImportBatch {
  const status = statusOf(ctx, row);
  return {
    id: row.id,
    fileName: row.file_name,
    format: row.format as ImportFormat,
    contentHash: row.content_hash,
    importedAt: row.started_at,
    finishedAt: row.finished_at,
    userName: row.started_by_name,
    sourceChannel: row.source_channel as SourceChannel,
    campaignName: row.campaign_name ?? optionsOf(row)?.campaignName ?? null,
    ownerName: row.owner_name,
    mappingName: row.mapping_name,
    status,
    rowsTotal: row.rows_total,
    rowsDone: row.rows_done,
    created: row.created_count,
    filled: row.filled_count,
    overwritten: row.overwritten_count,
    skipped: row.skipped_count,
    suppressed: row.suppressed_count,
    invalid: row.invalid_count,
    duplicates: row.duplicate_count,
    possibleDuplicates: row.possible_duplicate_count,
    warnings: row.warning_count,
    warningRows: row.warning_row_count,
    undoneAt: row.undone_at,
    undoneByName: row.undone_by_name,
    canUndo: status === 'done',
    canResume: status === 'interrupted' && fileStillThere(row),
  };
}

/** The import history, newest first; interrupted batches say whether they can resume. */
export async function listImports(ctx: AppContext): Promise<ImportBatch[]> {
  const rows = await listBatchRows(readDb(ctx));
  return rows.map((row) => toBatch(ctx, row));
}

async function requireBatch(ctx: AppContext, batchId: string): Promise<BatchRow> {
  const batch = await findBatch(readDb(ctx), batchId);
  if (batch === undefined) throw new AppError('NOT_FOUND');
  return batch;
}

/** Every change of a batch with one of these actions, in the order they were made. */
async function allChanges(
  trx: Transaction<Database>,
  batchId: string,
  actions: ('create' | 'fill' | 'overwrite')[],
): Promise<ChangeRow[]> {
  const changes: ChangeRow[] = [];
  for (;;) {
    const page = await batchChanges(trx, batchId, actions, changes.at(-1)?.id ?? 0, 5000);
    changes.push(...page);
    if (page.length < 5000) return changes;
  }
}

/** Deletes the leads the batch created unless someone worked on them since. */
async function removeCreated(
  trx: Transaction<Database>,
  batchId: string,
  result: UndoResult,
  left: Set<string>,
): Promise<void> {
  const changes = await allChanges(trx, batchId, ['create']);
  for (const page of slices(changes, PAGE)) {
    const states = new Map(
      (
        await leadStates(
          trx,
          page.map((c) => c.lead_id),
        )
      ).map((s) => [s.id, s]),
    );
    const remove: string[] = [];
    for (const change of page) {
      const state = states.get(change.lead_id);
      if (state === undefined) continue;
      const touched =
        state.version > (change.lead_version ?? state.version) ||
        Boolean(state.has_activities) ||
        Boolean(state.has_user_moves);
      if (touched) {
        result.kept.push({ leadId: state.id, name: `${state.first_name} ${state.last_name}` });
      } else {
        remove.push(state.id);
        if (state.company_id !== null) left.add(state.company_id);
      }
    }
    await deleteLeads(trx, remove);
    result.removed += remove.length;
  }
}

/**
 * Restores what the batch filled or overwrote, per lead from the earliest `before` of each
 * field, unless the lead changed since (a higher version). Returns the restored leads.
 */
async function restoreUpdated(
  trx: Transaction<Database>,
  batchId: string,
  clock: { now: number; userId: string },
  result: UndoResult,
  left: Set<string>,
): Promise<string[]> {
  const byLead = new Map<string, ChangeRow[]>();
  for (const change of await allChanges(trx, batchId, ['fill', 'overwrite'])) {
    if (change.applied !== 1) continue;
    byLead.set(change.lead_id, [...(byLead.get(change.lead_id) ?? []), change]);
  }
  const ids = [...byLead.keys()];
  const restored: string[] = [];
  for (const page of slices(ids, PAGE)) {
    const leads = await findVisibleLeads(trx, page);
    const before = new Map<string, LeadPatch>();
    for (const lead of leads) {
      const changes = byLead.get(lead.id) ?? [];
      const version = Math.max(...changes.map((c) => c.lead_version ?? lead.version));
      if (lead.version > version) {
        result.kept.push({ leadId: lead.id, name: `${lead.first_name} ${lead.last_name}` });
        continue;
      }
      const restore: LeadPatch = {};
      for (const change of [...changes].reverse())
        Object.assign(restore, parsePatch(change.before));
      before.set(lead.id, restore);
    }
    const companies = [...before.values()]
      .map((patch) => patch.company_id)
      .filter((id): id is string => typeof id === 'string');
    const names = await companyNames(trx, companies);
    for (const lead of leads) {
      const restore = before.get(lead.id);
      if (restore === undefined) continue;
      const values = { ...lead, ...restore };
      const companyName =
        restore.company_id === undefined
          ? lead.company_name
          : restore.company_id === null
            ? null
            : (names.get(String(restore.company_id)) ?? null);
      if (restore.company_id !== undefined && lead.company_id !== null) {
        left.add(lead.company_id);
      }
      await updateLeadForImport(trx, lead.id, {
        ...restore,
        ...leadDerivedColumns(values.first_name, values.last_name, companyName, values.email),
        updated_at: clock.now,
        updated_by: clock.userId,
      });
      restored.push(lead.id);
    }
  }
  result.restored = restored.length;
  return restored;
}

/**
 * Undoes a completed import in one transaction: deletes the leads it created and restores
 * the fields it filled or overwrote — except on leads changed since (edited, moved, an
 * activity logged), which are kept and listed — removes companies it created that no lead
 * uses and those its removed or restored leads left without any lead, and marks the batch
 * undone by the current user. Leads deleted meanwhile are gone already. Only a `done` batch
 * can be undone (CONFLICT otherwise, e.g. a second undo).
 */
export async function undoImport(ctx: AppContext, batchId: string): Promise<UndoResult> {
  const result: UndoResult = { removed: 0, restored: 0, kept: [] };
  await writeAsUser(ctx, async (trx, userId) => {
    const batch = await findBatch(trx, batchId);
    if (batch === undefined) throw new AppError('NOT_FOUND');
    if (batch.status !== 'done') throw new AppError('CONFLICT', 'importJob.notUndoable');
    const now = ctx.now();
    /** Companies the removed or restored leads had: gone with them if now unused. */
    const left = new Set<string>();
    await removeCreated(trx, batchId, result, left);
    const restored = await restoreUpdated(trx, batchId, { now, userId }, result, left);
    for (const page of slices(restored, PAGE)) {
      await rescoreLeads(trx, ctx, page);
    }
    await deleteUnusedBatchCompanies(trx, batchId);
    await deleteCompaniesWithoutLeads(trx, [...left]);
    await updateBatch(trx, batchId, { status: 'undone', undone_at: now, undone_by: userId });
  });
  emit(ctx, 'imports.changed', {});
  emitLeadsChanged(ctx, []);
  return result;
}

/**
 * Continues an interrupted import from the record after the last completed chunk, with the
 * options it was started with, as the current user. The file must still be there with the
 * same bytes (FILE_UNREADABLE otherwise); a batch another process works on is refused.
 */
export async function resumeImport(ctx: AppContext, batchId: string): Promise<ImportJob> {
  return exclusiveStart(ctx, async () => {
    const batch = await requireBatch(ctx, batchId);
    if (statusOf(ctx, batch) !== 'interrupted') {
      throw new AppError('CONFLICT', 'importJob.notInterrupted');
    }
    const userId = await importingUser(ctx);
    const options = optionsOf(batch);
    if (options === null || !(await sameFile(batch))) {
      throw new AppError('FILE_UNREADABLE', 'importJob.fileChanged', { file: batch.file_name });
    }
    const source = await openRecordSource(batch.file_path, readOptionsOf(options));
    await source.close();
    const session = requireSession(ctx);
    const claimed = await session.db
      .transaction()
      .execute((trx) => claimBatch(trx, batchId, batch.heartbeat_at, ctx.now()));
    if (!claimed) throw new AppError('IMPORT_RUNNING');
    return startJob(
      ctx,
      {
        dbPath: session.path,
        busyTimeoutMs: ctx.busyTimeoutMs,
        path: batch.file_path,
        options,
        dryRun: false,
        batchId,
        userId,
        language: languageOf(ctx),
        fromRecord: batch.resume_row,
      },
      { fileName: source.fileName, size: source.size },
    );
  });
}

/**
 * Throws away an interrupted import: its hidden leads, the companies it created that no
 * lead uses and its change records; the batch is marked cancelled. One this app is
 * running is cancelled the same way. Nothing of it was ever visible.
 */
export async function discardImport(ctx: AppContext, batchId: string): Promise<UndoResult> {
  const batch = await requireBatch(ctx, batchId);
  if (await cancelBatchJob(ctx, batchId)) {
    emit(ctx, 'imports.changed', {});
    return { removed: 0, restored: 0, kept: [] };
  }
  const status = statusOf(ctx, batch);
  if (status === 'running') throw new AppError('IMPORT_RUNNING');
  if (status !== 'interrupted') throw new AppError('CONFLICT', 'importJob.notInterrupted');
  const removed = await discardBatch(requireSession(ctx).db, batchId, 'cancelled', ctx.now());
  emit(ctx, 'imports.changed', {});
  return { removed, restored: 0, kept: [] };
}
