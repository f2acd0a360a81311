import type { Kysely, Transaction, Updateable } from 'kysely';
import type { Language } from '@core/ipc/contract';
import type { ScoringSettings } from '@core/scoring';
import type { Database, LeadsTable } from '../db/schema';
import { slices } from '../db/slices';
import {
  clearPending,
  companyNames,
  deletePendingLeads,
  findVisibleLeads,
  insertActivities,
  updateLeadForImport,
} from '../repositories/import-leads-repository';
import {
  batchChanges,
  deleteChanges,
  deleteBatchChanges,
  deleteUnusedBatchCompanies,
  stampLeadVersions,
  updateBatch,
  updateChange,
} from '../repositories/import-repository';
import { leadDerivedColumns } from '../domain/lead-company';
import { rescoreLeadsAt } from '../domain/lead-scoring';
import { suppressContact } from '../domain/suppression';
import { beforeOf, mergePatch, parsePatch, type UpdateMode } from './lead-values';

/** Changes read per step of the final transaction. */
const PAGE = 500;
/** Pending leads deleted per transaction when a batch is discarded. */
const DISCARD_STEP = 2000;

export type FinishClock = {
  now: number;
  newId: () => string;
  language: Language;
  userId: string;
  fileName: string;
  settings: ScoringSettings;
  suppressionKey: Buffer;
};

/**
 * Applies the batch's recorded fills and overwrites to the leads as they are now (a fill
 * only where the field is still empty; a lead deleted or flagged "do not contact" in the
 * meantime is left alone), with an `imported` activity per updated lead and the real
 * `before` values for undo. Returns the ids of the updated leads.
 */
async function applyChanges(
  trx: Transaction<Database>,
  batchId: string,
  clock: FinishClock,
): Promise<string[]> {
  const updated = new Set<string>();
  let afterId = 0;
  for (;;) {
    const changes = await batchChanges(trx, batchId, ['fill', 'overwrite'], afterId, PAGE);
    const last = changes.at(-1);
    if (last === undefined) break;
    afterId = last.id;
    const leads = new Map(
      (await findVisibleLeads(trx, [...new Set(changes.map((c) => c.lead_id))])).map((lead) => [
        lead.id,
        lead,
      ]),
    );
    const companyIds = changes
      .map((change) => parsePatch(change.after).company_id)
      .filter((id): id is string => typeof id === 'string');
    const names = await companyNames(trx, companyIds);
    const dropped: number[] = [];
    for (const change of changes) {
      const lead = leads.get(change.lead_id);
      const patch =
        lead === undefined || lead.do_not_contact === 1
          ? {}
          : mergePatch(lead, parsePatch(change.after), change.action as UpdateMode);
      if (lead === undefined || Object.keys(patch).length === 0) {
        dropped.push(change.id);
        continue;
      }
      const before = beforeOf(lead, patch);
      Object.assign(lead, patch);
      if (typeof patch.company_id === 'string') {
        lead.company_name = names.get(patch.company_id) ?? lead.company_name;
      }
      await updateLeadForImport(trx, lead.id, {
        ...(patch as Updateable<LeadsTable>),
        ...leadDerivedColumns(lead.first_name, lead.last_name, lead.company_name, lead.email),
        updated_at: clock.now,
        updated_by: clock.userId,
      });
      if (patch.do_not_contact === 1) {
        await suppressContact(trx, clock.suppressionKey, lead, clock.now, clock.userId);
      }
      await updateChange(trx, change.id, {
        before: JSON.stringify(before),
        after: JSON.stringify(patch),
        applied: 1,
      });
      updated.add(lead.id);
    }
    await deleteChanges(trx, dropped);
  }
  const ids = [...updated];
  await insertActivities(
    trx,
    ids.map((id) => ({
      id: clock.newId(),
      lead_id: id,
      kind: 'imported',
      occurred_at: clock.now,
      text: clock.fileName,
      created_at: clock.now,
      created_by: clock.userId,
    })),
  );
  return ids;
}

/**
 * The batch's last transaction: applies its updates, makes its new leads visible, rescores
 * the updated leads, records their versions for undo and marks the batch done with its
 * final counts. Returns the updated leads.
 */
export async function finishBatch(
  trx: Transaction<Database>,
  batchId: string,
  clock: FinishClock,
  counts: Updateable<Database['import_batches']>,
): Promise<string[]> {
  const updated = await applyChanges(trx, batchId, clock);
  await clearPending(trx, batchId);
  for (const page of slices(updated, PAGE)) {
    await rescoreLeadsAt(trx, clock, page, clock.settings);
  }
  await stampLeadVersions(trx, batchId, 'updates');
  await updateBatch(trx, batchId, {
    ...counts,
    status: 'done',
    finished_at: clock.now,
    heartbeat_at: clock.now,
  });
  return updated;
}

/**
 * Removes what an incomplete batch wrote — its hidden leads (with their history), the
 * companies it created that no lead uses, its change records — and marks it
 * `cancelled` or `failed`. Deletes in several short transactions so that other users are
 * not blocked; a discard that is itself interrupted can simply be run again. Returns how
 * many leads were removed.
 */
export async function discardBatch(
  db: Kysely<Database>,
  batchId: string,
  status: 'cancelled' | 'failed',
  now: number,
): Promise<number> {
  let removed = 0;
  for (;;) {
    const count = await db
      .transaction()
      .execute((trx) => deletePendingLeads(trx, batchId, DISCARD_STEP));
    removed += count;
    if (count < DISCARD_STEP) break;
  }
  await db.transaction().execute(async (trx) => {
    await deleteBatchChanges(trx, batchId);
    await deleteUnusedBatchCompanies(trx, batchId);
    await updateBatch(trx, batchId, { status, finished_at: now, heartbeat_at: now });
  });
  return removed;
}
