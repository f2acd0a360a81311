import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * SQLite's `PRAGMA data_version` of this connection: a number that changes when another
 * connection (of this or any process) has committed to the file since the last call; the
 * connection's own commits leave it alone. Work that read outside a transaction reads it
 * before and again inside its write transaction: the same number means nothing it read can
 * have changed in between.
 */
export async function dataVersion(db: Kysely<Database>): Promise<number> {
  const result = await sql<{ data_version: number }>`PRAGMA data_version`.execute(db);
  return result.rows[0]?.data_version ?? 0;
}
