import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appWithDatabase, tempDir, testApp } from './harness';

const MEGABYTE = 1024 * 1024;

describe('length limits of the contract', () => {
  it('refuses a 1 MB database path with "too long" before the handler touches the disk', async () => {
    const t = testApp();
    const dir = tempDir();
    // The handler would create the folder first and only then fail on the file name.
    const path = join(dir, 'neu', `${'a'.repeat(MEGABYTE)}.sqlite`);
    for (const channel of ['database.create', 'database.open', 'database.openDemo'] as const) {
      const error = await t.fail(channel, { path });
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toBe('Bitte die markierten Felder prüfen.');
      expect(error.issues).toEqual([{ path: ['path'], key: 'validation.too_long' }]);
    }
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, 'neu'))).toBe(false);
    expect(t.events).toEqual([]);
  });

  it('refuses 1 MB strings and oversized lists on every kind of channel', async () => {
    const t = await appWithDatabase();
    const huge = 'x'.repeat(MEGABYTE);
    const cases: [string, unknown, (string | number)[]][] = [
      ['import.inspect', { path: `/tmp/${huge}` }, ['path']],
      ['export.run', { path: `/tmp/${huge}.csv` }, ['path']],
      ['leads.list', { filters: { search: huge } }, ['filters', 'search']],
      ['leads.create', { fields: { lastName: 'Kurz', notes: huge } }, ['fields', 'notes']],
      [
        'leads.create',
        { fields: { lastName: 'Kurz', expectedCloseDate: huge } },
        ['fields', 'expectedCloseDate'],
      ],
      ['users.select', { id: huge }, ['id']],
      ['files.pick', { purpose: 'import', defaultName: huge }, ['defaultName']],
      [
        'mappings.save',
        {
          name: 'Messe',
          mapping: Object.fromEntries(
            Array.from({ length: 1001 }, (_, i) => [`Spalte ${i}`, null]),
          ),
        },
        ['mapping'],
      ],
    ];
    for (const [channel, input, path] of cases) {
      const error = await t.fail(channel, input);
      expect(error.code, channel).toBe('VALIDATION');
      expect(error.issues?.[0]?.path, channel).toEqual(path);
      expect(error.issues?.[0]?.key, channel).toMatch(/^validation\.(too_long|date)$/);
    }
    expect((await t.call('mappings.list', {})).length).toBe(0);
    expect((await t.call('leads.list', { filters: {} })).total).toBe(0);
  });

  it('refuses paths no file system can name, and a folder that is a file, in words', async () => {
    const t = await appWithDatabase();
    for (const name of ['a\u0000b.sqlite', '\uD800.sqlite', `${'ä'.repeat(128)}.sqlite`]) {
      const error = await t.fail('database.create', { path: join(t.dir, name) });
      expect(error.code, JSON.stringify(name)).toBe('VALIDATION');
      expect(error.issues?.[0]?.key).toMatch(/^validation\.(invalid|too_long)$/);
    }
    const deep = join(t.dir, ...Array.from({ length: 20 }, () => 'ü'.repeat(110)), 'x.sqlite');
    expect((await t.fail('export.run', { path: deep })).issues).toEqual([
      { path: ['path'], key: 'validation.too_long' },
    ]);
    const error = await t.fail('database.create', { path: join(t.path, 'unter.sqlite') });
    expect(error.code).toBe('DB_NOT_FOUND');
    expect(error.message).toBe(
      `Die Datenbank „unter.sqlite“ kann dort nicht angelegt werden: „${t.path}“ ist kein Ordner, sondern eine Datei. Bitte einen anderen Ort wählen.`,
    );
    expect(readdirSync(t.dir).sort()).toEqual(['config', 'team.sqlite', 'team.sqlite-journal']);
  });
});
