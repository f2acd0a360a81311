import { describe, expect, it } from 'vitest';
import { createCsvParser, parseCsv } from '@core/formats/csv';
import { csvLine, neutralizeFormula, restoreNeutralized, UTF8_BOM } from '@core/formats/csv-writer';
import { CSV_DELIMITERS } from '@core/formats/types';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/** Values that stress quoting: delimiters, quotes, line breaks, edge whitespace, formulas. */
const TRICKY = [
  '',
  ' ',
  'plain',
  'Müller & Söhne GmbH & Co. KG',
  'a;b',
  'a,b',
  'tab\there',
  'pipe|here',
  'say "hi"',
  '"',
  '""',
  '"quoted"',
  'line\nbreak',
  'cr\ronly',
  'crlf\r\nbreak',
  '\n',
  '\r\n',
  ' leading',
  'trailing ',
  "'=SUM(A1:A3)",
  '=HYPERLINK("http://x";"y")',
  '1.234,56 €',
  '😀 emoji',
];

describe('neutralizeFormula / restoreNeutralized', () => {
  it.each(TRIGGERS)('neutralises a value starting with %j and restores it', (trigger) => {
    const value = `${trigger}1+2`;
    const neutral = neutralizeFormula(value);
    expect(neutral).toBe(`'${value}`);
    expect(restoreNeutralized(neutral)).toBe(value);
  });

  it('leaves other values alone in both directions', () => {
    for (const value of ['Anna', '1=1', 'a-b', " '=x", "'text", "'", '', 'mail@firma.de']) {
      expect(neutralizeFormula(value)).toBe(value);
    }
    for (const value of ["'text", "'", "''=x", 'plain']) {
      expect(restoreNeutralized(value)).toBe(value);
    }
  });
});

describe('csvLine', () => {
  it('quotes only where needed and ends with CRLF', () => {
    expect(csvLine(['a', 'b c', ''], ';')).toBe('a;b c;\r\n');
    expect(csvLine(['a;b', 'a,b'], ';')).toBe('"a;b";a,b\r\n');
    expect(csvLine(['a;b', 'a,b'], ',')).toBe('a;b,"a,b"\r\n');
    expect(csvLine(['say "hi"', 'x\ny', 'x\ry', ' lead', 'trail '], ';')).toBe(
      '"say ""hi""";"x\ny";"x\ry";" lead";"trail "\r\n',
    );
    expect(csvLine(['a\tb'], '\t')).toBe('"a\tb"\r\n');
    expect(csvLine(['a|b', 'c'], '|')).toBe('"a|b"|c\r\n');
  });

  it('writes a record of one empty field so that it is not read as a blank line', () => {
    expect(csvLine([''], ';')).toBe('""\r\n');
    expect(parseCsv(csvLine([''], ';'), ';').map((record) => record.fields)).toEqual([['']]);
  });

  it('neutralises every field itself, so no caller can write a live formula', () => {
    expect(csvLine(['=1+2'], ';')).toBe("'=1+2\r\n");
    // The header of a hostile file: quoted for the apostrophe-free delimiter, still inert.
    expect(csvLine(["=cmd|' /C calc'!A0", '@SUM(A1)', '+49 711', '-5', 'Name'], ';')).toBe(
      "'=cmd|' /C calc'!A0;'@SUM(A1);'+49 711;'-5;Name\r\n",
    );
    expect(csvLine(['\tx', 'a'], ',')).toBe("'\tx,a\r\n");
    // Already neutralised values are not neutralised twice.
    expect(csvLine(["'=1+2"], ';')).toBe("'=1+2\r\n");
  });

  it('exports the UTF-8 byte-order mark', () => {
    expect(UTF8_BOM).toBe('\uFEFF');
  });
});

describe('parse(csvLine(x)) round trip', () => {
  it.each(CSV_DELIMITERS.map((delimiter) => [delimiter]))(
    'with %j every pair of tricky values reads back as neutralised',
    (delimiter) => {
      const values: string[][] = [];
      for (const a of TRICKY) {
        values.push([a]);
        for (const b of TRICKY) values.push([a, b]);
      }
      values.push(TRICKY);
      const records = values.map((fields) => fields.map(neutralizeFormula));
      const text = values.map((fields) => csvLine(fields, delimiter)).join('');
      expect(parseCsv(text, delimiter).map((record) => record.fields)).toEqual(records);

      // Streamed in small uneven chunks, with CRLFs and quotes split between pushes.
      const parser = createCsvParser({ delimiter });
      const streamed: string[][] = [];
      for (let i = 0, size = 1; i < text.length; i += size, size = (size % 7) + 1) {
        streamed.push(...parser.push(text.slice(i, i + size)).map((record) => record.fields));
      }
      streamed.push(...parser.end().map((record) => record.fields));
      expect(streamed).toEqual(records);
    },
  );

  it('survives neutralising on export and restoring on import', () => {
    const values = TRICKY.filter((value) => !value.startsWith("'"));
    const text = csvLine(values, ';');
    const [record] = parseCsv(text, ';');
    expect(record?.fields.map(restoreNeutralized)).toEqual(values);
  });
});
