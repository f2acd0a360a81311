import { createHash } from 'node:crypto';
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawRecord } from '@core/formats/types';
import type { ReadOptions } from '@core/ipc/import-schemas';
import {
  hashFile,
  openRecordSource,
  type RecordSource,
} from '../../src/main/formats/record-source';
import { createXlsxWriter } from '../../src/main/formats/xlsx-writer';
import { AppError } from '../../src/main/errors';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');
const VCARDS = join(import.meta.dirname, '../fixtures/shared/vcards');

const dir = mkdtempSync(join(tmpdir(), 'leadwerk-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;

/** Writes `content` (text as UTF-8, or raw bytes) to a new file called `name` in the temp dir. */
function file(name: string, content: string | Uint8Array): string {
  const folder = join(dir, String(++fileCount));
  mkdirSync(folder);
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

/** Windows-1252 bytes of `text` (as German Excel writes "CSV (Trennzeichen-getrennt)"). */
function windows1252(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1252');
  const high = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) high.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Uint8Array.from([...text], (char) => {
    const code = char.codePointAt(0) as number;
    return code < 0x80 ? code : (high.get(char) as number);
  });
}

async function readAll(
  source: RecordSource,
  options?: { fromRecord?: number; batchSize?: number },
): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  for await (const batch of source.records(options)) records.push(...batch);
  return records;
}

/** Opens, reads every record and closes. */
async function read(path: string, options: ReadOptions = {}) {
  const source = await openRecordSource(path, options);
  try {
    return { source, records: await readAll(source) };
  } finally {
    await source.close();
  }
}

/** The error `openRecordSource` fails with (the test fails when it opens). */
async function openError(path: string, options: ReadOptions = {}): Promise<AppError> {
  try {
    const source = await openRecordSource(path, options);
    await source.close();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`${path} opened`);
}

describe('CSV files', () => {
  it('reads a German Excel export in Windows-1252 with ; and a header row', async () => {
    const { source, records } = await read(join(FIXTURES, 'german-excel-1252.csv'));
    expect(source).toMatchObject({
      format: 'csv',
      fileName: 'german-excel-1252.csv',
      encoding: 'windows-1252',
      delimiter: ';',
      hasHeader: true,
      sheets: [],
      sheet: null,
    });
    expect(source.headers.slice(0, 5)).toEqual(['Anrede', 'Titel', 'Vorname', 'Nachname', 'Firma']);
    expect(source.headers).toContain('Straße');
    expect(records).toHaveLength(10);
    const [first] = records;
    expect(first?.row).toBe(2);
    expect(first?.cells[2]).toBe('Jürgen');
    expect(first?.cells[13]).toBe('1.234,56 €');
    expect(first?.cells[15]).toBe('Rückruf erbeten; bevorzugt vormittags');
    // The note with a line break inside quotes takes two physical lines.
    expect(records.map((r) => r.row)).toEqual([2, 3, 4, 5, 7, 8, 9, 10, 11, 12]);
    expect(records[3]?.cells[15]).toBe('Erstgespräch geführt.\r\nFolgetermin im März.');
  });

  it('reads UTF-8 with BOM without the BOM in the first header', async () => {
    const { source, records } = await read(join(FIXTURES, 'utf8-bom.csv'));
    expect(source.encoding).toBe('utf-8');
    expect(source.headers[0]).toBe('Vorname');
    expect(records[0]?.cells.slice(0, 2)).toEqual(['Łukasz', 'Wiśniewski']);
    expect(records.at(-1)?.cells[7]).toBe('€-Preise gewünscht');
  });

  it('reads UTF-16LE with BOM, tab-separated (Excel "Unicode-Text")', async () => {
    const text = '\uFEFFVorname\tNachname\tOrt\r\nÄnne\tSchäfer\tMünchen\r\nZoë\tØdegård\tOslo\r\n';
    const { source, records } = await read(file('unicode.txt', Buffer.from(text, 'utf16le')));
    expect(source).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(source.headers).toEqual(['Vorname', 'Nachname', 'Ort']);
    expect(records).toEqual([
      { row: 2, cells: ['Änne', 'Schäfer', 'München'] },
      { row: 3, cells: ['Zoë', 'Ødegård', 'Oslo'] },
    ]);
  });

  it('detects pipe delimiters', async () => {
    const { source, records } = await read(
      file(
        'pipes.txt',
        'Name|Firma|E-Mail\nAnna Berg|Berg AG|anna@berg.de\nOle Lund|Lund KG|ole@lund.de\n',
      ),
    );
    expect(source.delimiter).toBe('|');
    expect(records[1]?.cells).toEqual(['Ole Lund', 'Lund KG', 'ole@lund.de']);
  });

  it('reads CR-only and mixed line ends with the row numbers an editor shows', async () => {
    const cr = await read(file('cr.csv', 'Vorname;Nachname\rAnna;Berg\rOle;Lund\r'));
    expect(cr.records).toEqual([
      { row: 2, cells: ['Anna', 'Berg'] },
      { row: 3, cells: ['Ole', 'Lund'] },
    ]);
    const mixed = await read(
      file('mixed.csv', 'Vorname;Nachname\r\nAnna;Berg\nOle;Lund\rEva;Sand\r\n\r\nTim;Hohl'),
    );
    expect(mixed.records.map((r) => [r.row, r.cells[0]])).toEqual([
      [2, 'Anna'],
      [3, 'Ole'],
      [4, 'Eva'],
      [6, 'Tim'],
    ]);
  });

  it('marks a record whose quote never closes and keeps the rows before it', async () => {
    const { records } = await read(join(FIXTURES, 'unclosed-quote.csv'));
    expect(records[0]).toEqual({ row: 2, cells: ['Anna', 'Petersen', 'Petersen GmbH', 'ok'] });
    expect(records[1]).toMatchObject({ row: 3, issue: 'unclosed_quote' });
    expect(records[1]?.cells[3]).toContain('Angebot geschickt');
    expect(records[0]).not.toHaveProperty('issue');
  });

  it('takes a quote inside an unquoted field literally and reads the rows after it', async () => {
    const { records } = await read(
      file('stray.csv', 'Name;Firma\nAnna 5" Berg;Berg AG\nOle Lund;Lund KG\n'),
    );
    expect(records).toEqual([
      { row: 2, cells: ['Anna 5" Berg', 'Berg AG'] },
      { row: 3, cells: ['Ole Lund', 'Lund KG'] },
    ]);
  });

  it('reads a 1 MB field and the rows after it', async () => {
    const big = 'x'.repeat(1024 * 1024);
    const { records } = await read(file('big-field.csv', `Name;Notiz\nAnna;"${big}"\nOle;kurz\n`));
    expect(records[0]?.cells[1]).toHaveLength(big.length);
    expect(records[1]).toEqual({ row: 3, cells: ['Ole', 'kurz'] });
  });

  it('makes repeated column names unique and names empty ones by their letter', async () => {
    const dupes = await read(
      file('dupes.csv', 'Name;E-Mail;e-mail;E-Mail\nAnna;a@b.de;c@d.de;e@f.de\n'),
    );
    expect(dupes.source.headers).toEqual(['Name', 'E-Mail', 'e-mail (2)', 'E-Mail (3)']);
    const gap = await read(file('gap.csv', 'Name;;Ort\nAnna;x;Ulm\n'), { hasHeader: true });
    expect(gap.source.headers).toEqual(['Name', 'B', 'Ort']);
  });

  it('names the columns A, B, C … when there is no header row', async () => {
    const { source, records } = await read(
      file(
        'no-header.csv',
        'Anna;Berg;anna@berg.de;0171 2345678\nOle;Lund;ole@lund.de;0160 1234567\n',
      ),
    );
    expect(source.hasHeader).toBe(false);
    expect(source.headers).toEqual(['A', 'B', 'C', 'D']);
    expect(records.map((r) => r.row)).toEqual([1, 2]);
  });

  it('drops empty trailing columns and skips blank records', async () => {
    const { source, records } = await read(
      file('trailing.csv', 'Vorname;Nachname;;\nAnna;Berg;;\n;;;\n  ; ;\nOle;Lund;;\n'),
    );
    expect(source.headers).toEqual(['Vorname', 'Nachname']);
    expect(records).toEqual([
      { row: 2, cells: ['Anna', 'Berg'] },
      { row: 5, cells: ['Ole', 'Lund'] },
    ]);
  });

  it('applies the encoding, delimiter and header the user chose', async () => {
    const path = file('chosen.csv', 'Name,Ort;PLZ\nMüller,Köln;50667\nBerg,Ulm;89073\n');
    const detected = await read(path);
    expect(detected.source).toMatchObject({ encoding: 'utf-8', delimiter: ';' });
    expect(detected.records[0]?.cells[0]).toBe('Müller,Köln');

    const chosen = await read(path, { encoding: 'windows-1252', delimiter: ',', hasHeader: false });
    expect(chosen.source).toMatchObject({ encoding: 'windows-1252', delimiter: ',' });
    expect(chosen.source.headers).toEqual(['A', 'B']);
    expect(chosen.records[0]).toEqual({ row: 1, cells: ['Name', 'Ort;PLZ'] });
    expect(chosen.records[1]?.cells[0]).toBe('MÃ¼ller');
  });

  it('switches to Windows-1252 when the first umlaut comes after the detection sample', async () => {
    const ascii = Array.from({ length: 3000 }, (_, i) => `Name ${i};Firma ${i};Berlin`);
    const text = ['Name;Firma;Ort', ...ascii, 'Jürgen Müller;Müller & Söhne;Köln', ''].join('\r\n');
    const bytes = windows1252(text);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const { source, records } = await read(file('late-umlaut.csv', bytes));
    expect(records).toHaveLength(3001);
    expect(records.at(-1)?.cells).toEqual(['Jürgen Müller', 'Müller & Söhne', 'Köln']);
    expect(source.encoding).toBe('utf-8');
  });

  it('yields batches, resumes after a number of records and counts the bytes read', async () => {
    const lines = Array.from({ length: 1234 }, (_, i) => `Person ${i};p${i}@example.com`);
    const path = file('batches.csv', ['Name;E-Mail', ...lines, ''].join('\n'));
    const source = await openRecordSource(path, {});
    const sizes: number[] = [];
    for await (const batch of source.records({ batchSize: 500 })) sizes.push(batch.length);
    expect(sizes).toEqual([500, 500, 234]);
    expect(source.bytesRead()).toBe(readFileSync(path).length);
    const rest = await readAll(source, { fromRecord: 1200 });
    expect(rest).toHaveLength(34);
    expect(rest[0]).toEqual({ row: 1202, cells: ['Person 1200', 'p1200@example.com'] });
    await source.close();
  });
});

describe('files that cannot be imported', () => {
  it('says so for a missing file, a folder and an empty file', async () => {
    expect((await openError(join(dir, 'gibt-es-nicht.csv'))).key).toBe('importErrors.missing');
    expect((await openError(dir)).key).toBe('importErrors.folder');
    const empty = await openError(join(FIXTURES, 'empty.csv'));
    expect(empty).toMatchObject({ code: 'FILE_UNREADABLE', key: 'importErrors.empty' });
    expect(empty.params).toEqual({ file: 'empty.csv' });
    expect((await openError(file('blank.csv', '\uFEFF \r\n\r\n'))).key).toBe('importErrors.empty');
  });

  it('says so for a file with a header row only', async () => {
    const error = await openError(join(FIXTURES, 'header-only.csv'));
    expect(error.key).toBe('importErrors.headerOnly');
    const source = await openRecordSource(join(FIXTURES, 'header-only.csv'), { hasHeader: false });
    expect(await readAll(source)).toEqual([
      { row: 1, cells: ['Vorname', 'Nachname', 'Firma', 'E-Mail'] },
    ]);
  });

  it('refuses binary content, naming what a renamed file really is', async () => {
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect((await openError(file('random.csv', random))).key).toBe('importErrors.binary');

    const png = await openError(join(FIXTURES, 'binary.csv'));
    expect(png.key).toBe('importErrors.renamed');
    expect(png.params).toEqual({ file: 'binary.csv', extension: 'csv', kind: 'PNG' });

    const pdf = await openError(file('leads.csv', '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n'));
    expect(pdf.params).toMatchObject({ kind: 'PDF' });
    expect(pdf.key).toBe('importErrors.renamed');

    const photo = await openError(file('photo.png', readFileSync(join(FIXTURES, 'binary.csv'))));
    expect(photo.key).toBe('importErrors.otherType');

    const xls = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0);
    expect((await openError(file('alt.xls', xls))).key).toBe('importErrors.oldOffice');
  });

  it('reads a ZIP called .csv as a workbook, and says "renamed" when it is none', async () => {
    const error = await openError(join(FIXTURES, 'renamed-xlsx.csv'));
    expect(error.key).toBe('importErrors.renamed');
    expect(error.params).toMatchObject({ extension: 'csv', kind: 'ZIP' });
  });

  it('refuses a table with more columns than anyone maps', async () => {
    const wide = Array.from({ length: 1500 }, (_, i) => `Spalte ${i}`).join(';');
    const error = await openError(file('wide.csv', `${wide}\n${wide}\n`));
    expect(error).toMatchObject({ key: 'importErrors.tooManyColumns' });
    expect(error.params).toMatchObject({ count: 1500, max: 1000 });
  });
});

