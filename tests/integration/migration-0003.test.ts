import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { personKey } from '@core/import/match-keys';
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations';
import { m0001Initial } from '../../src/main/db/migrations/0001-initial';
import { m0002Scoring } from '../../src/main/db/migrations/0002-scoring';
import { rawConnection, tempDir, testApp } from './harness';

/** Builds a file as Leadwerk with schema 2 left it, with one lead, its company and activity. */
async function schemaTwoFile(path: string): Promise<void> {
  const raw = new BetterSqlite3(path);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations take untyped handles
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
  await m0001Initial.up(db);
  await m0002Scoring.up(db);
  raw.pragma('user_version = 2');
  const now = Date.UTC(2026, 10, 1);
  raw
    .prepare(
      `INSERT INTO companies (id, name, name_folded, created_at, updated_at) VALUES ('c1', 'Müller & Söhne GmbH', 'mueller & soehne gmbh', ?, ?)`,
    )
    .run(now, now);
  raw
    .prepare(
      `INSERT INTO leads (id, salutation, first_name, last_name, buying_role, company_id, source_channel, stage, stage_entered_at, search_text, created_at, updated_at)
       VALUES ('l1', 'herr', 'Jürgen', 'Weiß', 'unknown', 'c1', 'trade_fair', 'lead', ?, 'juergen weiss', ?, ?)`,
    )
    .run(now, now, now);
  raw
    .prepare(
      `INSERT INTO leads (id, salutation, first_name, last_name, buying_role, source_channel, stage, stage_entered_at, search_text, created_at, updated_at)
       VALUES ('l2', 'frau', 'Anna', 'Petersen', 'unknown', 'other', 'suspect', ?, 'anna petersen', ?, ?)`,
    )
    .run(now, now, now);
  raw
    .prepare(
      `INSERT INTO lead_activities (id, lead_id, kind, occurred_at, text, created_at) VALUES ('a1', 'l1', 'download', ?, 'Preisliste', ?)`,
    )
    .run(now, now);
  raw
    .prepare(
      `INSERT INTO lead_stage_changes (id, lead_id, from_stage, to_stage, origin, changed_at) VALUES ('s1', 'l1', NULL, 'lead', 'user', ?)`,
    )
    .run(now);
  await db.destroy();
}

describe('migration 0003 (import)', () => {
  it('upgrades a schema-2 file: person keys filled, activities kept, imported kind allowed', async () => {
    const path = join(tempDir(), 'old.sqlite');
    await schemaTwoFile(path);
    const t = testApp();
    const state = await t.call('database.open', { path });
    expect(state.database?.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    await t.call('database.close', {});

    const raw = rawConnection(path);
    const keys = raw.prepare('SELECT id, person_key, do_not_contact FROM leads ORDER BY id').all();
    expect(keys).toEqual([
      {
        id: 'l1',
        person_key: personKey('Jürgen', 'Weiß', 'Müller & Söhne GmbH'),
        do_not_contact: 0,
      },
      { id: 'l2', person_key: null, do_not_contact: 0 },
    ]);
    expect(personKey('Juergen', 'Weiss', 'Mueller und Soehne AG')).toBe(
      keys[0]?.['person_key' as never],
    );
    expect(raw.prepare('SELECT id, kind, text FROM lead_activities').all()).toEqual([
      { id: 'a1', kind: 'download', text: 'Preisliste' },
    ]);
    const now = Date.UTC(2026, 10, 2);
    raw
      .prepare(
        `INSERT INTO lead_activities (id, lead_id, kind, occurred_at, text, created_at) VALUES ('a2', 'l1', 'imported', ?, 'messe.csv', ?)`,
      )
      .run(now, now);
    expect(() =>
      raw
        .prepare(
          `INSERT INTO lead_activities (id, lead_id, kind, occurred_at, text, created_at) VALUES ('a3', 'l1', 'telepathy', ?, '', ?)`,
        )
        .run(now, now),
    ).toThrow(/CHECK/);
    // The leads table was rebuilt with foreign keys off: nothing referring to it was lost,
    // the keys are on again, and a lead may now have a last name only.
    expect(raw.prepare('SELECT id FROM lead_stage_changes').pluck().all()).toEqual(['s1']);
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    const state2 = await testApp().call('database.open', { path });
    expect(state2.database?.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    raw
      .prepare(
        `INSERT INTO leads (id, salutation, last_name, buying_role, source_channel, stage, stage_entered_at, search_text, created_at, updated_at)
         VALUES ('l3', 'none', 'ÑÑÑÑ', 'unknown', 'other', 'suspect', ?, 'nnnn', ?, ?)`,
      )
      .run(now, now, now);
    expect(() =>
      raw
        .prepare(
          `INSERT INTO leads (id, salutation, first_name, last_name, buying_role, source_channel, stage, stage_entered_at, search_text, created_at, updated_at)
           VALUES ('l4', 'none', 'Anna', ' ', 'unknown', 'other', 'suspect', ?, 'anna', ?, ?)`,
        )
        .run(now, now, now),
    ).toThrow(/CHECK/);
    raw.close();
  });
});
