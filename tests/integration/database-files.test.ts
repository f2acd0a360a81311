import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/db/migrations';
import { appWithDatabase, rawConnection, tempDir, testApp } from './harness';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('opening database files', () => {
  it('creates a file with every migration applied and re-opens it without migrating again', async () => {
    const dir = tempDir();
    const path = join(dir, 'new.sqlite');
    const t = testApp();
    const state = await t.call('database.create', { path });
    expect(state.database).toEqual({
      path,
      fileName: 'new.sqlite',
      schemaVersion: LATEST_SCHEMA_VERSION,
      damaged: false,
    });
    await t.call('database.close', {});

    const raw = rawConnection(path);
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const applied = raw
      .prepare('SELECT version, name FROM schema_migrations ORDER BY version')
      .all();
    expect(applied).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    const tables = raw
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%STRICT'`)
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'users',
        'companies',
        'campaigns',
        'leads',
        'lead_stage_changes',
        'lead_activities',
        'settings',
        'schema_migrations',
      ]),
    );
    raw.close();

    const reopened = await t.call('database.open', { path });
    expect(reopened.database?.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const again = rawConnection(path);
    expect(again.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(
      MIGRATIONS.length,
    );
  });

  it('creates in an existing empty file but refuses a non-empty one with DB_EXISTS', async () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    const t = testApp();
    expect((await t.call('database.create', { path: empty })).database?.fileName).toBe(
      'empty.sqlite',
    );
    await t.call('database.close', {});
    const error = await t.fail('database.create', { path: empty });
    expect(error.code).toBe('DB_EXISTS');
    expect(error.params).toEqual({ file: 'empty.sqlite' });
    expect(error.message).toBe(
      'Die Datei „empty.sqlite“ gibt es schon. Bitte öffnen statt neu anlegen.',
    );
  });

  it('refuses to create a database in the empty journal of an open one, which stays intact', async () => {
    const dir = tempDir();
    const path = join(dir, 'team.sqlite');
    const t = testApp();
    await t.call('database.create', { path });
    await t.call('users.create', { name: 'Erika Muster' });
    const journal = `${path}-journal`;
    // journal_mode=TRUNCATE leaves an empty journal behind after the first write.
    expect(statSync(journal).size).toBe(0);
    const other = testApp();
    for (const target of [journal, `${path}-WAL`, `${path}-shm`]) {
      const error = await other.fail('database.create', { path: target });
      expect(error.code).toBe('FILE_TARGET_REFUSED');
      expect(error.message).toContain('Datenbankdatei');
    }
    expect(statSync(journal).size).toBe(0);
    await t.call('database.close', {});
    const reopened = await testApp().call('database.open', { path });
    expect(reopened.database?.fileName).toBe('team.sqlite');
  });

  it('refuses a missing file with DB_NOT_FOUND and creates nothing', async () => {
    const path = join(tempDir(), 'missing.sqlite');
    const error = await testApp().fail('database.open', { path });
    expect(error).toMatchObject({ code: 'DB_NOT_FOUND', params: { file: 'missing.sqlite' } });
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a text file with DB_NOT_SQLITE and leaves it unchanged', async () => {
    const path = join(tempDir(), 'notes.sqlite');
    writeFileSync(path, 'Kunden: Petersen, Anders, Teichmann\n');
    const before = sha256(path);
    const error = await testApp().fail('database.open', { path });
    expect(error.code).toBe('DB_NOT_SQLITE');
    expect(error.key).toBe('errors.DB_NOT_SQLITE');
    expect(error.message).toContain('„notes.sqlite“ ist keine Leadwerk-Datenbank');
    expect(sha256(path)).toBe(before);
  });

  it('refuses the SQLite file of another program and leaves it unchanged', async () => {
    const path = join(tempDir(), 'other.db');
    const other = rawConnection(path);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER)');
    other.close();
    const before = sha256(path);
    expect((await testApp().fail('database.open', { path })).code).toBe('DB_NOT_SQLITE');
    expect(sha256(path)).toBe(before);
  });

  it('refuses a read-only file with DB_READ_ONLY', async () => {
    const { path, dir, call } = await appWithDatabase();
    await call('database.close', {});
    chmodSync(path, 0o444);
    const before = sha256(path);
    const error = await testApp().fail('database.open', { path });
    expect(error.code).toBe('DB_READ_ONLY');
    expect(error.message).toBe(
      `Die Datei „team.sqlite“ (im Ordner ${dir}) ist schreibgeschützt: Leadwerk kann darin nichts speichern. Bitte Schreibrechte für die Datei und den Ordner geben oder eine Kopie öffnen.`,
    );
    expect(sha256(path)).toBe(before);
  });

  it('refuses a file locked by another program with DB_LOCKED', async () => {
    const { path, call } = await appWithDatabase();
    await call('database.close', {});
    const other = rawConnection(path);
    other.exec('BEGIN EXCLUSIVE');
    const t = testApp({ busyTimeoutMs: 50 });
    const error = await t.fail('database.open', { path });
    expect(error.code).toBe('DB_LOCKED');
    expect(error.message).toContain('„team.sqlite“ ist gerade von einem anderen Programm gesperrt');
    other.exec('ROLLBACK');
    expect((await t.call('database.open', { path })).database?.fileName).toBe('team.sqlite');
  });

  it('refuses a file from a newer schema with DB_TOO_NEW and leaves it byte-identical', async () => {
    const { path, call } = await appWithDatabase();
    await call('database.close', {});
    const raw = rawConnection(path);
    raw.pragma('user_version = 999');
    raw.close();
    const before = sha256(path);
    const t = testApp();
    const error = await t.fail('database.open', { path });
    expect(error.code).toBe('DB_TOO_NEW');
    expect(error.params).toEqual({ file: 'team.sqlite', found: 999, known: LATEST_SCHEMA_VERSION });
    expect(error.message).toContain(`(Schema 999, diese Version kennt ${LATEST_SCHEMA_VERSION})`);
    expect(sha256(path)).toBe(before);
    expect(existsSync(`${path}-journal`)).toBe(false);
    expect((await t.call('app.state', {})).database).toBeNull();
  });

  it('keeps the open database when opening another file fails', async () => {
    const t = await appWithDatabase();
    const bad = join(t.dir, 'bad.sqlite');
    writeFileSync(bad, 'nope');
    expect((await t.fail('database.open', { path: bad })).code).toBe('DB_NOT_SQLITE');
    expect((await t.call('app.state', {})).database?.path).toBe(t.path);
  });

  it('answers NO_DATABASE when nothing is open and UNSUPPORTED for pick without dialogs', async () => {
    const t = testApp();
    const error = await t.fail('board.load', { filters: {} });
    expect(error).toMatchObject({
      code: 'NO_DATABASE',
      message: 'Es ist keine Datenbank geöffnet.',
    });
    expect((await t.fail('database.pick', { purpose: 'open' })).code).toBe('UNSUPPORTED');
  });
});
