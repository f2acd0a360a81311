import type BetterSqlite3 from 'better-sqlite3';

/**
 * The connection settings DEVELOPERS.md requires for a file that may sit on a network share:
 * a rollback journal (never WAL, which needs shared memory), full fsync, enforced foreign
 * keys, a busy timeout, and deleted content overwritten (`secure_delete`). Each is read
 * back: a setting SQLite silently ignored would otherwise go unnoticed until data is lost.
 */
export function applyPragmas(raw: BetterSqlite3.Database, busyTimeoutMs: number): void {
  const expect = (name: string, set: string, wanted: string | number): void => {
    raw.pragma(`${name} = ${set}`);
    const actual = raw.pragma(name, { simple: true }) as string | number;
    const normalized = typeof actual === 'string' ? actual.toLowerCase() : actual;
    if (normalized !== wanted) {
      throw new Error(`PRAGMA ${name} was not applied: wanted ${wanted}, got ${actual}`);
    }
  };
  expect('busy_timeout', String(busyTimeoutMs), busyTimeoutMs);
  expect('journal_mode', 'TRUNCATE', 'truncate');
  expect('synchronous', 'FULL', 2);
  expect('foreign_keys', 'ON', 1);
  // Deleted rows are overwritten with zeros, not left readable in free pages of the file.
  expect('secure_delete', 'ON', 1);
}
