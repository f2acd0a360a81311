import type { Writable } from 'node:stream';
import { crc32, createDeflateRaw, type DeflateRaw } from 'node:zlib';
import {
  type AsyncFlateStreamHandler,
  type FlateError,
  strToU8,
  Zip,
  type ZipInputFile,
} from 'fflate';
import { neutralizeFormula } from '@core/formats/csv-writer';
import { escapeXml } from './xml';

/**
 * Writes an XLSX workbook with one sheet, row by row. The sheet XML is deflated into the
 * zip as rows arrive and the zip goes to the file as it grows, so memory stays bounded
 * however many rows there are (call {@link XlsxWriter.drain} now and then to let the
 * compressor and the disk catch up). The first row is the header: bold, frozen, with an
 * autofilter.
 */
export type XlsxWriter = {
  /**
   * Strings become inline strings — every one, header cells included, through
   * `neutralizeFormula` — numbers numbers, null an empty cell.
   */
  addRow(cells: readonly (string | number | null)[]): void;
  /** Resolves when what was written so far has been handed to the file. */
  drain(): Promise<void>;
  /** Finishes the zip and closes the file; rejects with the first write error. */
  close(): Promise<void>;
  /** Gives up: closes the file as it is (the caller removes it). */
  abort(): Promise<void>;
};

/** Excel's limit on the text of one cell; longer text makes it "repair" the file. */
const MAX_CELL_TEXT = 32_767;
/** Sheet XML collected before it is handed to the compressor. */
const FLUSH_AT = 256 * 1024;

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const CONTENT_TYPES = `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const ROOT_RELS = `${XML_HEADER}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL_TYPE}/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const WORKBOOK_RELS = `${XML_HEADER}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_TYPE}/styles" Target="styles.xml"/></Relationships>`;

const CORE_PROPS = `${XML_HEADER}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Leadwerk</dc:creator></cp:coreProperties>`;

const APP_PROPS = `${XML_HEADER}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Leadwerk</Application></Properties>`;

/** Style 0: normal; style 1: bold (the header row). */
const STYLES = `${XML_HEADER}<styleSheet xmlns="${NS_MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/**
 * A zip entry deflated by Node's zlib; fflate's `Zip` lays out the archive around it (local
 * header, data descriptor with CRC and sizes, central directory). fflate's own streaming
 * `ZipDeflate` (0.8.3) can emit invalid back-references — a 280 MB sheet came out with a
 * CRC error, as in fflate issues #260 and #282 — so it is not used.
 */
class ZlibEntry implements ZipInputFile {
  readonly compression = 8;
  crc = 0;
  size = 0;
  /** Set by `Zip.add`. */
  ondata: AsyncFlateStreamHandler = () => undefined;
  private readonly deflate: DeflateRaw = createDeflateRaw({ level: 6 });

  constructor(readonly filename: string) {
    // zlib's output buffers are plain (never shared) ArrayBuffers.
    this.deflate.on('data', (chunk: Uint8Array<ArrayBuffer>) => this.ondata(null, chunk, false));
    this.deflate.on('end', () => this.ondata(null, new Uint8Array(0), true));
    this.deflate.on('error', (error) => {
      const failure: FlateError = Object.assign(error, { code: 0 });
      this.ondata(failure, new Uint8Array(0), true);
    });
  }

  push(chunk: Uint8Array, final: boolean): void {
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    this.deflate.write(chunk);
    if (final) this.deflate.end();
  }

  /** Resolves once the compressor has taken what it was given. */
  async drained(): Promise<void> {
    if (!this.deflate.writableNeedDrain) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.deflate.off('drain', done);
        this.deflate.off('close', done);
        resolve();
      };
      this.deflate.on('drain', done);
      this.deflate.on('close', done);
    });
  }

  terminate(): void {
    this.deflate.destroy();
  }
}

/** Column letters of a zero-based index (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not starting or
 * ending with an apostrophe, not empty.
 */
function sheetNameOf(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31);
  return cleaned === '' ? 'Sheet1' : cleaned;
}

/**
 * Cell text as Excel reads it back unchanged: `_xHHHH_` would be taken as an escaped
 * character, so a literal one gets its underscore escaped; cut to Excel's cell limit.
 */
function cellText(text: string): string {
  const cut = text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
  return escapeXml(cut.includes('_x') ? cut.replace(/_(x[0-9a-fA-F]{4}_)/g, '_x005F_$1') : cut);
}

/** Column widths (in characters) from the header texts, within 10 and 50. */
function colsXml(header: readonly (string | number | null)[]): string {
  if (header.length === 0) return '';
  const cols = header.map((cell, i) => {
    const width = Math.min(50, Math.max(10, String(cell ?? '').length + 4));
    return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`;
  });
  return `<cols>${cols.join('')}</cols>`;
}

