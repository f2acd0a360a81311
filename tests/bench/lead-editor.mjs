import BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * A colleague editing leads while an import runs: a worker thread with its own connection
 * (the app's pragmas and busy timeout) that changes the notes of one lead after the other
 * in `BEGIN IMMEDIATE` transactions, like `leads.update`, pausing `pauseMs` between edits,
 * until it is told to stop. Posts how many edits it made, how many were refused with
 * SQLITE_BUSY ("locked by another program") and how long they waited for the lock.
 */
const { path, busyTimeoutMs, leadIds, pauseMs } = workerData;
const db = new BetterSqlite3(path, { timeout: busyTimeoutMs });
db.pragma('journal_mode = TRUNCATE');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma(`busy_timeout = ${busyTimeoutMs}`);
const update = db.prepare(
  'UPDATE leads SET notes = ?, version = version + 1, updated_at = ? WHERE id = ?',
);

let stop = false;
parentPort.on('message', () => {
  stop = true;
});

const pause = () => new Promise((resolve) => setTimeout(resolve, pauseMs));
const stats = { writes: 0, busy: 0, otherErrors: 0, waitsMs: [] };
let n = 0;
while (!stop) {
  const id = leadIds[n % leadIds.length];
  n += 1;
  const started = performance.now();
  try {
    try {
      db.exec('BEGIN IMMEDIATE');
    } finally {
      stats.waitsMs.push(performance.now() - started);
    }
    update.run(`Notiz ${n}`, Date.now(), id);
    db.exec('COMMIT');
    stats.writes += 1;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (error?.code === 'SQLITE_BUSY') stats.busy += 1;
    else stats.otherErrors += 1;
  }
  await pause();
}
db.close();
parentPort.postMessage(stats);
