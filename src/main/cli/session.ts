import { userInfo } from 'node:os';
import type { Channel } from '@core/ipc/channels';
import type { ChannelInput, ChannelOutput, Language } from '@core/ipc/contract';
import type { AppErrorData } from '@core/ipc/result';
import type { LeadwerkApp } from '../host';
import type { ParsedArgs } from './args';

/** Where the command line writes; tests pass collectors, the entry passes process streams. */
export type CliIo = {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  /** The clock; `Date.now` unless a test fixes it. */
  now?: () => number;
};

/** A channel answered with an error value: exit code 1, the error's message on stderr. */
export class CliFailure extends Error {
  constructor(readonly error: AppErrorData) {
    super(error.message);
    this.name = 'CliFailure';
  }
}

/** Everything a command needs: the parsed arguments, the app, the language and the output. */
export type CliSession = {
  parsed: ParsedArgs;
  app: LeadwerkApp;
  language: Language;
  io: CliIo;
  /** Absolute path of --db. */
  dbPath: string;
  json: boolean;
  /** The clock the app runs on: `--at` defaults to it and may not lie after it. */
  now: () => number;
};

/** Calls one channel through `dispatch`; an error value becomes a {@link CliFailure}. */
export async function call<C extends Channel>(
  session: CliSession,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await session.app.call(channel, input);
  if (!result.ok) throw new CliFailure(result.error);
  return result.value;
}

/** Writes one line (or one JSON document) to stdout. */
export function print(session: CliSession, text: string): void {
  session.io.stdout.write(`${text}\n`);
}

export function printJson(session: CliSession, value: unknown): void {
  session.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function loginName(env: CliIo['env']): string {
  try {
    const name = userInfo().username.trim();
    if (name !== '') return name;
  } catch {
    // no passwd entry (containers): fall back to the environment
  }
  return env.USER?.trim() || env.USERNAME?.trim() || 'Leadwerk';
}

/**
 * Makes sure a user of the open file is chosen before a change: `--user`, else
 * LEADWERK_USER, else the one already chosen on this machine for the file, else the login
 * name. An existing user of that name is selected, otherwise created.
 */
export async function ensureUser(session: CliSession): Promise<void> {
  const state = await call(session, 'app.state', {});
  const wanted = (session.parsed.options.get('user') ?? session.io.env.LEADWERK_USER)?.trim();
  if (!wanted && state.user) return;
  const name = wanted || loginName(session.io.env);
  if (state.user && state.user.name.toLowerCase() === name.toLowerCase()) return;
  const users = await call(session, 'users.list', {});
  const existing = users.find((u) => u.name.toLowerCase() === name.toLowerCase());
  if (existing) await call(session, 'users.select', { id: existing.id });
  else await call(session, 'users.create', { name });
}
