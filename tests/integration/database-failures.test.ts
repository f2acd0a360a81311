import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { AppErrorData } from '@core/ipc/result';
import { LocalConfigStore } from '../../src/main/config/local-config';
import type { OpenDatabase } from '../../src/main/db/connection';
import type { AppContext } from '../../src/main/services/context';
import { keepScoresFresh } from '../../src/main/services/scoring-service';
import {
  appWithDatabase,
  createLead,
  DAY,
  rawConnection,
  tempDir,
  testApp,
  type TestApp,
} from './harness';

/**
 * The disk fills up, the drive fails or disappears, the file becomes read-only: SQLite's own
 * error survives its automatic rollback and reaches the user as a message in their language
 * naming the file and its folder — never "cannot rollback", never English inside German —
 * and the file stays consistent and usable once the cause is gone.
 */

/** Largest page count SQLite allows: "the disk has space again". */
const NO_LIMIT = 0xfffffffe;

/** Notes long enough to need new pages (overflow pages) in the file. */
const LONG_NOTES = Array.from({ length: 600 }, () => 'Gesprächsnotiz Messe Hamburg.').join(' ');

function sessionOf(t: TestApp): OpenDatabase {
  const session = t.app.session();
  if (session === null) throw new Error('no database open');
  return session;
}

/** Fills the disk for the app's own connection: the file may not grow by a single page. */
function fillDisk(session: OpenDatabase): void {
  const pages = session.raw.pragma('page_count', { simple: true }) as number;
  session.raw.pragma(`max_page_count = ${pages}`);
}

