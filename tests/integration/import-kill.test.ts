import BetterSqlite3 from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appWithDatabase, rawConnection, testApp } from './harness';
import { waitForJob, writeGermanExcelCsv } from './import-harness';

/**
 * Kill during import: the built command line (whose import runs on the worker thread) is
 * killed with SIGKILL half-way through a 100,000-row file; the file must then show nothing
 * of the import, list it as interrupted, and resume to the end — or be discarded cleanly.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'out', 'main', 'cli.js');
const ROWS = 100_000;

beforeAll(() => {
  // Builds only when the output is older than the sources.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'run-built.mjs'), 'cli', '--help'], {
    cwd: ROOT,
    stdio: 'ignore',
    timeout: 300_000,
  });
}, 300_000);

type Setup = Awaited<ReturnType<typeof appWithDatabase>> & { csv: string };

async function setup(): Promise<Setup> {
  const t = await appWithDatabase();
  const csv = join(t.dir, 'messe.csv');
  writeGermanExcelCsv(csv, ROWS, 0);
  return { ...t, csv };
}

/** How far the batch is, read as another program would (read-only, waiting for locks). */
function batchProgress(path: string): { id: string; rows_done: number } | undefined {
  const raw = new BetterSqlite3(path, { readonly: true, timeout: 5000 });
  try {
    return raw.prepare('SELECT id, rows_done FROM import_batches').get() as
      { id: string; rows_done: number } | undefined;
  } finally {
    raw.close();
  }
}

/** Starts the built CLI's import and kills it once some, but not all, chunks are stored. */
async function killMidway(t: Setup): Promise<string> {
  const child = spawn(
    process.execPath,
    [CLI, '--db', t.path, '--user', 'Sabine Vogt', 'import', t.csv, '--source', 'Messe'],
    { env: { ...process.env, LEADWERK_HOME: join(t.dir, 'cli-home') }, stdio: 'ignore' },
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  for (;;) {
    const batch = existsSync(t.path) ? batchProgress(t.path) : undefined;
    if (batch !== undefined && batch.rows_done > 0) {
      expect(batch.rows_done).toBeLessThan(ROWS);
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      return batch.id;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function counts(path: string, batchId: string) {
  const raw = rawConnection(path, { readonly: true });
  const one = (sql: string, ...args: string[]) =>
    (raw.prepare(sql).get(...args) as { n: number }).n;
  return {
    leads: one('SELECT count(*) AS n FROM leads'),
    pending: one('SELECT count(*) AS n FROM leads WHERE import_pending = ?', batchId),
    companies: one('SELECT count(*) AS n FROM companies'),
    changes: one('SELECT count(*) AS n FROM import_changes WHERE batch_id = ?', batchId),
  };
}

describe('import killed half-way', () => {
  it('runs on the built worker thread', () => {
    expect(existsSync(join(ROOT, 'out', 'main', 'import-worker.js'))).toBe(true);
  });

  it('leaves nothing visible, shows the batch interrupted, and resumes to the end', async () => {
    const t = await setup();
    const batchId = await killMidway(t);
    // Reopen in a fresh app, as after a crash (this also rolls back a chunk cut short).
    const app = testApp({ configDir: join(t.dir, 'config') });
    await app.call('database.open', { path: t.path });
    const before = counts(t.path, batchId);
    expect(before.pending).toBeGreaterThan(0);
    expect(before.pending).toBe(before.leads);
    expect((await app.call('leads.list', { filters: {} })).total).toBe(0);
    const board = await app.call('board.load', { filters: {} });
    expect(board.columns.every((column) => column.count === 0)).toBe(true);

    // A batch whose heartbeat is fresh may still be running elsewhere.
    app.clock.now = Date.now();
    expect((await app.call('imports.list', {}))[0]).toMatchObject({ status: 'running' });
    app.clock.now = Date.now() + 61_000;
    const [interrupted] = await app.call('imports.list', {});
    expect(interrupted).toMatchObject({ id: batchId, status: 'interrupted', canResume: true });

    const job = await waitForJob(app, await app.call('imports.resume', { batchId }));
    expect(job.status).toBe('done');
    expect(job.summary).toMatchObject({ rows: ROWS, created: ROWS, invalid: 0 });
    expect((await app.call('leads.list', { filters: {} })).total).toBe(ROWS);
    const after = counts(t.path, batchId);
    expect(after).toMatchObject({ leads: ROWS, pending: 0, changes: ROWS });
    expect((await app.call('imports.list', {}))[0]).toMatchObject({
      status: 'done',
      created: ROWS,
      rowsDone: ROWS,
      canUndo: true,
    });
  }, 600_000);

  it('discards an interrupted import without leaving leads or companies behind', async () => {
    const t = await setup();
    const batchId = await killMidway(t);
    const app = testApp({ configDir: join(t.dir, 'config') });
    await app.call('database.open', { path: t.path });
    expect(counts(t.path, batchId).companies).toBeGreaterThan(0);
    app.clock.now = Date.now() + 61_000;
    const result = await app.call('imports.discard', { batchId });
    expect(result.removed).toBeGreaterThan(0);
    expect(counts(t.path, batchId)).toEqual({ leads: 0, pending: 0, companies: 0, changes: 0 });
    expect((await app.call('imports.list', {}))[0]).toMatchObject({
      status: 'cancelled',
      canResume: false,
      canUndo: false,
    });
    const again = await app.fail('imports.resume', { batchId });
    expect(again.code).toBe('CONFLICT');
  }, 600_000);
});
