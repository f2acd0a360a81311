import { assertNever } from '@core/domain/stages';
import {
  type ContactKeys,
  contactsConflict,
  emailKey,
  isPossibleMatch,
  personKey,
} from '@core/import/match-keys';
import { MATCH_REASONS, type ImportedLead, type MatchReason } from '@core/import/types';
import type {
  CandidateKeys,
  CandidateRow,
  PersonLookup,
} from '../repositories/import-leads-repository';

/**
 * Duplicate detection of one import: the keys of a row, the leads of the database they
 * point at, and the earlier rows of the file that will be created. Matches are tried in
 * the order of {@link MATCH_REASONS} (lead id, email, phone, person), each against the
 * database first and the file second. A person match (similar name, same company) is only
 * a possible one, and only with a record whose email and numbers do not contradict the
 * row's ({@link contactsConflict}); among several, the oldest such record is taken.
 */

/**
 * The keys one row is matched by (its email and numbers are its {@link ContactKeys}); phone
 * and mobile share one key space (cross-matched).
 */
export type RowKeys = {
  leadId: string | null;
  email: string | null;
  phones: string[];
  person: string | null;
};

export function rowKeys(lead: ImportedLead): RowKeys {
  return {
    leadId: lead.leadId,
    ...contactKeysOf(lead),
    person: personKey(lead.firstName, lead.lastName, lead.company?.name ?? null),
  };
}

/** Email key and numbers of a row or a merged row. */
export function contactKeysOf(lead: ImportedLead): { email: string | null; phones: string[] } {
  const phones = [lead.phone, lead.mobile].filter((phone): phone is string => phone !== null);
  return {
    email: lead.email === null ? null : emailKey(lead.email),
    phones: [...new Set(phones)],
  };
}

function contactKeysOfLead(row: CandidateRow): ContactKeys {
  const phones = [row.phone, row.mobile].filter((phone): phone is string => phone !== null);
  return { email: row.email === null ? null : emailKey(row.email), phones };
}

/**
 * Which of the four kinds of contact data a record has (email, numbers, both, neither).
 * Only records lacking what a row has can be its person match: the earliest record of each
 * kind is all a name key needs to remember.
 */
function contactKind(contact: ContactKeys): number {
  return (contact.email === null ? 0 : 1) + (contact.phones.length === 0 ? 0 : 2);
}

