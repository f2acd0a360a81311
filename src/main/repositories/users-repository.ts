import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, UsersTable } from '../db/schema';
import type { WritableDb } from '../db/handles';

/** Every user of the file, by name. */
export function listUsers(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'initials'])
    .orderBy(sql`name COLLATE NOCASE`)
    .orderBy('id')
    .execute();
}

export function findUser(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'initials'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The user with this name, compared without case (names are unique that way). */
export function findUserByName(db: Kysely<Database>, name: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'initials'])
    .where(sql<boolean>`name = ${name} COLLATE NOCASE`)
    .executeTakeFirst();
}

export async function insertUser(db: WritableDb, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}
