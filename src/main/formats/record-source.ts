import { createHash } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { assertNever } from '@core/domain/stages';
import type { KeysUnder } from '@core/i18n';
import { createCsvParser, type CsvRecord } from '@core/formats/csv';
import { columnName, detectDelimiter, detectHeader, uniqueHeaders } from '@core/formats/dialect';
import { detachString } from '@core/formats/detach';
import { createTextDecoder, detectEncoding } from '@core/formats/encoding';
import type { CsvDelimiter, RawRecord, TextEncoding } from '@core/formats/types';
import type { VCard } from '@core/formats/vcard-properties';
import { createVcardReader } from '@core/formats/vcard-reader';
import type { ImportFormat } from '@core/formats/types';
import { VCARD_COLUMNS, vcardToCells } from '@core/import/vcard';
import type { ReadOptions } from '@core/ipc/import-schemas';
import { AppError } from '../errors';
import { detectFormat, extensionOf, promisesXlsx, SAMPLE_BYTES } from './sniff';
import { openXlsx, type XlsxBook } from './xlsx-reader';

/**
 * A file opened for import: what was detected (or chosen) about it, and its data records
 * streamed in batches. Nothing but the current batch and the parser's buffer is held.
 */
export type RecordSource = {
  format: ImportFormat;
  fileName: string;
  size: number;
  encoding: TextEncoding | null;
  delimiter: CsvDelimiter | null;
  sheets: string[];
  sheet: string | null;
  hasHeader: boolean;
  /** Unique column names; generated ones ("A", "B", …) where the file has none. */
  headers: string[];
  /**
   * The data records (header row and blank records left out) in batches of `batchSize`
   * (500). `fromRecord` skips that many data records first, for resuming. Each call reads
   * the file anew.
   */
  records(options?: RecordsOptions): AsyncIterable<RawRecord[]>;
  /**
   * Bytes of the file the current `records()` pass has read. XLSX: 0 until the sheet is
   * read through (the XLSX reader does not tell how far into the zip it is).
   */
  bytesRead(): number;
  close(): Promise<void>;
};

export type RecordsOptions = { fromRecord?: number; batchSize?: number };

export const DEFAULT_BATCH_SIZE = 500;

/** Records looked at to detect the header row (and the number of columns). */
const HEAD_RECORDS = 50;

/** Reading the head stops here even without that many records (one endless quoted field). */
const HEAD_MAX_BYTES = 2 * 1024 * 1024;

/** More columns than this is a wrong delimiter or not a table at all. */
export const MAX_COLUMNS = 1000;

/** Header cells are cut to this length (mapping keys allow 300 characters). */
const MAX_HEADER_LENGTH = 200;

/** vCard files larger than this are refused (read as a stream, so the limit bounds time, not memory). */
export const MAX_VCARD_BYTES = 50 * 1024 * 1024;

/**
 * A batch ends early once its cells hold this many characters, so that 500 records at the
 * readers' longest field and record lengths never sit in memory together.
 */
export const BATCH_MAX_CHARS = 4 * 1024 * 1024;

type Params = Record<string, string | number>;

function fileError(key: KeysUnder<'importErrors'>, file: string, params: Params = {}): AppError {
  return new AppError('FILE_UNREADABLE', `importErrors.${key}`, { file, ...params });
}

