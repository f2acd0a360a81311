import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type {
  Database,
  LeadActivitiesTable,
  LeadsTable,
  LeadStageChangesTable,
} from '../db/schema';
import type { WritableDb } from '../db/handles';
import { slices } from '../db/slices';

/**
 * The lead reads and writes of imports. Unlike every other read of leads, some of these
 * see the leads of a batch still running (`import_pending`): its own earlier rows.
 */

/** What duplicate checks and fills need of a lead. */
const candidateColumns = [
  'leads.id',
  'leads.version',
  'leads.do_not_contact',
  'leads.import_pending',
  'leads.salutation',
  'leads.first_name',
  'leads.last_name',
  'leads.email',
  'leads.phone',
  'leads.mobile',
  'leads.job_title',
  'leads.buying_role',
  'leads.company_id',
  'leads.source_channel',
  'leads.campaign_id',
  'leads.owner_id',
  'leads.expected_value_cents',
  'leads.expected_close_date',
  'leads.deal_value_cents',
  'leads.notes',
  'leads.person_key',
  'leads.created_at',
  'companies.name as company_name',
] as const;

/**
 * Visible leads, plus (with `batchId`) the pending leads of that batch with the file row
 * that created them. A lead is created by one batch only, so its `create` change is found
 * by the lead's id alone — joined on the batch too, SQLite would walk the batch's changes
 * for every pending lead.
 */
function candidates(db: Kysely<Database>, batchId: string | null) {
  return db
    .selectFrom('leads')
    .leftJoin('companies', 'companies.id', 'leads.company_id')
    .leftJoin('import_changes as ic', (join) =>
      join.onRef('ic.lead_id', '=', 'leads.id').on('ic.action', '=', 'create'),
    )
    .select(candidateColumns)
    .select((eb) =>
      eb
        .case()
        .when('leads.import_pending', 'is not', null)
        .then(eb.ref('ic.row_number'))
        .end()
        .as('pending_row'),
    )
    .where((eb) =>
      batchId === null
        ? eb('leads.import_pending', 'is', null)
        : eb.or([eb('leads.import_pending', 'is', null), eb('leads.import_pending', '=', batchId)]),
    );
}

export type CandidateRow = Awaited<ReturnType<ReturnType<typeof candidates>['execute']>>[number];

/**
 * A person key to look up, and what a lead under it must lack to be of interest: no email
 * (`withoutEmail`), no phone or mobile (`withoutPhones`).
 */
export type PersonLookup = { key: string; withoutEmail: boolean; withoutPhones: boolean };

/** Keys of one chunk of rows to look up. Emails are compared without case. */
export type CandidateKeys = {
  ids: readonly string[];
  emails: readonly string[];
  phones: readonly string[];
  persons: readonly PersonLookup[];
};

/**
 * Id, age and contact columns of the visible leads (with `batchId`: and the pending leads of
 * that batch) under these person keys: a light read that picks, per key, which leads are
 * worth reading in full.
 */
function personKeyLeads(db: Kysely<Database>, batchId: string | null, keys: readonly string[]) {
  return db
    .selectFrom('leads')
    .select(['id', 'person_key', 'created_at', 'email', 'phone', 'mobile'])
    .where('person_key', 'in', keys)
    .where((eb) =>
      batchId === null
        ? eb('import_pending', 'is', null)
        : eb.or([eb('import_pending', 'is', null), eb('import_pending', '=', batchId)]),
    )
    .execute();
}

type PersonKeyLead = Awaited<ReturnType<typeof personKeyLeads>>[number];

