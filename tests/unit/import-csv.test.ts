import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvParser, parseCsv, type CsvRecord } from '@core/formats/csv';
import {
  columnName,
  detectDelimiter,
  detectHeader,
  looksLikeValue,
  uniqueHeaders,
} from '@core/formats/dialect';
import { createTextDecoder, detectEncoding } from '@core/formats/encoding';
import type { CsvDelimiter } from '@core/formats/types';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/import');
const SPECTRUM = resolve(import.meta.dirname, '../fixtures/shared/csv-spectrum');

/** A fixture decoded the way the importer does: detected encoding, streamed, BOM dropped. */
function decodeFixture(name: string): string {
  const data = new Uint8Array(readFileSync(`${FIXTURES}/${name}`));
  const decoder = createTextDecoder(detectEncoding(data).encoding);
  return decoder.decode(data) + decoder.end();
}

function parseInChunks(text: string, delimiter: CsvDelimiter, sizes: number[]): CsvRecord[] {
  const parser = createCsvParser({ delimiter });
  const records: CsvRecord[] = [];
  let step = 0;
  for (let i = 0; i < text.length; step++) {
    const size = sizes[step % sizes.length] as number;
    records.push(...parser.push(text.slice(i, i + size)));
    i += size;
  }
  return [...records, ...parser.end()];
}

const fieldsOf = (records: CsvRecord[]): string[][] => records.map((record) => record.fields);

/** Header + rows → objects, the way csv-spectrum's JSON files are built. */
function toObjects(records: CsvRecord[]): Record<string, string>[] {
  const [header = [], ...rows] = fieldsOf(records);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

describe('csv-spectrum', () => {
  const readCsv = (name: string): string => readFileSync(`${SPECTRUM}/csvs/${name}.csv`, 'utf8');
  const readJson = (name: string): unknown =>
    JSON.parse(readFileSync(`${SPECTRUM}/json/${name}.json`, 'utf8'));

  /**
   * Two files of the shared copy disagree with their own JSON whatever the parser does (see
   * the tests below); every other file must parse exactly to its JSON.
   */
  const DEFECTIVE = ['newlines_crlf', 'location_coordinates'];
  const names = readdirSync(`${SPECTRUM}/csvs`)
    .filter((file) => file.endsWith('.csv'))
    .map((file) => file.slice(0, -'.csv'.length));

  it('has the files this suite knows about', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const name of DEFECTIVE) expect(names).toContain(name);
  });

  it.each(names.filter((name) => !DEFECTIVE.includes(name)))('%s parses to its JSON', (name) => {
    const text = readCsv(name);
    const records = parseCsv(text, ',');
    if ((records[0]?.fields.length ?? 0) > 1) expect(detectDelimiter(text)).toBe(',');
    expect(records.every((record) => record.issue === null)).toBe(true);
    expect(toObjects(records)).toEqual(readJson(name));
  });

  it('newlines_crlf: the copy lost its CRs; with CRLF line ends it parses to its JSON', () => {
    const text = readCsv('newlines_crlf');
    // The defect: the JSON expects "\r\n" inside a quoted field, the file has no CR at all.
    expect(text.includes('\r')).toBe(false);
    expect(JSON.stringify(readJson('newlines_crlf'))).toContain('\\r\\n');
    const crlf = text.replace(/\n/g, '\r\n');
    expect(detectDelimiter(crlf)).toBe(',');
    expect(toObjects(parseCsv(crlf, ','))).toEqual(readJson('newlines_crlf'));
    // As it is, the quoted line break is kept as the LF the file holds.
    expect(toObjects(parseCsv(text, ','))[1]?.a).toBe('Once upon \na time');
  });

  it('location_coordinates: the JSON is one object with another phone number (upstream #20)', () => {
    const text = readCsv('location_coordinates');
    const expected = readJson('location_coordinates') as Record<string, string>;
    expect(Array.isArray(expected)).toBe(false);
    const phoneInCsv = text.split('\n')[1]?.split(',')[0];
    expect(expected['Contact Phone Number']).not.toBe(phoneInCsv);
    expect(detectDelimiter(text)).toBe(',');
    // Quotes inside unquoted fields are literal; everything else matches the JSON exactly.
    expect(toObjects(parseCsv(text, ','))).toEqual([
      { ...expected, 'Contact Phone Number': phoneInCsv },
    ]);
  });
});