/** A failed file system call as the message the user can act on. */
function fsError(error: unknown, file: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return fileError('missing', file);
  if (code === 'EACCES' || code === 'EPERM') return fileError('noAccess', file);
  if (code === 'EBUSY') return fileError('locked', file);
  if (code === 'EISDIR') return fileError('folder', file);
  if (code === 'ELOOP' || code === 'ENAMETOOLONG') return fileError('badPath', file);
  return fileError('unreadable', file);
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Index after the last non-blank cell. */
function filledWidth(cells: readonly string[]): number {
  for (let i = cells.length; i > 0; i--) {
    if ((cells[i - 1] as string).trim() !== '') return i;
  }
  return 0;
}

/** Trailing empty cells beyond the table's width say nothing (`a;b;c;;;` from Excel). */
function trimCells(cells: string[], width: number): string[] {
  let end = cells.length;
  while (end > width && (cells[end - 1] as string).trim() === '') end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

/**
 * The table's shape from its first non-blank rows: whether the first is a header (unless
 * the user said), and the column names — as many as the widest row fills, so a value
 * beyond the header's last name still gets a column. `complete` says the rows are the
 * whole file, so a header without data is known for sure.
 */
function tableShape(
  head: string[][],
  complete: boolean,
  hasHeaderChosen: boolean | undefined,
  file: string,
): { hasHeader: boolean; headers: string[] } {
  const [first] = head;
  if (first === undefined) throw fileError('empty', file);
  const hasHeader =
    hasHeaderChosen ?? detectHeader(head.map((row) => row.slice(0, filledWidth(row))));
  if (hasHeader && complete && head.length === 1) throw fileError('headerOnly', file);
  const width = Math.max(...head.map(filledWidth));
  if (width > MAX_COLUMNS) {
    throw fileError('tooManyColumns', file, { count: width, max: MAX_COLUMNS });
  }
  const columns = Array.from({ length: width }, (_, i) => i);
  const headers = hasHeader
    ? uniqueHeaders(
        columns.map((i) => (first[i] ?? '').slice(0, MAX_HEADER_LENGTH)),
        columnName,
      )
    : columns.map(columnName);
  return { hasHeader, headers };
}

/** Turns the non-blank rows of a pass into batches of data records. */
function createBatcher(hasHeader: boolean, width: number, options: RecordsOptions) {
  const fromRecord = options.fromRecord ?? 0;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  let headerSeen = !hasHeader;
  let index = 0;
  let batch: RawRecord[] = [];
  let chars = 0;
  return {
    /** Adds one row; returns a full batch (by count or by {@link BATCH_MAX_CHARS}) if any. */
    add(record: RawRecord): RawRecord[] | null {
      if (isBlank(record.cells)) return null;
      if (!headerSeen) {
        headerSeen = true;
        return null;
      }
      if (index++ < fromRecord) return null;
      record.cells = trimCells(record.cells, width);
      batch.push(record);
      for (const cell of record.cells) chars += cell.length;
      if (batch.length < batchSize && chars < BATCH_MAX_CHARS) return null;
      const full = batch;
      batch = [];
      chars = 0;
      return full;
    },
    rest(): RawRecord[] | null {
      return batch.length > 0 ? batch : null;
    },
  };
}

/**
 * The file's size, refusing anything but a regular file before it is opened: opening a pipe
 * waits for a writer forever, and a device (`/dev/zero`) never ends.
 */
async function regularFile(path: string, file: string): Promise<{ size: number }> {
  const stats = await stat(path);
  if (stats.isDirectory()) throw fileError('folder', file);
  if (!stats.isFile()) throw fileError('special', file);
  return { size: stats.size };
}

async function readSample(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** How many bytes at the end of `bytes` start a UTF-8 sequence that is not complete yet. */
function incompleteUtf8Tail(bytes: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, bytes.length); k++) {
    const byte = bytes[bytes.length - k] as number;
    if (byte < 0x80) return 0;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return length > k ? k : 0;
    }
  }
  return 0;
}

type TextDecoderLike = { decode(chunk: Uint8Array): string; end(): string };

/**
 * UTF-8 for a file whose first 64 KiB are plain ASCII, switching to Windows-1252 at the
 * first byte that is not valid UTF-8: a German Excel export whose first umlaut comes late
 * in the file is read right. ASCII reads the same in both, so nothing decoded before the
 * switch changes.
 */
function utf8OrWindows1252(): TextDecoderLike {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let fallback: TextDecoderLike | null = null;
  /** The bytes `strict` holds back as the start of a sequence not complete yet. */
  let held = new Uint8Array(0);
  const switchOver = (): TextDecoderLike => {
    const decoder = createTextDecoder('windows-1252');
    fallback = decoder;
    return decoder;
  };
  return {
    decode(chunk) {
      if (fallback !== null) return fallback.decode(chunk);
      const pending = held.length > 0 ? Buffer.concat([held, chunk]) : chunk;
      try {
        const text = strict.decode(chunk, { stream: true });
        held = pending.slice(pending.length - incompleteUtf8Tail(pending));
        return text;
      } catch {
        return switchOver().decode(pending);
      }
    },
    end() {
      if (fallback !== null) return fallback.end();
      try {
        return strict.decode();
      } catch {
        const decoder = switchOver();
        return decoder.decode(held) + decoder.end();
      }
    },
  };
}