function byAge(
  a: Pick<CandidateRow, 'created_at' | 'id'>,
  b: Pick<CandidateRow, 'created_at' | 'id'>,
): number {
  return a.created_at - b.created_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The ids of the oldest lead under each lookup's person key that lacks what the lookup
 * says. Only those: many leads may share a name key (similar names at one company), and
 * reading them all in full for every chunk would grow with the file.
 */
async function oldestPerPersonKey(
  db: Kysely<Database>,
  batchId: string | null,
  lookups: readonly PersonLookup[],
): Promise<string[]> {
  const byKey = new Map<string, PersonKeyLead[]>();
  for (const part of slices([...new Set(lookups.map((lookup) => lookup.key))])) {
    for (const lead of await personKeyLeads(db, batchId, part)) {
      if (lead.person_key === null) continue;
      const list = byKey.get(lead.person_key) ?? [];
      list.push(lead);
      byKey.set(lead.person_key, list);
    }
  }
  const ids = new Set<string>();
  for (const { key, withoutEmail, withoutPhones } of lookups) {
    const oldest = byKey
      .get(key)
      ?.sort(byAge)
      .find(
        (lead) =>
          (!withoutEmail || lead.email === null) &&
          (!withoutPhones || (lead.phone === null && lead.mobile === null)),
      );
    if (oldest !== undefined) ids.add(oldest.id);
  }
  return [...ids];
}

/**
 * The leads any of the keys may point at (same id, same email ignoring case, the number as
 * phone or mobile; for a person key the oldest lead lacking what its lookup says), oldest
 * first, each once. The caller decides which key matched; emails are matched here by
 * SQLite's ASCII-only NOCASE (so the index is used) and must be compared exactly by the
 * caller.
 */
export async function findCandidates(
  db: Kysely<Database>,
  keys: CandidateKeys,
  batchId: string | null,
): Promise<CandidateRow[]> {
  const found = new Map<string, CandidateRow>();
  const add = (rows: CandidateRow[]) => {
    for (const row of rows) found.set(row.id, row);
  };
  for (const part of slices(keys.ids)) {
    add(await candidates(db, batchId).where('leads.id', 'in', part).execute());
  }
  for (const part of slices(keys.emails)) {
    add(
      await candidates(db, batchId)
        .where(sql`leads.email COLLATE NOCASE`, 'in', part)
        .execute(),
    );
  }
  for (const part of slices(keys.phones)) {
    add(
      await candidates(db, batchId)
        .where((eb) => eb.or([eb('leads.phone', 'in', part), eb('leads.mobile', 'in', part)]))
        .execute(),
    );
  }
  const personIds = (await oldestPerPersonKey(db, batchId, keys.persons)).filter(
    (id) => !found.has(id),
  );
  for (const part of slices(personIds)) {
    add(await candidates(db, batchId).where('leads.id', 'in', part).execute());
  }
  return [...found.values()].sort(byAge);
}

/** Visible leads by id, with their company's name (for applying a batch's changes). */
export function findVisibleLeads(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return candidates(db, null).where('leads.id', 'in', ids).execute();
}

export async function insertLeads(
  db: WritableDb,
  rows: readonly Insertable<LeadsTable>[],
): Promise<void> {
  for (const part of slices(rows, 400)) await db.insertInto('leads').values(part).execute();
}

export async function insertStageChanges(
  db: WritableDb,
  rows: readonly Insertable<LeadStageChangesTable>[],
): Promise<void> {
  for (const part of slices(rows)) {
    await db.insertInto('lead_stage_changes').values(part).execute();
  }
}

export async function insertActivities(
  db: WritableDb,
  rows: readonly Insertable<LeadActivitiesTable>[],
): Promise<void> {
  for (const part of slices(rows)) await db.insertInto('lead_activities').values(part).execute();
}

/** Changes a lead of a running batch: invisible, so no version bump. */
export async function updatePendingLead(
  db: WritableDb,
  id: string,
  batchId: string,
  patch: Updateable<LeadsTable>,
): Promise<void> {
  await db
    .updateTable('leads')
    .set(patch)
    .where('id', '=', id)
    .where('import_pending', '=', batchId)
    .execute();
}

/** Changes a visible lead on the import's behalf and bumps its version. */
export async function updateLeadForImport(
  db: WritableDb,
  id: string,
  patch: Updateable<LeadsTable>,
): Promise<void> {
  await db
    .updateTable('leads')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Makes the batch's leads visible; returns how many. */
export async function clearPending(db: WritableDb, batchId: string): Promise<number> {
  const result = await db
    .updateTable('leads')
    .set({ import_pending: null })
    .where('import_pending', '=', batchId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Deletes up to `limit` pending leads of a batch (their stage changes, activities and BANT
 * cascade); returns how many, so that a caller can go on in further transactions.
 */
export async function deletePendingLeads(
  db: WritableDb,
  batchId: string,
  limit: number,
): Promise<number> {
  const result = await db
    .deleteFrom('leads')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('leads as pending')
        .select('pending.id')
        .where('pending.import_pending', '=', batchId)
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * For undo: the version of each of these leads and whether anything besides the import
 * touched it (an activity other than `imported`, a stage change made by a user).
 */
export function leadStates(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('leads')
    .select((eb) => [
      'leads.id',
      'leads.version',
      'leads.first_name',
      'leads.last_name',
      'leads.import_pending',
      'leads.company_id',
      eb
        .exists(
          eb
            .selectFrom('lead_activities as a')
            .select('a.id')
            .whereRef('a.lead_id', '=', 'leads.id')
            .where('a.kind', '!=', 'imported'),
        )
        .as('has_activities'),
      eb
        .exists(
          eb
            .selectFrom('lead_stage_changes as c')
            .select('c.id')
            .whereRef('c.lead_id', '=', 'leads.id')
            .where('c.origin', '=', 'user'),
        )
        .as('has_user_moves'),
    ])
    .where('leads.id', 'in', ids)
    .execute();
}

export async function deleteLeads(db: WritableDb, ids: readonly string[]): Promise<void> {
  for (const part of slices(ids)) await db.deleteFrom('leads').where('id', 'in', part).execute();
}

/** Names of companies by id. */
export async function companyNames(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const part of slices([...new Set(ids)])) {
    const rows = await db
      .selectFrom('companies')
      .select(['id', 'name'])
      .where('id', 'in', part)
      .execute();
    for (const row of rows) names.set(row.id, row.name);
  }
  return names;
}
