import { detachString } from './detach';
import type { CsvDelimiter } from './types';

/**
 * One record of a CSV file. `line` is the 1-based physical line it starts on (line breaks
 * inside quoted fields count), so the user finds it in an editor. `issue` says what went
 * wrong while reading it: a quote still open at the end of the file (`fields` then holds what
 * was read), or a field cut to the maximum length.
 */
export type CsvRecord = {
  line: number;
  fields: string[];
  issue: 'unclosed_quote' | 'field_too_long' | null;
};

/** Fields longer than this many characters are cut (1 MiB; no lead field takes more than 20,000). */
export const DEFAULT_MAX_FIELD_LENGTH = 1024 * 1024;

/** The fields of one record together are cut at this many characters (2 MiB). */
export const DEFAULT_MAX_RECORD_LENGTH = 2 * 1024 * 1024;

/**
 * Fields of one record beyond this many are dropped: no table has that many columns (the
 * reader refuses more than 1,000), and a line of delimiters must not become a huge array.
 */
export const DEFAULT_MAX_FIELDS = 10_000;

export type CsvParserOptions = {
  delimiter: CsvDelimiter;
  maxFieldLength?: number;
  maxRecordLength?: number;
  maxFields?: number;
};

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Where the parser is between two characters. */
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Inside a quoted field right after a quote: a doubled quote or the closing one. */
const QUOTE_SEEN = 3;
type Mode = typeof FIELD_START | typeof UNQUOTED | typeof QUOTED | typeof QUOTE_SEEN;

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|-]/g;

/**
 * A streaming CSV parser (RFC 4180 plus what Excel accepts). Feed the decoded text in chunks
 * of any size with `push`; each call returns the records completed so far, and `end` returns
 * the last one. Quoted fields may hold delimiters, doubled quotes and CR, LF or CRLF; records
 * end at CR, LF or CRLF (mixed in one file, a CRLF may be split between chunks). Text after a
 * closing quote is kept as part of the field, a quote inside an unquoted field is literal,
 * and blank lines are skipped (they still count for `line`). Records keep their own number of
 * fields; comparing them with the header is the caller's business.
 *
 * Memory is bounded whatever the input: a field is cut at `maxFieldLength` characters and a
 * record at `maxRecordLength` (the record is marked `field_too_long`), fields beyond
 * `maxFields` are dropped, and every field is a string of its own (see `detachString`), so a
 * record kept longer than its chunk keeps only itself.
 */
