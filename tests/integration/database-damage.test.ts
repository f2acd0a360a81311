import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { AppState } from '@core/ipc/contract';
import { LocalConfigStore } from '../../src/main/config/local-config';
import { openDatabase } from '../../src/main/db/connection';
import type { AppContext } from '../../src/main/services/context';
import { checkIntegrity } from '../../src/main/services/database-health';
import { appWithDatabase, createLead, T0, testApp, type TestApp } from './harness';

/**
 * A file with a damaged page (garbage in a page of the leads table, the header intact) is
 * opened and read, found damaged by the quick check after opening — or by any SQLITE_CORRUPT
 * — and from then on never written: no write channel, no background work, not SQLite itself
 * (the file is reopened read-only, its journal stays as it is).
 */

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * Overwrites the last leaf page (in key order) of the leads table with garbage; returns the
 * newest lead, which lives on it.
 */
function damageLeadsPage(path: string): { id: string; version: number } {
  const raw = new BetterSqlite3(path, { readonly: true });
  const newest = raw.prepare('SELECT id, version FROM leads ORDER BY rowid DESC LIMIT 1').get() as {
    id: string;
    version: number;
  };
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  const leaves = raw
    .prepare(`SELECT pageno FROM dbstat WHERE name = 'leads' AND pagetype = 'leaf' ORDER BY path`)
    .pluck()
    .all() as number[];
  raw.close();
  const page = leaves.at(-1);
  if (page === undefined || leaves.length < 2) throw new Error('leads need several pages');
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
  return newest;
}

/** A closed file with Anna Petersen (first leaf page) and 300 more leads, its last page damaged. */
async function damagedFile() {
  const t = await appWithDatabase();
  const anna = await createLead(t, { firstName: 'Anna', lastName: 'Petersen' });
  await t.call('demo.generate', { count: 300 });
  await t.call('database.close', {});
  const newest = damageLeadsPage(t.path);
  return { ...t, anna, newest };
}

/** Waits until every window was told that the file is damaged (and it is read-only). */
async function waitUntilDamaged(t: TestApp): Promise<void> {
  await vi.waitFor(() => {
    const told = t.events.some(
      (event) =>
        event.event === 'database.changed' && (event.payload as AppState).database?.damaged,
    );
    expect(told).toBe(true);
  });
  expect((await t.call('app.state', {})).database?.damaged).toBe(true);
}

