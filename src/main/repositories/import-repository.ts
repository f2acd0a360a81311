import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type {
  CampaignsTable,
  CompaniesTable,
  Database,
  ImportBatchesTable,
  ImportChangesTable,
} from '../db/schema';
import type { WritableDb } from '../db/handles';
import { slices } from '../db/slices';
import { isUnusedCompany } from './companies-repository';

/**
 * Import batches, their recorded changes and the companies they created; saved-lookups for
 * campaigns and companies by name. Lead reads and writes of the import are in
 * import-leads-repository.ts.
 */

export type BatchRow = Selectable<ImportBatchesTable>;
export type ChangeRow = Selectable<ImportChangesTable>;

export async function insertBatch(
  db: WritableDb,
  row: Insertable<ImportBatchesTable>,
): Promise<void> {
  await db.insertInto('import_batches').values(row).execute();
}

export function findBatch(db: Kysely<Database>, id: string): Promise<BatchRow | undefined> {
  return db.selectFrom('import_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateBatch(
  db: WritableDb,
  id: string,
  patch: Updateable<ImportBatchesTable>,
): Promise<void> {
  await db.updateTable('import_batches').set(patch).where('id', '=', id).execute();
}

/** Every batch, newest first, with the names of who ran, owns and undid it. */
export function listBatchRows(db: Kysely<Database>) {
  return db
    .selectFrom('import_batches as b')
    .leftJoin('users as starter', 'starter.id', 'b.started_by')
    .leftJoin('users as owner', 'owner.id', 'b.owner_id')
    .leftJoin('users as undoer', 'undoer.id', 'b.undone_by')
    .leftJoin('campaigns as c', 'c.id', 'b.campaign_id')
    .selectAll('b')
    .select([
      'starter.name as started_by_name',
      'owner.name as owner_name',
      'undoer.name as undone_by_name',
      'c.name as campaign_name',
    ])
    .orderBy('b.started_at', 'desc')
    .orderBy('b.id')
    .execute();
}

export type BatchListRow = Awaited<ReturnType<typeof listBatchRows>>[number];

export async function insertChanges(
  db: WritableDb,
  rows: readonly Insertable<ImportChangesTable>[],
): Promise<void> {
  for (const part of slices(rows)) await db.insertInto('import_changes').values(part).execute();
}

/** The next changes of a batch after id `afterId`, of the given actions, by id. */
export function batchChanges(
  db: Kysely<Database>,
  batchId: string,
  actions: readonly ('create' | 'fill' | 'overwrite')[],
  afterId: number,
  limit: number,
): Promise<ChangeRow[]> {
  return db
    .selectFrom('import_changes')
    .selectAll()
    .where('batch_id', '=', batchId)
    .where('action', 'in', actions)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function updateChange(
  db: WritableDb,
  id: number,
  patch: Updateable<ImportChangesTable>,
): Promise<void> {
  await db.updateTable('import_changes').set(patch).where('id', '=', id).execute();
}

export async function deleteChanges(db: WritableDb, ids: readonly number[]): Promise<void> {
  for (const part of slices(ids)) {
    await db.deleteFrom('import_changes').where('id', 'in', part).execute();
  }
}

/** Drops every change of an incomplete batch that is being discarded. */
export async function deleteBatchChanges(db: WritableDb, batchId: string) {
  await db.deleteFrom('import_changes').where('batch_id', '=', batchId).execute();
}

/**
 * Records the version the leads have now, after the batch wrote and rescored them, on the
 * batch's changes of these leads (or on all its updates): undo treats a higher version as
 * "changed since".
 */
export async function stampLeadVersions(
  db: WritableDb,
  batchId: string,
  scope: { leadIds: readonly string[] } | 'updates',
): Promise<void> {
  const version = sql<number>`(SELECT leads.version FROM leads WHERE leads.id = import_changes.lead_id)`;
  let query = db
    .updateTable('import_changes')
    .set({ lead_version: version })
    .where('batch_id', '=', batchId);
  if (scope === 'updates') {
    query = query.where('action', 'in', ['fill', 'overwrite']);
  } else {
    if (scope.leadIds.length === 0) return;
    query = query.where('lead_id', 'in', scope.leadIds);
  }
  await query.execute();
}

/** Companies with these folded names (the oldest per name wins, as in the lead form). */
export function findCompaniesByFoldedNames(db: Kysely<Database>, folded: readonly string[]) {
  if (folded.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('companies')
    .select(['id', 'name', 'name_folded', 'industry', 'employees'])
    .where('name_folded', 'in', folded)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertCompanies(
  db: WritableDb,
  rows: readonly Insertable<CompaniesTable>[],
): Promise<void> {
  for (const part of slices(rows, 200)) await db.insertInto('companies').values(part).execute();
}

/** Notes companies a batch created, so that undo and discard can remove unused ones. */
export async function recordBatchCompanies(
  db: WritableDb,
  batchId: string,
  companyIds: readonly string[],
): Promise<void> {
  const rows = companyIds.map((company_id) => ({ batch_id: batchId, company_id }));
  for (const part of slices(rows)) {
    await db
      .insertInto('import_companies')
      .values(part)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Deletes the companies the batch created that no lead uses (any more); returns how many. */
export async function deleteUnusedBatchCompanies(db: WritableDb, batchId: string): Promise<number> {
  const result = await db
    .deleteFrom('companies')
    .where('id', 'in', (eb) =>
      eb.selectFrom('import_companies').select('company_id').where('batch_id', '=', batchId),
    )
    .where(isUnusedCompany)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The campaign of this name, ignoring case. */
export function findCampaignByName(db: Kysely<Database>, name: string) {
  return db
    .selectFrom('campaigns')
    .select(['id', 'name'])
    .where(sql<boolean>`name = ${name} COLLATE NOCASE`)
    .executeTakeFirst();
}

export async function insertCampaign(
  db: WritableDb,
  row: Insertable<CampaignsTable>,
): Promise<void> {
  await db.insertInto('campaigns').values(row).execute();
}

/**
 * Takes over an interrupted batch: refreshes its heartbeat only if it is still running
 * with the heartbeat the caller saw, so two machines cannot resume it at once. Returns
 * whether this caller got it.
 */
export async function claimBatch(
  db: WritableDb,
  id: string,
  seenHeartbeat: number,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('import_batches')
    .set({ heartbeat_at: now })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('heartbeat_at', '=', seenHeartbeat)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Whether the suppression list has any entry (most files have none: no hashing needed). */
export async function anySuppressed(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('suppression_list').select('hash').limit(1).executeTakeFirst();
  return row !== undefined;
}
