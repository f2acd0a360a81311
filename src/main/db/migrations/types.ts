import type { Kysely } from 'kysely';

/**
 * One schema step. Migrations are numbered, append-only and registered statically in
 * `./index.ts`; `up` runs inside the migrator's `BEGIN IMMEDIATE` transaction and issues one
 * statement per `execute()`. A released migration is never edited: add a new one.
 */
export type Migration = {
  version: number;
  name: string;
  /**
   * Rebuilds a table other tables refer to (SQLite's documented 12-step procedure): foreign
   * keys are switched off around the transaction — dropping the old table would otherwise
   * cascade — and `foreign_key_check` must find nothing before it commits.
   */
  rebuildsReferencedTable?: true;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations predate later table types
  up: (db: Kysely<any>) => Promise<void>;
};
