import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, LeadsTable } from '../db/schema';

export type LeadRow = Selectable<LeadsTable>;

export function findLeadRow(db: Kysely<Database>, id: string): Promise<LeadRow | undefined> {
  return db.selectFrom('leads').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertLead(db: Kysely<Database>, row: Insertable<LeadsTable>): Promise<void> {
  await db.insertInto('leads').values(row).execute();
}

/**
 * Optimistic update: changes the lead only when it still has `version`, and bumps the
 * version. Returns whether a row was updated (false: stale version or gone).
 */
export async function updateLeadVersioned(
  db: Kysely<Database>,
  id: string,
  version: number,
  patch: Updateable<LeadsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('leads')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Fields that make up a lead's search text, for every lead of a company. */
export function listLeadsOfCompany(db: Kysely<Database>, companyId: string) {
  return db
    .selectFrom('leads')
    .select(['id', 'first_name', 'last_name', 'email'])
    .where('company_id', '=', companyId)
    .execute();
}

/** Rewrites the derived search text only; not a user change, so the version stays. */
export async function setSearchText(
  db: Kysely<Database>,
  id: string,
  searchText: string,
): Promise<void> {
  await db.updateTable('leads').set({ search_text: searchText }).where('id', '=', id).execute();
}
