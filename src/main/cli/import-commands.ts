import { resolve } from 'node:path';
import { applyMapping, MAPPING_PRESETS } from '@core/import/mapping';
import {
  CSV_DELIMITERS,
  TEXT_ENCODINGS,
  type CsvDelimiter,
  type TextEncoding,
} from '@core/formats/types';
import { DUPLICATE_ACTIONS, type DuplicateAction, type ImportMapping } from '@core/import/types';
import type {
  ImportInspection,
  ImportJob,
  ImportOptionsInput,
  ReadOptions,
} from '@core/ipc/import-schemas';
import type { ErrorCode } from '@core/ipc/result';
import { expectArgs, UsageError } from './args';
import { batchTable, importText, summaryLines } from './import-format';
import { parseSource } from './parse';
import { call, CliFailure, type CliSession, ensureUser, print, printJson } from './session';

/** How often the command line asks how a running import stands. */
const POLL_MS = 100;

const t = importText;

const ENCODING_ALIASES: Record<string, TextEncoding> = {
  utf8: 'utf-8',
  cp1252: 'windows-1252',
  ansi: 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
};

function parseEncoding(raw: string): TextEncoding {
  const value = raw.trim().toLowerCase();
  const known = TEXT_ENCODINGS.find((encoding) => encoding === value) ?? ENCODING_ALIASES[value];
  if (known !== undefined) return known;
  throw new UsageError('unknownEncoding', { value: raw, valid: TEXT_ENCODINGS.join(', ') });
}

const DELIMITER_NAMES: Record<string, CsvDelimiter> = {
  semicolon: ';',
  comma: ',',
  tab: '\t',
  '\\t': '\t',
  pipe: '|',
};

function parseDelimiter(raw: string): CsvDelimiter {
  const known = CSV_DELIMITERS.find((d) => d === raw) ?? DELIMITER_NAMES[raw.trim().toLowerCase()];
  if (known !== undefined) return known;
  throw new UsageError('unknownImportDelimiter', { value: raw });
}

function parseAction(raw: string): DuplicateAction {
  const value = raw.trim().toLowerCase();
  const known = DUPLICATE_ACTIONS.find((action) => action === value);
  if (known !== undefined) return known;
  throw new UsageError('unknownDuplicateAction', {
    value: raw,
    valid: DUPLICATE_ACTIONS.join(', '),
  });
}

/**
 * The mapping `--mapping` names: `auto` (the default: a matching preset, else suggested from
 * the headers), a saved mapping by name (ignoring case) or a preset id.
 */
async function resolveMapping(
  session: CliSession,
  raw: string | undefined,
  inspection: ImportInspection,
): Promise<{ mapping: ImportMapping; mappingName: string | null }> {
  const wanted = raw?.trim() ?? 'auto';
  if (wanted.toLowerCase() === 'auto') {
    return { mapping: inspection.suggestedMapping, mappingName: null };
  }
  const saved = (await call(session, 'mappings.list', {})).find(
    (mapping) => mapping.name.toLowerCase() === wanted.toLowerCase(),
  );
  if (saved !== undefined) return { mapping: saved.mapping, mappingName: saved.name };
  const preset = MAPPING_PRESETS.find((p) => p.id === wanted.toLowerCase());
  if (preset === undefined) {
    const presets = MAPPING_PRESETS.map((p) => p.id).join(', ');
    throw new UsageError('unknownMapping', { value: wanted, presets });
  }
  const { headers } = inspection;
  const fields = applyMapping(headers, preset.mapping);
  return {
    mapping: Object.fromEntries(headers.map((header, i) => [header, fields[i] ?? null])),
    mappingName: null,
  };
}

async function resolveOwner(session: CliSession, raw: string | undefined): Promise<string | null> {
  if (raw === undefined) return null;
  const wanted = raw.trim().toLowerCase();
  const user = (await call(session, 'users.list', {})).find((u) => u.name.toLowerCase() === wanted);
  if (user === undefined) throw new UsageError('unknownOwner', { value: raw });
  return user.id;
}

/** Waits for a job to end, asking every {@link POLL_MS}. */
async function waitForJob(session: CliSession, job: ImportJob): Promise<ImportJob> {
  let current = job;
  while (current.status === 'running') {
    await new Promise((done) => setTimeout(done, POLL_MS));
    current = await call(session, 'import.status', { jobId: job.jobId });
  }
  return current;
}

/**
 * Waits for the job and reports it: the summary (or the job as JSON). A job that failed or
 * was cancelled is a failure (exit code 1) with its message; rows left out are not.
 */
