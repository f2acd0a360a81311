import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, LeadBantTable } from '../db/schema';
import type { WritableDb } from '../db/handles';

export type BantRow = Selectable<LeadBantTable>;

export function findBant(db: Kysely<Database>, leadId: string): Promise<BantRow | undefined> {
  return db.selectFrom('lead_bant').selectAll().where('lead_id', '=', leadId).executeTakeFirst();
}

/** Inserts a lead's first BANT; false when a row exists already (someone else was faster). */
export async function insertBant(db: WritableDb, row: Insertable<LeadBantTable>): Promise<boolean> {
  const result = await db
    .insertInto('lead_bant')
    .values(row)
    .onConflict((oc) => oc.column('lead_id').doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Optimistic update, bumping the version; false when the version is stale. */
export async function updateBantVersioned(
  db: WritableDb,
  leadId: string,
  version: number,
  patch: Updateable<LeadBantTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('lead_bant')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('lead_id', '=', leadId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
