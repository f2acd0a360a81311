import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

/** The file's own tables, to be checked one at a time. */
export async function fileTables(db: Kysely<Database>): Promise<string[]> {
  const result = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
    ORDER BY name`.execute(db);
  return result.rows.map((row) => row.name);
}

/**
 * What `PRAGMA quick_check` finds wrong in one table and its indexes (SQLite ≥ 3.33 takes
 * a table name); empty when intact. May throw SQLITE_CORRUPT itself.
 */
export async function quickCheckTable(db: Kysely<Database>, table: string): Promise<string[]> {
  const result = await sql<{ quick_check: string }>`PRAGMA quick_check(${sql.id(table)})`.execute(
    db,
  );
  return result.rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
}