async function finish(session: CliSession, started: ImportJob): Promise<void> {
  const job = await waitForJob(session, started);
  const { language } = session;
  if (job.status === 'done' && job.summary !== null) {
    if (session.json) printJson(session, job);
    else print(session, summaryLines(job, job.summary, language).join('\n'));
    return;
  }
  if (job.error !== null) {
    const { code, key, message, params } = job.error;
    throw new CliFailure({
      code: code as ErrorCode,
      key,
      message,
      ...(params === undefined ? {} : { params }),
    });
  }
  throw new CliFailure({
    code: 'INTERNAL',
    key: 'importCli.cancelled',
    message: t(language, 'cancelled', { file: job.fileName }),
    params: { file: job.fileName },
  });
}

/**
 * `import FILE [options]`: reads the file as the wizard would (detection, then the mapping
 * `--mapping` names), imports it — or with `--dry-run` only checks it — and prints the
 * summary with every error and note by row. Exit 0 when the import ran, even with rows left
 * out; 1 when the file cannot be read or the import failed.
 */
export async function importCommand(session: CliSession): Promise<void> {
  const [file = ''] = expectArgs(session.parsed, ['FILE']);
  const { options: given, flags } = session.parsed;
  // npm runs scripts in the package folder; INIT_CWD is where the user typed the command.
  const path = resolve(session.io.env.INIT_CWD ?? process.cwd(), file);
  const read: ReadOptions = {};
  const encoding = given.get('encoding');
  if (encoding !== undefined) read.encoding = parseEncoding(encoding);
  const delimiter = given.get('delimiter');
  if (delimiter !== undefined) read.delimiter = parseDelimiter(delimiter);
  const sheet = given.get('sheet');
  if (sheet !== undefined) read.sheet = sheet;
  if (flags.has('no-header')) read.hasHeader = false;
  const action = given.get('on-duplicate');
  const onDuplicate = action === undefined ? undefined : parseAction(action);
  const source = given.get('source');
  const sourceChannel = source === undefined ? 'other' : parseSource(source);
  const dryRun = flags.has('dry-run');

  await call(session, 'database.open', { path: session.dbPath });
  if (!dryRun) await ensureUser(session);
  const inspection = await call(session, 'import.inspect', { path, ...read });
  const { mapping, mappingName } = await resolveMapping(session, given.get('mapping'), inspection);
  const options: ImportOptionsInput = {
    ...read,
    hasHeader: inspection.hasHeader,
    mapping,
    mappingName,
    sourceChannel,
    campaignName: given.get('campaign') ?? null,
    ownerId: await resolveOwner(session, given.get('owner')),
    confirmRepeat: flags.has('yes'),
    ...(onDuplicate === undefined ? {} : { onDuplicate }),
  };
  await finish(session, await call(session, 'import.start', { path, options, dryRun }));
}

/** `imports list`: the import history, newest first. */
export async function listImportsCommand(session: CliSession): Promise<void> {
  expectArgs(session.parsed, []);
  await call(session, 'database.open', { path: session.dbPath });
  const batches = await call(session, 'imports.list', {});
  if (session.json) printJson(session, batches);
  else if (batches.length === 0) print(session, t(session.language, 'noImports'));
  else print(session, batchTable(batches, session.language));
}

/** `imports undo ID`: undoes an import and lists the leads kept because they changed since. */
export async function undoCommand(session: CliSession): Promise<void> {
  const [batchId = ''] = expectArgs(session.parsed, ['ID']);
  await call(session, 'database.open', { path: session.dbPath });
  await ensureUser(session);
  const result = await call(session, 'imports.undo', { batchId });
  if (session.json) {
    printJson(session, result);
    return;
  }
  const { language } = session;
  const lines = [t(language, 'undone', { removed: result.removed, restored: result.restored })];
  if (result.kept.length > 0) {
    lines.push(t(language, 'kept', { count: result.kept.length }));
    lines.push(...result.kept.map((lead) => `  ${lead.name} (${lead.leadId})`));
  }
  print(session, lines.join('\n'));
}

/** `imports resume ID`: continues an interrupted import and reports it like `import`. */
export async function resumeCommand(session: CliSession): Promise<void> {
  const [batchId = ''] = expectArgs(session.parsed, ['ID']);
  await call(session, 'database.open', { path: session.dbPath });
  await ensureUser(session);
  await finish(session, await call(session, 'imports.resume', { batchId }));
}

/** `imports discard ID`: throws an interrupted import away. */
export async function discardCommand(session: CliSession): Promise<void> {
  const [batchId = ''] = expectArgs(session.parsed, ['ID']);
  await call(session, 'database.open', { path: session.dbPath });
  const result = await call(session, 'imports.discard', { batchId });
  if (session.json) printJson(session, result);
  else print(session, t(session.language, 'discarded', { removed: result.removed }));
}
