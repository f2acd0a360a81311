import BetterSqlite3 from 'better-sqlite3';
import type { Logger } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Channel, EventName } from '@core/ipc/channels';
import type { ChannelInput, ChannelOutput, Language } from '@core/ipc/contract';
import type { AppErrorData } from '@core/ipc/result';
import { createApp } from '../../src/main/app';
import type { LeadwerkApp } from '../../src/main/host';

/** A fixed start time for tests: 2025-06-02 08:00 UTC. */
export const T0 = Date.UTC(2025, 5, 2, 8, 0, 0);
export const DAY = 24 * 60 * 60 * 1000;

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'leadwerk-it-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A raw second connection to a file (another program or machine), closed after the test. */
export function rawConnection(
  path: string,
  options: BetterSqlite3.Options = {},
): BetterSqlite3.Database {
  const connection = new BetterSqlite3(path, options);
  cleanups.push(() => {
    if (connection.open) {
      if (connection.inTransaction) connection.exec('ROLLBACK');
      connection.close();
    }
  });
  return connection;
}

export type TestApp = {
  app: LeadwerkApp;
  configDir: string;
  events: { event: EventName; payload: unknown }[];
  /** What the app logged (technical details of failures), instead of the console. */
  logs: { message: string; error: unknown }[];
  clock: { now: number };
  /** Calls a channel and returns its value; fails the test on an error value. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Calls a channel that must fail and returns the error value. */
  fail(channel: Channel | string, input: unknown): Promise<AppErrorData>;
};

type TestAppOptions = {
  configDir?: string;
  busyTimeoutMs?: number;
  language?: Language;
  /** Observes every query of the import jobs' connections. */
  importLog?: Logger;
};

/** An app on the test host with its own config folder and a settable clock. */
export function testApp(options: TestAppOptions = {}): TestApp {
  const configDir = options.configDir ?? join(tempDir(), 'config');
  const events: TestApp['events'] = [];
  const logs: TestApp['logs'] = [];
  const clock = { now: T0 };
  const app = createApp({
    host: {
      kind: 'test',
      emit: (event, payload) => events.push({ event, payload }),
      log: (message, error) => logs.push({ message, error }),
    },
    configDir,
    now: () => clock.now,
    busyTimeoutMs: options.busyTimeoutMs ?? 200,
    ...(options.language ? { language: options.language } : {}),
    ...(options.importLog ? { importLog: options.importLog } : {}),
  });
  cleanups.push(() => app.close());
  return {
    app,
    configDir,
    events,
    logs,
    clock,
    async call(channel, input) {
      const result = await app.call(channel, input);
      if (!result.ok) {
        throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      }
      return result.value;
    },
    async fail(channel, input) {
      const result = await app.dispatch(channel, input);
      if (result.ok) throw new Error(`${channel} succeeded unexpectedly`);
      return result.error;
    },
  };
}

/** An app with a new database file and a chosen user "Sabine Vogt". */
export async function appWithDatabase(options: Omit<TestAppOptions, 'configDir'> = {}) {
  const dir = tempDir();
  const path = join(dir, 'team.sqlite');
  const t = testApp({ ...options, configDir: join(dir, 'config') });
  await t.call('database.create', { path });
  const state = await t.call('users.create', { name: 'Sabine Vogt' });
  if (state.user === null) throw new Error('no user after users.create');
  return { ...t, dir, path, user: state.user };
}

type CreateFields = ChannelInput<'leads.create'>['fields'];

/** Creates a lead through dispatch. */
export async function createLead(t: TestApp, fields: CreateFields) {
  return (await t.call('leads.create', { fields })).lead;
}

type CompanyFields = NonNullable<CreateFields['company']>;

/** Company fields for a lead form: a name, the rest empty unless given. */
export function company(name: string, extra: Partial<CompanyFields> = {}): CompanyFields {
  return {
    name,
    industry: null,
    employees: null,
    branches: null,
    website: null,
    street: null,
    postalCode: null,
    city: null,
    country: null,
    ...extra,
  };
}

type ContentFields = ChannelInput<'content.create'>['fields'];

/** Adds an item to the content library through dispatch. */
export async function createContent(
  t: TestApp,
  fields: Pick<ContentFields, 'name' | 'type'> & Partial<ContentFields>,
) {
  return t.call('content.create', {
    fields: {
      topic: null,
      phase: 'awareness',
      targetRole: null,
      url: null,
      archived: false,
      ...fields,
    },
  });
}