describe('a file with a damaged page', () => {
  it('opens, is found damaged in the background, refuses every write with DB_CORRUPT and keeps reading; file and journal stay byte-identical', async () => {
    const { path, dir, configDir, anna, newest, user } = await damagedFile();
    const journal = `${path}-journal`;
    // TRUNCATE mode keeps an empty journal: it must stay exactly as it is.
    expect(readFileSync(journal).length).toBe(0);
    const before = sha256(path);

    const t = testApp({ configDir });
    const opened = await t.call('database.open', { path });
    expect(opened.database).toMatchObject({ fileName: 'team.sqlite' });
    await waitUntilDamaged(t);
    expect(t.app.session()?.raw.readonly).toBe(true);

    const create = await t.fail('leads.create', { fields: { firstName: 'Neu', lastName: 'Lead' } });
    expect(create).toMatchObject({
      code: 'DB_CORRUPT',
      params: { file: 'team.sqlite', folder: dir },
    });
    expect(create.message).toBe(
      'Die Datei „team.sqlite“ ist beschädigt. Leadwerk zeigt sie nur noch zum Lesen an und schreibt nicht mehr hinein, damit nichts weiter verloren geht. Bitte die Datei (mit ihrem „-journal“, falls vorhanden) nicht löschen und eine Sicherung öffnen.',
    );
    const update = { id: anna.id, version: anna.version, fields: { jobTitle: 'Einkauf' } };
    expect((await t.fail('leads.update', update)).code).toBe('DB_CORRUPT');
    expect(
      (await t.fail('leads.move', { id: anna.id, version: anna.version, to: 'lead' })).code,
    ).toBe('DB_CORRUPT');
    expect((await t.fail('users.create', { name: 'Jana Becker' })).code).toBe('DB_CORRUPT');
    expect((await t.fail('scoring.recompute', {})).code).toBe('DB_CORRUPT');
    expect((await t.fail('demo.generate', { count: 5 })).code).toBe('DB_CORRUPT');
    const csv = join(t.configDir, 'neu.csv');
    writeFileSync(csv, 'Vorname;Nachname\nJan;Anders\n');
    const options = {
      mapping: { Vorname: 'firstName', Nachname: 'lastName' },
      sourceChannel: 'trade_fair',
    } as const;
    for (const dryRun of [false, true]) {
      const importing = await t.fail('import.start', { path: csv, options, dryRun });
      expect(importing.code).toBe('DB_CORRUPT');
    }

    // Reads go on: who is who, the lead on an intact page; the damaged page answers DB_CORRUPT.
    expect((await t.call('app.state', {})).user?.id).toBe(user.id);
    expect((await t.call('users.list', {})).map((u) => u.name)).toContain('Sabine Vogt');
    expect((await t.call('leads.get', { id: anna.id })).lead.lastName).toBe('Petersen');
    expect((await t.call('leads.list', { filters: {} })).total).toBeGreaterThan(0);
    const lost = await t.fail('leads.get', { id: newest.id });
    expect(lost.code).toBe('DB_CORRUPT');
    expect(lost.message).not.toContain('keine SQLite-Datei');

    await t.call('database.close', {});
    expect(sha256(path)).toBe(before);
    expect(existsSync(journal)).toBe(true);
    expect(readFileSync(journal).length).toBe(0);
  });

  it('is flagged by the quick check alone, before anything reads the damaged page', async () => {
    const { path } = await damagedFile();
    const session = await openDatabase(path, 'open', { busyTimeoutMs: 200, now: () => T0 });
    const logs: string[] = [];
    const ctx: AppContext = {
      host: { kind: 'test', emit() {} },
      log: (message) => logs.push(message),
      configDir: join(path, '..', 'config'),
      config: new LocalConfigStore(join(path, '..', 'config')),
      now: () => T0,
      newId: () => 'id',
      busyTimeoutMs: 200,
      fallbackLanguage: 'de',
      session,
    };
    try {
      expect(session.damaged).toBe(false);
      await checkIntegrity(ctx, session);
      expect(session.damaged).toBe(true);
      expect(session.raw.readonly).toBe(true);
      expect(logs).toEqual([`${path} is damaged; it is open read-only from now on`]);
    } finally {
      await session.close();
    }
  });

  it('finds an intact file intact', async () => {
    const t = await appWithDatabase();
    await t.call('demo.generate', { count: 50 });
    const session = t.app.session();
    if (session === null) throw new Error('no session');
    const ctx = { ...contextStub(), session, log: () => undefined };
    await checkIntegrity(ctx, session);
    expect(session.damaged).toBe(false);
    await createLead(t, { firstName: 'Jan', lastName: 'Anders' });
  });

  it('switches to read-only on an SQLITE_CORRUPT met by a write, before the check has run', async () => {
    const { path, configDir, newest: last } = await damagedFile();
    const before = sha256(path);
    const t = testApp({ configDir });
    // Right after opening, before the background check gets its turn.
    const failed = await t.app.dispatch('database.open', { path }).then(() =>
      t.app.dispatch('leads.update', {
        id: last.id,
        version: last.version,
        fields: { jobTitle: 'Einkauf' },
      }),
    );
    expect(failed).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });
    const switched = t.logs.find((entry) => entry.message.endsWith('open read-only from now on'));
    expect(switched?.error).toMatchObject({ code: expect.stringMatching(/^SQLITE_CORRUPT/) });
    expect((await t.call('app.state', {})).database?.damaged).toBe(true);
    expect((await t.fail('leads.create', { fields: { firstName: 'A', lastName: 'B' } })).code).toBe(
      'DB_CORRUPT',
    );
    await t.call('database.close', {});
    expect(sha256(path)).toBe(before);
  });
});

function contextStub(): Omit<AppContext, 'session' | 'log'> {
  return {
    host: { kind: 'test', emit() {} },
    configDir: '/nonexistent',
    config: new LocalConfigStore('/nonexistent'),
    now: () => T0,
    newId: () => 'id',
    busyTimeoutMs: 200,
    fallbackLanguage: 'de',
  };
}
