import { applyMapping, matchPreset, suggestMapping } from '@core/import/mapping';
import type { ImportMapping } from '@core/import/types';
import type { ImportInspection, ReadOptions } from '@core/ipc/import-schemas';
import { launchProbe } from '../import/file-probe';
import { hashFile } from '../formats/record-source';
import { AppError } from '../errors';
import { findPreviousImport } from '../repositories/import-lookup-repository';
import { readDb, type AppContext } from './context';
import { readableFile } from './file-access';

/** Rows the wizard shows before the user maps the columns. */
export const SAMPLE_ROWS = 10;

/** A preset's mapping keyed by the file's own headers (which may differ in case or spacing). */
function presetMapping(headers: string[], mapping: ImportMapping): ImportMapping {
  const fields = applyMapping(headers, mapping);
  return Object.fromEntries(headers.map((header, i) => [header, fields[i] ?? null]));
}

/**
 * Reads what the wizard needs to know about a file before the import: format, encoding,
 * delimiter, sheets and header row (detected, or as the user chose them in `input`), the
 * column names, the first rows, a suggested mapping (a matching preset's, else one from the
 * header names), the content hash and the latest import of the same bytes that was not
 * undone. FILE_UNREADABLE with a precise `importErrors.*` text when the file cannot be used.
 * `path` is a path or, in the browser, an upload's handle (see `readableFile`); the answer
 * names the file as the request did.
 */
export async function inspectImport(
  ctx: AppContext,
  input: ReadOptions & { path: string },
): Promise<ImportInspection> {
  const db = readDb(ctx);
  const { path, ...options } = input;
  const file = readableFile(ctx, path);
  const source = await launchProbe({ path: file, options, records: SAMPLE_ROWS });
  const { records } = source;
  if (records.length === 0) {
    throw new AppError('FILE_UNREADABLE', 'importErrors.headerOnly', { file: source.fileName });
  }
  const { headers } = source;
  const preset = matchPreset(headers);
  const contentHash = await hashFile(file);
  const previous = await findPreviousImport(db, contentHash);
  return {
    path,
    fileName: source.fileName,
    size: source.size,
    format: source.format,
    encoding: source.encoding,
    delimiter: source.delimiter,
    hasHeader: source.hasHeader,
    sheets: source.sheets,
    sheet: source.sheet,
    headers,
    sampleRows: records.map((record) => headers.map((_, i) => record.cells[i] ?? '')),
    suggestedMapping:
      preset === null ? suggestMapping(headers) : presetMapping(headers, preset.mapping),
    presetId: preset?.id ?? null,
    contentHash,
    previousImport:
      previous === undefined
        ? null
        : {
            batchId: previous.id,
            fileName: previous.file_name,
            importedAt: previous.started_at,
            userName: previous.user_name,
          },
  };
}
