import { open, type FileHandle } from 'node:fs/promises';
import { basename, posix } from 'node:path';
import { crc32 } from 'node:zlib';
import { Inflate } from 'fflate';
import { AppError } from '../ipc/errors';
import {
  attributeByLocalName,
  createXmlTokenizer,
  type XmlAttributes,
  type XmlToken,
  XmlError,
} from './xml';

/**
 * Reads XLSX workbooks (Office Open XML spreadsheets) as rows of text cells. The zip's
 * central directory is read from the end of the file; the worksheet entry is inflated and
 * parsed in chunks, so a sheet of hundreds of megabytes never sits in memory whole. Shared
 * strings are held (every cell may point at any of them).
 */
export type XlsxBook = {
  /** Worksheet names in workbook order. */
  sheets: string[];
  /**
   * The rows of a sheet (null: the first) that hold at least one value, in sheet order.
   * `row` is the sheet's row number; cells are placed by their column (gaps are ''), trailing
   * empty cells dropped.
   */
  rows(sheet: string | null): AsyncIterable<{ row: number; cells: string[] }>;
  /** Compressed bytes of the sheet being read so far: with the file size, the progress. */
  bytesRead(): number;
  close(): Promise<void>;
};

/** A file inside the zip, as the central directory describes it. */
type ZipEntry = {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
};

/** Something wrong with the file's structure; surfaces as FILE_UNREADABLE. */
class XlsxFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxFormatError';
  }
}

const CHUNK = 64 * 1024;
/** Excel's last column is XFD: 16,384 columns. */
const MAX_COLUMNS = 16_384;
const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_UINT32 = 0xffffffff;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new XlsxFormatError('unexpected end of file');
  return buffer;
}

/** A 64-bit little-endian number that must fit a JavaScript number. */
function uint64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new XlsxFormatError('zip64 value too large');
  return Number(value);
}