describe('XLSX files', () => {
  async function workbook(name: string, rows: (string | number | null)[][]): Promise<string> {
    const path = file(name, '');
    const writer = createXlsxWriter(createWriteStream(path), 'Kontakte');
    for (const row of rows) writer.addRow(row);
    await writer.close();
    return path;
  }

  it('reads the first sheet with its header row and sheet row numbers', async () => {
    const path = await workbook('kontakte.xlsx', [
      ['Vorname', 'Nachname', 'Umsatz'],
      ['Anna', 'Berg', 1234.5],
      [null, null, null],
      ['Ole', 'Lund', 99],
    ]);
    const { source, records } = await read(path);
    expect(source).toMatchObject({
      format: 'xlsx',
      sheets: ['Kontakte'],
      sheet: 'Kontakte',
      encoding: null,
      delimiter: null,
      hasHeader: true,
      headers: ['Vorname', 'Nachname', 'Umsatz'],
    });
    expect(records).toEqual([
      { row: 2, cells: ['Anna', 'Berg', '1234.5'] },
      { row: 4, cells: ['Ole', 'Lund', '99'] },
    ]);
    expect(source.bytesRead()).toBe(source.size);
    expect((await openError(path, { sheet: 'Tabelle9' })).params).toEqual({
      file: 'kontakte.xlsx',
      sheet: 'Tabelle9',
    });
  });

  it('goes by content: a workbook called .csv is read as XLSX', async () => {
    const xlsx = await workbook('echt.xlsx', [
      ['Name', 'E-Mail'],
      ['Anna Berg', 'anna@berg.de'],
    ]);
    const { source, records } = await read(file('umbenannt.csv', readFileSync(xlsx)));
    expect(source.format).toBe('xlsx');
    expect(records).toEqual([{ row: 2, cells: ['Anna Berg', 'anna@berg.de'] }]);
  });

  it('reads CSV text called .xlsx as CSV, and calls a broken workbook unreadable', async () => {
    const text = await read(file('export.xlsx', 'Vorname;Nachname\nAnna;Berg\n'));
    expect(text.source).toMatchObject({ format: 'csv', delimiter: ';' });
    expect(text.records).toEqual([{ row: 2, cells: ['Anna', 'Berg'] }]);
    const broken = file('kaputt.xlsx', readFileSync(join(FIXTURES, 'renamed-xlsx.csv')));
    expect((await openError(broken)).key).toBe('importErrors.unreadable');
  });

  it('says "header only" for a sheet without data', async () => {
    const path = await workbook('leer.xlsx', [['Vorname', 'Nachname', 'E-Mail']]);
    expect((await openError(path)).key).toBe('importErrors.headerOnly');
  });
});

