import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '@core/ipc/channels';
import type { ChannelInput, ChannelOutput } from '@core/ipc/contract';
import { createApp } from '../../src/main/app';
import type { LeadwerkApp } from '../../src/main/host';

/**
 * Board figures for the scale target: 50,000 leads in one file, loaded through the
 * same `dispatch` the renderer uses. Prints `bench <what> <n> leads: median <ms> ms` lines;
 * later benchmarks add their own lines in the same shape.
 */
const LEADS = 50_000;
const RUNS = 7;

let dir: string;
let app: LeadwerkApp;

function report(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function ok<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await app.call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** Median of `RUNS` timed calls after two warm-up calls (statement cache, page cache). */
async function median<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<number> {
  await ok(channel, input);
  await ok(channel, input);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await ok(channel, input);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'leadwerk-bench-'));
  app = createApp({ host: { kind: 'test', emit() {} }, configDir: join(dir, 'config') });
  const started = performance.now();
  await ok('database.openDemo', { path: join(dir, 'bench.sqlite'), count: LEADS });
  report(`bench demo seed ${LEADS} leads: ${((performance.now() - started) / 1000).toFixed(1)} s`);
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`board with ${LEADS} leads`, () => {
  it('loads the whole board', async () => {
    const board = await ok('board.load', { filters: {}, limit: 50 });
    const total = board.columns.reduce((sum, c) => sum + c.count, 0);
    expect(total).toBe(LEADS + 3);
    expect(board.columns.every((c) => c.cards.length === Math.min(50, c.count))).toBe(true);
    const ms = await median('board.load', { filters: {}, limit: 50 });
    report(`bench board.load ${LEADS} leads: median ${ms.toFixed(1)} ms`);
  });

  it('loads the board filtered by a text search and by owner and channel', async () => {
    const searched = await ok('board.load', {
      filters: { search: 'müller' },
      limit: 50,
    });
    expect(searched.columns.some((c) => c.count > 0)).toBe(true);
    const search = await median('board.load', { filters: { search: 'müller' }, limit: 50 });
    report(`bench board.load search "müller" ${LEADS} leads: median ${search.toFixed(1)} ms`);

    const { users } = await ok('lookups.get', {});
    const owner = users.find((u) => u.name === 'Jana Becker');
    expect(owner).toBeDefined();
    const filters = { ownerId: owner?.id, sourceChannel: 'trade_fair' as const };
    const filtered = await median('board.load', { filters, limit: 50 });
    report(`bench board.load owner+channel ${LEADS} leads: median ${filtered.toFixed(1)} ms`);
  });

  it('pages a column and the leads table', async () => {
    const column = await median('board.column', {
      stage: 'suspect',
      filters: {},
      offset: 5000,
      limit: 50,
    });
    report(`bench board.column offset 5000 ${LEADS} leads: median ${column.toFixed(1)} ms`);
    const list = await median('leads.list', {
      filters: {},
      sort: 'name',
      direction: 'asc',
      offset: 0,
      limit: 50,
    });
    report(`bench leads.list sort name ${LEADS} leads: median ${list.toFixed(1)} ms`);
  });
});
