import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { WritableDb } from '../db/handles';
import { slices } from '../db/slices';

/** Adds hashes to the suppression list; hashes already listed keep their first record. */
export async function addSuppressed(
  db: WritableDb,
  entries: readonly { hash: string; kind: 'email' | 'phone' }[],
  now: number,
  userId: string | null,
): Promise<void> {
  for (const slice of slices(entries)) {
    const rows = slice.map((entry) => ({
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
  for (const slice of slices(unique)) {
    const rows = await db
      .selectFrom('suppression_list')
      .select('hash')
      .where('hash', 'in', slice)
      .execute();
    for (const row of rows) found.add(row.hash);
  }
  return found;
}

/** Takes hashes off the suppression list. */
export async function removeSuppressed(db: WritableDb, hashes: readonly string[]): Promise<void> {
  for (const slice of slices(hashes)) {
    await db.deleteFrom('suppression_list').where('hash', 'in', slice).execute();
  }
}
