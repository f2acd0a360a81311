import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { WritableDb } from '../db/handles';

/** A shared setting with the name of who saved it last. */
export function findSetting(db: Kysely<Database>, key: string) {
  return db
    .selectFrom('settings as s')
    .leftJoin('users as u', 'u.id', 's.updated_by')
    .select(['s.key', 's.value', 's.updated_at', 's.updated_by', 'u.name as updated_by_name'])
    .where('s.key', '=', key)
    .executeTakeFirst();
}

/** Writes a setting (JSON text), replacing what was there. */
export async function upsertSetting(
  db: WritableDb,
  row: { key: string; value: string; updated_at: number; updated_by: string | null },
): Promise<void> {
  await db
    .insertInto('settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        value: row.value,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute();
}
