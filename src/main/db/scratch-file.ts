import BetterSqlite3 from 'better-sqlite3';

/** The temporary file's page cache, in KiB (SQLite's negative `cache_size`). */
const CACHE_KIB = 2048;

/**
 * SQLite's anonymous temporary database: made in the system's temporary folder on first
 * use, unlinked by SQLite at once (nothing is left behind, even when the process is killed),
 * never the user's database. It keeps numbered text entries and numbered byte pages for a
 * run that must not hold them all in memory (see `FileIndexStore`). Its failures are the
 * temporary folder's, with SQLite's codes: the caller reports them as such.
 */
export type ScratchFile = {
  /** Stores `[id, text]` pairs in one transaction; texts are kept exactly as bound. */
  insertEntries(entries: Iterable<readonly [number, string]>): void;
  /** The stored entries of `ids` (in no particular order). */
  findEntries(ids: readonly number[]): { id: number; entry: string }[];
  /** Runs `work` in one transaction (for writing many pages at once). */
  inTransaction<T>(work: () => T): T;
  writePage(id: number, bytes: Uint8Array): void;
  readPage(id: number): Uint8Array;
  /** Closes, and so deletes, the file. */
  close(): void;
};

export function openScratchFile(): ScratchFile {
  const db = new BetterSqlite3('');
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma(`cache_size = -${CACHE_KIB}`);
    db.exec(
      'CREATE TABLE entries (id INTEGER PRIMARY KEY, entry TEXT NOT NULL) STRICT;' +
        'CREATE TABLE pages (id INTEGER PRIMARY KEY, bytes BLOB NOT NULL) STRICT;',
    );
    const findEntries = db.prepare(
      'SELECT e.id AS id, e.entry AS entry FROM json_each(?) w JOIN entries e ON e.id = w.value',
    );
    // An entry bound as text is kept exactly (JSON escapes unpaired surrogates).
    const insertEntry = db.prepare('INSERT INTO entries (id, entry) VALUES (?, ?)');
    const readPage = db.prepare('SELECT bytes FROM pages WHERE id = ?').pluck();
    const writePage = db.prepare('INSERT INTO pages (id, bytes) VALUES (?, ?)');
    const insertEntries = db.transaction((entries: Iterable<readonly [number, string]>) => {
      for (const [id, entry] of entries) insertEntry.run(id, entry);
    });
    return {
      insertEntries: (entries) => insertEntries(entries),
      findEntries: (ids) => findEntries.all(JSON.stringify(ids)) as { id: number; entry: string }[],
      inTransaction: (work) => db.transaction(work)(),
      writePage: (id, bytes) => void writePage.run(id, bytes),
      readPage: (id) => readPage.get(id) as Uint8Array,
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
