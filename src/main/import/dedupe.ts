import { assertNever } from '@core/domain/stages';
import { emailKey, personKey } from '@core/import/match-keys';
import { MATCH_REASONS, type ImportedLead, type MatchReason } from '@core/import/types';
import type { CandidateKeys, CandidateRow } from '../repositories/import-leads-repository';

/**
 * Duplicate detection of one import: the keys of a row, the leads of the database they
 * point at, and the earlier rows of the file that will be created. Matches are tried in
 * the order of {@link MATCH_REASONS} (lead id, email, phone, person), each against the
 * database first and the file second.
 */

/** The keys one row is matched by; phone and mobile share one key space (cross-matched). */
export type RowKeys = {
  leadId: string | null;
  email: string | null;
  phones: string[];
  person: string | null;
};

export function rowKeys(lead: ImportedLead): RowKeys {
  const phones = [lead.phone, lead.mobile].filter((phone): phone is string => phone !== null);
  return {
    leadId: lead.leadId,
    email: lead.email === null ? null : emailKey(lead.email),
    phones: [...new Set(phones)],
    person: personKey(lead.firstName, lead.lastName, lead.company?.name ?? null),
  };
}

function keysFor(keys: RowKeys, reason: MatchReason): string[] {
  switch (reason) {
    case 'lead_id':
      return keys.leadId === null ? [] : [keys.leadId];
    case 'email':
      return keys.email === null ? [] : [keys.email];
    case 'phone':
      return keys.phones;
    case 'person':
      return keys.person === null ? [] : [keys.person];
    default:
      return assertNever(reason);
  }
}

/** The database keys to look up for a chunk of rows. */
export function candidateKeys(all: readonly RowKeys[]): CandidateKeys {
  const ids = new Set<string>();
  const emails = new Set<string>();
  const phones = new Set<string>();
  const personKeys = new Set<string>();
  for (const keys of all) {
    if (keys.leadId !== null) ids.add(keys.leadId);
    if (keys.email !== null) emails.add(keys.email);
    for (const phone of keys.phones) phones.add(phone);
    if (keys.person !== null) personKeys.add(keys.person);
  }
  return { ids: [...ids], emails: [...emails], phones: [...phones], personKeys: [...personKeys] };
}

/** Leads found for a chunk, by the key they were found under; the oldest lead wins a key. */
export class CandidateIndex {
  readonly #byKey = new Map<string, CandidateRow>();

  constructor(rows: readonly CandidateRow[]) {
    for (const row of rows) {
      this.#add('lead_id', row.id, row);
      if (row.email !== null) this.#add('email', emailKey(row.email), row);
      if (row.phone !== null) this.#add('phone', row.phone, row);
      if (row.mobile !== null) this.#add('phone', row.mobile, row);
      if (row.person_key !== null) this.#add('person', row.person_key, row);
    }
  }

  #add(reason: MatchReason, key: string, row: CandidateRow): void {
    const full = `${reason}\u0000${key}`;
    if (!this.#byKey.has(full)) this.#byKey.set(full, row);
  }

  find(reason: MatchReason, keys: RowKeys): CandidateRow | undefined {
    for (const key of keysFor(keys, reason)) {
      const row = this.#byKey.get(`${reason}\u0000${key}`);
      if (row !== undefined) return row;
    }
    return undefined;
  }
}

/**
 * An earlier row of the file that will be created. `slot` is its place in the current
 * chunk's list of new leads (null once written, or in a dry run).
 */
export type FileEntry = {
  row: number;
  name: string;
  companyName: string | null;
  email: string | null;
  doNotContact: boolean;
  slot: number | null;
};

/** Keys of the rows of the file that will be created; the earliest row wins a key. */
export class FileIndex {
  readonly #byKey = new Map<string, FileEntry>();

  add(keys: RowKeys, entry: FileEntry): void {
    for (const reason of MATCH_REASONS) {
      for (const key of keysFor(keys, reason)) {
        const full = `${reason}\u0000${key}`;
        if (!this.#byKey.has(full)) this.#byKey.set(full, entry);
      }
    }
  }

  find(reason: MatchReason, keys: RowKeys): FileEntry | undefined {
    for (const key of keysFor(keys, reason)) {
      const entry = this.#byKey.get(`${reason}\u0000${key}`);
      if (entry !== undefined) return entry;
    }
    return undefined;
  }

  clear(): void {
    this.#byKey.clear();
  }
}

/** What a row matched: a lead of the database (or a pending lead of this batch) or a row. */
export type Match =
  | { reason: MatchReason; kind: 'lead'; lead: CandidateRow }
  | { reason: MatchReason; kind: 'row'; entry: FileEntry };

export function findMatch(keys: RowKeys, database: CandidateIndex, file: FileIndex): Match | null {
  for (const reason of MATCH_REASONS) {
    const lead = database.find(reason, keys);
    if (lead !== undefined) return { reason, kind: 'lead', lead };
    const entry = file.find(reason, keys);
    if (entry !== undefined) return { reason, kind: 'row', entry };
  }
  return null;
}
