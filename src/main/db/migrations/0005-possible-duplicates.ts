import { sql } from 'kysely';
import type { Migration } from './types';

/**
 * Import batches count possible duplicates (a similar name at the same company only) apart
 * from certain ones, so that an interrupted import resumes with the counts it had.
 * (Version 4 is another change of the same release.)
 */
export const m0005PossibleDuplicates: Migration = {
  version: 5,
  name: 'possible-duplicates',
  async up(db) {
    await sql
      .raw(
        'ALTER TABLE import_batches ADD COLUMN possible_duplicate_count INTEGER NOT NULL DEFAULT 0',
      )
      .execute(db);
  },
};
