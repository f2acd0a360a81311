import { join, resolve } from 'node:path';
import { SOURCE_CHANNELS } from '@core/domain/channels';
import { STAGES } from '@core/domain/stages';
import { translate, translateKeyOf } from '@core/i18n';
import type { Language } from '@core/ipc/contract';
import type { AppErrorData, FieldIssue } from '@core/ipc/result';
import { createApp } from '../app';
import { errorData } from '../errors';
import { fileLogger } from '../log';
import { defaultConfigDir } from '../paths';
import { parseArgs, type ParsedArgs, UsageError } from './args';
import { COMMANDS } from './commands';
import { KIND_CHOICES, ROLE_CHOICES } from './parse';
import { cliText } from './messages';
import { CliFailure, type CliIo, type CliSession } from './session';

export type { CliIo } from './session';

/** The command line's log in the config folder: details of failures (stack traces). */
export const CLI_LOG_FILE = 'leadwerk-cli.log';

/** Exit codes: success, a failure reported by the app, wrong usage. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/**
 * The `--lang` value, looked up before full parsing so that argument errors are already in
 * the user's language; `undefined` when not given.
 */
function languageOption(argv: readonly string[]): Language | { invalid: string } | undefined {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    const value = token.startsWith('--lang=')
      ? token.slice('--lang='.length)
      : token === '--lang'
        ? argv[i + 1]
        : undefined;
    if (value === undefined) continue;
    return value === 'de' || value === 'en' ? value : { invalid: value };
  }
  return undefined;
}

/** German when LANG starts with "de", else English. */
function environmentLanguage(env: CliIo['env']): Language {
  return (env.LANG ?? '').toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** Option names for the field paths of validation issues ("fields.email" → "--email"). */
const FIELD_OPTIONS: Record<string, string> = {
  firstName: '--first-name',
  lastName: '--last-name',
  email: '--email',
  phone: '--phone',
  sourceChannel: '--source',
  jobTitle: '--job-title',
  buyingRole: '--role',
  kind: '--kind',
  occurredAt: '--at',
  text: '--text',
  contentId: '--content',
  topic: '--topic',
  url: '--url',
  reason: '--reason',
  dealValueCents: '--deal-value',
  path: '--db',
  name: '--user',
};

function issueLine(issue: FieldIssue, language: Language): string {
  const path = issue.path.map(String);
  const field = path.includes('company') ? '--company' : FIELD_OPTIONS[path[path.length - 1] ?? ''];
  return `  ${field ?? path.join('.')}: ${translateKeyOf(language, issue.key, issue.params ?? {})}`;
}

/** The error's message in the user's language, with field issues and a hint how to fix it. */
export function describeError(error: AppErrorData, language: Language): string {
  const translated = translateKeyOf(language, error.key, error.params ?? {});
  let message = translated === error.key ? error.message : translated;
  const reasonKind = error.params?.reasonKind;
  if (error.code === 'MOVE_REFUSED' && typeof reasonKind === 'string') {
    const prompt = translateKeyOf(language, `reasonPrompt.${reasonKind}`);
    message += `\n${cliText(language, 'reasonHint', { prompt })}`;
  }
  if (error.code === 'IMPORT_REPEATED') {
    message += `\n${translate(language, 'importCli.repeatHint')}`;
  }
  if (error.code === 'FILE_EXISTS') {
    message += `\n${cliText(language, 'forceHint')}`;
  }
  if (error.key === 'refusal.deal_value_required') {
    message += `\n${cliText(language, 'dealValueHint')}`;
  }
  const lines = [message, ...(error.issues ?? []).map((issue) => issueLine(issue, language))];
  return lines.join('\n');
}

function usage(language: Language): string {
  return cliText(language, 'usage', {
    stages: STAGES.join(', '),
    channels: SOURCE_CHANNELS.join(', '),
    roles: ROLE_CHOICES.join(', '),
    kinds: KIND_CHOICES.join(', '),
  });
}

/**
 * Runs one command line (`argv` without node and script) against the same `dispatch` as the
 * app and returns the exit code: 0 success, 1 a failure (its message on stderr; with
 * `--json` the error value as JSON there, its `message` translated), 2 wrong usage. With
 * `--json` stdout carries only JSON. Never a stack trace: those go to {@link CLI_LOG_FILE}.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const option = languageOption(argv);
  const language = typeof option === 'string' ? option : environmentLanguage(io.env);
  const usageError = (error: UsageError) => {
    io.stderr.write(
      `${cliText(language, error.key, error.params)}\n${cliText(language, 'seeHelp')}\n`,
    );
    return EXIT.usage;
  };
  if (typeof option === 'object') {
    return usageError(new UsageError('invalidLang', { value: option.invalid }));
  }

  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error);
    throw error;
  }
  if (parsed.command === 'help' || parsed.flags.has('help')) {
    io.stdout.write(`${usage(language)}\n`);
    return EXIT.ok;
  }
  const db = parsed.options.get('db')?.trim();
  if (!db) return usageError(new UsageError('missingDb'));

  const now = io.now ?? Date.now;
  const configDir = defaultConfigDir(io.env);
  // The user reads stderr: technical details (stack traces) go to a log file instead.
  const log = fileLogger(join(configDir, CLI_LOG_FILE), now);
  const app = createApp({
    host: { kind: 'cli', emit() {}, log },
    configDir,
    now,
  });
  const session: CliSession = {
    now,
    parsed,
    app,
    language,
    io,
    // npm runs scripts in the package folder; INIT_CWD is where the user typed the command.
    dbPath: resolve(io.env.INIT_CWD ?? process.cwd(), db),
    json: parsed.flags.has('json'),
  };
  const fail = (error: AppErrorData) => {
    const message = describeError(error, language);
    io.stderr.write(
      session.json
        ? `${JSON.stringify({ error: { ...error, message } }, null, 2)}\n`
        : `${message}\n`,
    );
    return EXIT.failure;
  };
  try {
    await COMMANDS[parsed.command](session);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) return usageError(error);
    if (error instanceof CliFailure) return fail(error.error);
    log(`${parsed.command} failed`, error);
    const detail = error instanceof Error ? error.message : String(error);
    return fail(errorData(language, 'INTERNAL', 'errors.INTERNAL', { detail }));
  } finally {
    await app.close();
  }
}
