import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BUSY_TIMEOUT_MS } from '../../src/main/app';
import {
  buildWorker,
  killWorkers,
  runConcurrency,
  type BuiltWorker,
} from '../integration/concurrency-harness';

/**
 * The long run of the multi-process test (tests/integration/concurrency.test.ts): eight
 * processes, a thousand operations each, on ten shared leads of one file, through the app's
 * services with the product's busy timeout. Prints writes, conflicts, lost updates and lock
 * errors; asserts that nothing was lost and the file is intact, never the times.
 */
const PROCESSES = 8;
const OPERATIONS = 1000;

let worker: BuiltWorker;
let dir: string;

beforeAll(async () => {
  worker = await buildWorker();
  dir = mkdtempSync(join(tmpdir(), 'leadwerk-bench-concurrency-'));
}, 120_000);

afterAll(() => {
  killWorkers();
  worker.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('several processes editing one file for minutes', () => {
  it(`${PROCESSES} processes × ${OPERATIONS} operations`, async () => {
    const result = await runConcurrency({
      worker,
      dir,
      processes: PROCESSES,
      operationsPerProcess: OPERATIONS,
      leads: 10,
      busyTimeoutMs: DEFAULT_BUSY_TIMEOUT_MS,
    });
    process.stdout.write(
      `bench concurrency ${PROCESSES} processes on one file: ${result.writes} writes (${result.appends} note edits, ${result.moves} moves, ${result.activities} activities) in ${result.seconds.toFixed(0)} s, ${result.conflicts} conflicts (retried), ${result.lostUpdates} lost updates, ${result.duplicates} doubled, ${result.locks} lock errors, integrity ${result.integrity}\n`,
    );
    expect(result.errors).toEqual({});
    expect(result.lostUpdates).toBe(0);
    expect(result.duplicates).toBe(0);
    expect(result.integrity).toBe('ok');
  });
});