function expectNoTechnicalText(error: AppErrorData): void {
  expect(error.message).not.toMatch(/SQLITE_|rollback|disk I\/O|database or disk|\{\{|\n\s+at /i);
}

function expectConsistent(session: OpenDatabase): void {
  expect(session.raw.inTransaction).toBe(false);
  expect(session.raw.pragma('integrity_check', { simple: true })).toBe('ok');
}

describe('a full disk', () => {
  it('answers leads.create and leads.update with DB_FULL naming file and folder; the same writes succeed once space is free', async () => {
    const t = await appWithDatabase();
    const anna = await createLead(t, { firstName: 'Anna', lastName: 'Petersen' });
    const session = sessionOf(t);
    fillDisk(session);

    const created = await t.fail('leads.create', {
      fields: { firstName: 'Karl', lastName: 'Schick', notes: LONG_NOTES },
    });
    expect(created).toMatchObject({
      code: 'DB_FULL',
      key: 'errors.DB_FULL',
      params: { file: 'team.sqlite', folder: t.dir },
    });
    expect(created.message).toBe(
      `Auf dem Laufwerk von „team.sqlite“ (${t.dir}) ist kein Platz mehr. Nichts wurde gespeichert, Ihre Eingaben bleiben erhalten. Bitte dort Speicherplatz freigeben und erneut speichern.`,
    );
    expectNoTechnicalText(created);
    const update = { id: anna.id, version: anna.version, fields: { notes: LONG_NOTES } };
    expect(await t.fail('leads.update', update)).toMatchObject({ code: 'DB_FULL' });
    expectConsistent(session);
    expect((await t.call('leads.list', { filters: {} })).total).toBe(1);
    expect((await t.call('leads.get', { id: anna.id })).lead).toMatchObject({
      notes: '',
      version: anna.version,
    });

    session.raw.pragma(`max_page_count = ${NO_LIMIT}`);
    const karl = await createLead(t, { firstName: 'Karl', lastName: 'Schick', notes: LONG_NOTES });
    expect(karl.notes).toBe(LONG_NOTES);
    const updated = await t.call('leads.update', update);
    expect(updated.lead).toMatchObject({ notes: LONG_NOTES, version: anna.version + 1 });
    expect((await t.call('leads.list', { filters: {} })).total).toBe(2);
    expectConsistent(session);
  });

  it('speaks English when the user does', async () => {
    const t = await appWithDatabase({ language: 'en' });
    fillDisk(sessionOf(t));
    const error = await t.fail('leads.create', {
      fields: { firstName: 'Karl', lastName: 'Schick', notes: LONG_NOTES },
    });
    expect(error.message).toBe(
      `The drive of “team.sqlite” (${t.dir}) is full. Nothing was saved; your input is kept. Please free space there and save again.`,
    );
  });
});

describe('input/output errors', () => {
  it('reports a disk I/O error as DB_IO, not as "Unerwarteter Fehler: disk I/O error"', async () => {
    const t = await appWithDatabase();
    const session = sessionOf(t);
    // The journal cannot be read or written: SQLite fails with SQLITE_IOERR and rolls back.
    rmSync(`${t.path}-journal`, { force: true });
    mkdirSync(`${t.path}-journal`);
    const error = await t.fail('leads.create', { fields: { firstName: 'A', lastName: 'B' } });
    expect(error).toMatchObject({ code: 'DB_IO', params: { file: 'team.sqlite', folder: t.dir } });
    expect(error.message).toBe(
      `Lesen oder Schreiben von „team.sqlite“ ist fehlgeschlagen (Ein-/Ausgabefehler des Laufwerks ${t.dir}). Nichts wurde gespeichert, Ihre Eingaben bleiben erhalten. Bitte prüfen, ob das Netzlaufwerk verbunden ist, und erneut versuchen.`,
    );
    expectNoTechnicalText(error);
    expect(session.raw.inTransaction).toBe(false);

    rmSync(`${t.path}-journal`, { recursive: true });
    await createLead(t, { firstName: 'A', lastName: 'B' });
    expect((await t.call('leads.list', { filters: {} })).total).toBe(1);
  });

  it('stops a score recompute with DB_IO, on request and in the background (logged with the real cause)', async () => {
    const t = await appWithDatabase();
    for (let i = 0; i < 5; i++) await createLead(t, { firstName: `Lead ${i}`, lastName: 'Test' });
    rmSync(`${t.path}-journal`, { force: true });
    mkdirSync(`${t.path}-journal`);
    // A day later every score is stale and gets written again.
    t.clock.now += DAY;
    const error = await t.fail('scoring.recompute', {});
    expect(error).toMatchObject({ code: 'DB_IO', params: { file: 'team.sqlite' } });
    expect(sessionOf(t).raw.inTransaction).toBe(false);

    // The check every just-opened file runs in the background, on the same file.
    const logs: { message: string; error: unknown }[] = [];
    const background: AppContext = {
      host: { kind: 'test', emit() {} },
      log: (message, cause) => logs.push({ message, error: cause }),
      configDir: t.configDir,
      config: new LocalConfigStore(t.configDir),
      now: () => t.clock.now,
      newId: () => randomUUID(),
      busyTimeoutMs: 200,
      fallbackLanguage: 'de',
      session: sessionOf(t),
    };
    keepScoresFresh(background, sessionOf(t));
    await vi.waitFor(() =>
      expect(logs.map((entry) => entry.message)).toContain('background recompute failed'),
    );
    expect(logs[0]?.error).toMatchObject({ code: expect.stringMatching(/^SQLITE_IOERR/) });
    expect(sessionOf(t).raw.inTransaction).toBe(false);
  });

  it('reports DB_UNREACHABLE when SQLite cannot open what it needs at open (SQLITE_CANTOPEN), and keeps nothing open', async () => {
    const dir = tempDir();
    const path = join(dir, 'neu.sqlite');
    // Where the journal has to go, something else is in the way.
    mkdirSync(`${path}-journal`);
    const t = testApp();
    const error = await t.fail('database.create', { path });
    expect(error).toMatchObject({
      code: 'DB_UNREACHABLE',
      params: { file: 'neu.sqlite', folder: dir },
    });
    expectNoTechnicalText(error);
    expect((await t.call('app.state', {})).database).toBeNull();
  });
});

describe('a vanished folder or network drive', () => {
  it('answers writes with DB_UNREACHABLE (SQLite: the file was moved) and reads go on from the open handle', async () => {
    const share = join(tempDir(), 'share');
    mkdirSync(share);
    const path = join(share, 'team.sqlite');
    const t = testApp();
    await t.call('database.create', { path });
    await t.call('users.create', { name: 'Sabine Vogt' });
    await createLead(t, { firstName: 'Anna', lastName: 'Petersen' });
    rmSync(share, { recursive: true });

    const error = await t.fail('leads.create', { fields: { firstName: 'A', lastName: 'B' } });
    expect(error).toMatchObject({
      code: 'DB_UNREACHABLE',
      params: { file: 'team.sqlite', folder: share },
    });
    expect(error.message).toBe(
      `Die Datei „team.sqlite“ ist nicht mehr erreichbar: Der Ordner ${share} oder das Netzlaufwerk ist weg. Nichts wurde gespeichert, Ihre Eingaben bleiben erhalten. Bitte die Verbindung wiederherstellen und erneut versuchen.`,
    );
    expect(sessionOf(t).raw.inTransaction).toBe(false);
    expect((await t.call('leads.list', { filters: {} })).total).toBe(1);
  });
});

describe('a vanished folder at open', () => {
  it('calls a file whose folder is gone unreachable, one missing in its folder not found', async () => {
    const share = join(tempDir(), 'share');
    const t = testApp();
    const gone = await t.fail('database.open', { path: join(share, 'team.sqlite') });
    expect(gone).toMatchObject({
      code: 'DB_UNREACHABLE',
      params: { file: 'team.sqlite', folder: share },
    });
    mkdirSync(share);
    const missing = await t.fail('database.open', { path: join(share, 'team.sqlite') });
    expect(missing).toMatchObject({ code: 'DB_NOT_FOUND', params: { file: 'team.sqlite' } });
  });
});

describe('a read-only file', () => {
  it('refuses a file without write permission at open with DB_READ_ONLY, file and folder', async () => {
    const { path, dir, call } = await appWithDatabase({ language: 'en' });
    await call('database.close', {});
    chmodSync(path, 0o444);
    const error = await testApp({ language: 'en' }).fail('database.open', { path });
    expect(error).toMatchObject({
      code: 'DB_READ_ONLY',
      params: { file: 'team.sqlite', folder: dir },
    });
    expect(error.message).toBe(
      `The file “team.sqlite” (in the folder ${dir}) is read-only: Leadwerk cannot save anything in it. Please grant write access to the file and the folder, or open a copy.`,
    );
  });

  it('answers a write SQLite refuses as read-only with DB_READ_ONLY and keeps the connection usable', async () => {
    const t = await appWithDatabase();
    const session = sessionOf(t);
    // What SQLite answers when the file turns read-only under an open connection.
    session.raw.pragma('query_only = ON');
    const error = await t.fail('leads.create', { fields: { firstName: 'A', lastName: 'B' } });
    expect(error).toMatchObject({ code: 'DB_READ_ONLY', params: { file: 'team.sqlite' } });
    expect(session.raw.inTransaction).toBe(false);
    session.raw.pragma('query_only = OFF');
    await createLead(t, { firstName: 'A', lastName: 'B' });
  });
});

describe('a crash left a hot journal', () => {
  it('opens the file (rolling the journal back) instead of calling it read-only', async () => {
    const t = await appWithDatabase();
    await createLead(t, { firstName: 'Anna', lastName: 'Petersen' });
    await t.call('database.close', {});
    // Another process dies half-way through a big write: its journal holds the old pages.
    const script = `
      const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
      const db = new Database(${JSON.stringify(t.path)});
      db.pragma('journal_mode = TRUNCATE');
      db.pragma('cache_size = 1');
      db.exec('BEGIN IMMEDIATE');
      db.prepare("UPDATE leads SET last_name = 'Kaputt', notes = ?").run('x'.repeat(50000));
      process.kill(process.pid, 'SIGKILL');`;
    expect(() => execFileSync(process.execPath, ['-e', script], { stdio: 'ignore' })).toThrow();
    expect(existsSync(`${t.path}-journal`)).toBe(true);
    const probe = rawConnection(t.path, { readonly: true });
    expect(() => probe.prepare('SELECT count(*) FROM leads').get()).toThrow(/readonly/);
    probe.close();

    const app = testApp({ configDir: t.configDir });
    await app.call('database.open', { path: t.path });
    const list = await app.call('leads.list', { filters: {} });
    expect(list.rows.map((row) => row.lastName)).toEqual(['Petersen']);
  });
});
