import type { Channel } from '@core/ipc/channels';
import type { ChannelInput, ChannelOutput } from '@core/ipc/contract';
import { createApp } from '../../src/main/app';

/**
 * One of the processes of the concurrency test (`concurrency-harness.ts` bundles this file
 * and starts it with `node`): opens the shared database file through the app's own
 * `dispatch` — the services, transactions, pragmas and busy timeout of the product — and
 * edits the same few leads as the other processes. Prints one JSON report line.
 */

export type WorkerParams = {
  db: string;
  configDir: string;
  worker: number;
  operations: number;
  leadIds: string[];
  busyTimeoutMs: number;
  seed: number;
};

export type WorkerReport = {
  worker: number;
  /** Tokens this process appended to a lead's notes, by lead id. */
  appended: Record<string, string[]>;
  moves: Record<string, number>;
  activities: Record<string, number>;
  /** Writes refused as CONFLICT (stale version), each retried. */
  conflicts: number;
  /** DB_LOCKED despite the busy timeout. */
  locks: number;
  /** Every other error code, with its count. */
  errors: Record<string, number>;
  ms: number;
};

/** A small deterministic generator, so that a failing run can be repeated. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Lead = { id: string; version: number; notes: string; stage: string };

async function main(params: WorkerParams): Promise<WorkerReport> {
  const started = performance.now();
  const app = createApp({
    host: { kind: 'cli', emit: () => undefined },
    configDir: params.configDir,
    busyTimeoutMs: params.busyTimeoutMs,
  });
  const report: WorkerReport = {
    worker: params.worker,
    appended: {},
    moves: {},
    activities: {},
    conflicts: 0,
    locks: 0,
    errors: {},
    ms: 0,
  };
  const next = random(params.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

  /** A call: its value, or the code of its error value (counted). */
  const call = async <C extends Channel>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<ChannelOutput<C> | { failed: string }> => {
    const result = await app.call(channel, input);
    if (result.ok) return result.value;
    const { code } = result.error;
    if (code === 'CONFLICT') report.conflicts += 1;
    else if (code === 'DB_LOCKED') report.locks += 1;
    else report.errors[code] = (report.errors[code] ?? 0) + 1;
    return { failed: code };
  };
  const failed = (value: unknown): value is { failed: string } =>
    typeof value === 'object' && value !== null && 'failed' in value;
  const must = async <C extends Channel>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<ChannelOutput<C>> => {
    const value = await call(channel, input);
    if (failed(value)) throw new Error(`${channel} failed: ${value.failed}`);
    return value;
  };

  /**
   * Read, change, write with the version read; read and write again after a CONFLICT or a
   * lock (at most 100 times). False when the write did not happen.
   */
  const optimistic = async (
    leadId: string,
    write: (lead: Lead) => Promise<unknown>,
  ): Promise<boolean> => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const detail = await call('leads.get', { id: leadId });
      if (failed(detail)) {
        if (detail.failed === 'DB_LOCKED') continue;
        return false;
      }
      const result = await write(detail.lead);
      if (!failed(result)) return true;
      if (result.failed !== 'CONFLICT' && result.failed !== 'DB_LOCKED') return false;
    }
    return false;
  };

  try {
    await must('database.open', { path: params.db });
    await must('users.create', { name: `Prozess ${params.worker}` });
    for (let n = 0; n < params.operations; n++) {
      const leadId = pick(params.leadIds);
      const kind = next();
      if (kind < 0.5) {
        const token = `p${params.worker}-${n}`;
        const done = await optimistic(leadId, (lead) =>
          call('leads.update', {
            id: leadId,
            version: lead.version,
            fields: { notes: lead.notes === '' ? token : `${lead.notes} ${token}` },
          }),
        );
        if (done) (report.appended[leadId] ??= []).push(token);
      } else if (kind < 0.75) {
        const done = await optimistic(leadId, (lead) =>
          call('leads.move', {
            id: leadId,
            version: lead.version,
            to: lead.stage === 'suspect' ? 'lead' : 'suspect',
            reason: `Test ${params.worker}-${n}`,
          }),
        );
        if (done) report.moves[leadId] = (report.moves[leadId] ?? 0) + 1;
      } else {
        const added = await call('activities.add', {
          leadId,
          kind: 'note',
          occurredAt: Date.now(),
          text: `w${params.worker}-${n}`,
        });
        if (!failed(added)) report.activities[leadId] = (report.activities[leadId] ?? 0) + 1;
      }
    }
  } finally {
    await app.close();
  }
  report.ms = Math.round(performance.now() - started);
  return report;
}

const params = JSON.parse(process.argv[2] ?? '{}') as WorkerParams;
main(params).then(
  (report) => process.stdout.write(`${JSON.stringify(report)}\n`),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
