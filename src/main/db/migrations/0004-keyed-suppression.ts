import { createHmac, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Migration } from './types';

/** Name of the suppression list's key in `file_secrets`. */
const SUPPRESSION_KEY = 'suppression_hmac';

const statements = [
  `CREATE TABLE file_secrets (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL CHECK (length(value) >= 32)
  ) STRICT`,
];

/**
 * Keys the suppression list per file. Plain SHA-256 hashes of an address let anyone with
 * the file confirm a guessed e-mail; from now on each entry is HMAC-SHA-256 under a random
 * key that lives only in this file. The stored hashes are converted without knowing the
 * values: the new hash of an entry is HMAC(key, old SHA-256 hex), which is exactly what the
 * app computes for a value (HMAC of its SHA-256 hex), so every suppressed person stays
 * suppressed. The conversion is written out here, not imported: a migration never changes.
 */
export const m0004KeyedSuppression: Migration = {
  version: 4,
  name: 'keyed_suppression',
  async up(db) {
    for (const statement of statements) {
      await sql.raw(statement).execute(db);
    }
    const key = randomBytes(32);
    await sql`INSERT INTO file_secrets (name, value) VALUES (${SUPPRESSION_KEY}, ${key})`.execute(
      db,
    );
    const rows = await sql<{ hash: string }>`SELECT hash FROM suppression_list`.execute(db);
    for (const { hash } of rows.rows) {
      const keyed = createHmac('sha256', key).update(hash, 'utf8').digest('hex');
      await sql`UPDATE suppression_list SET hash = ${keyed} WHERE hash = ${hash}`.execute(db);
    }
  },
};
