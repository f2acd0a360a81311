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

/** Fields longer than this many characters are cut (4 MiB). */
export const DEFAULT_MAX_FIELD_LENGTH = 4 * 1024 * 1024;

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
 */
export function createCsvParser(options: { delimiter: CsvDelimiter; maxFieldLength?: number }): {
  push(text: string): CsvRecord[];
  end(): CsvRecord[];
} {
  const delimiterCode = options.delimiter.charCodeAt(0);
  const maxFieldLength = options.maxFieldLength ?? DEFAULT_MAX_FIELD_LENGTH;
  const unquotedStop = new RegExp(
    `[${options.delimiter.replace(REGEX_SPECIAL, '\\$&')}\\r\\n]`,
    'g',
  );
  const quotedStop = /["\r\n]/g;

  let mode: Mode = FIELD_START;
  let fields: string[] = [];
  let field = '';
  let recordQuoted = false;
  let issue: CsvRecord['issue'] = null;
  /** Physical line of the next character. */
  let line = 1;
  let recordLine = 1;
  /** Whether the previous chunk ended with CR, so that a leading LF completes a CRLF. */
  let previousEndedWithCr = false;
  let out: CsvRecord[] = [];

  const append = (text: string, from: number, to: number): void => {
    if (to <= from) return;
    const room = maxFieldLength - field.length;
    if (to - from <= room) {
      field += text.slice(from, to);
      return;
    }
    if (room > 0) field += text.slice(from, from + room);
    if (issue === null) issue = 'field_too_long';
  };

  const endField = (): void => {
    fields.push(field);
    field = '';
  };

  const endRecord = (): void => {
    endField();
    const blank = fields.length === 1 && !recordQuoted && (fields[0] as string).trim() === '';
    if (!blank) out.push({ line: recordLine, fields, issue });
    fields = [];
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
        for (;;) {
          const match = quotedStop.exec(text);
          if (match === null) {
            append(text, start, n);
            i = n;
            break;
          }
          const j = match.index;
          const c = text.charCodeAt(j);
          if (c === QUOTE) {
            append(text, start, j);
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
