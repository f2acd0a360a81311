import type { CsvDelimiter } from './types';

/** Byte-order mark that makes Excel open a UTF-8 CSV as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** First characters that make spreadsheets read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEUTRALIZED = /^'[=+\-@\t\r]/;

/**
 * Neutralises a cell against formula injection: a value starting with `=`, `+`, `-`, `@`, tab
 * or CR gets a leading apostrophe, so Excel and LibreOffice show it as text.
 */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes `neutralizeFormula` when a Leadwerk export is imported again. */
export function restoreNeutralized(value: string): string {
  return NEUTRALIZED.test(value) ? value.slice(1) : value;
}

/**
 * One CSV record with its CRLF. Every field — header cells too — first goes through
 * {@link neutralizeFormula}, so no caller can write a live formula. A field is quoted when it
 * holds the delimiter, a quote, CR or LF, or starts or ends with whitespace (quotes inside
 * are doubled); a record of one empty field is written as `""` so that it does not read back
 * as a blank line.
 */
export function csvLine(fields: readonly string[], delimiter: CsvDelimiter): string {
  if (fields.length === 1 && fields[0] === '') return '""\r\n';
  const quoted = fields.map((raw) => {
    const field = neutralizeFormula(raw);
    return field.includes(delimiter) || /["\r\n]|^\s|\s$/.test(field)
      ? `"${field.replace(/"/g, '""')}"`
      : field;
  });
  return `${quoted.join(delimiter)}\r\n`;
}
