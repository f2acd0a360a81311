/** File kinds the readers read. */
export const IMPORT_FORMATS = ['csv', 'xlsx', 'vcard'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Text encodings the readers detect or the user may choose. */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** Field delimiters of CSV/TXT files. */
export const CSV_DELIMITERS = [';', ',', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/**
 * One raw record as a reader yields it: the row number the user sees and its cells. `issue`
 * is set when the CSV reader had trouble with the record (a quote never closed, a field cut
 * to the maximum length); the cells then hold what was read.
 */
export type RawRecord = {
  row: number;
  cells: string[];
  issue?: 'unclosed_quote' | 'field_too_long';
};
