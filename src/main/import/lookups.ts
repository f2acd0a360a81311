import type { Kysely } from 'kysely';
import type { ConvertedRow } from '@core/import/types';
import type { Database } from '../db/schema';
import { findCandidates } from '../repositories/import-leads-repository';
import { anySuppressed } from '../repositories/import-repository';
import { findSuppressed } from '../repositories/suppression-repository';
import { suppressionHashes } from '../domain/suppression';
import { CandidateIndex, candidateKeys, type RowKeys } from './dedupe';

/** What planning a chunk needs from the database: the leads its rows may match, suppressions. */
export type ChunkLookups = {
  database: CandidateIndex;
  /** Indexes of the rows whose email or numbers are on the suppression list. */
  suppressed: Set<number>;
};

async function suppressedRows(
  db: Kysely<Database>,
  key: Buffer,
  rows: readonly ConvertedRow[],
): Promise<Set<number>> {
  const found = new Set<number>();
  if (!(await anySuppressed(db))) return found;
  const hashes = rows.map((row) =>
    row.lead === null ? [] : suppressionHashes(key, row.lead).map((entry) => entry.hash),
  );
  const listed = await findSuppressed(db, hashes.flat());
  hashes.forEach((own, index) => {
    if (own.some((hash) => listed.has(hash))) found.add(index);
  });
  return found;
}

/**
 * Reads what the duplicate and suppression checks of a chunk need (suppression hashes keyed
 * with the file's `suppressionKey`). `pendingOf`: the batch
 * whose own pending leads count as earlier rows of the file.
 */
export async function lookUpChunk(
  db: Kysely<Database>,
  suppressionKey: Buffer,
  rows: readonly ConvertedRow[],
  keys: readonly (RowKeys | null)[],
  pendingOf: string | null,
): Promise<ChunkLookups> {
  const wanted = candidateKeys(keys.filter((key): key is RowKeys => key !== null));
  const database = new CandidateIndex(await findCandidates(db, wanted, pendingOf));
  return { database, suppressed: await suppressedRows(db, suppressionKey, rows) };
}
