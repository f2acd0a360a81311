import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appWithDatabase, rawConnection, T0, tempDir, testApp } from './harness';

describe('saved mappings', () => {
  it('saves, lists by name, replaces by name without case and deletes', async () => {
    const t = await appWithDatabase();
    expect(await t.call('mappings.list', {})).toEqual([]);

    const messe = await t.call('mappings.save', {
      name: 'Messe-Liste',
      mapping: { Vorname: 'firstName', Nachname: 'lastName', Kürzel: null },
    });
    expect(messe).toEqual({
      id: expect.any(String),
      name: 'Messe-Liste',
      mapping: { Vorname: 'firstName', Nachname: 'lastName', Kürzel: null },
      updatedAt: T0,
    });
    await t.call('mappings.save', { name: 'webinar', mapping: { Email: 'email' } });
    await t.call('mappings.save', { name: 'Adressen', mapping: { PLZ: 'postalCode' } });
    expect((await t.call('mappings.list', {})).map((m) => m.name)).toEqual([
      'Adressen',
      'Messe-Liste',
      'webinar',
    ]);

    t.clock.now = T0 + 60_000;
    const replaced = await t.call('mappings.save', {
      name: 'messe-liste',
      mapping: { 'E-Mail': 'email' },
    });
    expect(replaced).toEqual({
      id: messe.id,
      name: 'messe-liste',
      mapping: { 'E-Mail': 'email' },
      updatedAt: T0 + 60_000,
    });
    const list = await t.call('mappings.list', {});
    expect(list).toHaveLength(3);
    expect(list.find((m) => m.id === messe.id)).toEqual(replaced);

    const stored = rawConnection(t.path)
      .prepare('SELECT created_at, updated_by FROM import_mappings WHERE id = ?')
      .get(messe.id);
    expect(stored).toEqual({ created_at: T0, updated_by: t.user.id });

    expect(await t.call('mappings.delete', { id: messe.id })).toEqual({});
    expect((await t.call('mappings.list', {})).map((m) => m.name)).toEqual(['Adressen', 'webinar']);
    expect((await t.fail('mappings.delete', { id: messe.id })).code).toBe('NOT_FOUND');
  });

  it('belongs to the database file', async () => {
    const t = await appWithDatabase();
    await t.call('mappings.save', { name: 'Messe', mapping: { Vorname: 'firstName' } });
    await t.call('database.create', { path: join(t.dir, 'other.sqlite') });
    expect(await t.call('mappings.list', {})).toEqual([]);
    await t.call('database.open', { path: t.path });
    expect((await t.call('mappings.list', {})).map((m) => m.name)).toEqual(['Messe']);
  });

  it('refuses unknown fields and empty names', async () => {
    const t = await appWithDatabase();
    const unknown = await t.fail('mappings.save', { name: 'X', mapping: { Vorname: 'vorname' } });
    expect(unknown.code).toBe('VALIDATION');
    const empty = await t.fail('mappings.save', { name: '  ', mapping: {} });
    expect(empty.code).toBe('VALIDATION');
    expect(await t.call('mappings.list', {})).toEqual([]);
  });

  it('lists a mapping saved by a newer version without the fields it does not know', async () => {
    const t = await appWithDatabase();
    rawConnection(t.path)
      .prepare(
        `INSERT INTO import_mappings (id, name, mapping, created_at, updated_at, updated_by)
         VALUES ('m-new', 'Neu', ?, ?, ?, NULL)`,
      )
      .run(JSON.stringify({ Vorname: 'firstName', Geburtstag: 'birthday', Alt: null }), T0, T0);
    expect(await t.call('mappings.list', {})).toEqual([
      { id: 'm-new', name: 'Neu', mapping: { Vorname: 'firstName', Alt: null }, updatedAt: T0 },
    ]);
  });

  it('needs a chosen user to save and an open database to list', async () => {
    const dir = tempDir();
    const t = testApp({ configDir: join(dir, 'config') });
    expect((await t.fail('mappings.list', {})).code).toBe('NO_DATABASE');
    await t.call('database.create', { path: join(dir, 'team.sqlite') });
    const error = await t.fail('mappings.save', { name: 'Messe', mapping: {} });
    expect(error.code).toBe('NO_USER');
  });
});
