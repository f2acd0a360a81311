import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BUSY_TIMEOUT_MS } from '../../src/main/app';
import { buildWorker, killWorkers, runConcurrency, type BuiltWorker } from './concurrency-harness';
import { tempDir } from './harness';

/**
 * Four real processes edit the same three leads of one file at once, through the app's own
 * services with the product's pragmas (journal TRUNCATE, synchronous FULL, BEGIN IMMEDIATE)
 * and busy timeout: notes by read-modify-write with the lead's version, moves between two
 * stages, activities. No successful write may be lost or doubled, stale versions come back
 * as CONFLICT values, locks wait instead of failing, and the file stays intact. The long run
 * (more processes, minutes) is in `npm run bench`.
 */
let worker: BuiltWorker;

beforeAll(async () => {
  worker = await buildWorker();
}, 60_000);

afterAll(() => {
  killWorkers();
  worker.dispose();
});

describe('several processes editing one file', () => {
  it('loses no update, reports conflicts as values and keeps the file intact', async () => {
    const result = await runConcurrency({
      worker,
      dir: tempDir(),
      processes: 4,
      operationsPerProcess: 150,
      leads: 3,
      busyTimeoutMs: DEFAULT_BUSY_TIMEOUT_MS,
    });
    process.stdout.write(
      `concurrency: ${result.writes} writes by 4 processes in ${result.seconds.toFixed(1)} s, ${result.conflicts} conflicts, ${result.lostUpdates} lost updates, ${result.locks} lock errors\n`,
    );
    expect(result.errors).toEqual({});
    expect(result.lostUpdates).toBe(0);
    expect(result.duplicates).toBe(0);
    expect(result.integrity).toBe('ok');
    expect(result.writes).toBe(4 * 150);
    // Three leads shared by four processes: stale versions must have happened, and were retried.
    expect(result.conflicts).toBeGreaterThan(0);
    expect(result.locks).toBe(0);
  }, 120_000);
});