/** The keys of a row under one match reason (phone: both numbers). */
export function keysFor(keys: RowKeys, reason: MatchReason): string[] {
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

/**
 * The database keys to look up for a chunk of rows. A person key asks only for leads that
 * could be a possible match of some row with it: a row with an email matches leads without
 * one (a lead with the same email is a certain match anyway), a row with numbers leads
 * without any.
 */
export function candidateKeys(all: readonly RowKeys[]): CandidateKeys {
  const ids = new Set<string>();
  const emails = new Set<string>();
  const phones = new Set<string>();
  const persons = new Map<string, PersonLookup>();
  for (const keys of all) {
    if (keys.leadId !== null) ids.add(keys.leadId);
    if (keys.email !== null) emails.add(keys.email);
    for (const phone of keys.phones) phones.add(phone);
    if (keys.person !== null) {
      const lookup: PersonLookup = {
        key: keys.person,
        withoutEmail: keys.email !== null,
        withoutPhones: keys.phones.length > 0,
      };
      persons.set(`${contactKind(keys)}\u0000${keys.person}`, lookup);
    }
  }
  return {
    ids: [...ids],
    emails: [...emails],
    phones: [...phones],
    persons: [...persons.values()],
  };
}

/**
 * Leads found for a chunk, by the key they were found under. The oldest lead wins an id,
 * email or number; under a person key every lead found is kept (oldest first), so that a
 * row can pass over those whose contact data contradicts its own.
 */
export class CandidateIndex {
  readonly #byKey = new Map<string, CandidateRow>();
  readonly #byPerson = new Map<string, CandidateRow[]>();

  /** `rows` oldest first (as `findCandidates` returns them). */
  constructor(rows: readonly CandidateRow[]) {
    for (const row of rows) {
      this.#add('lead_id', row.id, row);
      if (row.email !== null) this.#add('email', emailKey(row.email), row);
      if (row.phone !== null) this.#add('phone', row.phone, row);
      if (row.mobile !== null) this.#add('phone', row.mobile, row);
      if (row.person_key !== null) {
        const list = this.#byPerson.get(row.person_key);
        if (list === undefined) this.#byPerson.set(row.person_key, [row]);
        else list.push(row);
      }
    }
  }

  #add(reason: MatchReason, key: string, row: CandidateRow): void {
    const full = `${reason}\u0000${key}`;
    if (!this.#byKey.has(full)) this.#byKey.set(full, row);
  }

  find(reason: MatchReason, keys: RowKeys): CandidateRow | undefined {
    for (const key of keysFor(keys, reason)) {
      if (isPossibleMatch(reason)) {
        const row = this.#byPerson
          .get(key)
          ?.find((lead) => !contactsConflict(keys, contactKeysOfLead(lead)));
        if (row !== undefined) return row;
        continue;
      }
      const row = this.#byKey.get(`${reason}\u0000${key}`);
      if (row !== undefined) return row;
    }
    return undefined;
  }
}

/**
 * An earlier row of the file that will be created. `slot` is its place in the current
 * chunk's list of new leads (null once written, or in a dry run). `contact` follows the
 * rows merged into it; the other fields describe the row itself, for the preview.
 */
export type FileEntry = {
  row: number;
  name: string;
  companyName: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  contact: ContactKeys;
  doNotContact: boolean;
  slot: number | null;
};

/**
 * What {@link FileIndex.add} put in: `entry` under a key the index did not have it under
 * yet (for a person key: joined that key's list).
 */
export type FileIndexAddition = { reason: MatchReason; key: string; entry: FileEntry };

const byRow = (a: FileEntry, b: FileEntry) => a.row - b.row;

/**
 * Keys of the rows of the file that will be created; the earliest row wins an id, email or
 * number. A person key keeps the earliest row of each kind of contact data (at most four),
 * which is enough to find the earliest row that does not contradict a later one. An index
 * may hold only part of the file's rows — what a chunk's keys point at, see
 * `FileIndexStore` — and tells what was added to it since, for the store to keep.
 */
export class FileIndex {
  readonly #byKey = new Map<string, FileEntry>();
  readonly #byPerson = new Map<string, FileEntry[]>();
  readonly #added: FileIndexAddition[] = [];

  /**
   * Puts back what an index held before, in the order it was added there: `entry` under
   * `key` (the first one put back keeps it), or as one of a person key's entries (kept in row
   * order). Not an addition: it decides nothing anew.
   */
  restore(reason: MatchReason, key: string, entry: FileEntry): void {
    if (isPossibleMatch(reason)) {
      const list = this.#byPerson.get(key) ?? [];
      list.push(entry);
      list.sort(byRow);
      this.#byPerson.set(key, list);
      return;
    }
    const full = `${reason}\u0000${key}`;
    if (!this.#byKey.has(full)) this.#byKey.set(full, entry);
  }

  add(keys: RowKeys, entry: FileEntry): void {
    for (const reason of MATCH_REASONS) {
      for (const key of keysFor(keys, reason)) {
        if (isPossibleMatch(reason)) {
          this.#addPerson(key, entry);
          continue;
        }
        const full = `${reason}\u0000${key}`;
        if (this.#byKey.has(full)) continue;
        this.#byKey.set(full, entry);
        this.#added.push({ reason, key, entry });
      }
    }
  }

  #addPerson(key: string, entry: FileEntry): void {
    const list = this.#byPerson.get(key) ?? [];
    if (list.includes(entry)) return;
    const kind = contactKind(entry.contact);
    if (list.some((other) => contactKind(other.contact) === kind)) return;
    list.push(entry);
    list.sort(byRow);
    this.#byPerson.set(key, list);
    this.#added.push({ reason: 'person', key, entry });
  }

  find(reason: MatchReason, keys: RowKeys): FileEntry | undefined {
    for (const key of keysFor(keys, reason)) {
      if (isPossibleMatch(reason)) {
        const entry = this.#byPerson
          .get(key)
          ?.find((other) => !contactsConflict(keys, other.contact));
        if (entry !== undefined) return entry;
        continue;
      }
      const entry = this.#byKey.get(`${reason}\u0000${key}`);
      if (entry !== undefined) return entry;
    }
    return undefined;
  }

  /** What {@link add} put in since the index was made, in that order. */
  additions(): readonly FileIndexAddition[] {
    return this.#added;
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