/**
 * Returns the writer of a workbook with one sheet into `out` (a file stream from
 * `writeOutputFile`, which owns where it goes); `close` ends the stream.
 */
export function createXlsxWriter(out: Writable, sheetName: string): XlsxWriter {
  const name = sheetNameOf(sheetName);
  let failure: Error | null = null;
  out.on('error', (error) => {
    failure ??= error;
  });
  const finished = new Promise<void>((resolve) => out.once('close', () => resolve()));

  const zip = new Zip((error, data, final) => {
    if (error) {
      failure ??= error;
      return;
    }
    out.write(data);
    if (final) out.end();
  });
  const addFile = (filename: string, content: string) => {
    const file = new ZlibEntry(filename);
    zip.add(file);
    file.push(strToU8(content), true);
  };
  addFile('[Content_Types].xml', CONTENT_TYPES);
  addFile('_rels/.rels', ROOT_RELS);
  addFile('docProps/core.xml', CORE_PROPS);
  addFile('docProps/app.xml', APP_PROPS);
  addFile('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
  addFile('xl/styles.xml', STYLES);

  const sheet = new ZlibEntry('xl/worksheets/sheet1.xml');
  zip.add(sheet);
  let pending = '';
  let rowCount = 0;
  const columnNames: string[] = [];
  const letters = (i: number) => (columnNames[i] ??= columnLetters(i));
  let columnCount = 0;
  const flush = (final: boolean) => {
    sheet.push(Buffer.from(pending, 'utf8'), final);
    pending = '';
  };

  const start = (header: readonly (string | number | null)[]) => {
    pending += `${XML_HEADER}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${colsXml(header)}<sheetData>`;
  };

  return {
    addRow(cells) {
      if (rowCount === 0) start(cells);
      rowCount++;
      const style = rowCount === 1 ? ' s="1"' : '';
      let xml = `<row r="${rowCount}">`;
      cells.forEach((cell, i) => {
        if (cell === null) return;
        const ref = `${letters(i)}${rowCount}`;
        if (typeof cell === 'number') {
          if (Number.isFinite(cell)) xml += `<c r="${ref}"${style}><v>${cell}</v></c>`;
        } else if (cell !== '') {
          const text = neutralizeFormula(cell);
          const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
          xml += `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${cellText(text)}</t></is></c>`;
        }
      });
      pending += `${xml}</row>`;
      columnCount = Math.max(columnCount, cells.length);
      if (pending.length >= FLUSH_AT) flush(false);
    },

    async drain() {
      if (pending.length > 0) flush(false);
      await sheet.drained();
      if (out.writableNeedDrain) {
        await new Promise<void>((resolve) => {
          const done = () => {
            out.off('drain', done);
            out.off('close', done);
            resolve();
          };
          out.on('drain', done);
          out.on('close', done);
        });
      }
      if (failure) throw failure;
    },

    async close() {
      if (rowCount === 0) start([]);
      const lastColumn = columnLetters(Math.max(columnCount, 1) - 1);
      const range = `A1:${lastColumn}${Math.max(rowCount, 1)}`;
      pending += '</sheetData>';
      if (rowCount > 0) pending += `<autoFilter ref="${range}"/>`;
      pending +=
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
      flush(true);
      const escapedName = escapeXml(name);
      const filterName =
        rowCount > 0
          ? `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${escapedName.replace(/'/g, "''")}'!$A$1:$${lastColumn}$${rowCount}</definedName></definedNames>`
          : '';
      addFile(
        'xl/workbook.xml',
        `${XML_HEADER}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/><bookViews><workbookView/></bookViews><sheets><sheet name="${escapedName}" sheetId="1" r:id="rId1"/></sheets>${filterName}</workbook>`,
      );
      zip.end();
      await finished;
      if (failure) throw failure;
    },

    async abort() {
      zip.terminate();
      out.destroy();
      await finished;
    },
  };
}