describe('createCsvParser', () => {
  it('ends records at CR, LF and CRLF mixed in one file', () => {
    expect(parseCsv('a;b\rc;d\ne;f\r\ng;h', ';')).toEqual([
      { line: 1, fields: ['a', 'b'], issue: null },
      { line: 2, fields: ['c', 'd'], issue: null },
      { line: 3, fields: ['e', 'f'], issue: null },
      { line: 4, fields: ['g', 'h'], issue: null },
    ]);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quotes, counting lines', () => {
    const text = 'id;text\r\n1;"a;b ""c""\r\nzwei\rdrei\nvier"\r\n2;x\n';
    expect(parseCsv(text, ';')).toEqual([
      { line: 1, fields: ['id', 'text'], issue: null },
      { line: 2, fields: ['1', 'a;b "c"\r\nzwei\rdrei\nvier'], issue: null },
      { line: 6, fields: ['2', 'x'], issue: null },
    ]);
  });

  it('skips blank lines but counts them', () => {
    expect(parseCsv('\r\na;b\r\n\r\n  \r\n\nc;d\r\n\r\n', ';')).toEqual([
      { line: 2, fields: ['a', 'b'], issue: null },
      { line: 6, fields: ['c', 'd'], issue: null },
    ]);
  });

  it('keeps rows of empty fields and a quoted empty field', () => {
    expect(fieldsOf(parseCsv(';;\n""\n', ';'))).toEqual([['', '', ''], ['']]);
  });

  it('keeps text after a closing quote and quotes inside unquoted fields, like Excel', () => {
    expect(fieldsOf(parseCsv('"abc"def;x\n5" Rohr;"a"b"c"\n', ';'))).toEqual([
      ['abcdef', 'x'],
      ['5" Rohr', 'ab"c"'],
    ]);
  });

  it('reads a last record without line break, also after a trailing delimiter', () => {
    expect(fieldsOf(parseCsv('a;b\n1;', ';'))).toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
    expect(parseCsv('', ';')).toEqual([]);
  });

  it('returns an unclosed quote at the end with what it read', () => {
    const records = parseCsv(decodeFixture('unclosed-quote.csv'), ';');
    expect(records).toHaveLength(3);
    expect(records[1]).toEqual({
      line: 2,
      fields: ['Anna', 'Petersen', 'Petersen GmbH', 'ok'],
      issue: null,
    });
    expect(records[2]?.line).toBe(3);
    expect(records[2]?.issue).toBe('unclosed_quote');
    expect(records[2]?.fields.slice(0, 3)).toEqual(['Bernd', 'Schulz', 'Schulz KG']);
    // Nothing is lost: the rest of the file is in the open field.
    expect(records[2]?.fields[3]).toBe(
      'Angebot geschickt\r\nClara;Wagner;Wagner AG;fehlt, weil das Anführungszeichen oben nie schließt\r\n',
    );
  });

  it('accepts a 1 MB field intact under the default limit', () => {
    const big = 'x'.repeat(1 << 20);
    const records = parseCsv(`a;b\n1;"${big}"\n2;${big}\n`, ';');
    expect(records.map((record) => record.issue)).toEqual([null, null, null]);
    expect(records[1]?.fields[1]).toBe(big);
    expect(records[2]?.fields[1]).toBe(big);
  });

  it('cuts a field over the limit, marks the record and reads on', () => {
    const parser = createCsvParser({ delimiter: ',', maxFieldLength: 10 });
    const records = [
      ...parser.push('1,"0123456789ABCDE'),
      ...parser.push('FGHIJ",z\n2,0123456789\n3,'),
      ...parser.push('abcdefghijkl\n'),
      ...parser.end(),
    ];
    expect(records).toEqual([
      { line: 1, fields: ['1', '0123456789', 'z'], issue: 'field_too_long' },
      { line: 2, fields: ['2', '0123456789'], issue: null },
      { line: 3, fields: ['3', 'abcdefghij'], issue: 'field_too_long' },
    ]);
  });

  it('reads the same records whatever the chunks, even one character at a time', () => {
    const samples: [string, CsvDelimiter][] = [
      ['a;b\r\n"x\r\ny";"q""q"\r\r\n\n3;"4"x\rlast;"un\r\nclosed', ';'],
      [decodeFixture('german-excel-1252.csv'), ';'],
      [decodeFixture('utf8-bom.csv'), ';'],
      [decodeFixture('outlook-de.csv'), ','],
      [decodeFixture('outlook-en.csv'), ','],
      [decodeFixture('unclosed-quote.csv'), ';'],
    ];
    for (const [text, delimiter] of samples) {
      const whole = parseCsv(text, delimiter);
      expect(parseInChunks(text, delimiter, [1])).toEqual(whole);
      expect(parseInChunks(text, delimiter, [2, 1, 3, 5, 8, 13])).toEqual(whole);
    }
  });
});