type CsvDialect = { encoding: TextEncoding; adaptive: boolean; delimiter: CsvDelimiter };

function csvDecoder(dialect: CsvDialect): TextDecoderLike {
  return dialect.adaptive ? utf8OrWindows1252() : createTextDecoder(dialect.encoding);
}

/** What one pass over a file has read so far. */
type Pass = { bytes: number };

/**
 * Reads the file's first `size` bytes, the size it had when it was opened: a file that
 * another program keeps writing to is read to a definite end, never forever.
 */
function readStream(path: string, size: number): ReadStream {
  return createReadStream(path, {
    highWaterMark: SAMPLE_BYTES,
    start: 0,
    end: Math.max(0, size - 1),
  });
}

/**
 * The CSV records of the file, in the groups each 64 KiB chunk completes. The stream is
 * destroyed when the consumer stops early.
 */
async function* csvChunks(
  path: string,
  file: string,
  size: number,
  dialect: CsvDialect,
  pass: Pass,
  streams: Set<ReadStream>,
): AsyncGenerator<CsvRecord[]> {
  const stream = readStream(path, size);
  streams.add(stream);
  const decoder = csvDecoder(dialect);
  const parser = createCsvParser({ delimiter: dialect.delimiter });
  try {
    let records: CsvRecord[];
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        pass.bytes += chunk.length;
        records = parser.push(decoder.decode(chunk));
        if (records.length > 0) yield records;
      }
    } catch (error) {
      throw fsError(error, file);
    }
    records = [...parser.push(decoder.end()), ...parser.end()];
    if (records.length > 0) yield records;
  } finally {
    stream.destroy();
    streams.delete(stream);
  }
}

/**
 * The first non-blank records of a CSV file for detection, and whether they are all of
 * it. Stops after {@link HEAD_MAX_BYTES}, taking the record read so far as it is.
 */
async function readCsvHead(
  path: string,
  file: string,
  size: number,
  dialect: CsvDialect,
): Promise<{ rows: string[][]; complete: boolean }> {
  const stream = readStream(path, size);
  const decoder = csvDecoder(dialect);
  const parser = createCsvParser({ delimiter: dialect.delimiter });
  const rows: string[][] = [];
  const take = (records: CsvRecord[]): void => {
    for (const record of records) {
      if (!isBlank(record.fields) && rows.length <= HEAD_RECORDS) rows.push(record.fields);
    }
  };
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      take(parser.push(decoder.decode(chunk)));
      if (rows.length > HEAD_RECORDS) return { rows, complete: false };
      if (bytes >= HEAD_MAX_BYTES) {
        take(parser.end());
        return { rows, complete: false };
      }
    }
  } catch (error) {
    throw fsError(error, file);
  } finally {
    stream.destroy();
  }
  take([...parser.push(decoder.end()), ...parser.end()]);
  return { rows, complete: true };
}

function isAscii(bytes: Uint8Array): boolean {
  return bytes.every((byte) => byte < 0x80);
}

async function openCsv(
  path: string,
  file: string,
  size: number,
  sample: Uint8Array,
  options: ReadOptions,
): Promise<RecordSource> {
  const detected = detectEncoding(sample);
  const encoding = options.encoding ?? detected.encoding;
  const adaptive = encoding === 'utf-8' && !detected.bom && sample.length < size && isAscii(sample);
  const sampleText = createTextDecoder(encoding).decode(sample);
  const delimiter = options.delimiter ?? detectDelimiter(sampleText);
  const dialect: CsvDialect = { encoding, adaptive, delimiter };
  const head = await readCsvHead(path, file, size, dialect);
  const { hasHeader, headers } = tableShape(head.rows, head.complete, options.hasHeader, file);
  const streams = new Set<ReadStream>();
  let pass: Pass = { bytes: 0 };
  return {
    format: 'csv',
    fileName: file,
    size,
    encoding,
    delimiter,
    sheets: [],
    sheet: null,
    hasHeader,
    headers,
    async *records(recordsOptions = {}) {
      pass = { bytes: 0 };
      const batcher = createBatcher(hasHeader, headers.length, recordsOptions);
      for await (const records of csvChunks(path, file, size, dialect, pass, streams)) {
        for (const record of records) {
          const raw: RawRecord = { row: record.line, cells: record.fields };
          if (record.issue !== null) raw.issue = record.issue;
          const batch = batcher.add(raw);
          if (batch !== null) yield batch;
        }
      }
      const rest = batcher.rest();
      if (rest !== null) yield rest;
    },
    bytesRead: () => pass.bytes,
    async close() {
      for (const stream of streams) stream.destroy();
      streams.clear();
    },
  };
}

