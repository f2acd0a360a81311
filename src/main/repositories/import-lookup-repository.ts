import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * The latest import of a file with these bytes that still counts: finished, or running
 * (or interrupted, its leads still pending), and not undone. Undone, cancelled and failed
 * imports left nothing behind, so importing the file again is no repetition.
 */
export function findPreviousImport(db: Kysely<Database>, contentHash: string) {
  return db
    .selectFrom('import_batches')
    .leftJoin('users', 'users.id', 'import_batches.started_by')
    .select([
      'import_batches.id',
      'import_batches.file_name',
      'import_batches.started_at',
      'users.name as user_name',
    ])
    .where('import_batches.content_hash', '=', contentHash)
    .where('import_batches.status', 'in', ['done', 'running'])
    .where('import_batches.undone_at', 'is', null)
    .orderBy('import_batches.started_at', 'desc')
    .orderBy('import_batches.id', 'desc')
    .executeTakeFirst();
}
