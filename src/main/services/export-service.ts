import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { isSourceChannel } from '@core/domain/channels';
import type { BuyingRole, Salutation } from '@core/domain/lead';
import { assertNever, isStage } from '@core/domain/stages';
import { catalogs } from '@core/i18n';
import { csvLine, UTF8_BOM } from '@core/formats/csv-writer';
import { LEADWERK_EXPORT_COLUMNS } from '@core/import/mapping';
import type { CsvDelimiter } from '@core/formats/types';
import type { ImportField } from '@core/import/types';
import type { Language } from '@core/ipc/contract';
import type { LeadFilter } from '@core/ipc/leads/schemas';
import { slices } from '../db/slices';
import { createXlsxWriter } from '../formats/xlsx-writer';
import { exportLeadIds, exportRows, type ExportRow } from '../repositories/export-repository';
import { languageOf, readDb, type AppContext } from './context';
import { writeRequestedFile, type WriteRequest, type WrittenFile } from './file-access';

export type ExportInput = WriteRequest & {
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
      return value.text;
    case 'cents':
      return formatCsvAmount(value.cents, language);
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
      return value.text;
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
  /** Writes the rest and ends the stream. */
  close(): Promise<void>;
  /** Gives up after a failure: stops the compressor and the stream (the file is removed). */
  abort(): Promise<void>;
};

function csvSink(out: Writable, delimiter: CsvDelimiter, language: Language): Sink {
  let failure: Error | null = null;
  out.on('error', (error) => {
    failure ??= error;
  });
  let buffer = '';
  const flush = () => {
    if (buffer !== '') out.write(buffer);
    buffer = '';
  };
  return {
    header(cells) {
      buffer += UTF8_BOM + csvLine(cells, delimiter);
    },
    row(values) {
      buffer += csvLine(
        values.map((value) => csvCell(value, language)),
        delimiter,
      );
    },
    async drain() {
      flush();
      if (out.writableNeedDrain && failure === null) {
        await Promise.race([once(out, 'drain'), once(out, 'close')]);
      }
      if (failure) throw failure;
    },
    async close() {
      flush();
      out.end();
      if (failure) throw failure;
    },
    async abort() {
      out.destroy();
    },
  };
}

function xlsxSink(out: Writable, sheetName: string): Sink {
  const writer = createXlsxWriter(out, sheetName);
  return {
    header: (cells) => writer.addRow(cells),
    row: (values) => writer.addRow(values.map(xlsxCell)),
    drain: () => writer.drain(),
    close: () => writer.close(),
    abort: () => writer.abort(),
  };
}

/**
 * Writes the visible leads the filter shows (null: all) to a CSV (UTF-8 with BOM, CRLF, the
 * given delimiter, German or English forms by the user's language) or XLSX file, sorted by
 * last and first name, with the columns of {@link LEADWERK_EXPORT_COLUMNS}. The writers
 * neutralise every text cell against formula injection. The file goes through
 * {@link writeRequestedFile}: never onto a database, an existing file only with `overwrite`,
 * complete or not at all; in the browser it becomes a download. Returns the number of leads
 * written, the path (browser: the file name) and the download.
 */
export async function exportLeads(
  ctx: AppContext,
  input: ExportInput,
): Promise<{ rows: number } & WrittenFile> {
  const db = readDb(ctx);
  const language = languageOf(ctx);
  const written = await writeRequestedFile(ctx, input, async (out) => {
    const sink =
      input.format === 'xlsx'
        ? xlsxSink(out, catalogs[language].exportUi.sheetName)
        : csvSink(out, input.delimiter, language);
    let rows = 0;
    try {
      const ids = await exportLeadIds(db, input.filters);
      sink.header(LEADWERK_EXPORT_COLUMNS.map((column) => column.header[language]));
      for (const pageIds of slices(ids, PAGE)) {
        const byId = new Map((await exportRows(db, pageIds)).map((row) => [row.id, row]));
        for (const id of pageIds) {
          const row = byId.get(id);
          if (row === undefined) continue;
          sink.row(
            LEADWERK_EXPORT_COLUMNS.map((column) => fieldValue(row, column.field, language)),
          );
          rows++;
        }
        await sink.drain();
      }
      await sink.close();
    } catch (error) {
      await sink.abort();
      throw error;
    }
    return rows;
  });
  return { rows: written.value, path: written.path, download: written.download };
}