describe('vCard files', () => {
  it('reads one record per named card, in the vCard columns', async () => {
    const { source, records } = await read(join(VCARDS, 'gmail-list.vcf'));
    expect(source).toMatchObject({ format: 'vcard', hasHeader: true, delimiter: null });
    expect(source.headers).toContain('Vorname');
    const first = source.headers.indexOf('Vorname');
    const last = source.headers.indexOf('Nachname');
    const email = source.headers.indexOf('E-Mail-Adresse');
    expect(records.map((r) => [r.row, r.cells[first], r.cells[last], r.cells[email]])).toEqual([
      [1, 'Arnold', 'Smith', 'asmithk@gmail.com'],
      [2, 'Chris', 'Beatle', 'chrisy55d@yahoo.com'],
      [3, 'Doug', 'White', 'dwhite@gmail.com'],
    ]);
  });

  it('decodes the Android export’s quoted-printable names and keeps its numbers', async () => {
    const { source, records } = await read(join(VCARDS, 'John_Doe_ANDROID.vcf'));
    const text = records.map((r) => r.cells.join('|')).join('\n');
    expect(text).toContain('Ñ Ñ Ñ Ñ');
    expect(text).toContain('123456789');
    expect(text).not.toContain('=C3=91');
    expect(records.every((r) => r.cells.length <= source.headers.length)).toBe(true);
  });

  it('reads the iPhone card with company, title and phone numbers', async () => {
    const { source, records } = await read(join(VCARDS, 'John_Doe_IPHONE.vcf'));
    expect(records).toHaveLength(1);
    const cell = (header: string) => records[0]?.cells[source.headers.indexOf(header)];
    expect(cell('Vorname')).toContain('John');
    expect(cell('Nachname')).toBe('Doe');
    expect(cell('Firma')).toBe('IBM');
    expect(cell('Position')).toBe('Money Counter');
    expect(cell('Mobiltelefon')).toBe('905-555-1234');
  });

  it('refuses a vCard file without a readable card', async () => {
    const error = await openError(
      file('kaputt.vcf', 'BEGIN:VCARD\nVERSION:3.0\nTEL:0301234567\nEND:VCARD\n'),
    );
    expect(error.key).toBe('importErrors.noCards');
  });
});