export function createCsvParser(options: CsvParserOptions): {
  push(text: string): CsvRecord[];
  end(): CsvRecord[];
} {
  const delimiterCode = options.delimiter.charCodeAt(0);
  const maxFieldLength = options.maxFieldLength ?? DEFAULT_MAX_FIELD_LENGTH;
  const maxRecordLength = options.maxRecordLength ?? DEFAULT_MAX_RECORD_LENGTH;
  const maxFields = options.maxFields ?? DEFAULT_MAX_FIELDS;
  const unquotedStop = new RegExp(
    `[${options.delimiter.replace(REGEX_SPECIAL, '\\$&')}\\r\\n]`,
    'g',
  );
  const quotedStop = /["\r\n]/g;

  let mode: Mode = FIELD_START;
  let fields: string[] = [];
  let field = '';
  /** Characters of the record's fields so far, the current one included. */
  let recordLength = 0;
  let recordQuoted = false;
  let issue: CsvRecord['issue'] = null;
  /** Physical line of the next character. */
  let line = 1;
  let recordLine = 1;
  /** Whether the previous chunk ended with CR, so that a leading LF completes a CRLF. */
  let previousEndedWithCr = false;
  let out: CsvRecord[] = [];

  /** Appends `piece` to the field, cut at the field's and the record's limits. */
  const appendText = (piece: string): void => {
    const room = Math.min(maxFieldLength - field.length, maxRecordLength - recordLength);
    if (piece.length <= room) {
      field += piece;
      recordLength += piece.length;
      return;
    }
    if (room > 0) {
      field += piece.slice(0, room);
      recordLength += room;
    }
    if (issue === null) issue = 'field_too_long';
  };

  const append = (text: string, from: number, to: number): void => {
    if (to <= from) return;
    const room = Math.min(maxFieldLength - field.length, maxRecordLength - recordLength);
    // One character more than fits, so that a cut is noticed.
    appendText(room > 0 ? text.slice(from, Math.min(to, from + room + 1)) : (text[from] ?? ''));
  };

  /**
   * Appends quoted text whose doubled quotes are not undone yet: one piece per run, not one
   * per quote, so that a field of a million `""` costs a million characters and no more.
   */
  const appendQuoted = (text: string, from: number, to: number, doubled: boolean): void => {
    if (!doubled) {
      append(text, from, to);
      return;
    }
    if (to <= from) return;
    const room = Math.min(maxFieldLength - field.length, maxRecordLength - recordLength);
    // Undoing the doubling at most halves the run, so twice the room (and one) is enough.
    const end = room > 0 ? Math.min(to, from + 2 * room + 2) : from + 1;
    // split/join builds one flat string; replaceAll would chain one piece per quote.
    appendText(text.slice(from, end).split('""').join('"'));
  };

  const endField = (): void => {
    if (fields.length < maxFields) fields.push(detachString(field));
    field = '';
  };

  const endRecord = (): void => {
    endField();
    const blank = fields.length === 1 && !recordQuoted && (fields[0] as string).trim() === '';
    if (!blank) out.push({ line: recordLine, fields, issue });
    fields = [];
    recordLength = 0;
    recordQuoted = false;
    issue = null;
    mode = FIELD_START;
  };

  /** Ends the record at a line break; the next one starts on the following line. */
  const endRecordAtLineBreak = (): void => {
    endRecord();
    line++;
    recordLine = line;
  };

  const followsCr = (text: string, index: number): boolean =>
    index > 0 ? text.charCodeAt(index - 1) === CR : previousEndedWithCr;

  const push = (text: string): CsvRecord[] => {
    out = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (mode === QUOTED) {
        quotedStop.lastIndex = i;
        const start = i;
        let doubled = false;
        for (;;) {
          const match = quotedStop.exec(text);
          if (match === null) {
            appendQuoted(text, start, n, doubled);
            i = n;
            break;
          }
          const j = match.index;
          const c = text.charCodeAt(j);
          if (c === QUOTE) {
            if (j + 1 < n && text.charCodeAt(j + 1) === QUOTE) {
              // Doubled quotes inside the run are taken along with the text around them; a
              // run of them is skipped in one go (a field of `""""…` must not cost a match
              // object per quote).
              doubled = true;
              let k = j + 2;
              while (
                k + 1 < n &&
                text.charCodeAt(k) === QUOTE &&
                text.charCodeAt(k + 1) === QUOTE
              ) {
                k += 2;
              }
              quotedStop.lastIndex = k;
              continue;
            }
            appendQuoted(text, start, j, doubled);
            mode = QUOTE_SEEN;
            i = j + 1;
            break;
          }
          if (c === CR || !followsCr(text, j)) line++;
        }
        continue;
      }
      if (mode === QUOTE_SEEN) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          append(text, i, i + 1);
          mode = QUOTED;
          i++;
        } else if (c === delimiterCode) {
          endField();
          mode = FIELD_START;
          i++;
        } else if (c === CR || c === LF) {
          endRecordAtLineBreak();
          i++;
        } else {
          mode = UNQUOTED;
        }
        continue;
      }
      if (mode === FIELD_START) {
        if (text.charCodeAt(i) === QUOTE) {
          mode = QUOTED;
          recordQuoted = true;
          i++;
          continue;
        }
        mode = UNQUOTED;
      }
      unquotedStop.lastIndex = i;
      const match = unquotedStop.exec(text);
      const j = match === null ? n : match.index;
      append(text, i, j);
      if (j === n) break;
      const c = text.charCodeAt(j);
      i = j + 1;
      if (c === delimiterCode) {
        endField();
        mode = FIELD_START;
      } else if (c === LF && followsCr(text, j)) {
        // The LF of a CRLF whose CR already ended the record.
        mode = FIELD_START;
      } else {
        endRecordAtLineBreak();
      }
    }
    if (n > 0) previousEndedWithCr = text.charCodeAt(n - 1) === CR;
    return out;
  };

  const end = (): CsvRecord[] => {
    out = [];
    if (mode === QUOTED) {
      issue = 'unclosed_quote';
      endRecord();
    } else if (mode !== FIELD_START || fields.length > 0 || field !== '') {
      endRecord();
    }
    return out;
  };

  return { push, end };
}

/** Parses a whole CSV text at once (see `createCsvParser`). */
export function parseCsv(text: string, delimiter: CsvDelimiter): CsvRecord[] {
  const parser = createCsvParser({ delimiter });
  return [...parser.push(text), ...parser.end()];
}
