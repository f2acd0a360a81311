import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { once } from 'node:events';
import { isSourceChannel } from '@core/domain/channels';
import type { BuyingRole, Salutation } from '@core/domain/lead';
import { assertNever, isStage } from '@core/domain/stages';
import { catalogs } from '@core/i18n';
import { csvLine, neutralizeFormula, UTF8_BOM } from '@core/import/csv-writer';
import { LEADWERK_EXPORT_COLUMNS } from '@core/import/mapping';
import type { CsvDelimiter, ImportField } from '@core/import/types';
import type { Language } from '@core/ipc/contract';
import type { LeadFilter } from '@core/ipc/schemas';
import { createXlsxWriter } from '../import/xlsx-writer';
import { AppError } from '../ipc/errors';
import { exportLeadIds, exportRows, type ExportRow } from '../repositories/export-repository';
import { languageOf, readDb, type AppContext } from './context';

export type ExportInput = {
  path: string;
  format: 'csv' | 'xlsx';
  delimiter: CsvDelimiter;
  /** The leads table's filter; null: every visible lead. */
  filters: LeadFilter | null;
};

/** Leads read per query. */
const PAGE = 2_000;

/** One cell before formatting: text, whole cents, an ISO day, or a count. */
type Value =
  | { kind: 'text'; text: string }
  | { kind: 'cents'; cents: number }
  | { kind: 'day'; iso: string }
  | { kind: 'count'; count: number };

const text = (value: string | null): Value | null =>
  value === null || value === '' ? null : { kind: 'text', text: value };

/**
 * A field of an exported lead in a form the importer reads back to the same value: choices
 * by their label in the UI language (empty for "none"/"unknown", the import default), amounts
 * in cents, days ISO. Fields the export has no column for give null.
 */
function fieldValue(row: ExportRow, field: ImportField, language: Language): Value | null {
  const catalog = catalogs[language];
  switch (field) {
    case 'leadId':
      return text(row.id);
    case 'salutation': {
      const salutation = row.salutation as Salutation;
      return salutation === 'none' ? null : text(catalog.salutations[salutation] ?? salutation);
    }
    case 'firstName':
      return text(row.first_name);
    case 'lastName':
      return text(row.last_name);
    case 'email':
      return text(row.email);
    case 'phone':
      return text(row.phone);
    case 'mobile':
      return text(row.mobile);
    case 'jobTitle':
      return text(row.job_title);
    case 'buyingRole': {
      const role = row.buying_role as BuyingRole;
      return role === 'unknown' ? null : text(catalog.buyingRoles[role] ?? role);
    }
    case 'companyName':
      return text(row.company_name);
    case 'industry':
      return text(row.industry);
    case 'employees':
      return row.employees === null ? null : { kind: 'count', count: row.employees };
    case 'website':
      return text(row.website);
    case 'street':
      return text(row.street);
    case 'postalCode':
      return text(row.postal_code);
    case 'city':
      return text(row.city);
    case 'country':
      return text(row.country);
    case 'sourceChannel':
      return text(
        isSourceChannel(row.source_channel)
          ? catalog.channels[row.source_channel]
          : row.source_channel,
      );
    case 'campaign':
      return text(row.campaign_name);
    case 'owner':
      return text(row.owner_name);
    case 'stage':
      return text(isStage(row.stage) ? catalog.stages[row.stage] : row.stage);
    case 'expectedValue':
      return row.expected_value_cents === null
        ? null
        : { kind: 'cents', cents: row.expected_value_cents };
    case 'expectedCloseDate':
      return row.expected_close_date === null
        ? null
        : { kind: 'day', iso: row.expected_close_date };
    case 'dealValue':
      return row.deal_value_cents === null ? null : { kind: 'cents', cents: row.deal_value_cents };
    case 'notes':
      return text(row.notes);
    case 'doNotContact':
      return text(row.do_not_contact === 1 ? catalog.exportUi.yes : catalog.exportUi.no);
    case 'title':
    case 'fullName':
    case 'department':
      return null;
    default:
      return assertNever(field);
  }
}

