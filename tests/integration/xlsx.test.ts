import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openXlsx, type XlsxBook } from '../../src/main/formats/xlsx-reader';
import { createXlsxWriter } from '../../src/main/formats/xlsx-writer';
import { createXmlTokenizer, type XmlToken } from '../../src/main/formats/xml';
import { AppError } from '../../src/main/errors';
import {
  excelWorkbook,
  LEADS_XLSX_ROWS,
  leadsWorkbook,
  type WorkbookSpec,
} from '../fixtures/import/excel-workbook';
import { tempDir } from './harness';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');

async function rowsOf(book: XlsxBook, sheet: string | null = null) {
  const rows: { row: number; cells: string[] }[] = [];
  for await (const row of book.rows(sheet)) rows.push(row);
  return rows;
}

/** Writes a workbook to a temporary file and reads one sheet back. */
async function readBack(spec: WorkbookSpec | Uint8Array, sheet: string | null = null) {
  const path = join(tempDir(), 'book.xlsx');
  writeFileSync(path, spec instanceof Uint8Array ? spec : excelWorkbook(spec));
  const book = await openXlsx(path);
  try {
    return { sheets: book.sheets, rows: await rowsOf(book, sheet) };
  } finally {
    await book.close();
  }
}

async function unreadableKey(bytes: Uint8Array): Promise<string> {
  const path = join(tempDir(), 'broken.xlsx');
  writeFileSync(path, bytes);
  try {
    const book = await openXlsx(path);
    try {
      await rowsOf(book);
    } finally {
      await book.close();
    }
  } catch (error) {
    if (error instanceof AppError && error.code === 'FILE_UNREADABLE') return error.key;
    throw error;
  }
  throw new Error('the broken file was read');
}

/** Styles of the test workbook: index → numFmtId. */
const STYLES = {
  numFmts: [
    { id: 164, code: 'dd.mm.yyyy' },
    { id: 165, code: 'dd.mm.yyyy hh:mm' },
    { id: 166, code: '0 "days"' },
    { id: 167, code: '[Red]#,##0.00;[Blue]-#,##0.00' },
    { id: 168, code: '[$-407]d. mmmm yyyy' },
    { id: 169, code: '#,##0.00\\ "€"' },
    { id: 170, code: '[h]:mm' },
  ],
  // 0 General, 1 built-in date 14, 2 custom date, 3 custom date-time, 4 built-in time 20,
  // 5 custom "days" (a number), 6 coloured number, 7 German long date, 8 amount, 9 #,##0.00,
  // 10 elapsed hours
  cellXfs: [0, 14, 164, 165, 20, 166, 167, 168, 169, 4, 170],
};

describe('xml tokenizer', () => {
  const sample =
    '<?xml version="1.0"?>\r\n<!-- note --><a x="1 &gt; 0" y=\'q"\'><b/>t&amp;x &#228;&#xFC; <![CDATA[<raw>]]></a>';

  function tokens(pieces: string[]): XmlToken[] {
    const out: XmlToken[] = [];
    const tokenizer = createXmlTokenizer((token) => out.push(token));
    for (const piece of pieces) tokenizer.push(piece);
    tokenizer.end();
    // Text may arrive in several tokens; join neighbours for comparison.
    return out.reduce<XmlToken[]>((joined, token) => {
      const last = joined[joined.length - 1];
      if (token.kind === 'text' && last?.kind === 'text') last.text += token.text;
      else joined.push({ ...token });
      return joined;
    }, []);
  }

  it('reads tags, attributes, entities and CDATA', () => {
    expect(tokens([sample])).toEqual([
      { kind: 'text', text: '\r\n' },
      { kind: 'open', name: 'a', attributes: { x: '1 > 0', y: 'q"' }, selfClosing: false },
      { kind: 'open', name: 'b', attributes: {}, selfClosing: true },
      { kind: 'text', text: 't&x äü <raw>' },
      { kind: 'close', name: 'a' },
    ]);
  });

  it('gives the same tokens however the text is split', () => {
    const whole = tokens([sample]);
    for (let cut = 1; cut < sample.length; cut++) {
      expect(tokens([sample.slice(0, cut), sample.slice(cut)])).toEqual(whole);
    }
    expect(tokens([...sample])).toEqual(whole);
  });

  it('throws on a document that ends inside a tag', () => {
    const tokenizer = createXmlTokenizer(() => undefined);
    tokenizer.push('<a><b x="1"');
    expect(() => tokenizer.end()).toThrow();
  });
});

