import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import {
  LocalConfigStore,
  MAX_RECENT,
  rememberRecent,
  type LocalConfig,
} from '../../src/main/config/local-config';
import { appWithDatabase, tempDir, testApp } from './harness';

const ROOT = resolve(import.meta.dirname, '..', '..');

const readFile = (configDir: string): LocalConfig =>
  JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8')) as LocalConfig;

describe('local config shared by several instances', () => {
  it('keeps both users when two instances choose users for different databases', () => {
    const dir = join(tempDir(), 'config');
    // Both started before either wrote: each holds the (empty) file it read at start.
    const first = new LocalConfigStore(dir);
    const second = new LocalConfigStore(dir);
    second.update((config) => {
      config.userByDatabase['/team/vertrieb.sqlite'] = 'user-tom';
      config.language = 'en';
      rememberRecent(config, '/team/vertrieb.sqlite', 2);
    });
    first.update((config) => {
      config.userByDatabase['/team/marketing.sqlite'] = 'user-sabine';
      rememberRecent(config, '/team/marketing.sqlite', 3);
    });

    const restarted = new LocalConfigStore(dir).get();
    expect(restarted.userByDatabase).toEqual({
      '/team/vertrieb.sqlite': 'user-tom',
      '/team/marketing.sqlite': 'user-sabine',
    });
    expect(restarted.language).toBe('en');
    expect(restarted.recent.map((r) => r.path)).toEqual([
      '/team/marketing.sqlite',
      '/team/vertrieb.sqlite',
    ]);
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  it('lets a running instance read what another one wrote', () => {
    const dir = join(tempDir(), 'config');
    const reader = new LocalConfigStore(dir);
    expect(reader.get().language).toBeNull();
    new LocalConfigStore(dir).update((config) => {
      config.language = 'en';
      config.userByDatabase['/a.sqlite'] = 'u1';
    });
    expect(reader.get().language).toBe('en');
    expect(reader.get().userByDatabase).toEqual({ '/a.sqlite': 'u1' });
  });

  it('keeps the user of each database when two apps share the config folder', async () => {
    const one = await appWithDatabase();
    const two = testApp({ configDir: one.configDir });
    const otherPath = join(one.dir, 'marketing.sqlite');
    await two.call('database.create', { path: otherPath });
    const tom = (await two.call('users.create', { name: 'Tom Berger' })).user;
    // The first app changes its language after the second chose its user.
    await one.call('app.setLanguage', { language: 'en' });
    await one.call('database.open', { path: one.path });

    const restarted = testApp({ configDir: one.configDir });
    expect((await restarted.call('database.open', { path: one.path })).user).toEqual(one.user);
    const back = await restarted.call('database.open', { path: otherPath });
    expect(back.user).toEqual(tom);
    expect(back.language).toBe('en');
    expect(back.recent.map((r) => r.fileName).sort()).toEqual(['marketing.sqlite', 'team.sqlite']);
  });

  it('breaks a lock left by a crashed process, by age or because its process is gone', () => {
    const dir = join(tempDir(), 'config');
    mkdirSync(dir);
    const lock = join(dir, 'config.json.lock');
    writeFileSync(lock, `${process.pid}\n${hostname()}\n`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    new LocalConfigStore(dir).update((config) => {
      config.language = 'en';
    });
    expect(existsSync(lock)).toBe(false);

    // A fresh lock of a process id that does not run on this machine.
    writeFileSync(lock, `${2 ** 22 + 12_345}\n${hostname()}\n`);
    new LocalConfigStore(dir).update((config) => {
      config.userByDatabase['/b.sqlite'] = 'u2';
    });
    expect(existsSync(lock)).toBe(false);
    expect(readFile(dir)).toEqual({
      language: 'en',
      recent: [],
      userByDatabase: { '/b.sqlite': 'u2' },
    });
  });

  it('never leaves a half-written file: a damaged one reads as empty and is replaced', () => {
    const dir = join(tempDir(), 'config');
    mkdirSync(dir);
    writeFileSync(join(dir, 'config.json'), '{"language": "en", "rec');
    const store = new LocalConfigStore(dir);
    expect(store.get().language).toBeNull();
    store.update((config) => rememberRecent(config, '/x.sqlite', 1));
    expect(readFile(dir).recent).toEqual([{ path: '/x.sqlite', openedAt: 1 }]);
    expect(readdirSync(dir)).toEqual(['config.json']);
  });
});

/** Bundles the store into one ES module that a plain `node` child process can import. */
async function bundleStore(outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    resolve: { alias: { '@core': join(ROOT, 'src/core') } },
    build: {
      ssr: join(ROOT, 'src/main/config/local-config.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { output: { entryFileNames: 'local-config.mjs' } },
    },
    ssr: { noExternal: true, target: 'node' },
  });
  return join(outDir, 'local-config.mjs');
}

const WORKER = `
const [bundle, dir, name, count] = process.argv.slice(2);
const { LocalConfigStore, rememberRecent } = await import(bundle);
const store = new LocalConfigStore(dir, { staleMs: 5000, retryMs: 1 });
for (let i = 0; i < Number(count); i += 1) {
  store.update((config) => {
    config.userByDatabase['/team/' + name + '-' + i + '.sqlite'] = name + '-user-' + i;
    rememberRecent(config, '/team/' + name + '-' + i + '.sqlite', i);
  });
}
`;

describe('local config written by several processes at once', () => {
  it('loses no update of four processes writing 40 changes each', async () => {
    const dir = tempDir();
    const bundle = await bundleStore(join(dir, 'bundle'));
    const worker = join(dir, 'worker.mjs');
    writeFileSync(worker, WORKER);
    const configDir = join(dir, 'config');
    const names = ['a', 'b', 'c', 'd'];
    const count = 40;
    const exits = names.map(
      (name) =>
        new Promise<number | null>((done, fail) => {
          const child = spawn(
            process.execPath,
            [worker, pathToFileURL(bundle).href, configDir, name, String(count)],
            { stdio: ['ignore', 'ignore', 'inherit'] },
          );
          child.on('error', fail);
          child.on('exit', (code) => done(code));
        }),
    );
    expect(await Promise.all(exits)).toEqual([0, 0, 0, 0]);

    const config = new LocalConfigStore(configDir).get();
    expect(Object.keys(config.userByDatabase)).toHaveLength(names.length * count);
    for (const name of names) {
      for (let i = 0; i < count; i += 1) {
        expect(config.userByDatabase[`/team/${name}-${i}.sqlite`]).toBe(`${name}-user-${i}`);
      }
    }
    expect(config.recent).toHaveLength(MAX_RECENT);
    expect(readdirSync(configDir)).toEqual(['config.json']);
  });
});