describe('hashFile', () => {
  it('is the SHA-256 of the bytes', async () => {
    const path = join(FIXTURES, 'german-excel-1252.csv');
    const expected = createHash('sha256').update(readFileSync(path)).digest('hex');
    expect(await hashFile(path)).toBe(expected);
  });
});

describe('memory', () => {
  /** V8's `gc()`, exposed for this process. */
  function collector(): () => void {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  }

  async function writeLargeCsv(path: string, bytes: number): Promise<number> {
    const out = createWriteStream(path);
    out.write('Vorname;Nachname;Firma;E-Mail;Telefon;Notiz\r\n');
    let written = 0;
    let rows = 0;
    while (written < bytes) {
      const lines: string[] = [];
      for (let i = 0; i < 1000; i++, rows++) {
        lines.push(
          `Vorname${rows};Nachname${rows};Firma ${rows % 977} GmbH;person${rows}@firma${rows % 977}.de;+49 30 ${1000000 + rows};"Notiz; mit Trennzeichen ${rows}"\r\n`,
        );
      }
      const chunk = lines.join('');
      written += chunk.length;
      if (!out.write(chunk))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve) => out.end(() => resolve()));
    return rows;
  }

  it('streams a 50 MB file in batches without holding it', async () => {
    const path = join(dir, 'large.csv');
    const rows = await writeLargeCsv(path, 50 * 1024 * 1024);
    const gc = collector();
    gc();
    const before = process.memoryUsage().heapUsed;
    const source = await openRecordSource(path, {});
    let count = 0;
    let firstBatchBytes = -1;
    let peak = 0;
    let batches = 0;
    for await (const batch of source.records()) {
      if (firstBatchBytes < 0) firstBatchBytes = source.bytesRead();
      expect(batch.length).toBeLessThanOrEqual(500);
      count += batch.length;
      if (++batches % 200 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - before);
      }
    }
    await source.close();
    expect(count).toBe(rows);
    expect(firstBatchBytes).toBeGreaterThan(0);
    expect(firstBatchBytes).toBeLessThan(source.size / 100);
    expect(peak).toBeLessThan(100 * 1024 * 1024);
  });
});
