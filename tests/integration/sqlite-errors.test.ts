import BetterSqlite3 from 'better-sqlite3';
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteAppError, sqliteCode } from '../../src/main/db/sqlite-errors';
import { fromFailure, ImportStopped, toFailure } from '../../src/main/import/job-protocol';
import { AppError } from '../../src/main/errors';
import { appWithDatabase, rawConnection, tempDir } from './harness';
import { waitForJob, writeCsv } from './import-harness';

/**
 * Real SQLite failures (no mocks), each mapped to the error the user sees — also after
 * crossing the import worker's thread boundary as `JobFailure` data.
 */

/** Runs `fail` and returns what it threw. */
function thrown(fail: () => unknown): unknown {
  try {
    fail();
  } catch (error) {
    return error;
  }
  throw new Error('did not fail');
}

/** A small file with one table `t`, on a connection as Leadwerk opens it. */
function fileWithTable(dir: string, name = 'team.sqlite'): BetterSqlite3.Database {
  const db = rawConnection(join(dir, name));
  db.pragma('journal_mode = TRUNCATE');
  db.exec('CREATE TABLE t (v TEXT)');
  db.prepare('INSERT INTO t VALUES (?)').run('a');
  return db;
}

const insert = (db: BetterSqlite3.Database) => () =>
  db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(20_000));

/** The failures SQLite really raises, by the code the user gets. */
const CASES: { expected: string; sqlite: RegExp; make: (dir: string) => unknown }[] = [
  {
    expected: 'DB_LOCKED',
    sqlite: /^SQLITE_BUSY/,
    make(dir) {
      const db = fileWithTable(dir);
      const other = rawConnection(join(dir, 'team.sqlite'), { timeout: 0 });
      db.exec('BEGIN IMMEDIATE');
      return thrown(() => other.exec('BEGIN IMMEDIATE'));
    },
  },
  {
    expected: 'DB_FULL',
    sqlite: /^SQLITE_FULL$/,
    make(dir) {
      const db = fileWithTable(dir);
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      return thrown(insert(db));
    },
  },
  {
    expected: 'DB_IO',
    sqlite: /^SQLITE_IOERR/,
    make(dir) {
      const db = fileWithTable(dir);
      rmSync(join(dir, 'team.sqlite-journal'), { force: true });
      mkdirSync(join(dir, 'team.sqlite-journal'));
      return thrown(insert(db));
    },
  },
  {
    expected: 'DB_UNREACHABLE',
    sqlite: /^SQLITE_CANTOPEN/,
    make(dir) {
      // Where the new file's journal has to go, something else is in the way.
      mkdirSync(join(dir, 'team.sqlite-journal'));
      const db = rawConnection(join(dir, 'team.sqlite'));
      return thrown(() => db.exec('CREATE TABLE t (v TEXT)'));
    },
  },
  {
    expected: 'DB_UNREACHABLE',
    sqlite: /^SQLITE_READONLY_DBMOVED$/,
    make(dir) {
      const share = join(dir, 'share');
      mkdirSync(share);
      const db = fileWithTable(share);
      rmSync(share, { recursive: true });
      return thrown(insert(db));
    },
  },
  {
    expected: 'DB_READ_ONLY',
    sqlite: /^SQLITE_READONLY$/,
    make(dir) {
      fileWithTable(dir).close();
      const db = rawConnection(join(dir, 'team.sqlite'), { readonly: true });
      return thrown(insert(db));
    },
  },
  {
    expected: 'DB_CORRUPT',
    sqlite: /^SQLITE_CORRUPT/,
    make(dir) {
      const db = fileWithTable(dir);
      db.exec('CREATE TABLE big (v TEXT)');
      for (let i = 0; i < 50; i++) db.prepare('INSERT INTO big VALUES (?)').run('y'.repeat(500));
      const root = db.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'big'`).pluck();
      const page = root.get() as number;
      const size = db.pragma('page_size', { simple: true }) as number;
      db.close();
      const file = join(dir, 'team.sqlite');
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.alloc(size, 0x5a), 0, size, (page - 1) * size);
      closeSync(fd);
      return thrown(() => rawConnection(file).prepare('SELECT count(*) FROM big').get());
    },
  },
  {
    expected: 'DB_NOT_SQLITE',
    sqlite: /^SQLITE_NOTADB$/,
    make(dir) {
      const file = join(dir, 'notes.sqlite');
      writeFileSync(file, 'Kunden: Petersen, Anders, Teichmann\n'.repeat(200));
      return thrown(() => rawConnection(file).prepare('SELECT 1 FROM sqlite_master').get());
    },
  },
];

describe('SQLite failures as the user sees them', () => {
  for (const { expected, sqlite, make } of CASES) {
    it(`${expected} from ${sqlite.source}, also across the worker boundary`, () => {
      const dir = tempDir();
      const error = make(dir);
      expect(sqliteCode(error)).toMatch(sqlite);
      const path = join(dir, 'team.sqlite');
      const direct = sqliteAppError(error, path);
      expect(direct?.code).toBe(expected);

      // What the worker posts is structured-cloned; the service rebuilds the error from it.
      const failure = structuredClone(toFailure(error));
      expect(failure).toMatchObject({ kind: 'sqlite', code: sqliteCode(error) });
      const rebuilt = fromFailure(failure);
      expect(sqliteCode(rebuilt)).toBe(sqliteCode(error));
      expect(rebuilt.message).toBe((error as Error).message);
      const mapped = sqliteAppError(rebuilt, path);
      expect(mapped?.code).toBe(expected);
      expect(mapped?.params).toEqual(direct?.params);
    });
  }

  it('keeps AppErrors, stops and unknown failures apart across the boundary', () => {
    const across = (error: unknown) => fromFailure(structuredClone(toFailure(error)));
    const refused = across(new AppError('IMPORT_REFUSED', 'errors.IMPORT_REFUSED', { count: 3 }));
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'IMPORT_REFUSED', params: { count: 3 } });
    expect(across(new ImportStopped('close'))).toMatchObject({ reason: 'close' });
    const unknown = across(new TypeError('x is undefined'));
    expect(sqliteCode(unknown)).toBeNull();
    expect(unknown.message).toBe('x is undefined');
    expect(unknown.stack).toContain('TypeError: x is undefined');
  });
});

describe('an import meets a lock', () => {
  it('fails the job with DB_LOCKED and its German message, not with an unexpected error', async () => {
    const t = await appWithDatabase({ busyTimeoutMs: 100 });
    const rows = [['Vorname', 'Nachname']];
    for (let i = 0; i < 20; i++) rows.push([`Vorname${i}`, `Nachname${i}`]);
    const csv = writeCsv(t.dir, 'messe.csv', rows);
    const mapping = { Vorname: 'firstName', Nachname: 'lastName' } as const;
    const started = await t.call('import.start', {
      path: csv,
      options: { mapping, sourceChannel: 'trade_fair' },
    });
    // Another program takes the write lock before the job's first chunk.
    const other = rawConnection(t.path);
    other.exec('BEGIN IMMEDIATE');
    const job = await waitForJob(t, started);
    other.exec('ROLLBACK');
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({
      code: 'DB_LOCKED',
      params: { file: 'team.sqlite' },
      message:
        'Die Datei „team.sqlite“ ist gerade von einem anderen Programm gesperrt. Bitte später erneut versuchen.',
    });
  });
});
