import { sql } from 'kysely';
import type { Migration } from './types';

/**
 * Import batches count warnings (a value left empty and kept in the notes, a name taken from
 * another field) and the imported rows that had one, apart from the rows left out: the history
 * shows both, and an interrupted import resumes with the counts it had.
 */
export const m0006ImportWarnings: Migration = {
  version: 6,
  name: 'import-warnings',
  async up(db) {
    await sql
      .raw('ALTER TABLE import_batches ADD COLUMN warning_count INTEGER NOT NULL DEFAULT 0')
      .execute(db);
    await sql
      .raw('ALTER TABLE import_batches ADD COLUMN warning_row_count INTEGER NOT NULL DEFAULT 0')
      .execute(db);
  },
};
