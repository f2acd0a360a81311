import { open, type FileHandle } from 'node:fs/promises';
import { basename, posix } from 'node:path';
import { DEFAULT_MAX_RECORD_LENGTH } from '@core/formats/csv';
import { detachString } from '@core/formats/detach';
import { AppError } from '../errors';
import {
  attributeByLocalName,
  createXmlTokenizer,
  type XmlAttributes,
  type XmlToken,
  XmlError,
} from './xml';
import {
  decodeOoxmlEscapes,
  MAX_CELL_TEXT,
  MAX_SHARED_STRING_BYTES,
  MAX_SHARED_STRINGS,
  readSharedStrings,
  SharedStringsTooLargeError,
  SharedStringTable,
  StringCollector,
} from './xlsx-strings';
import {
  type EntryLimits,
  entryChunks,
  type ReadProgress,
  readZipEntries,
  type ZipEntry,
  ZipFormatError,
  ZipTooLargeError,
} from './zip-reader';

/**
 * Reads XLSX workbooks (Office Open XML spreadsheets) as rows of text cells. The zip's
 * central directory is read from the end of the file; the worksheet entry is inflated and
 * parsed in chunks, so a sheet of hundreds of megabytes never sits in memory whole. Shared
 * strings are held (every cell may point at any of them), compactly and up to a limit; a
 * cell's text is cut at the length of a CSV field and a row's at a CSV record's (the row is
 * then marked `cut`).
 */
export type XlsxBook = {
  /** Worksheet names in workbook order. */
  sheets: string[];
  /**
   * The rows of a sheet (null: the first) that hold at least one value, in sheet order.
   * `row` is the sheet's row number; cells are placed by their column (gaps are ''), trailing
   * empty cells dropped.
   */
  rows(sheet: string | null): AsyncIterable<XlsxRow>;
  /** Compressed bytes of the sheet being read so far: with the file size, the progress. */
  bytesRead(): number;
  close(): Promise<void>;
};

/** A row of a sheet; `cut` (only when true) says a text of it was longer than the reader keeps. */
export type XlsxRow = { row: number; cells: string[]; cut?: true };

/** Excel's last column is XFD: 16,384 columns. */
const MAX_COLUMNS = 16_384;

/** Worksheets and the shared strings part inflate to at most 1 GiB, at most 100 times. */
const SHEET_LIMITS: EntryLimits = { maxBytes: 1024 * 1024 * 1024, maxRatio: 100 };
/** The workbook, its relationships and styles are small; 64 MiB is far beyond any real one. */
const PART_LIMITS: EntryLimits = { maxBytes: 64 * 1024 * 1024, maxRatio: 100 };

/** Inflated XML is tokenized in slices of this many bytes, handing out rows after each. */
const SLICE = 64 * 1024;

/** Something wrong with the workbook's structure; surfaces as FILE_UNREADABLE. */
class XlsxFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxFormatError';
  }
}

/**
 * Feeds an entry's XML through the tokenizer, pausing after each chunk so that the caller
 * can hand out what the tokens built so far. A leading BOM is dropped by the decoder.
 */
async function* entryTokens(
  handle: FileHandle,
  entry: ZipEntry,
  limits: EntryLimits,
  onToken: (token: XmlToken) => void,
  progress: ReadProgress,
): AsyncGenerator<void> {
  const decoder = new TextDecoder('utf-8');
  const tokenizer = createXmlTokenizer(onToken);
  for await (const chunk of entryChunks(handle, entry, limits, progress)) {
    // A step may inflate to megabytes of tiny rows: they are handed out slice by slice.
    for (let at = 0; at < chunk.length; at += SLICE) {
      tokenizer.push(decoder.decode(chunk.subarray(at, at + SLICE), { stream: true }));
      yield;
    }
  }
  tokenizer.push(decoder.decode());
  tokenizer.end();
}

