import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { WritableDb } from '../db/handles';

/** Hashes per statement: far below the variable limits of SQLite and PostgreSQL. */
const CHUNK = 500;

/** Adds hashes to the suppression list; hashes already listed keep their first record. */
export async function addSuppressed(
  db: WritableDb,
  entries: readonly { hash: string; kind: 'email' | 'phone' }[],
  now: number,
  userId: string | null,
): Promise<void> {
  for (let start = 0; start < entries.length; start += CHUNK) {
    const rows = entries.slice(start, start + CHUNK).map((entry) => ({
      hash: entry.hash,
      kind: entry.kind,
      created_at: now,
      created_by: userId,
    }));
    await db
      .insertInto('suppression_list')
      .values(rows)
      .onConflict((oc) => oc.column('hash').doNothing())
      .execute();
  }
}

/** Which of `hashes` are on the suppression list. */
export async function findSuppressed(
  db: Kysely<Database>,
  hashes: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  const unique = [...new Set(hashes)];
  for (let start = 0; start < unique.length; start += CHUNK) {
    const rows = await db
      .selectFrom('suppression_list')
      .select('hash')
      .where('hash', 'in', unique.slice(start, start + CHUNK))
      .execute();
    for (const row of rows) found.add(row.hash);
  }
  return found;
}

/** Takes hashes off the suppression list. */
export async function removeSuppressed(db: WritableDb, hashes: readonly string[]): Promise<void> {
  for (let start = 0; start < hashes.length; start += CHUNK) {
    await db
      .deleteFrom('suppression_list')
      .where('hash', 'in', hashes.slice(start, start + CHUNK))
      .execute();
  }
}