describe('createCsvParser: bounded on hostile input', () => {
  it('cuts a record at its length limit and marks it, reading the next one whole', () => {
    const parser = createCsvParser({ delimiter: ';', maxFieldLength: 8, maxRecordLength: 12 });
    const records = [...parser.push('aaaaaa;bbbbbb;cccccc\nx;y\n'), ...parser.end()];
    expect(records).toEqual([
      { line: 1, fields: ['aaaaaa', 'bbbbbb', ''], issue: 'field_too_long' },
      { line: 2, fields: ['x', 'y'], issue: null },
    ]);
  });

  it('drops fields beyond the most a record keeps', () => {
    const parser = createCsvParser({ delimiter: ';', maxFields: 3 });
    const records = [...parser.push(`${';'.repeat(100_000)}\na;b;c;d\n`), ...parser.end()];
    expect(records.map((record) => record.fields)).toEqual([
      ['', '', ''],
      ['a', 'b', 'c'],
    ]);
  });

  it('reads a megabyte of doubled quotes in one go, cut at the field limit', () => {
    const text = `a;"${'""'.repeat(600_000)}"\nb;c\n`;
    const records = parseCsv(text, ';');
    expect(records[0]?.fields[1]).toHaveLength(600_000);
    const cut = createCsvParser({ delimiter: ';', maxFieldLength: 1000 });
    const [first, second] = [...cut.push(text), ...cut.end()];
    expect(first).toMatchObject({ issue: 'field_too_long' });
    expect(first?.fields[1]).toBe('"'.repeat(1000));
    expect(second?.fields).toEqual(['b', 'c']);
  });

  it('gives the same records for quotes, delimiters and line breaks cut anywhere (property)', () => {
    const text = fc.array(fc.constantFrom('"', '""', 'a', 'ü', ';', '\n', '\r', '\r\n', ' '), {
      maxLength: 80,
    });
    fc.assert(
      fc.property(
        text,
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1 }),
        (parts, sizes) => {
          const whole = parts.join('');
          expect(parseInChunks(whole, ';', sizes)).toEqual(parseCsv(whole, ';'));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('fixtures', () => {
  it('German Excel (Windows-1252, ;, CRLF): amounts, dates, quoted notes and line numbers', () => {
    const text = decodeFixture('german-excel-1252.csv');
    expect(detectDelimiter(text)).toBe(';');
    const records = parseCsv(text, ';');
    expect(records).toHaveLength(11);
    expect(records.every((record) => record.fields.length === 16 && record.issue === null)).toBe(
      true,
    );
    const rows = fieldsOf(records);
    expect(detectHeader(rows)).toBe(true);
    expect(rows[0]?.[9]).toBe('Straße');
    expect(rows[1]?.slice(2, 5)).toEqual(['Jürgen', 'Müller', 'Müller & Söhne GmbH & Co. KG']);
    expect(rows[1]?.slice(13)).toEqual([
      '1.234,56 €',
      '31.12.2025',
      'Rückruf erbeten; bevorzugt vormittags',
    ]);
    expect(rows[3]?.[15]).toBe('Messe-Kontakt "LogiMAT" 2026');
    expect(rows[4]?.[15]).toBe('Erstgespräch geführt.\r\nFolgetermin im März.');
    expect(rows[8]?.[15]).toBe('Bestellt zu Weihnachten ‚Stollen‘ – 30 Stück');
    expect(rows[9]?.[10]).toBe('04109');
    // The two-line note moves every later record one line down.
    expect(records.map((record) => record.line)).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12]);
  });

  it('UTF-8 with BOM', () => {
    const text = decodeFixture('utf8-bom.csv');
    expect(detectDelimiter(text)).toBe(';');
    const rows = fieldsOf(parseCsv(text, ';'));
    expect(rows[0]?.[0]).toBe('Vorname');
    expect(rows[1]?.slice(0, 3)).toEqual(['Łukasz', 'Wiśniewski', 'Wiśniewski Sp. z o.o.']);
    expect(rows[3]?.[7]).toBe('Rückfrage zu Preisen; Angebot folgt');
    expect(detectHeader(rows)).toBe(true);
  });

  it.each([
    ['outlook-de.csv', 'Straße geschäftlich', 'Notizen', 'Kennengelernt auf der LogiMAT.\r\n'],
    ['outlook-en.csv', 'Business Street', 'Notes', 'Met at LogiMAT.\r\n'],
  ])('Outlook export %s', (name, streetHeader, notesHeader, notesStart) => {
    const text = decodeFixture(name);
    expect(detectDelimiter(text)).toBe(',');
    const records = parseCsv(text, ',');
    const header = uniqueHeaders(records[0]?.fields ?? [], (i) => `Spalte ${i + 1}`);
    expect(header).toHaveLength(92);
    expect(new Set(header).size).toBe(92);
    expect(records.slice(1).every((record) => record.fields.length === 92)).toBe(true);
    expect(detectHeader(fieldsOf(records))).toBe(true);
    const first = Object.fromEntries(header.map((column, i) => [column, records[1]?.fields[i]]));
    expect(first[streetHeader]).toBe('Königstraße 12');
    expect(first[notesHeader]?.startsWith(notesStart)).toBe(true);
    expect(Object.values(first)).toContain('Müller & Söhne GmbH & Co. KG');
  });

  it('header-only file', () => {
    const rows = fieldsOf(parseCsv(decodeFixture('header-only.csv'), ';'));
    expect(rows).toEqual([['Vorname', 'Nachname', 'Firma', 'E-Mail']]);
    expect(detectHeader(rows)).toBe(true);
  });
});

describe('detectDelimiter', () => {
  const samples: [CsvDelimiter, string][] = [
    [';', 'Firma;Umsatz;Ort\nMüller, Hans;1.234,56;Köln\n"Schmidt; Söhne";99,5;"Bonn, Beuel"\n'],
    [',', 'name,note,city\n"Müller; Hans","a;b;c;d",Köln\n"Schmidt | Söhne","x;y;z",Bonn\n'],
    ['\t', 'Name\tNotiz\tOrt\n"Müller, Hans"\t"a;b,c"\tKöln\nSchmidt\t"x;y;z"\tBonn\n'],
    ['|', 'Name|Notiz|Ort\n"Müller, Hans"|"a;b;c"|Köln\n"Schmidt, Söhne"|"x;y"|Bonn\n'],
  ];
  it.each(samples)('finds %j even with other delimiters inside quotes', (delimiter, text) => {
    expect(detectDelimiter(text)).toBe(delimiter);
    expect(detectDelimiter(text.replace(/\n/g, '\r\n'))).toBe(delimiter);
  });

  it('prefers ; on a tie, reads a file without delimiters as comma-separated', () => {
    expect(detectDelimiter('Firma;Umsatz\nA GmbH;1,5\nB AG;2,5\n')).toBe(';');
    expect(detectDelimiter('Name\nMüller\nSchmidt\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });

  it('ignores a last line cut off by the end of the sample', () => {
    expect(detectDelimiter('a;b;c\n1;2;3\n4;5;6\n"7, 8, 9, 10, 11')).toBe(';');
  });
});

describe('detectHeader', () => {
  it('accepts a first row of names above values', () => {
    expect(
      detectHeader([
        ['Kontakt', 'Mail', 'Seit'],
        ['Anna Petersen', 'anna@petersen.de', '01.02.2024'],
      ]),
    ).toBe(true);
  });

  it('accepts known column names without values below', () => {
    expect(
      detectHeader([
        ['Vorname', 'Nachname', 'Firma'],
        ['Anna', 'Petersen', 'Petersen GmbH'],
      ]),
    ).toBe(true);
  });

  it('rejects a first row with values, empty cells or nothing to tell it by', () => {
    expect(
      detectHeader([
        ['Anna', 'Petersen', 'anna@petersen.de'],
        ['Bernd', 'Schulz', 'bernd@schulz.de'],
      ]),
    ).toBe(false);
    expect(
      detectHeader([
        ['Vorname', '', 'E-Mail'],
        ['Anna', 'Petersen', 'anna@petersen.de'],
      ]),
    ).toBe(false);
    expect(
      detectHeader([
        ['Anna', 'Petersen', 'Petersen GmbH'],
        ['Bernd', 'Schulz', 'Schulz KG'],
      ]),
    ).toBe(false);
    expect(detectHeader([])).toBe(false);
  });

  it('looksLikeValue tells values from column names', () => {
    for (const value of [
      'anna@petersen.de',
      '1.234,56 €',
      '1,234.56',
      '42',
      '-3,5',
      '19 %',
      '€ 99',
      '31.12.2025',
      '2025-12-31',
      '12/31/2025',
      '+49 30 1234567',
      '0171/2345678',
      'www.firma.de',
      'https://firma.de/kontakt',
    ]) {
      expect(looksLikeValue(value), value).toBe(true);
    }
    for (const header of ['E-Mail 2', 'Telefon 1', 'Straße', 'PLZ', 'Umsatz in €', '', 'Nr.']) {
      expect(looksLikeValue(header), header).toBe(false);
    }
  });
});

describe('uniqueHeaders', () => {
  it('trims, names empty cells and numbers repeated names', () => {
    expect(
      uniqueHeaders(
        [' E-Mail ', 'Name', 'E-Mail', '', 'e-mail', 'E-Mail (2)', 'Spalte 4'],
        (i) => `Spalte ${i + 1}`,
      ),
    ).toEqual([
      'E-Mail',
      'Name',
      'E-Mail (2)',
      'Spalte 4',
      'e-mail (3)',
      'E-Mail (2) (2)',
      'Spalte 4 (2)',
    ]);
  });
});

describe('columnName', () => {
  it('counts like a spreadsheet', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnName)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });
});
