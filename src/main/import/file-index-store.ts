import { tmpdir } from 'node:os';
import { MATCH_REASONS, type MatchReason } from '@core/import/types';
import { openScratchFile, type ScratchFile } from '../db/scratch-file';
import { sqliteCode } from '../db/sqlite-errors';
import { AppError } from '../errors';
import { type FileEntry, FileIndex, keysFor, type RowKeys } from './dedupe';
import { DigestTable, digestOf, FrozenDigests } from './digest-table';

/**
 * The earlier rows of the file for a run that writes nothing (a dry run, or an import that
 * was refused and only counts the rest): under which keys they were indexed, and what the
 * summary shows of them. Each chunk is planned against a {@link FileIndex} of just the
 * entries its rows' keys point at ({@link FileIndexStore.indexFor}), and what planning added
 * to it is kept for the later chunks ({@link FileIndexStore.keep}). That chunk index answers
 * every question planning asks of it exactly as one index of all earlier rows would:
 * planning looks up and adds only the keys of the chunk's own rows, and an entry never
 * changes after its chunk (only entries of the current chunk are filled).
 *
 * Memory stays the same however long the file: the keys are held as 32-bit digests with the
 * number of their entry in a table of bounded size, full tables frozen to disk behind a Bloom
 * filter (see `digest-table.ts`: 8 MB, then about 1.25 bytes a key); the entries — with the
 * exact keys they were indexed under, which confirm every digest hit — are appended to a
 * temporary SQLite file and read back only for hits. That file is SQLite's anonymous
 * temporary database: made in the system's temporary folder on the first rows to keep,
 * unlinked by SQLite at once (nothing is left behind, even when the process is killed),
 * never the user's database. Entries travel as JSON, which keeps every string exactly.
 */

/** Slots of the digest table in memory (8 bytes each): 8 MB, some 780,000 keys. */
const TABLE_SLOTS = 1 << 20;

/**
 * A stored entry: the fields of a {@link FileEntry} but its slot, and the keys it was indexed
 * under (MATCH_REASONS index, key, and when: the number of the addition in the run).
 */
type StoredEntry = [
  row: number,
  name: string,
  companyName: string | null,
  email: string | null,
  phone: string | null,
  mobile: string | null,
  contactEmail: string | null,
  contactPhones: string[],
  doNotContact: boolean,
  keys: KeptKey[],
];

type KeptKey = [reason: number, key: string, added: number];

function stored(entry: FileEntry, keys: KeptKey[]): StoredEntry {
  return [
    entry.row,
    entry.name,
    entry.companyName,
    entry.email,
    entry.phone,
    entry.mobile,
    entry.contact.email,
    [...entry.contact.phones],
    entry.doNotContact,
    keys,
  ];
}

/** An entry as stored, with when it was indexed under which key (by the key's text). */
function restored(json: string): { entry: FileEntry; keys: Map<string, number> } {
  const [
    row,
    name,
    companyName,
    email,
    phone,
    mobile,
    contactEmail,
    contactPhones,
    doNotContact,
    keys,
  ] = JSON.parse(json) as StoredEntry;
  const entry: FileEntry = {
    row,
    name,
    companyName,
    email,
    phone,
    mobile,
    contact: { email: contactEmail, phones: contactPhones },
    doNotContact,
    // Written or not, an entry of an earlier chunk is never filled again in this run.
    slot: null,
  };
  return { entry, keys: new Map(keys.map(([r, key, added]) => [keyText(r, key), added])) };
}

/** What the digest table indexes: a match reason (its index in MATCH_REASONS) and a key. */
export function keyText(reason: number, key: string): string {
  return `${reason}\u0000${key}`;
}

/**
 * A failure of the temporary file (its disk full, the folder not writable) is no failure of
 * the user's database: reported as such, never with the database's SQLite code (which
 * would mark the database damaged on SQLITE_CORRUPT).
 */
function scratchError(error: unknown): unknown {
  const code = sqliteCode(error);
  if (code === null) return error;
  return code === 'SQLITE_FULL'
    ? new AppError('DB_FULL', 'importErrors.scratchFull', { folder: tmpdir() })
    : new AppError('DB_IO', 'importErrors.scratchFailed', { folder: tmpdir() });
}

/** How the store sizes its digest tables (smaller in tests, to freeze many). */
export type FileIndexStoreOptions = { tableSlots: number };

export class FileIndexStore {
  readonly #tableSlots: number;
  #table: DigestTable;
  readonly #frozen: FrozenDigests[] = [];
  #scratch: ScratchFile | null = null;
  /** Pages written so far (of all frozen tables). */
  #pages = 0;
  /** Ids of the entries kept so far, in the order kept (row numbers may repeat in a sheet). */
  #nextId = 0;
  /** Additions kept so far: a person key's entries are put back in the order they joined. */
  #nextAdded = 0;
  /** Entries read back from the store: no chunk may add to them. */
  readonly #restored = new WeakSet<FileEntry>();

