import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, ImportMappingsTable } from '../db/schema';
import type { WritableDb } from '../db/handles';

/** The saved column mappings of the file, by name. */
export function listMappingRows(db: Kysely<Database>) {
  return db
    .selectFrom('import_mappings')
    .select(['id', 'name', 'mapping', 'updated_at'])
    .orderBy(sql`name COLLATE NOCASE`)
    .orderBy('id')
    .execute();
}

export function findMapping(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('import_mappings')
    .select(['id', 'name', 'mapping', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The mapping with this name, compared without case (names are unique that way). */
export function findMappingByName(db: Kysely<Database>, name: string) {
  return db
    .selectFrom('import_mappings')
    .select(['id'])
    .where(sql<boolean>`name = ${name} COLLATE NOCASE`)
    .executeTakeFirst();
}

export async function insertMapping(
  db: WritableDb,
  row: Insertable<ImportMappingsTable>,
): Promise<void> {
  await db.insertInto('import_mappings').values(row).execute();
}

export async function updateMapping(
  db: WritableDb,
  id: string,
  patch: Updateable<ImportMappingsTable>,
): Promise<void> {
  await db.updateTable('import_mappings').set(patch).where('id', '=', id).execute();
}

/** Removes a saved mapping; false when there was none with this id. */
export async function deleteMappingRow(db: WritableDb, id: string): Promise<boolean> {
  const result = await db.deleteFrom('import_mappings').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
