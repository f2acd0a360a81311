import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations';
import { m0001Initial } from '../../src/main/db/migrations/0001-initial';
import { m0002Scoring } from '../../src/main/db/migrations/0002-scoring';
import { m0003Import } from '../../src/main/db/migrations/0003-import';
import { rawConnection, tempDir, testApp } from './harness';

/** A file as schema 3 left it, with one finished import of 12 rows, 2 of them duplicates. */
async function schemaThreeFile(path: string): Promise<void> {
  const raw = new BetterSqlite3(path);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations take untyped handles
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
  for (const migration of [m0001Initial, m0002Scoring, m0003Import]) await migration.up(db);
  raw.pragma('user_version = 3');
  const at = Date.UTC(2026, 10, 1);
  raw
    .prepare(
      `INSERT INTO import_batches (id, file_name, file_path, file_size, content_hash, format, options, source_channel, status, rows_total, rows_done, created_count, filled_count, duplicate_count, started_at, heartbeat_at, finished_at)
       VALUES ('b1', 'messe.csv', '/daten/messe.csv', 100, 'hash', 'csv', '{}', 'trade_fair', 'done', 12, 12, 10, 2, 2, ?, ?, ?)`,
    )
    .run(at, at, at);
  await db.destroy();
}

describe('migration 0005 (possible duplicates)', () => {
  it('gives earlier imports a count of possible duplicates of 0 and keeps their counts', async () => {
    const path = join(tempDir(), 'old.sqlite');
    await schemaThreeFile(path);
    const t = testApp();
    const state = await t.call('database.open', { path });
    expect(state.database?.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(await t.call('imports.list', {})).toMatchObject([
      { id: 'b1', created: 10, filled: 2, duplicates: 2, possibleDuplicates: 0 },
    ]);
    await t.call('database.close', {});
    const raw = rawConnection(path);
    expect(raw.prepare('SELECT version FROM schema_migrations').pluck().all()).toContain(5);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