/**
 * The cards of a vCard file, in the groups each 64 KiB chunk completes (cards without a name
 * or an END:VCARD are left out, as before). The stream is destroyed when the consumer stops.
 */
async function* vcardChunks(
  path: string,
  file: string,
  size: number,
  encoding: TextEncoding,
  pass: Pass,
  streams: Set<ReadStream>,
): AsyncGenerator<VCard[]> {
  const stream = readStream(path, size);
  streams.add(stream);
  const decoder = createTextDecoder(encoding);
  const reader = createVcardReader();
  try {
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        pass.bytes += chunk.length;
        const { cards } = reader.push(decoder.decode(chunk));
        if (cards.length > 0) yield cards;
      }
    } catch (error) {
      throw fsError(error, file);
    }
    const cards = [...reader.push(decoder.end()).cards, ...reader.end().cards];
    if (cards.length > 0) yield cards;
  } finally {
    stream.destroy();
    streams.delete(stream);
  }
}

/** A card as a record: its cells (each a string of its own) and whether a text was cut. */
function cardRecord(card: VCard, row: number): RawRecord {
  const record: RawRecord = { row, cells: vcardToCells(card).map(detachString) };
  if (card.truncated) record.issue = 'field_too_long';
  return record;
}

/**
 * vCard files are read in chunks like CSV, each pass anew, up to {@link MAX_VCARD_BYTES};
 * opening reads only up to the first card (a file without one is refused).
 */
async function openVcard(
  path: string,
  file: string,
  size: number,
  sample: Uint8Array,
  options: ReadOptions,
): Promise<RecordSource> {
  if (size > MAX_VCARD_BYTES) {
    throw fileError('tooLarge', file, {
      size: Math.ceil(size / 1024 / 1024),
      max: MAX_VCARD_BYTES / 1024 / 1024,
    });
  }
  const encoding = options.encoding ?? detectEncoding(sample).encoding;
  const streams = new Set<ReadStream>();
  const probe = vcardChunks(path, file, size, encoding, { bytes: 0 }, streams);
  try {
    if ((await probe.next()).done === true) throw fileError('noCards', file);
  } finally {
    await probe.return(undefined);
  }
  let pass: Pass = { bytes: 0 };
  return {
    format: 'vcard',
    fileName: file,
    size,
    encoding,
    delimiter: null,
    sheets: [],
    sheet: null,
    hasHeader: true,
    headers: [...VCARD_COLUMNS],
    async *records(recordsOptions = {}) {
      pass = { bytes: 0 };
      const batcher = createBatcher(false, VCARD_COLUMNS.length, recordsOptions);
      let row = 0;
      for await (const cards of vcardChunks(path, file, size, encoding, pass, streams)) {
        for (const card of cards) {
          const batch = batcher.add(cardRecord(card, ++row));
          if (batch !== null) yield batch;
        }
      }
      const rest = batcher.rest();
      if (rest !== null) yield rest;
    },
    bytesRead: () => pass.bytes,
    async close() {
      for (const stream of streams) stream.destroy();
      streams.clear();
    },
  };
}

/**
 * Opens the workbook. The XLSX reader reports any broken structure as unreadable; for a ZIP
 * that was not even called .xlsx that is a renamed file (a .docx or archive named .csv).
 */
async function openBook(path: string, file: string): Promise<XlsxBook> {
  try {
    return await openXlsx(path);
  } catch (error) {
    const broken = error instanceof AppError && error.key === 'importErrors.unreadable';
    if (broken && !promisesXlsx(file)) {
      throw fileError('renamed', file, { extension: extensionOf(file), kind: 'ZIP' });
    }
    throw fsError(error, file);
  }
}

