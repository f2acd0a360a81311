import BetterSqlite3 from 'better-sqlite3';
import { createHash, createHmac } from 'node:crypto';
import { Kysely, SqliteDialect } from 'kysely';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations';
import { m0001Initial } from '../../src/main/db/migrations/0001-initial';
import { m0002Scoring } from '../../src/main/db/migrations/0002-scoring';
import { m0003Import } from '../../src/main/db/migrations/0003-import';
import { rawConnection, tempDir, testApp } from './harness';
import { runImport, summaryOf, writeCsv } from './import-harness';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The suppressed values of the schema-3 file, hashed as Leadwerk with schema 3 did. */
const SUPPRESSED = {
  email: 'email:widerspruch@beispiel.de',
  phone: 'phone:+49891234567',
};

/**
 * A file as Leadwerk with schema 3 left it: a person who objected was flagged and then
 * deleted, so only the plain SHA-256 hashes of their e-mail and phone number remain.
 */
async function schemaThreeFile(path: string): Promise<void> {
  const raw = new BetterSqlite3(path);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations take untyped handles
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
  await m0001Initial.up(db);
  await m0002Scoring.up(db);
  await m0003Import.up(db);
  raw.pragma('user_version = 3');
  const now = Date.UTC(2026, 10, 1);
  const insert = raw.prepare(
    `INSERT INTO suppression_list (hash, kind, created_at) VALUES (?, ?, ?)`,
  );
  insert.run(sha256(SUPPRESSED.email), 'email', now);
  insert.run(sha256(SUPPRESSED.phone), 'phone', now);
  await db.destroy();
}

describe('migration 0004 (keyed suppression list)', () => {
  it('keys the stored hashes in place; the person stays suppressed for imports', async () => {
    const dir = tempDir();
    const path = join(dir, 'alt.sqlite');
    await schemaThreeFile(path);
    const t = testApp();
    const state = await t.call('database.open', { path });
    expect(state.database?.schemaVersion).toBe(LATEST_SCHEMA_VERSION);

    const raw = rawConnection(path, { readonly: true });
    const key = raw
      .prepare(`SELECT value FROM file_secrets WHERE name = 'suppression_hmac'`)
      .pluck()
      .get() as Buffer;
    const listed = raw.prepare('SELECT hash, kind FROM suppression_list ORDER BY kind').all();
    raw.close();
    expect(key.length).toBe(32);
    const keyed = (text: string) =>
      createHmac('sha256', key).update(sha256(text), 'utf8').digest('hex');
    expect(listed).toEqual([
      { hash: keyed(SUPPRESSED.email), kind: 'email' },
      { hash: keyed(SUPPRESSED.phone), kind: 'phone' },
    ]);

    await t.call('users.create', { name: 'Sabine Vogt' });
    const csv = writeCsv(dir, 'messe.csv', [
      ['Vorname', 'Nachname', 'E-Mail', 'Telefon'],
      ['Wieder', 'Da', 'Widerspruch@Beispiel.de', ''],
      ['Anderer', 'Name', '', '089 1234567'],
      ['Darf', 'Rein', 'darf.rein@beispiel.de', ''],
    ]);
    const summary = summaryOf(await runImport(t, csv));
    expect(summary.suppressed).toBe(2);
    expect(summary.created).toBe(1);
  });

  it('gives two files migrated from schema 3 different keys', async () => {
    const dir = tempDir();
    const keys: Buffer[] = [];
    for (const name of ['a.sqlite', 'b.sqlite']) {
      const path = join(dir, name);
      await schemaThreeFile(path);
      await testApp().call('database.open', { path });
      const raw = rawConnection(path, { readonly: true });
      keys.push(raw.prepare('SELECT value FROM file_secrets').pluck().get() as Buffer);
      raw.close();
    }
    expect(keys[0]?.equals(keys[1] as Buffer)).toBe(false);
  });
});
