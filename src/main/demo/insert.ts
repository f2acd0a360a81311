import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { slices } from '../db/slices';

/** SQLite's limit of bound variables per statement (since 3.32). */
const MAX_VARIABLES = 32_766;
/** Bigger statements gain nothing and cost memory while compiling. */
const MAX_ROWS = 2_000;

/**
 * Inserts rows with multi-row `INSERT`s, as many rows per statement as the variable limit
 * allows. Runs on the caller's transaction so that a failure leaves nothing behind.
 */
export async function insertInChunks<T extends keyof Database>(
  trx: Transaction<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first).length;
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_VARIABLES / columns)));
  for (const chunk of slices(rows, size)) {
    // Kysely's insert types cannot follow a table chosen by a type parameter; the signature
    // above already ties the rows to the table.
    await trx
      .insertInto(table)
      .values(chunk as never)
      .execute();
  }
}
