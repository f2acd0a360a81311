import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelInput } from '@core/ipc/contract';
import type { ImportJob, ImportOptionsInput } from '@core/ipc/import-schemas';
import type { TestApp } from './harness';

/** The import fixtures A1 wrote (tests/fixtures/import) and the shared ones. */
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');
export const SHARED_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'shared');

/** The mapping the wizard suggests for a file (preset or header names). */
export async function suggestedMapping(t: TestApp, path: string) {
  return (await t.call('import.inspect', { path })).suggestedMapping;
}

/** Polls a job until it has ended. */
export async function waitForJob(t: TestApp, job: ImportJob): Promise<ImportJob> {
  let current = job;
  while (current.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 5));
    current = await t.call('import.status', { jobId: job.jobId });
  }
  return current;
}

type StartInput = ChannelInput<'import.start'>;

/**
 * Runs an import (or dry run) of `path` with the suggested mapping unless one is given,
 * source "trade_fair" unless given, and waits for it.
 */
export async function runImport(
  t: TestApp,
  path: string,
  options: Partial<ImportOptionsInput> = {},
  dryRun = false,
): Promise<ImportJob> {
  const input: StartInput = {
    path,
    dryRun,
    options: {
      mapping: options.mapping ?? (await suggestedMapping(t, path)),
      sourceChannel: 'trade_fair',
      ...options,
    },
  };
  return waitForJob(t, await t.call('import.start', input));
}

/** The summary of a job that must have completed. */
export function summaryOf(job: ImportJob) {
  if (job.status !== 'done' || job.summary === null) {
    throw new Error(`import did not complete: ${JSON.stringify(job.error)}`);
  }
  return job.summary;
}

/** Writes a CSV as German Excel's "CSV UTF-8" does: BOM, `;`, CRLF, quotes where needed. */
export function writeCsv(dir: string, name: string, rows: readonly (readonly string[])[]): string {
  const path = join(dir, name);
  const quote = (cell: string) => (/[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  writeFileSync(path, `\uFEFF${rows.map((row) => row.map(quote).join(';')).join('\r\n')}\r\n`);
  return path;
}

/** Headers of the CSVs the tests write, all mapped by the suggestion. */
export const HEADERS = ['Vorname', 'Nachname', 'Firma', 'E-Mail', 'Telefon', 'Mobil'] as const;

const FIRST_NAMES = ['Jürgen', 'Änne', 'Björn', 'Grete', 'Hans-Peter', 'Ingrid', 'Jörg', 'Ursula'];
const CITIES = ['München', 'Köln', 'Düsseldorf', 'Nürnberg', 'Lüneburg', 'Göttingen'];
/** Letters of distinct Kölner-Phonetik classes: generated last names never sound alike. */
const SOUNDS = ['b', 'd', 'f', 'g', 'l', 'm', 'r', 's'];

/** A last name unique to `n` that no other `n` sounds like ("Abadafa…"). */
function lastNameOf(n: number): string {
  let name = 'A';
  let rest = n;
  do {
    name += `${SOUNDS[rest % 8]}a`;
    rest = Math.floor(rest / 8);
  } while (rest > 0);
  return name;
}

const AMOUNT = new Intl.NumberFormat('de-DE', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** The header of {@link writeGermanExcelCsv}'s files. */
export const GERMAN_HEADER = [
  'Anrede',
  'Vorname',
  'Nachname',
  'Firma',
  'Position',
  'E-Mail',
  'Telefon',
  'Mobil',
  'PLZ',
  'Ort',
  'Umsatz',
  'Angebot vom',
];

/** One data row of {@link writeGermanExcelCsv}; every `duplicateEvery`th repeats an email. */
function germanRow(i: number, duplicateEvery: number): string[] {
  // A repeated row names an earlier row's email and brings a mobile number it lacked.
  const n = duplicateEvery > 0 && i % duplicateEvery === duplicateEvery - 1 ? i - 7 : i;
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  return [
    i % 2 === 0 ? 'Herr' : 'Frau',
    FIRST_NAMES[n % FIRST_NAMES.length] ?? '',
    lastNameOf(n),
    `Müller & Söhne ${n % 997} GmbH`,
    'Einkauf',
    `kontakt.${n}@firma-${n % 997}.de`,
    `030 ${String(20_000_000 + n).slice(-8)}`,
    n === i ? '' : `0171 ${String(1_000_000 + i).slice(-7)}`,
    String(10_000 + (n % 89_999)),
    CITIES[n % CITIES.length] ?? '',
    `${AMOUNT.format(((n * 37) % 250_000) + 0.5)} €`,
    `${day}.${month}.2026`,
  ];
}

/**
 * Writes a German Excel CSV of `rows` data rows — Windows-1252, `;`, CRLF, German dates
 * and amounts with €, umlauts — where every `duplicateEvery`th row (default 20: 5 %)
 * repeats an earlier row's email. Written in pieces, so a million rows stay small in memory.
 */
export function writeGermanExcelCsv(path: string, rows: number, duplicateEvery = 20): void {
  // Latin-1 bytes equal Windows-1252 for these letters; € is 0x80 in Windows-1252.
  const encode = (text: string) => Buffer.from(text.replace(/€/g, '\u0080'), 'latin1');
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, encode(`${GERMAN_HEADER.join(';')}\r\n`));
    for (let start = 0; start < rows; start += 10_000) {
      let text = '';
      for (let i = start; i < Math.min(rows, start + 10_000); i++) {
        text += `${germanRow(i, duplicateEvery).join(';')}\r\n`;
      }
      writeSync(fd, encode(text));
    }
  } finally {
    closeSync(fd);
  }
}

/** The mapping of {@link writeGermanExcelCsv}'s columns. */
export const GERMAN_MAPPING = {
  Anrede: 'salutation',
  Vorname: 'firstName',
  Nachname: 'lastName',
  Firma: 'companyName',
  Position: 'jobTitle',
  'E-Mail': 'email',
  Telefon: 'phone',
  Mobil: 'mobile',
  PLZ: 'postalCode',
  Ort: 'city',
  Umsatz: 'expectedValue',
  'Angebot vom': 'expectedCloseDate',
} as const;