describe('xlsx reader', () => {
  it('lists the sheets in tab order and reads the first by default', async () => {
    const { sheets, rows } = await readBack({
      sheets: [
        {
          name: 'Leads & Co',
          rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>first</t></is></c></row>',
        },
        {
          name: 'Zweites',
          rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>second</t></is></c></row>',
        },
      ],
    });
    expect(sheets).toEqual(['Leads & Co', 'Zweites']);
    expect(rows).toEqual([{ row: 1, cells: ['first'] }]);
    const second = await readBack(
      {
        sheets: [
          { name: 'A', rows: '' },
          { name: 'Zweites', rows: '<row r="3"><c r="B3"><v>7</v></c></row>' },
        ],
      },
      'Zweites',
    );
    expect(second.rows).toEqual([{ row: 3, cells: ['', '7'] }]);
  });

  it('reads every cell type, sparse cells, rich text, entities and escapes', async () => {
    const sharedStrings = [
      '<t>Firma</t>',
      '<r><rPr><b/></rPr><t>Müller </t></r><r><t xml:space="preserve">&amp; Söhne</t></r>',
      '<t xml:space="preserve">  Leerzeichen  </t>',
      '<t>a &lt; b &#228;&#x00FC;</t><rPh sb="0" eb="1"><t>PHONETIC</t></rPh>',
      '<t>Zeile 1_x000D_\nZeile 2 _x005F_x0041_</t>',
    ];
    const rows = [
      // A1 and C1 with B1 missing; a styled empty cell at the end is dropped.
      '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="E1" s="0"/></row>',
      // Cells without r continue from the previous column.
      '<row r="2"><c t="s"><v>2</v></c><c t="s"><v>3</v></c><c r="E2" t="s"><v>4</v></c><c t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c></row>',
      // str (formula result), n, b, e, and a formula cell with a cached number.
      '<row r="3"><c r="A3" t="str"><f>A1&amp;"x"</f><v>Firmax</v></c><c r="B3"><v>1234.5</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="b"><v>0</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3"><f>1+2</f><v>3</v></c><c r="G3"><v>-0.25</v></c><c r="H3"><v>1.2345678901234501E+20</v></c><c r="I3"><v>0.30000000000000004</v></c></row>',
      // A row without r is numbered after the previous one; an empty row is skipped.
      '<row><c r="A4"><v>4</v></c></row><row r="6" spans="1:3"/><row r="7"><c r="A7" s="0"/></row>',
      '<row r="9"><c r="A9" t="inlineStr"><is><t>neun</t></is></c><c r="AB9"><v>28</v></c></row>',
    ].join('');
    const { rows: read } = await readBack({ sheets: [{ name: 'Tabelle1', rows }], sharedStrings });
    expect(read).toEqual([
      { row: 1, cells: ['Firma', '', 'Müller & Söhne'] },
      {
        row: 2,
        cells: ['  Leerzeichen  ', 'a < b äü', '', '', 'Zeile 1\r\nZeile 2 _x0041_', 'inline'],
      },
      {
        row: 3,
        cells: [
          'Firmax',
          '1234.5',
          'TRUE',
          'FALSE',
          '#N/A',
          '3',
          '-0.25',
          '1.2345678901234501E+20',
          '0.3',
        ],
      },
      { row: 4, cells: ['4'] },
      { row: 9, cells: ['neun', ...Array<string>(26).fill(''), '28'] },
    ]);
  });

  it('turns date-formatted numbers into ISO days and times, leaving other formats alone', async () => {
    const cell = (ref: string, style: number, value: string | number) =>
      `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
    const rows = [
      `<row r="1">${cell('A1', 1, 46387)}${cell('B1', 2, 45351)}${cell('C1', 3, 46387.5625)}${cell('D1', 4, 0.5625)}${cell('E1', 7, 45731)}${cell('F1', 10, 0.75)}</row>`,
      // The 1900 leap-year bug: serial 60 is the fake 29 February 1900.
      `<row r="2">${cell('A2', 1, 1)}${cell('B2', 1, 59)}${cell('C2', 1, 60)}${cell('D2', 1, 61)}</row>`,
      // Not dates: General, "0 days", a coloured number, an amount; a date time near midnight.
      `<row r="3">${cell('A3', 0, 46387)}${cell('B3', 5, 12)}${cell('C3', 6, 1234.5)}${cell('D3', 8, 1234.56)}${cell('E3', 9, 99)}${cell('F3', 3, 46387.9999999)}</row>`,
    ].join('');
    const { rows: read } = await readBack({ sheets: [{ name: 'Daten', rows }], ...STYLES });
    expect(read).toEqual([
      {
        row: 1,
        cells: ['2026-12-31', '2024-02-29', '2026-12-31T13:30', '13:30', '2025-03-15', '18:00'],
      },
      { row: 2, cells: ['1900-01-01', '1900-02-28', '1900-02-29', '1900-03-01'] },
      { row: 3, cells: ['46387', '12', '1234.5', '1234.56', '99', '2027-01-01T00:00'] },
    ]);
  });

  it('counts days from 1904 in a date1904 workbook', async () => {
    const rows = '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="2"><v>44925</v></c></row>';
    const { rows: read } = await readBack({
      sheets: [{ name: 'Mac', rows }],
      date1904: true,
      ...STYLES,
    });
    expect(read).toEqual([{ row: 1, cells: ['1904-01-01', '2026-12-31'] }]);
  });

  it('reads the committed leads.xlsx as its builder describes it', async () => {
    const path = join(FIXTURES, 'leads.xlsx');
    expect(unzipSync(readFileSync(path))['xl/sharedStrings.xml']).toBeDefined();
    const book = await openXlsx(path);
    try {
      expect(book.sheets).toEqual(['Leads', 'Hinweise']);
      const rows = await rowsOf(book);
      expect(rows.map((row) => row.cells)).toEqual(LEADS_XLSX_ROWS);
      expect(rows.map((row) => row.row)).toEqual(LEADS_XLSX_ROWS.map((_, i) => i + 1));
      expect(await rowsOf(book, 'Hinweise')).toEqual([{ row: 1, cells: ['Stand: Januar 2026'] }]);
    } finally {
      await book.close();
    }
    const rebuilt = await readBack(leadsWorkbook());
    expect(rebuilt.rows.map((row) => row.cells)).toEqual(LEADS_XLSX_ROWS);
  });

  it('streams a large sheet: the first rows arrive before the sheet is read', async () => {
    const count = 60_000;
    const parts: string[] = [];
    for (let r = 1; r <= count; r++) {
      parts.push(
        `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>Name ${r} &amp; Co</t></is></c></row>`,
      );
    }
    const path = join(tempDir(), 'large.xlsx');
    const bytes = excelWorkbook({ sheets: [{ name: 'Gross', rows: parts.join('') }] });
    writeFileSync(path, bytes);
    const book = await openXlsx(path);
    let seen = 0;
    let bytesAtFirst = -1;
    let last: { row: number; cells: string[] } | null = null;
    for await (const row of book.rows(null)) {
      if (seen === 0) bytesAtFirst = book.bytesRead();
      seen++;
      last = row;
    }
    await book.close();
    expect(seen).toBe(count);
    expect(last).toEqual({ row: count, cells: [String(count), `Name ${count} & Co`] });
    expect(bytesAtFirst).toBeGreaterThan(0);
    expect(bytesAtFirst).toBeLessThan(bytes.length / 2);
  });

  it('reports files that are no readable workbook as FILE_UNREADABLE', async () => {
    const good = excelWorkbook({
      sheets: [{ name: 'A', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }],
    });
    expect(await unreadableKey(strToU8('Vorname;Nachname\r\nJürgen;Müller\r\n'))).toBe(
      'importErrors.unreadable',
    );
    expect(await unreadableKey(good.subarray(0, good.length - 30))).toBe('importErrors.unreadable');
    const files = unzipSync(good);
    delete files['xl/workbook.xml'];
    expect(await unreadableKey(zipSync(files))).toBe('importErrors.unreadable');
    // A sheet whose deflate stream is damaged in the middle.
    const damaged = Uint8Array.from(good);
    const sheetAt = Buffer.from(damaged).indexOf('xl/worksheets/sheet1.xml');
    for (let i = sheetAt + 40; i < sheetAt + 60; i++) damaged[i] = 0xff;
    expect(await unreadableKey(damaged)).toBe('importErrors.unreadable');
    // Broken XML inside an intact zip.
    const brokenXml = unzipSync(good);
    brokenXml['xl/worksheets/sheet1.xml'] = strToU8('<worksheet><sheetData><row r="1"><c r="A1"');
    expect(await unreadableKey(zipSync(brokenXml))).toBe('importErrors.unreadable');
    expect(await unreadableKey(excelWorkbook({ sheets: [] }))).toBe('importErrors.noSheets');
  });

  it('names a sheet that does not exist', async () => {
    const path = join(tempDir(), 'one.xlsx');
    writeFileSync(path, excelWorkbook({ sheets: [{ name: 'Leads', rows: '' }] }));
    const book = await openXlsx(path);
    await expect(rowsOf(book, 'Kontakte')).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      key: 'importErrors.noSheet',
      params: { file: 'one.xlsx', sheet: 'Kontakte' },
    });
    await book.close();
  });
});

describe('xlsx writer', () => {
  it('writes a workbook the reader reads back value for value', async () => {
    const path = join(tempDir(), 'export.xlsx');
    const writer = createXlsxWriter(createWriteStream(path), 'Leads: 2026/1');
    const rows: (string | number | null)[][] = [
      ['Vorname', 'Nachname', 'Betrag', 'Notizen', 'Leer'],
      ['Jürgen', 'Müller & Söhne <GmbH>', 1234.56, 'Zeile 1\nZeile 2\r\nZeile 3', null],
      ['  Leerzeichen ', '"Zitat"', -0.5, 'Steuer\u0001zeichen\u0000 weg, _x0041_ bleibt', ''],
      ['Ümlaut ß €', null, 250000, '\'=HYPERLINK("x")', 12],
      ['😀 Emoji', 'x', 0, null, null],
    ];
    for (const row of rows) writer.addRow(row);
    await writer.close();

    const files = unzipSync(readFileSync(path));
    for (const part of [
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'docProps/app.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]) {
      expect(files[part], part).toBeDefined();
    }
    const sheetXml = new TextDecoder().decode(files['xl/worksheets/sheet1.xml']);
    expect(sheetXml).toContain('state="frozen"');
    expect(sheetXml).toContain('<autoFilter ref="A1:E5"/>');
    expect(sheetXml).toMatch(/<c r="A1" s="1" t="inlineStr">/);
    expect(new TextDecoder().decode(files['xl/styles.xml'])).toContain('<b/>');
    expect(new TextDecoder().decode(files['xl/workbook.xml'])).toContain('name="Leads  2026 1"');

    const book = await openXlsx(path);
    expect(book.sheets).toEqual(['Leads  2026 1']);
    const read = await rowsOf(book);
    await book.close();
    expect(read).toEqual([
      { row: 1, cells: ['Vorname', 'Nachname', 'Betrag', 'Notizen', 'Leer'] },
      {
        row: 2,
        cells: ['Jürgen', 'Müller & Söhne <GmbH>', '1234.56', 'Zeile 1\nZeile 2\r\nZeile 3'],
      },
      { row: 3, cells: ['  Leerzeichen ', '"Zitat"', '-0.5', 'Steuerzeichen weg, _x0041_ bleibt'] },
      { row: 4, cells: ['Ümlaut ß €', '', '250000', '\'=HYPERLINK("x")', '12'] },
      { row: 5, cells: ['😀 Emoji', 'x', '0'] },
    ]);
  });

  it('streams many rows into a valid zip', async () => {
    const path = join(tempDir(), 'many.xlsx');
    const writer = createXlsxWriter(createWriteStream(path), 'Leads');
    writer.addRow(['Nr', 'Name']);
    const count = 50_000;
    for (let i = 1; i <= count; i++) {
      writer.addRow([i, `Lead ${i}`]);
      if (i % 5_000 === 0) await writer.drain();
    }
    await writer.close();
    const book = await openXlsx(path);
    let rows = 0;
    let last: string[] = [];
    for await (const row of book.rows(null)) {
      rows++;
      last = row.cells;
    }
    await book.close();
    expect(rows).toBe(count + 1);
    expect(last).toEqual([String(count), `Lead ${count}`]);
  });

  it('rejects when the file cannot be written', async () => {
    const writer = createXlsxWriter(
      createWriteStream(join(tempDir(), 'missing-folder', 'x.xlsx')),
      'Leads',
    );
    writer.addRow(['a']);
    await expect(writer.close()).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