  constructor(options: FileIndexStoreOptions = { tableSlots: TABLE_SLOTS }) {
    this.#tableSlots = options.tableSlots;
    this.#table = new DigestTable(this.#tableSlots);
  }

  /**
   * An index of the kept entries that the rows' keys point at, under exactly the keys they
   * were kept under (a person key's entries in the order they joined it, then by row — the
   * order of its list in one index of all rows).
   */
  indexFor(keys: readonly (RowKeys | null)[]): FileIndex {
    const index = new FileIndex();
    const scratch = this.#scratch;
    if (scratch === null) return index;
    try {
      return this.#indexFor(scratch, keys, index);
    } catch (error) {
      throw scratchError(error);
    }
  }

  #indexFor(scratch: ScratchFile, keys: readonly (RowKeys | null)[], index: FileIndex): FileIndex {
    /** The keys wanted that have a digest hit, with the ids of their candidates. */
    const wanted = new Map<string, { reason: MatchReason; key: string; ids: number[] }>();
    const ids = new Set<number>();
    for (const rowKeys of keys) {
      if (rowKeys === null) continue;
      MATCH_REASONS.forEach((reason, r) => {
        for (const key of keysFor(rowKeys, reason)) {
          const text = keyText(r, key);
          if (wanted.has(text)) continue;
          const found = this.#idsOf(text);
          if (found.length === 0) continue;
          wanted.set(text, { reason, key, ids: found });
          for (const id of found) ids.add(id);
        }
      });
    }
    if (ids.size === 0) return index;
    const rows = scratch.findEntries([...ids]);
    const entries = new Map(rows.map(({ id, entry }) => [id, restored(entry)]));
    for (const [text, { reason, key, ids: candidates }] of wanted) {
      const hits: { entry: FileEntry; added: number }[] = [];
      for (const id of candidates) {
        const kept = entries.get(id);
        if (kept === undefined) throw new Error(`file index store: entry ${id} is missing`);
        // A digest hit counts only when the entry was indexed under this very key.
        const added = kept.keys.get(text);
        if (added !== undefined) hits.push({ entry: kept.entry, added });
      }
      hits.sort((a, b) => a.added - b.added);
      for (const { entry } of hits) {
        this.#restored.add(entry);
        index.restore(reason, key, entry);
      }
    }
    return index;
  }

  #idsOf(text: string): number[] {
    const digest = digestOf(text);
    const found: number[] = [];
    this.#table.collect(digest, found);
    for (const frozen of this.#frozen) frozen.collect(digest, found);
    return found;
  }

  /** Keeps what was added to a chunk's index: its entries with the keys they got. */
  keep(index: FileIndex): void {
    const added = index.additions();
    if (added.length === 0) return;
    const entries = new Map<FileEntry, KeptKey[]>();
    added.forEach(({ reason, key, entry }, i) => {
      // Planning fills only the chunk's own entries; an earlier one would be kept twice.
      if (this.#restored.has(entry)) {
        throw new Error(`file index store: row ${entry.row} was kept with an earlier chunk`);
      }
      const keys = entries.get(entry) ?? [];
      keys.push([MATCH_REASONS.indexOf(reason), key, this.#nextAdded + i]);
      entries.set(entry, keys);
    });
    try {
      const scratch = (this.#scratch ??= openScratchFile());
      const first = this.#nextId;
      scratch.insertEntries(
        [...entries].map(([entry, keys], i) => [first + i, JSON.stringify(stored(entry, keys))]),
      );
      this.#nextId += entries.size;
      this.#nextAdded += added.length;
      [...entries.values()].forEach((keys, i) => {
        for (const [r, key] of keys) {
          if (this.#table.full) this.#freeze(scratch);
          this.#table.add(digestOf(keyText(r, key)), first + i);
        }
      });
    } catch (error) {
      throw scratchError(error);
    }
  }

  /** Writes the full table out as pages and starts an empty one. */
  #freeze(scratch: ScratchFile): void {
    const first = this.#pages;
    let count = 0;
    const frozen = scratch.inTransaction(
      () =>
        new FrozenDigests(
          this.#table,
          (page, bytes) => {
            scratch.writePage(first + page, bytes);
            count = Math.max(count, page + 1);
          },
          (page) => scratch.readPage(first + page),
        ),
    );
    this.#frozen.push(frozen);
    this.#pages += count;
    this.#table = new DigestTable(this.#tableSlots);
  }

  /** Closes (and so deletes) the temporary file. */
  close(): void {
    this.#scratch?.close();
    this.#scratch = null;
  }
}
