import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Name of the suppression list's HMAC key (created by migration 4). */
export const SUPPRESSION_KEY = 'suppression_hmac';

/** A random key stored in this file, or undefined when it is missing. */
export async function findFileSecret(
  db: Kysely<Database>,
  name: string,
): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('file_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.value;
}
