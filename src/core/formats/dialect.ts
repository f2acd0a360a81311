import { createCsvParser } from './csv';
import { CSV_DELIMITERS, type CsvDelimiter } from './types';

/** Lines of the sample looked at to choose the delimiter. */
const DELIMITER_SAMPLE_LINES = 50;

/** Characters of the sample looked at (more than enough for the first lines). */
const DELIMITER_SAMPLE_CHARS = 64 * 1024;

/** How consistently `delimiter` splits the sample's records; 0 when it does not occur. */
function delimiterConsistency(sample: string, delimiter: CsvDelimiter): number {
  const parser = createCsvParser({ delimiter });
  const records = parser.push(sample);
  // The sample may end mid-line or inside a quote: that last record is incomplete and only
  // counts when it is all there is.
  const last = parser.end();
  if (records.length === 0) records.push(...last);
  const counts = records.slice(0, DELIMITER_SAMPLE_LINES).map((r) => r.fields.length - 1);
  const frequency = new Map<number, number>();
  for (const count of counts) {
    if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
  }
  let best = 0;
  for (const times of frequency.values()) best = Math.max(best, times);
  return counts.length === 0 ? 0 : best / counts.length;
}

/**
 * Chooses the delimiter of a CSV/TXT sample (the decoded start of the file): the candidate
 * that splits the first lines into the most consistent non-zero number of fields, counting
 * only delimiters outside quotes. Ties go to `;` (German Excel), then `,`, tab and `|`; a
 * sample with none of them is read as `,`.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  const sample = text.slice(0, DELIMITER_SAMPLE_CHARS);
  for (const delimiter of CSV_DELIMITERS) {
    const score = delimiterConsistency(sample, delimiter);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NUMBER = /^[-+]?(?:\d{1,3}(?:[.,' ]\d{3})+|\d+)(?:[.,]\d+)?\s*(?:€|EUR|%|\$|CHF)?$/i;
const CURRENCY_FIRST = /^(?:€|EUR|\$|CHF)\s*[-+]?\d[\d.,' ]*$/i;
const DATE =
  /^(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?|\d{1,2}\/\d{1,2}\/\d{2,4})$/;
const PHONE = /^\+?[\d\s()/.-]+$/;
const URL = /^(?:https?:\/\/|www\.)\S+$/i;

/**
 * Whether a cell holds a value rather than a column name: an email address, a number or
 * amount (`1.234,56 €`, `1,234.56`, `42 %`), a date (`31.12.2025`, `2025-12-31`,
 * `12/31/2025`), a phone number (six digits or more) or a web address.
 */
export function looksLikeValue(cell: string): boolean {
  const value = cell.trim();
  if (value === '') return false;
  if (EMAIL.test(value) || URL.test(value) || DATE.test(value)) return true;
  if (NUMBER.test(value) || CURRENCY_FIRST.test(value)) return true;
  return PHONE.test(value) && (value.match(/\d/g)?.length ?? 0) >= 6;
}

/**
 * Words that make a cell a column name, German and English, folded (lower case, umlauts
 * spelled out). A header cell counts when one of its words, or the whole cell without
 * punctuation, is listed.
 */
const HEADER_WORDS = new Set([
  'anrede',
  'titel',
  'title',
  'vorname',
  'vornamen',
  'nachname',
  'name',
  'firstname',
  'lastname',
  'firma',
  'unternehmen',
  'company',
  'organisation',
  'organization',
  'email',
  'emailadresse',
  'mail',
  'telefon',
  'tel',
  'phone',
  'mobil',
  'mobile',
  'mobiltelefon',
  'handy',
  'fax',
  'position',
  'funktion',
  'abteilung',
  'department',
  'strasse',
  'street',
  'adresse',
  'address',
  'plz',
  'postleitzahl',
  'zip',
  'ort',
  'stadt',
  'city',
  'land',
  'country',
  'region',
  'webseite',
  'website',
  'homepage',
  'url',
  'notizen',
  'notiz',
  'notes',
  'bemerkung',
  'kommentar',
  'branche',
  'industry',
  'mitarbeiter',
  'employees',
  'quelle',
  'source',
  'kampagne',
  'campaign',
  'status',
  'stage',
  'phase',
  'datum',
  'date',
  'betrag',
  'umsatz',
  'wert',
  'value',
  'id',
  'nr',
  'nummer',
  'number',
  'suffix',
  'rolle',
  'role',
  'geschaeftlich',
  'privat',
  'business',
  'home',
  'job',
  'besitzer',
  'owner',
  'verantwortlich',
]);

function foldHeader(cell: string): string {
  return cell
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss');
}

function isKnownHeaderWord(cell: string): boolean {
  const folded = foldHeader(cell);
  if (HEADER_WORDS.has(folded.replace(/[^a-z0-9]/g, ''))) return true;
  return folded.split(/[^a-z0-9]+/).some((word) => HEADER_WORDS.has(word));
}

/**
 * Whether the first of `rows` (the first records of a file) is a header row: all its cells
 * are filled, none looks like a value (email, number, date, phone), and either a later row has
 * a value in one of those columns or a cell is a known column name ("Vorname", "E-Mail",
 * "Company", …). Files without a header get column names from `columnName`.
 */
export function detectHeader(rows: string[][]): boolean {
  const [first, ...rest] = rows;
  if (first === undefined || first.length === 0) return false;
  if (first.some((cell) => cell.trim() === '' || looksLikeValue(cell))) return false;
  const valuesBelow = rest.some((row) =>
    row.some((cell, column) => column < first.length && looksLikeValue(cell)),
  );
  return valuesBelow || first.some(isKnownHeaderWord);
}

/**
 * Makes header cells usable as column names: trimmed, an empty cell named by `fallback(i)`
 * (e.g. `i => \`Spalte ${i + 1}\``), and a repeated name (compared without case) numbered
 * "E-Mail (2)", "E-Mail (3)", so every column keeps its own mapping.
 */
export function uniqueHeaders(cells: string[], fallback: (index: number) => string): string[] {
  const used = new Set<string>();
  return cells.map((cell, index) => {
    const base = cell.trim() === '' ? fallback(index) : cell.trim();
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** Spreadsheet column letters: 0 → "A", 25 → "Z", 26 → "AA", 701 → "ZZ", 702 → "AAA". */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}
