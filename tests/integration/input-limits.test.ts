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
});
