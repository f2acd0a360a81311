import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { ContentItemsTable, Database } from '../db/schema';
import type { WritableDb } from '../db/handles';

export type ContentRow = Selectable<ContentItemsTable>;

/** The content library by name; archived items only when asked for. */
export function listContent(db: Kysely<Database>, includeArchived: boolean) {
  let query = db.selectFrom('content_items').selectAll();
  if (!includeArchived) query = query.where('archived', '=', 0);
  return query
    .orderBy(sql`name COLLATE NOCASE`)
    .orderBy('id')
    .execute();
}

export function findContent(db: Kysely<Database>, id: string): Promise<ContentRow | undefined> {
  return db.selectFrom('content_items').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The item with this name, compared without case (names are unique that way). */
export function findContentByName(db: Kysely<Database>, name: string) {
  return db
    .selectFrom('content_items')
    .select(['id'])
    .where(sql<boolean>`name = ${name} COLLATE NOCASE`)
    .executeTakeFirst();
}

export async function insertContent(
  db: WritableDb,
  row: Insertable<ContentItemsTable>,
): Promise<void> {
  await db.insertInto('content_items').values(row).execute();
}

/** Optimistic update, bumping the version; false when the version is stale or the item gone. */
export async function updateContentVersioned(
  db: WritableDb,
  id: string,
  version: number,
  patch: Updateable<ContentItemsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('content_items')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Ids of the leads with at least one activity on this item. */
export async function leadIdsUsingContent(
  db: Kysely<Database>,
  contentId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('lead_activities')
    .select('lead_id')
    .distinct()
    .where('content_id', '=', contentId)
    .execute();
  return rows.map((row) => row.lead_id);
}
