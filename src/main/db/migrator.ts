import { sql, type Kysely } from 'kysely';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import type { Database } from './schema';

/** The schema version recorded in the file header (`PRAGMA user_version`). */
export async function readSchemaVersion(db: Kysely<Database>): Promise<number> {
  const result = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db);
  return result.rows[0]?.user_version ?? 0;
}

/**
 * Applies every migration above the file's version, each in its own `BEGIN IMMEDIATE`
 * transaction together with its `schema_migrations` row and `user_version`. The version is
 * read again inside the transaction, so two machines opening a fresh file at the same time
 * do not both run a step. Returns the version afterwards.
 */
export async function migrate(db: Kysely<Database>, now: () => number): Promise<number> {
  for (const migration of MIGRATIONS) {
    if ((await readSchemaVersion(db)) >= migration.version) continue;
    // Switching foreign keys is a no-op inside a transaction, so it happens around it.
    const keysOff = migration.rebuildsReferencedTable === true;
    if (keysOff) await sql.raw('PRAGMA foreign_keys = OFF').execute(db);
    try {
      await runMigration(db, migration, now);
    } finally {
      if (keysOff) await sql.raw('PRAGMA foreign_keys = ON').execute(db);
    }
  }
  return readSchemaVersion(db);
}

async function runMigration(
  db: Kysely<Database>,
  migration: Migration,
  now: () => number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if ((await readSchemaVersion(trx)) >= migration.version) return;
    await migration.up(trx);
    if (migration.rebuildsReferencedTable === true) {
      const broken = await sql`PRAGMA foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) {
        throw new Error(`migration ${migration.version} broke ${broken.rows.length} references`);
      }
    }
    await trx
      .insertInto('schema_migrations')
      .values({ version: migration.version, name: migration.name, applied_at: now() })
      .execute();
    await sql.raw(`PRAGMA user_version = ${migration.version}`).execute(trx);
  });
}
