import { extname, resolve } from 'node:path';
import type { ChannelInput } from '@core/ipc/contract';
import { expectArgs, UsageError } from './args';
import { cliText } from './messages';
import { parseStage } from './parse';
import { call, type CliSession, print, printJson } from './session';

type ExportInput = ChannelInput<'export.run'>;

/** `--format`, or the file's extension: `.xlsx` is XLSX, anything else CSV. */
function formatOf(raw: string | undefined, path: string): 'csv' | 'xlsx' {
  if (raw === undefined) return extname(path).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
  const format = raw.trim().toLowerCase();
  if (format === 'csv' || format === 'xlsx') return format;
  throw new UsageError('unknownFormat', { value: raw });
}

/** `--delimiter`: `;` (the default, for German Excel) or `,`, also spelled out. */
function delimiterOf(raw: string | undefined): ';' | ',' {
  if (raw === undefined) return ';';
  const value = raw.trim().toLowerCase();
  if (value === ';' || value === 'semicolon') return ';';
  if (value === ',' || value === 'comma') return ',';
  throw new UsageError('unknownDelimiter', { value: raw });
}

/**
 * `export FILE [--format csv|xlsx] [--stage S] [--delimiter ;|,] [--force]`: writes the leads
 * (of one stage, or all) to FILE and prints how many; `--json` prints `{ rows, path }`. An
 * existing FILE is replaced only with `--force`; a database file never.
 */
export async function exportCommand(session: CliSession): Promise<void> {
  const [file = ''] = expectArgs(session.parsed, ['FILE']);
  const option = (name: string) => session.parsed.options.get(name);
  // npm runs scripts in the package folder; INIT_CWD is where the user typed the command.
  const path = resolve(session.io.env.INIT_CWD ?? process.cwd(), file);
  const format = formatOf(option('format'), path);
  const delimiter = delimiterOf(option('delimiter'));
  const stageRaw = option('stage');
  const filters = stageRaw === undefined ? null : { stage: parseStage(stageRaw) };
  await call(session, 'database.open', { path: session.dbPath });
  const overwrite = session.parsed.flags.has('force');
  const input: ExportInput = { path, format, delimiter, filters, overwrite };
  const result = await call(session, 'export.run', input);
  if (session.json) printJson(session, { rows: result.rows, path: result.path });
  else
    print(session, cliText(session.language, 'exported', { rows: result.rows, path: result.path }));
}
