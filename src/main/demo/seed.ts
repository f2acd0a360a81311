import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';

export type SeedOptions = {
  /** Generated leads on top of the worked examples from the domain README. */
  count: number;
  /** Seed of the pseudo-random generator: the same seed gives the same data. */
  seed?: number;
  /** "Today" of the demo: histories and activities lie before it. */
  now: number;
  newId: () => string;
};

/** Fills an open database with German demo data inside the caller's transaction. */
export async function seedDemoData(
  _trx: Transaction<Database>,
  _options: SeedOptions,
): Promise<{ created: number }> {
  throw new Error('seedDemoData is being written');
}
