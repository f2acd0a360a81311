import BetterSqlite3 from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_LOG_FILE } from '../../src/main/cli/run';
import { appWithDatabase, rawConnection } from './harness';
import { writeGermanExcelCsv } from './import-harness';

/**
 * The built command line runs an import on its worker thread; when another program takes
 * the file's lock half-way, the job's SQLite error crosses the thread boundary with its code
 * and the user reads "locked by another program" — not an unexpected error, no stack trace.
 * Reading a file's start (inspection, the check before the job) runs on a worker thread of
 * its own: its failures cross the boundary the same way.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'out', 'main', 'cli.js');
const ROWS = 50_000;

beforeAll(() => {
  // Builds only when the output is older than the sources.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'run-built.mjs'), 'cli', '--help'], {
    cwd: ROOT,
    stdio: 'ignore',
    timeout: 300_000,
  });
}, 300_000);

function rowsDone(path: string): number {
  const raw = new BetterSqlite3(path, { readonly: true, timeout: 5000 });
  try {
    const row = raw.prepare('SELECT rows_done FROM import_batches').get() as
      { rows_done: number } | undefined;
    return row?.rows_done ?? 0;
  } finally {
    raw.close();
  }
}

describe('an import on the worker thread meets a lock', () => {
  it('fails with the translated DB_LOCKED message; the details go to the log', async () => {
    const t = await appWithDatabase();
    await t.call('database.close', {});
    const csv = join(t.dir, 'messe.csv');
    writeGermanExcelCsv(csv, ROWS, 0);
    const home = join(t.dir, 'cli-home');
    const child = spawn(
      process.execPath,
      [CLI, '--db', t.path, '--user', 'Sabine Vogt', 'import', csv, '--source', 'Messe'],
      { env: { ...process.env, LEADWERK_HOME: home, LANG: 'de_DE.UTF-8' } },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

    while (!(existsSync(t.path) && rowsDone(t.path) > 0)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(rowsDone(t.path)).toBeLessThan(ROWS);
    // Another program holds the write lock longer than the busy timeout (5 s).
    const other = rawConnection(t.path);
    other.exec('BEGIN IMMEDIATE');
    const code = await exited;
    other.exec('ROLLBACK');

    expect(code).toBe(1);
    expect(stderr).toBe(
      'Die Datei „team.sqlite“ ist gerade von einem anderen Programm gesperrt. Bitte später erneut versuchen.\n',
    );
    // Discarding the batch met the same lock: that is logged, with SQLite's own words.
    const log = readFileSync(join(home, CLI_LOG_FILE), 'utf8');
    expect(log).toContain('discarding an import failed');
    expect(log).toContain('SQLITE_BUSY');
  }, 120_000);
});

describe("a file's start read on the probe worker thread", () => {
  it('is built', () => {
    expect(existsSync(join(ROOT, 'out', 'main', 'probe-worker.js'))).toBe(true);
  });

  it('reports a broken workbook in words, and checks a good file', async () => {
    const t = await appWithDatabase();
    await t.call('database.close', {});
    const home = join(t.dir, 'cli-home');
    const run = (file: string) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [CLI, '--db', t.path, 'import', file, '--dry-run', '--json'],
          { env: { ...process.env, LEADWERK_HOME: home, LANG: 'de_DE.UTF-8' } },
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('exit', (code) => resolve({ code, stdout, stderr }));
      });

    const broken = join(t.dir, 'kaputt.xlsx');
    writeFileSync(
      broken,
      Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), randomBytes(4096)]),
    );
    const refused = await run(broken);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr)).toEqual({
      error: {
        code: 'FILE_UNREADABLE',
        key: 'importErrors.unreadable',
        message:
          '„kaputt.xlsx“ kann nicht gelesen werden: Die Datei ist beschädigt, mit einem Kennwort geschützt oder in einem Format, das Leadwerk nicht kennt.',
        params: { file: 'kaputt.xlsx' },
      },
    });

    const csv = join(t.dir, 'messe.csv');
    writeGermanExcelCsv(csv, 1000);
    const checked = await run(csv);
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.stdout)).toMatchObject({
      dryRun: true,
      summary: { rows: 1000, created: 950, filled: 50, invalid: 0 },
    });
  }, 60_000);
});