/** The rows of a sheet as raw records (sheet row numbers), the cells as text. */
async function* sheetRows(book: XlsxBook, sheet: string, file: string): AsyncGenerator<RawRecord> {
  try {
    for await (const row of book.rows(sheet)) {
      const record: RawRecord = {
        row: row.row,
        cells: Array.from(row.cells, (cell) => cell ?? ''),
      };
      if (row.cut === true) record.issue = 'field_too_long';
      yield record;
    }
  } catch (error) {
    throw fsError(error, file);
  }
}

/**
 * The workbook is opened once per source: its shared strings (up to 64 MB) are read once and
 * every pass reads the sheet anew from the same open file.
 */
async function openWorkbook(
  path: string,
  file: string,
  size: number,
  options: ReadOptions,
): Promise<RecordSource> {
  const book = await openBook(path, file);
  let sheets: string[];
  let sheet: string;
  let shape: { hasHeader: boolean; headers: string[] };
  try {
    sheets = [...book.sheets];
    const chosen = options.sheet ?? sheets[0];
    if (chosen === undefined) throw fileError('noSheets', file);
    if (!sheets.includes(chosen)) throw fileError('noSheet', file, { sheet: chosen });
    sheet = chosen;
    const head: string[][] = [];
    let complete = true;
    for await (const record of sheetRows(book, sheet, file)) {
      if (isBlank(record.cells)) continue;
      head.push(record.cells);
      if (head.length > HEAD_RECORDS) {
        complete = false;
        break;
      }
    }
    shape = tableShape(head, complete, options.hasHeader, file);
  } catch (error) {
    await book.close();
    throw error;
  }
  let bytes = 0;
  const { hasHeader, headers } = shape;
  return {
    format: 'xlsx',
    fileName: file,
    size,
    encoding: null,
    delimiter: null,
    sheets,
    sheet,
    hasHeader,
    headers,
    async *records(recordsOptions = {}) {
      bytes = 0;
      const batcher = createBatcher(hasHeader, headers.length, recordsOptions);
      for await (const record of sheetRows(book, sheet, file)) {
        const batch = batcher.add(record);
        if (batch !== null) yield batch;
      }
      bytes = size;
      const rest = batcher.rest();
      if (rest !== null) yield rest;
    },
    bytesRead: () => bytes,
    close: () => book.close(),
  };
}

/**
 * Opens a file for import: detects its format (by content; see `detectFormat`), encoding,
 * delimiter, sheet and header row unless `options` fixes them, and checks that it holds
 * data. Throws FILE_UNREADABLE with an `importErrors.*` key (missing, empty, binary,
 * renamed, headerOnly, noSheet, …) the user can act on.
 */
export async function openRecordSource(path: string, options: ReadOptions): Promise<RecordSource> {
  const file = basename(path);
  let size: number;
  let sample: Uint8Array;
  try {
    size = (await regularFile(path, file)).size;
    sample = await readSample(path);
  } catch (error) {
    throw fsError(error, file);
  }
  const format = detectFormat(file, sample, options);
  switch (format) {
    case 'csv':
      return openCsv(path, file, size, sample, options);
    case 'vcard':
      return openVcard(path, file, size, sample, options);
    case 'xlsx':
      return openWorkbook(path, file, size, options);
    default:
      return assertNever(format);
  }
}

/** Bytes hashed per read; one buffer serves the whole file. */
const HASH_BLOCK = 1024 * 1024;

/**
 * SHA-256 of the file's bytes as hex — of as many bytes as it had when the hashing started,
 * so a file that keeps growing is hashed to an end. Read into one buffer again and again:
 * a stream's new buffer per 64 KiB left a 140 MB file's worth of freed blocks in the
 * allocator of the thread that serves the UI (up to 60 MB of it still counted as used).
 */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  let handle: FileHandle | null = null;
  try {
    const { size } = await regularFile(path, basename(path));
    handle = await open(path, 'r');
    const buffer = Buffer.allocUnsafeSlow(Math.min(HASH_BLOCK, Math.max(1, size)));
    for (let position = 0; position < size;) {
      const length = Math.min(buffer.length, size - position);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      // The file shrank: what is left of it is hashed.
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
  } catch (error) {
    throw fsError(error, basename(path));
  } finally {
    await handle?.close();
  }
  return hash.digest('hex');
}