/** Where the central directory lies and how many entries it has (ZIP64 included). */
async function findCentralDirectory(
  handle: FileHandle,
  fileSize: number,
): Promise<{ offset: number; size: number; count: number }> {
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  if (tailLength < 22) throw new XlsxFormatError('too small for a zip');
  const tailStart = fileSize - tailLength;
  const tail = await readAt(handle, tailStart, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw new XlsxFormatError('no end of central directory');
  let count = tail.readUInt16LE(eocd + 10);
  let size = tail.readUInt32LE(eocd + 12);
  let offset = tail.readUInt32LE(eocd + 16);
  const locator = eocd - 20;
  if (locator >= 0 && tail.readUInt32LE(locator) === ZIP64_LOCATOR_SIGNATURE) {
    const record = await readAt(handle, uint64(tail, locator + 8), 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) {
      throw new XlsxFormatError('bad zip64 end of central directory');
    }
    count = uint64(record, 32);
    size = uint64(record, 40);
    offset = uint64(record, 48);
  }
  if (offset + size > fileSize) throw new XlsxFormatError('central directory out of bounds');
  return { offset, size, count };
}

/** The zip's entries by lower-cased name (OOXML part names are case-insensitive). */
async function readEntries(handle: FileHandle, fileSize: number): Promise<Map<string, ZipEntry>> {
  const directory = await findCentralDirectory(handle, fileSize);
  const data = await readAt(handle, directory.offset, directory.size);
  const entries = new Map<string, ZipEntry>();
  let pos = 0;
  for (let n = 0; n < directory.count; n++) {
    if (pos + 46 > data.length || data.readUInt32LE(pos) !== CENTRAL_SIGNATURE) {
      throw new XlsxFormatError('bad central directory entry');
    }
    const flags = data.readUInt16LE(pos + 8);
    const nameLength = data.readUInt16LE(pos + 28);
    const extraLength = data.readUInt16LE(pos + 30);
    const commentLength = data.readUInt16LE(pos + 32);
    const name = data
      .subarray(pos + 46, pos + 46 + nameLength)
      .toString('utf8')
      .replace(/\\/g, '/');
    const entry: ZipEntry = {
      name,
      method: data.readUInt16LE(pos + 10),
      crc: data.readUInt32LE(pos + 16),
      compressedSize: data.readUInt32LE(pos + 20),
      size: data.readUInt32LE(pos + 24),
      localHeaderOffset: data.readUInt32LE(pos + 42),
    };
    readZip64Extra(
      data.subarray(pos + 46 + nameLength, pos + 46 + nameLength + extraLength),
      entry,
    );
    if ((flags & 1) !== 0) throw new XlsxFormatError('encrypted zip entry');
    entries.set(name.toLowerCase().replace(/^\//, ''), entry);
    pos += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Replaces the 0xFFFFFFFF placeholders of an entry with the values of its ZIP64 extra field. */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  let pos = 0;
  while (pos + 4 <= extra.length) {
    const id = extra.readUInt16LE(pos);
    const length = extra.readUInt16LE(pos + 2);
    if (id === 0x0001) {
      let field = pos + 4;
      const next = () => {
        const value = uint64(extra, field);
        field += 8;
        return value;
      };
      if (entry.size === MAX_UINT32) entry.size = next();
      if (entry.compressedSize === MAX_UINT32) entry.compressedSize = next();
      if (entry.localHeaderOffset === MAX_UINT32) entry.localHeaderOffset = next();
      return;
    }
    pos += 4 + length;
  }
}

/** Compressed bytes of an entry read so far (progress of a long sheet). */
type ReadProgress = { bytes: number };

/**
 * The entry's uncompressed bytes, chunk by chunk (deflated or stored), checked against the
 * size and CRC-32 of the directory at the end. Each read gets a new buffer: the inflater
 * keeps unconsumed input by reference.
 */
async function* entryChunks(
  handle: FileHandle,
  entry: ZipEntry,
  progress: ReadProgress,
): AsyncGenerator<Uint8Array> {
  const header = await readAt(handle, entry.localHeaderOffset, 30);
  if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new XlsxFormatError('bad local header');
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.method !== 0 && entry.method !== 8) {
    throw new XlsxFormatError(`unsupported compression ${entry.method}`);
  }
  const pending: Uint8Array[] = [];
  const inflate = entry.method === 8 ? new Inflate((data) => pending.push(data)) : null;
  const feed = (chunk: Uint8Array, final: boolean) => {
    if (inflate === null) {
      pending.push(chunk);
      return;
    }
    try {
      inflate.push(chunk, final);
    } catch (error) {
      throw new XlsxFormatError(`corrupt deflate data: ${String(error)}`);
    }
  };
  let produced = 0;
  let crc = 0;
  let read = 0;
  const take = () => {
    const chunks = pending.splice(0);
    for (const data of chunks) {
      produced += data.length;
      crc = crc32(data, crc);
    }
    return chunks;
  };
  while (read < entry.compressedSize) {
    const length = Math.min(CHUNK, entry.compressedSize - read);
    const chunk = Buffer.allocUnsafe(length);
    const { bytesRead } = await handle.read(chunk, 0, length, start + read);
    if (bytesRead !== length) throw new XlsxFormatError('unexpected end of file');
    read += bytesRead;
    progress.bytes = read;
    feed(chunk, read >= entry.compressedSize);
    yield* take();
  }
  if (entry.compressedSize === 0) feed(new Uint8Array(0), true);
  yield* take();
  if (produced !== entry.size || crc !== entry.crc) {
    throw new XlsxFormatError(`size or CRC mismatch in ${entry.name}`);
  }
}

/**
 * Feeds an entry's XML through the tokenizer, pausing after each chunk so that the caller
 * can hand out what the tokens built so far. A leading BOM is dropped by the decoder.
 */
async function* entryTokens(
  handle: FileHandle,
  entry: ZipEntry,
  onToken: (token: XmlToken) => void,
  progress: ReadProgress,
): AsyncGenerator<void> {
  const decoder = new TextDecoder('utf-8');
  const tokenizer = createXmlTokenizer(onToken);
  for await (const chunk of entryChunks(handle, entry, progress)) {
    tokenizer.push(decoder.decode(chunk, { stream: true }));
    yield;
  }
  tokenizer.push(decoder.decode());
  tokenizer.end();
}

/** Tokenizes a whole entry. */
async function parseEntry(
  handle: FileHandle,
  entry: ZipEntry,
  onToken: (token: XmlToken) => void,
): Promise<void> {
  const steps = entryTokens(handle, entry, onToken, { bytes: 0 });
  for (let step = await steps.next(); step.done !== true; step = await steps.next()) {
    // the chunk's tokens went to onToken
  }
}

type Relationship = { type: string; target: string };

/** The part a relationship target points at, resolved against the folder of the source part. */
function resolveTarget(sourcePart: string, target: string): string {
  const path = target.startsWith('/')
    ? target.slice(1)
    : posix.normalize(posix.join(posix.dirname(sourcePart), target));
  return path.toLowerCase();
}

/** The rels file of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
function relsPath(part: string): string {
  const dir = posix.dirname(part);
  return `${dir === '.' ? '' : `${dir}/`}_rels/${posix.basename(part)}.rels`.toLowerCase();
}

/** Relationship id → type (its last path segment, e.g. `worksheet`) and resolved target. */
async function readRelationships(
  handle: FileHandle,
  entries: Map<string, ZipEntry>,
  sourcePart: string,
): Promise<Map<string, Relationship>> {
  const relationships = new Map<string, Relationship>();
  const entry = entries.get(relsPath(sourcePart));
  if (entry === undefined) return relationships;
  await parseEntry(handle, entry, (token) => {
    if (token.kind !== 'open' || token.name !== 'Relationship') return;
    const { Id: id, Type: type = '', Target: target, TargetMode: mode } = token.attributes;
    if (id === undefined || target === undefined || mode === 'External') return;
    relationships.set(id, {
      type: type.slice(type.lastIndexOf('/') + 1),
      target: resolveTarget(sourcePart, target),
    });
  });
  return relationships;
}

/** OOXML escapes characters in strings as `_xHHHH_` (`_x000D_` is CR, `_x005F_` a literal `_`). */
function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/**
 * Collects the text of a string item (`<si>` or `<is>`): its `<t>`, or the `<t>` of each rich
 * text run `<r>`, without phonetic runs (`<rPh>`).
 */
class StringCollector {
  private depthInPhonetic = 0;
  private inText = false;
  private parts: string[] = [];

  /** Takes one token inside the item. */
  token(token: XmlToken): void {
    if (token.kind === 'open') {
      if (token.name === 'rPh' && !token.selfClosing) this.depthInPhonetic++;
      else if (token.name === 't' && !token.selfClosing && this.depthInPhonetic === 0) {
        this.inText = true;
      }
    } else if (token.kind === 'close') {
      if (token.name === 'rPh') this.depthInPhonetic = Math.max(0, this.depthInPhonetic - 1);
      else if (token.name === 't') this.inText = false;
    } else if (this.inText) this.parts.push(token.text);
  }

  take(): string {
    const text = decodeOoxmlEscapes(this.parts.join(''));
    this.parts = [];
    this.inText = false;
    this.depthInPhonetic = 0;
    return text;
  }
}

async function readSharedStrings(handle: FileHandle, entry: ZipEntry): Promise<string[]> {
  const strings: string[] = [];
  const collector = new StringCollector();
  let inItem = false;
  await parseEntry(handle, entry, (token) => {
    if (token.kind === 'open' && token.name === 'si') {
      if (token.selfClosing) strings.push('');
      else inItem = true;
    } else if (token.kind === 'close' && token.name === 'si') {
      strings.push(collector.take());
      inItem = false;
    } else if (inItem) collector.token(token);
  });
  return strings;
}

/** How a number format shows a number: as a date, a date with time, a time of day, or a number. */
type DateKind = 'date' | 'datetime' | 'time' | null;

/** Built-in number formats that show dates or times (ECMA-376 18.8.30). */
function builtInDateKind(id: number): DateKind {
  if ((id >= 14 && id <= 17) || id === 22) return id === 22 ? 'datetime' : 'date';
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return 'time';
  return null;
}

/**
 * Whether a custom format code shows a date: d or y (or m without h/s, which would be
 * minutes) outside quoted text, `[…]` sections (colours, locales) and escaped characters —
 * `dd.mm.yyyy` is a date, `#,##0 "days"` is not; elapsed time (`[h]:mm`) is a time.
 */
function customDateKind(code: string): DateKind {
  const section = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .split(';')[0]
    ?.toLowerCase();
  if (section === undefined) return null;
  const hasDate = /[dy]/.test(section);
  const hasTime = /[hs]/.test(section);
  if (hasDate) return hasTime ? 'datetime' : 'date';
  if (hasTime) return 'time';
  return /m/.test(section) ? 'date' : null;
}

/** The date kind of each cell style (index into `cellXfs`). */
async function readStyles(handle: FileHandle, entry: ZipEntry): Promise<DateKind[]> {
  const customFormats = new Map<number, string>();
  const formatIds: number[] = [];
  // Differential formats (`<dxfs>`, conditional formatting) have numFmt and xf-like parts of
  // their own; only `<numFmts>` and `<cellXfs>` describe the cell styles.
  let inNumFmts = false;
  let inCellXfs = false;
  await parseEntry(handle, entry, (token) => {
    if (token.kind === 'open') {
      if (token.name === 'numFmts') inNumFmts = !token.selfClosing;
      else if (token.name === 'numFmt' && inNumFmts) {
        const id = Number(token.attributes.numFmtId);
        customFormats.set(id, token.attributes.formatCode ?? '');
      } else if (token.name === 'cellXfs') inCellXfs = !token.selfClosing;
      else if (token.name === 'xf' && inCellXfs) {
        formatIds.push(Number(token.attributes.numFmtId ?? '0'));
      }
    } else if (token.kind === 'close') {
      if (token.name === 'cellXfs') inCellXfs = false;
      else if (token.name === 'numFmts') inNumFmts = false;
    }
  });
  return formatIds.map((id) => {
    const custom = customFormats.get(id);
    return custom === undefined ? builtInDateKind(id) : customDateKind(custom);
  });
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * An Excel serial day number as ISO text. The 1900 system counts 1900-01-01 as 1 and has
 * Lotus' 1900-02-29 (serial 60), so serials from 61 on are one day late; the 1904 system
 * counts 1904-01-01 as 0. Times are rounded to the minute. Returns null for serials that
 * name no calendar day (negative, or below 1 outside a time format).
 */
function excelSerialToIso(serial: number, kind: DateKind, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || kind === null) return null;
  let minutes = Math.round(serial * 1440);
  let days = Math.floor(minutes / 1440);
  minutes -= days * 1440;
  const time = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  if (kind === 'time' && days === 0) return time;
  if (!date1904 && days < 1) return null;
  let day: string;
  if (!date1904 && days === 60) day = '1900-02-29';
  else {
    if (!date1904 && days < 60) days += 1;
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    const date = new Date(epoch + days * 86_400_000);
    day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  }
  return kind === 'date' ? day : `${day}T${time}`;
}

/** Column index of a cell reference (`C7` → 2), or null when it has no column letters. */
function columnIndex(reference: string): number | null {
  let index = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i) & ~0x20;
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
    if (index > MAX_COLUMNS) throw new XlsxFormatError(`column beyond XFD: ${reference}`);
  }
  return i === 0 ? null : index - 1;
}

/** A number as Excel stored it, without the binary noise of 17 digits (`0.30000000000000004`). */
function numberText(stored: string): string {
  const text = stored.trim();
  if (!/^-?\d*\.\d{15,}$/.test(text)) return text;
  const rounded = String(Number(Number(text).toPrecision(15)));
  return /e/i.test(rounded) ? text : rounded;
}

type WorkbookInfo = {
  sheets: { name: string; part: string }[];
  date1904: boolean;
  sharedStrings: string[];
  styles: DateKind[];
};

/** Builds the rows of a worksheet from its tokens. */
class SheetParser {
  readonly rows: { row: number; cells: string[] }[] = [];
  private inSheetData = false;
  private rowNumber = 0;
  private cells: string[] | null = null;
  private column = -1;
  private cellType = 'n';
  private cellStyle = 0;
  private value = '';
  private inValue = false;
  private inInline = false;
  private readonly inline = new StringCollector();

  constructor(private readonly book: WorkbookInfo) {}

  token(token: XmlToken): void {
    if (token.kind === 'text') {
      if (this.inValue) this.value += token.text;
      else if (this.inInline) this.inline.token(token);
      return;
    }
    const { name } = token;
    if (token.kind === 'close') {
      if (name === 'v') this.inValue = false;
      else if (name === 'is') {
        this.inInline = false;
        this.value = this.inline.take();
      } else if (this.inInline) this.inline.token(token);
      else if (name === 'c') this.endCell();
      else if (name === 'row') this.endRow();
      else if (name === 'sheetData') this.inSheetData = false;
      return;
    }
    if (name === 'sheetData') this.inSheetData = !token.selfClosing;
    if (!this.inSheetData) return;
    if (this.inInline) this.inline.token(token);
    else if (name === 'row') this.startRow(token.attributes, token.selfClosing);
    else if (name === 'c') this.startCell(token.attributes, token.selfClosing);
    else if (name === 'v') this.inValue = !token.selfClosing;
    else if (name === 'is') this.inInline = !token.selfClosing;
  }

  private startRow(attributes: XmlAttributes, selfClosing: boolean): void {
    const number = Number(attributes.r);
    this.rowNumber = attributes.r !== undefined && number > 0 ? number : this.rowNumber + 1;
    this.cells = [];
    this.column = -1;
    if (selfClosing) this.endRow();
  }

  private startCell(attributes: XmlAttributes, selfClosing: boolean): void {
    if (this.cells === null) this.startRow({}, false);
    const reference = attributes.r;
    const column = reference === undefined ? null : columnIndex(reference);
    this.column = column ?? this.column + 1;
    if (this.column >= MAX_COLUMNS) throw new XlsxFormatError('too many columns');
    this.cellType = attributes.t ?? 'n';
    this.cellStyle = Number(attributes.s ?? '0') || 0;
    this.value = '';
    this.inValue = false;
    this.inInline = false;
    if (selfClosing) this.endCell();
  }

  private endCell(): void {
    const cells = this.cells;
    if (cells === null) return;
    const text = this.cellText();
    if (text !== '') {
      while (cells.length < this.column) cells.push('');
      cells[this.column] = text;
    }
    this.value = '';
  }

  private cellText(): string {
    const raw = this.value;
    switch (this.cellType) {
      case 's': {
        const index = Number(raw.trim());
        return raw.trim() === '' ? '' : (this.book.sharedStrings[index] ?? '');
      }
      case 'inlineStr':
        return raw;
      case 'str':
        return decodeOoxmlEscapes(raw);
      case 'b':
        return raw.trim() === '' ? '' : raw.trim() === '0' ? 'FALSE' : 'TRUE';
      case 'e':
        return raw.trim();
      case 'd': {
        const text = raw.trim();
        return /T00:00(:00(\.0+)?)?Z?$/.test(text) ? text.slice(0, 10) : text.slice(0, 16);
      }
      default: {
        if (raw.trim() === '') return '';
        const kind = this.book.styles[this.cellStyle] ?? null;
        const date = excelSerialToIso(Number(raw), kind, this.book.date1904);
        return date ?? numberText(raw);
      }
    }
  }

  private endRow(): void {
    const cells = this.cells;
    this.cells = null;
    if (cells === null || cells.length === 0) return;
    this.rows.push({ row: this.rowNumber, cells });
  }
}

async function readWorkbook(
  handle: FileHandle,
  entries: Map<string, ZipEntry>,
): Promise<WorkbookInfo> {
  const rootRels = await readRelationships(handle, entries, '');
  const officeDocument = [...rootRels.values()].find((rel) => rel.type === 'officeDocument');
  const workbookPart = officeDocument?.target ?? 'xl/workbook.xml';
  const workbookEntry = entries.get(workbookPart);
  if (workbookEntry === undefined) throw new XlsxFormatError('no workbook');
  const relationships = await readRelationships(handle, entries, workbookPart);

  const sheets: WorkbookInfo['sheets'] = [];
  let date1904 = false;
  await parseEntry(handle, workbookEntry, (token) => {
    if (token.kind !== 'open') return;
    if (token.name === 'workbookPr') {
      const value = token.attributes.date1904;
      date1904 = value === '1' || value === 'true';
    } else if (token.name === 'sheet') {
      const id = attributeByLocalName(token.attributes, 'id');
      const rel = id === undefined ? undefined : relationships.get(id);
      if (rel?.type === 'worksheet' && entries.has(rel.target)) {
        sheets.push({ name: token.attributes.name ?? '', part: rel.target });
      }
    }
  });

  const partOf = (type: string, fallback: string) =>
    [...relationships.values()].find((rel) => rel.type === type)?.target ?? fallback;
  const sharedEntry = entries.get(partOf('sharedStrings', 'xl/sharedstrings.xml'));
  const stylesEntry = entries.get(partOf('styles', 'xl/styles.xml'));
  return {
    sheets,
    date1904,
    sharedStrings: sharedEntry === undefined ? [] : await readSharedStrings(handle, sharedEntry),
    styles: stylesEntry === undefined ? [] : await readStyles(handle, stylesEntry),
  };
}

/**
 * A structural problem as the error the importer reports: a broken zip or XML, and reads
 * past the end of a truncated buffer (RangeError), are FILE_UNREADABLE; other errors are
 * bugs and pass unchanged.
 */
function unreadable(error: unknown, file: string): unknown {
  if (
    error instanceof XlsxFormatError ||
    error instanceof XmlError ||
    error instanceof RangeError
  ) {
    return new AppError('FILE_UNREADABLE', 'importErrors.unreadable', { file });
  }
  return error;
}

/**
 * Opens an XLSX workbook: reads its zip directory, sheet list, shared strings and styles.
 * A file that is no zip, a corrupt or encrypted one, or one without a workbook throws
 * `AppError('FILE_UNREADABLE', 'importErrors.unreadable', { file })`.
 */
export async function openXlsx(path: string): Promise<XlsxBook> {
  const file = basename(path);
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new AppError('FILE_UNREADABLE', `importErrors.${missing ? 'missing' : 'unreadable'}`, {
      file,
    });
  }
  let book: WorkbookInfo;
  let entries: Map<string, ZipEntry>;
  try {
    const { size } = await handle.stat();
    entries = await readEntries(handle, size);
    book = await readWorkbook(handle, entries);
  } catch (error) {
    await handle.close();
    throw unreadable(error, file);
  }
  let closed = false;
  const progress: ReadProgress = { bytes: 0 };

  async function* rows(sheet: string | null): AsyncGenerator<{ row: number; cells: string[] }> {
    const chosen =
      sheet === null ? book.sheets[0] : book.sheets.find((candidate) => candidate.name === sheet);
    const entry = chosen === undefined ? undefined : entries.get(chosen.part);
    if (entry === undefined) {
      if (sheet === null) throw new AppError('FILE_UNREADABLE', 'importErrors.noSheets', { file });
      throw new AppError('FILE_UNREADABLE', 'importErrors.noSheet', { file, sheet });
    }
    const parser = new SheetParser(book);
    const steps = entryTokens(handle, entry, (token) => parser.token(token), progress);
    for (;;) {
      let step: IteratorResult<void>;
      try {
        step = await steps.next();
      } catch (error) {
        throw unreadable(error, file);
      }
      yield* parser.rows.splice(0);
      if (step.done === true) break;
    }
  }

  return {
    sheets: book.sheets.map((sheet) => sheet.name),
    rows,
    bytesRead: () => progress.bytes,
    async close() {
      if (closed) return;
      closed = true;
      await handle.close();
    },
  };
}
