import BetterSqlite3 from 'better-sqlite3';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { Channel } from '@core/ipc/channels';
import type { ChannelInput, ChannelOutput } from '@core/ipc/contract';
import { createApp } from '../../src/main/app';
import type { WorkerParams, WorkerReport } from './concurrency-worker';

/**
 * Several real processes editing one database file through the app's own services. The
 * worker program (`concurrency-worker.ts`) is bundled once per run with Vite — in about a
 * second; Vite's module runner would serve the sources unbundled but costs each process
 * some seconds and 300 MB — and started with `node` once per process. Afterwards the file
 * is checked against what the processes report: every successful write must be in it
 * exactly once.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The bundled worker, inside the checkout so that its packages resolve. */
export type BuiltWorker = { path: string; dispose(): void };

export async function buildWorker(): Promise<BuiltWorker> {
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, 'leadwerk-concurrency-'));
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    resolve: { alias: { '@core': join(ROOT, 'src', 'core') } },
    build: {
      ssr: join(ROOT, 'tests', 'integration', 'concurrency-worker.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { output: { format: 'esm', entryFileNames: 'worker.mjs' } },
    },
  });
  return {
    path: join(outDir, 'worker.mjs'),
    dispose: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

export type ConcurrencyOptions = {
  worker: BuiltWorker;
  dir: string;
  processes: number;
  operationsPerProcess: number;
  leads: number;
  busyTimeoutMs: number;
};

export type ConcurrencyResult = {
  /** Successful writes: note appends and moves (each with a version) and activities. */
  writes: number;
  appends: number;
  moves: number;
  activities: number;
  conflicts: number;
  locks: number;
  errors: Record<string, number>;
  /** Successful writes missing from the file (a token, a version step, a history row). */
  lostUpdates: number;
  /** Tokens found more than once or that no process reported. */
  duplicates: number;
  integrity: string;
  seconds: number;
};

/** Workers still running; killed when a run fails or times out, so that none is left behind. */
const running = new Set<ChildProcess>();

/** Stops the workers of a run that did not end (each by its own process id). */
export function killWorkers(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

function runWorker(path: string, params: WorkerParams): Promise<WorkerReport> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [path, JSON.stringify(params)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    child.on('exit', () => running.delete(child));
    let out = '';
    let err = '';
    child.stdout.on('data', (data: Buffer) => (out += data.toString()));
    child.stderr.on('data', (data: Buffer) => (err += data.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`worker ${params.worker} exited with ${code}: ${err}`));
      else resolvePromise(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as WorkerReport);
    });
  });
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Creates the file and its leads, runs the processes at once and checks the file. */
export async function runConcurrency(options: ConcurrencyOptions): Promise<ConcurrencyResult> {
  const db = join(options.dir, 'team.sqlite');
  const setup = createApp({
    host: { kind: 'cli', emit: () => undefined },
    configDir: join(options.dir, 'config-setup'),
  });
  const leadIds: string[] = [];
  try {
    const must = async <C extends Channel>(
      channel: C,
      input: ChannelInput<C>,
    ): Promise<ChannelOutput<C>> => {
      const result = await setup.call(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value;
    };
    await must('database.create', { path: db });
    await must('users.create', { name: 'Einrichtung' });
    for (let i = 0; i < options.leads; i++) {
      const created = await must('leads.create', {
        fields: { firstName: 'Geteilt', lastName: `Lead ${i}` },
      });
      leadIds.push(created.lead.id);
    }
  } finally {
    await setup.close();
  }
  const raw = new BetterSqlite3(db, { readonly: true });
  const before = new Map(
    leadIds.map((id) => {
      const row = raw.prepare('SELECT version FROM leads WHERE id = ?').get(id) as {
        version: number;
      };
      const changes = raw
        .prepare('SELECT count(*) AS n FROM lead_stage_changes WHERE lead_id = ?')
        .get(id) as { n: number };
      return [id, { version: row.version, changes: changes.n }];
    }),
  );
  raw.close();

  const started = performance.now();
  const reports = await Promise.all(
    Array.from({ length: options.processes }, (_, worker) =>
      runWorker(options.worker.path, {
        db,
        configDir: join(options.dir, `config-${worker}`),
        worker,
        operations: options.operationsPerProcess,
        leadIds,
        busyTimeoutMs: options.busyTimeoutMs,
        seed: 1000 + worker,
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;

  const check = new BetterSqlite3(db, { readonly: true });
  let lostUpdates = 0;
  let duplicates = 0;
  try {
    for (const id of leadIds) {
      const lead = check.prepare('SELECT notes, version FROM leads WHERE id = ?').get(id) as {
        notes: string;
        version: number;
      };
      const expected = reports.flatMap((report) => report.appended[id] ?? []);
      const found = lead.notes.split(' ').filter((token) => token !== '');
      const counts = new Map<string, number>();
      for (const token of found) counts.set(token, (counts.get(token) ?? 0) + 1);
      lostUpdates += expected.filter((token) => !counts.has(token)).length;
      duplicates += [...counts].filter(([token, n]) => n > 1 || !expected.includes(token)).length;
      // Each successful versioned write bumped the version exactly once and left its row.
      const moves = sum(reports.map((report) => report.moves[id] ?? 0));
      const start = before.get(id) as { version: number; changes: number };
      lostUpdates += Math.abs(lead.version - start.version - expected.length - moves);
      const changes = check
        .prepare('SELECT count(*) AS n FROM lead_stage_changes WHERE lead_id = ?')
        .get(id) as { n: number };
      lostUpdates += Math.abs(changes.n - start.changes - moves);
      const activities = check
        .prepare("SELECT count(*) AS n FROM lead_activities WHERE lead_id = ? AND kind = 'note'")
        .get(id) as { n: number };
      lostUpdates += Math.abs(
        activities.n - sum(reports.map((report) => report.activities[id] ?? 0)),
      );
    }
    const integrity = check.pragma('integrity_check', { simple: true }) as string;
    const appends = sum(reports.map((r) => sum(Object.values(r.appended).map((t) => t.length))));
    const moves = sum(reports.map((r) => sum(Object.values(r.moves))));
    const activities = sum(reports.map((r) => sum(Object.values(r.activities))));
    const errors: Record<string, number> = {};
    for (const report of reports) {
      for (const [code, n] of Object.entries(report.errors)) errors[code] = (errors[code] ?? 0) + n;
    }
    return {
      writes: appends + moves + activities,
      appends,
      moves,
      activities,
      conflicts: sum(reports.map((r) => r.conflicts)),
      locks: sum(reports.map((r) => r.locks)),
      errors,
      lostUpdates,
      duplicates,
      integrity,
      seconds,
    };
  } finally {
    check.close();
  }
}