/** Tokenizes a whole entry. */
async function parseEntry(
  handle: FileHandle,
  entry: ZipEntry,
  limits: EntryLimits,
  onToken: (token: XmlToken) => void,
): Promise<void> {
  const steps = entryTokens(handle, entry, limits, onToken, { bytes: 0 });
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
  await parseEntry(handle, entry, PART_LIMITS, (token) => {
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
  await parseEntry(handle, entry, PART_LIMITS, (token) => {
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
  sharedStrings: SharedStringTable;
  styles: DateKind[];
};

/**
 * Builds the rows of a worksheet from its tokens. A cell's text is cut at
 * {@link MAX_CELL_TEXT} characters and a row's cells at a CSV record's length; such a row is
 * marked `cut`. Every cell is a string of its own (see `detachString`).
 */
class SheetParser {
  readonly rows: XlsxRow[] = [];
  private inSheetData = false;
  private rowNumber = 0;
  private cells: string[] | null = null;
  private rowLength = 0;
  private rowCut = false;
  private column = -1;
  private cellType = 'n';
  private cellStyle = 0;
  private value = '';
  private valueCut = false;
  private inValue = false;
  private inInline = false;
  private readonly inline = new StringCollector();

  constructor(private readonly book: WorkbookInfo) {}

  token(token: XmlToken): void {
    if (token.kind === 'text') {
      if (this.inValue) this.addValue(token.text);
      else if (this.inInline) this.inline.token(token);
      return;
    }
    const { name } = token;
    if (token.kind === 'close') {
      if (name === 'v') this.inValue = false;
      else if (name === 'is') {
        this.inInline = false;
        const item = this.inline.take();
        this.value = item.text;
        this.valueCut = item.cut;
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

  private addValue(text: string): void {
    const room = MAX_CELL_TEXT - this.value.length;
    if (text.length <= room) this.value += text;
    else {
      if (room > 0) this.value += text.slice(0, room);
      this.valueCut = true;
    }
  }

  private startRow(attributes: XmlAttributes, selfClosing: boolean): void {
    const number = Number(attributes.r);
    this.rowNumber = attributes.r !== undefined && number > 0 ? number : this.rowNumber + 1;
    this.cells = [];
    this.rowLength = 0;
    this.rowCut = false;
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
    this.valueCut = false;
    this.inValue = false;
    this.inInline = false;
    if (selfClosing) this.endCell();
  }

  private endCell(): void {
    const cells = this.cells;
    if (cells === null) return;
    let text = this.cellText();
    if (this.valueCut) this.rowCut = true;
    if (text !== '') {
      const room = DEFAULT_MAX_RECORD_LENGTH - this.rowLength;
      if (text.length > room) {
        this.rowCut = true;
        text = text.slice(0, Math.max(0, room));
      }
      this.rowLength += text.length;
      while (cells.length < this.column) cells.push('');
      // A shared string is a string of its own already (decoded from the table's buffer).
      cells[this.column] = this.cellType === 's' ? text : detachString(text);
    }
    this.value = '';
    this.valueCut = false;
  }

  private cellText(): string {
    const raw = this.value;
    switch (this.cellType) {
      case 's': {
        if (raw.trim() === '') return '';
        const item = this.book.sharedStrings.get(Number(raw.trim()));
        if (item?.cut === true) this.valueCut = true;
        return item?.text ?? '';
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
    this.rows.push(
      this.rowCut ? { row: this.rowNumber, cells, cut: true } : { row: this.rowNumber, cells },
    );
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
  await parseEntry(handle, workbookEntry, PART_LIMITS, (token) => {
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
    sharedStrings:
      sharedEntry === undefined
        ? new SharedStringTable()
        : await readSharedStrings(sharedEntry.size, (onToken) =>
            parseEntry(handle, sharedEntry, SHEET_LIMITS, onToken),
          ),
    styles: stylesEntry === undefined ? [] : await readStyles(handle, stylesEntry),
  };
}

/**
 * A structural problem as the error the importer reports: a broken zip or XML, and reads
 * past the end of a truncated buffer (RangeError), are FILE_UNREADABLE (`unreadable`); a
 * part beyond the reader's limits (a zip bomb) and a shared strings table too large to hold
 * are FILE_UNREADABLE with texts of their own. Other errors are bugs and pass unchanged.
 */
function unreadable(error: unknown, file: string): unknown {
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  if (error instanceof ZipTooLargeError) {
    return new AppError('FILE_UNREADABLE', 'importErrors.xlsxTooLarge', {
      file,
      max: mb(error.maxBytes),
    });
  }
  if (error instanceof SharedStringsTooLargeError) {
    return new AppError('FILE_UNREADABLE', 'importErrors.xlsxTooManyTexts', {
      file,
      count: MAX_SHARED_STRINGS,
      max: mb(MAX_SHARED_STRING_BYTES),
    });
  }
  if (
    error instanceof XlsxFormatError ||
    error instanceof ZipFormatError ||
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
    entries = await readZipEntries(handle, size);
    book = await readWorkbook(handle, entries);
  } catch (error) {
    await handle.close();
    throw unreadable(error, file);
  }
  let closed = false;
  const progress: ReadProgress = { bytes: 0 };

  async function* rows(sheet: string | null): AsyncGenerator<XlsxRow> {
    const chosen =
      sheet === null ? book.sheets[0] : book.sheets.find((candidate) => candidate.name === sheet);
    const entry = chosen === undefined ? undefined : entries.get(chosen.part);
    if (entry === undefined) {
      if (sheet === null) throw new AppError('FILE_UNREADABLE', 'importErrors.noSheets', { file });
      throw new AppError('FILE_UNREADABLE', 'importErrors.noSheet', { file, sheet });
    }
    const parser = new SheetParser(book);
    const steps = entryTokens(
      handle,
      entry,
      SHEET_LIMITS,
      (token) => parser.token(token),
      progress,
    );
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
      book.sharedStrings.release();
      await handle.close();
    },
  };
}
