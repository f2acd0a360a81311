import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../src/main/config/version';
import { defaultConfigDir, defaultDatabasePath } from '../../src/main/paths';
import { appWithDatabase, DAY, T0, tempDir, testApp } from './harness';

const readConfig = (configDir: string) =>
  JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8')) as {
    language: string | null;
    recent: { path: string; openedAt: number }[];
    userByDatabase: Record<string, string>;
  };

describe('app state and the local config', () => {
  it('starts without a database, in German, with the default path in the config folder', async () => {
    const t = testApp();
    const state = await t.call('app.state', {});
    expect(state).toEqual({
      database: null,
      recent: [],
      user: null,
      language: 'de',
      host: 'test',
      canPickFiles: false,
      fileAccess: 'paths',
      defaultDatabasePath: join(t.configDir, 'leadwerk.sqlite'),
      appVersion: APP_VERSION,
    });
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });

  it('remembers the language, recent files (max 10, newest first) and the user per database', async () => {
    const t = await appWithDatabase();
    await t.call('app.setLanguage', { language: 'en' });
    const dir = tempDir();
    for (let i = 0; i < 11; i += 1) {
      t.clock.now = T0 + (i + 1) * DAY;
      await t.call('database.create', { path: join(dir, `f${i}.sqlite`) });
    }
    t.clock.now = T0 + 20 * DAY;
    const state = await t.call('database.open', { path: join(dir, 'f3.sqlite') });
    expect(state.recent.map((r) => r.fileName)).toEqual([
      'f3.sqlite',
      'f10.sqlite',
      'f9.sqlite',
      'f8.sqlite',
      'f7.sqlite',
      'f6.sqlite',
      'f5.sqlite',
      'f4.sqlite',
      'f2.sqlite',
      'f1.sqlite',
    ]);
    expect(state.user).toBeNull();
    const config = readConfig(t.configDir);
    expect(config.language).toBe('en');
    expect(config.recent[0]).toEqual({ path: join(dir, 'f3.sqlite'), openedAt: T0 + 20 * DAY });
    expect(config.userByDatabase).toEqual({ [t.path]: t.user.id });
    expect(readdirSync(t.configDir)).toEqual(['config.json']);

    // A restart on this machine reads it back; back on the team file the user is known.
    const restarted = testApp({ configDir: t.configDir });
    expect((await restarted.call('app.state', {})).language).toBe('en');
    const back = await restarted.call('database.open', { path: t.path });
    expect(back.user).toEqual(t.user);
  });

  it('keeps the chosen user out of the shared file', async () => {
    const t = await appWithDatabase();
    const bytes = readFileSync(t.path);
    expect(bytes.includes(Buffer.from('userByDatabase'))).toBe(false);
    const other = testApp();
    expect((await other.call('database.open', { path: t.path })).user).toBeNull();
    expect((await other.call('users.list', {})).map((u) => u.name)).toEqual(['Sabine Vogt']);
    const chosen = await other.call('users.select', { id: t.user.id });
    expect(chosen.user).toEqual({ id: t.user.id, name: 'Sabine Vogt', initials: 'SV' });
    expect((await other.fail('users.select', { id: 'ghost' })).code).toBe('NOT_FOUND');
    const again = await other.call('users.create', { name: 'sabine vogt' });
    expect(again.user?.id).toBe(t.user.id);
  });

  it('announces database switches and reads a damaged config as empty', async () => {
    const configDir = join(tempDir(), 'cfg');
    mkdirSync(configDir);
    writeFileSync(join(configDir, 'config.json'), '{ not json');
    const t = testApp({ configDir });
    expect((await t.call('app.state', {})).recent).toEqual([]);
    const path = join(tempDir(), 'a.sqlite');
    await t.call('database.create', { path });
    await t.call('database.close', {});
    const switches = t.events.filter((e) => e.event === 'database.changed');
    expect(switches.map((e) => (e.payload as { database: unknown }).database)).toEqual([
      expect.objectContaining({ path }),
      null,
    ]);
    expect(existsSync(path)).toBe(true);
  });

  it('lists users and campaigns as lookups', async () => {
    const t = await appWithDatabase();
    await t.call('users.create', { name: 'Tom Berger' });
    const lookups = await t.call('lookups.get', {});
    expect(lookups.users.map((u) => [u.name, u.initials])).toEqual([
      ['Sabine Vogt', 'SV'],
      ['Tom Berger', 'TB'],
    ]);
    expect(lookups.campaigns).toEqual([]);
  });

  it('derives default folders from LEADWERK_HOME or the home folder', () => {
    expect(defaultConfigDir({ LEADWERK_HOME: '/data/lw' })).toBe('/data/lw');
    expect(defaultConfigDir({})).toBe(join(homedir(), '.config', 'leadwerk'));
    expect(defaultDatabasePath('/data/lw')).toBe('/data/lw/leadwerk.sqlite');
  });
});

describe('demo data', () => {
  it('creates a new file with demo data and generates more into an open one', async () => {
    const t = testApp();
    const path = join(tempDir(), 'demo.sqlite');
    const state = await t.call('database.openDemo', { path, count: 30 });
    expect(state.database?.fileName).toBe('demo.sqlite');
    const before = await t.call('leads.list', { filters: {} });
    expect(before.total).toBeGreaterThanOrEqual(30);
    const board = await t.call('board.load', { filters: {} });
    expect(board.columns.reduce((sum, c) => sum + c.count, 0)).toBe(before.total);
    const generated = await t.call('demo.generate', { count: 25 });
    expect(generated.created).toBeGreaterThanOrEqual(25);
    expect((await t.call('leads.list', { filters: {} })).total).toBe(
      before.total + generated.created,
    );
    expect(t.events.at(-1)).toEqual({ event: 'leads.changed', payload: { ids: [] } });
    expect((await t.fail('database.openDemo', { path })).code).toBe('DB_EXISTS');
  });
});