/** Cents as a CSV amount: German `1.234,56`, English `1234.56` (no grouping, no currency). */
export function formatCsvAmount(cents: number, language: Language): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const fraction = String(abs % 100).padStart(2, '0');
  const whole = String(Math.floor(abs / 100));
  if (language === 'en') return `${sign}${whole}.${fraction}`;
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, '.')},${fraction}`;
}

/** An ISO day as a CSV date: German `31.12.2026`, English ISO `2026-12-31`. */
function formatCsvDay(iso: string, language: Language): string {
  if (language === 'en') return iso;
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

function csvCell(value: Value | null, language: Language): string {
  if (value === null) return '';
  switch (value.kind) {
    case 'text':
      return neutralizeFormula(value.text);
    case 'cents':
      return neutralizeFormula(formatCsvAmount(value.cents, language));
    case 'day':
      return formatCsvDay(value.iso, language);
    case 'count':
      return String(value.count);
    default:
      return assertNever(value);
  }
}

/** XLSX keeps numbers as numbers (amounts in euros) and days as ISO text. */
function xlsxCell(value: Value | null): string | number | null {
  if (value === null) return null;
  switch (value.kind) {
    case 'text':
      return neutralizeFormula(value.text);
    case 'cents':
      return value.cents / 100;
    case 'day':
      return value.iso;
    case 'count':
      return value.count;
    default:
      return assertNever(value);
  }
}

/** Where rows go: the CSV or XLSX file under construction. */
type Sink = {
  header(cells: string[]): void;
  row(values: (Value | null)[]): void;
  /** Waits while the file is behind. */
  drain(): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
};

async function closeStream(stream: WriteStream): Promise<void> {
  if (stream.closed) return;
  stream.end();
  await once(stream, 'close');
}

function csvSink(path: string, delimiter: CsvDelimiter, language: Language): Sink {
  const stream = createWriteStream(path);
  let failure: Error | null = null;
  stream.on('error', (error) => {
    failure ??= error;
  });
  let buffer = '';
  const flush = () => {
    if (buffer !== '') stream.write(buffer);
    buffer = '';
  };
  return {
    header(cells) {
      buffer += UTF8_BOM + csvLine(cells.map(neutralizeFormula), delimiter);
    },
    row(values) {
      buffer += csvLine(
        values.map((value) => csvCell(value, language)),
        delimiter,
      );
    },
    async drain() {
      flush();
      if (stream.writableNeedDrain && failure === null) {
        await Promise.race([once(stream, 'drain'), once(stream, 'close')]);
      }
      if (failure) throw failure;
    },
    async close() {
      flush();
      await closeStream(stream);
      if (failure) throw failure;
    },
    async abort() {
      stream.destroy();
      if (!stream.closed) await once(stream, 'close');
    },
  };
}

function xlsxSink(path: string, sheetName: string): Sink {
  const writer = createXlsxWriter(path, sheetName);
  return {
    header: (cells) => writer.addRow(cells.map(neutralizeFormula)),
    row: (values) => writer.addRow(values.map(xlsxCell)),
    drain: () => writer.drain(),
    close: () => writer.close(),
    abort: () => writer.abort(),
  };
}

/** The target must be a file in an existing folder; anything else is refused up front. */
async function checkTarget(path: string): Promise<void> {
  const folder = dirname(path);
  const folderStat = await stat(folder).catch(() => null);
  if (folderStat === null || !folderStat.isDirectory()) {
    throw new AppError('VALIDATION', 'exportUi.folderMissing', { folder });
  }
  const fileStat = await stat(path).catch(() => null);
  if (fileStat?.isDirectory()) {
    throw new AppError('VALIDATION', 'exportUi.isFolder', { file: basename(path) });
  }
}

/**
 * Writes the visible leads the filter shows (null: all) to a CSV (UTF-8 with BOM, CRLF, the
 * given delimiter, German or English forms by the user's language) or XLSX file, sorted by
 * last and first name, with the columns of {@link LEADWERK_EXPORT_COLUMNS}. Every text cell
 * is neutralised against formula injection. The file is written as `path.part` and renamed
 * when complete, so a failed export never leaves a half file under the chosen name.
 * Returns the number of leads written and the path.
 */
export async function exportLeads(
  ctx: AppContext,
  input: ExportInput,
): Promise<{ rows: number; path: string }> {
  const db = readDb(ctx);
  const language = languageOf(ctx);
  const path = resolve(input.path);
  await checkTarget(path);
  const ids = await exportLeadIds(db, input.filters);
  const partPath = `${path}.part`;
  const sink =
    input.format === 'xlsx'
      ? xlsxSink(partPath, catalogs[language].exportUi.sheetName)
      : csvSink(partPath, input.delimiter, language);
  let written = 0;
  try {
    sink.header(LEADWERK_EXPORT_COLUMNS.map((column) => column.header[language]));
    for (let start = 0; start < ids.length; start += PAGE) {
      const pageIds = ids.slice(start, start + PAGE);
      const byId = new Map((await exportRows(db, pageIds)).map((row) => [row.id, row]));
      for (const id of pageIds) {
        const row = byId.get(id);
        if (row === undefined) continue;
        sink.row(LEADWERK_EXPORT_COLUMNS.map((column) => fieldValue(row, column.field, language)));
        written++;
      }
      await sink.drain();
    }
    await sink.close();
    await rename(partPath, path);
  } catch (error) {
    await sink.abort().catch(() => undefined);
    await rm(partPath, { force: true });
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string') {
      throw new AppError('UNSUPPORTED', 'exportUi.writeFailed', {
        file: basename(path),
        detail: code,
      });
    }
    throw error;
  }
  return { rows: written, path };
}
