import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readdirSync,
  readFileSync,
} from 'node:fs';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parse as csvParse, type CsvError } from 'csv-parse';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCsvParser } from '@core/formats/csv';
import { createTextDecoder, detectEncoding } from '@core/formats/encoding';
import type { CsvDelimiter } from '@core/formats/types';
import { openXlsx } from '../../src/main/formats/xlsx-reader';
import { createXlsxWriter } from '../../src/main/formats/xlsx-writer';
import { writeGermanExcelCsv } from '../integration/import-harness';

/**
 * Our readers against the libraries that could replace them (issue 10): the streaming CSV
 * parser against papaparse and csv-parse on the 100,000-row German Excel CSV (Windows-1252,
 * `;`), and the XLSX reader against exceljs's streaming reader on a 100,000-row workbook
 * written by our XLSX writer. Each gets the same decoded text in the same 64 KiB pieces; the
 * figures are the best of five rounds and the heap's peak above the level before the run
 * (sampled every 1,000 records after a collection). Then whether each candidate, set up as
 * closely to our contract as its options allow, passes our CSV fixtures: csv-spectrum, an
 * unclosed quote reported on its record with its line and nothing lost, a field cut at its
 * limit with the record marked and the next one read, fields beyond a record's limit
 * dropped. Asserts what the runs read, never times.
 */
const ROWS = 100_000;
const RUNS = 5;
const SPECTRUM = resolve(import.meta.dirname, '../fixtures/shared/csv-spectrum');
const FIXTURES = resolve(import.meta.dirname, '../fixtures/import');

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

let dir: string;
let csvPath: string;
let xlsxPath: string;

function report(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** One record as a candidate delivers it, in our terms; `line` null when it cannot tell. */
type Rec = { line: number | null; fields: string[]; issue: string | null };
type Limits = { maxFieldLength?: number; maxRecordLength?: number; maxFields?: number };
type Candidate = {
  name: string;
  run(
    chunks: AsyncIterable<string> | Iterable<string>,
    delimiter: CsvDelimiter,
    limits: Limits,
    onRecord: (record: Rec) => void,
  ): Promise<void>;
};

const ours: Candidate = {
  name: 'leadwerk',
  async run(chunks, delimiter, limits, onRecord) {
    const parser = createCsvParser({ delimiter, ...limits });
    for await (const chunk of chunks) for (const record of parser.push(chunk)) onRecord(record);
    for (const record of parser.end()) onRecord(record);
  },
};

const papaparse: Candidate = {
  name: 'papaparse',
  run(chunks, delimiter, _limits, onRecord) {
    return new Promise((done, fail) => {
      Papa.parse<string[]>(Readable.from(chunks), {
        delimiter,
        skipEmptyLines: true,
        step(results) {
          const issue = results.errors[0]?.code ?? null;
          onRecord({ line: null, fields: results.data, issue });
        },
        complete: () => done(),
        error: fail,
      });
    });
  },
};

const csvParser: Candidate = {
  name: 'csv-parse',
  async run(chunks, delimiter, limits, onRecord) {
    const parser = Readable.from(chunks).pipe(
      csvParse({
        delimiter,
        relax_quotes: true,
        relax_column_count: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
        info: true,
        ...(limits.maxRecordLength ? { max_record_size: limits.maxRecordLength } : {}),
        on_skip: (error: CsvError | undefined) => {
          onRecord({ line: Number(error?.lines ?? 0), fields: [], issue: error?.code ?? '?' });
        },
      }),
    );
    try {
      for await (const { record, info } of parser as AsyncIterable<{
        record: string[];
        info: { lines: number };
      }>) {
        onRecord({ line: info.lines, fields: record, issue: null });
      }
    } catch (error) {
      // An unclosed quote ends the parse: the record is reported, its text is not.
      const failure = error as CsvError;
      onRecord({ line: Number(failure.lines ?? 0), fields: [], issue: failure.code });
    }
  },
};

const CANDIDATES = [ours, papaparse, csvParser];

/** The German CSV decoded the importer's way, in 64 KiB pieces read from the file. */
async function* decodedPieces(path: string): AsyncGenerator<string> {
  const decoder = createTextDecoder('windows-1252');
  for await (const bytes of createReadStream(path, { highWaterMark: 64 * 1024 })) {
    yield decoder.decode(bytes as Buffer);
  }
  yield decoder.end();
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

type Figures = { ms: number; peak: number; records: number };

/**
 * Best time of {@link RUNS} rounds and the heap's peak above its level before each run. The
 * readers take turns within each round, so that load from elsewhere on the machine falls on
 * all of them alike.
 */
async function measure(
  readers: Record<string, (onRecord: () => void) => Promise<void>>,
): Promise<Record<string, Figures>> {
  const figures: Record<string, Figures> = {};
  for (let round = 0; round < RUNS; round++) {
    for (const [name, read] of Object.entries(readers)) {
      const seen = (figures[name] ??= { ms: Infinity, peak: 0, records: 0 });
      collect();
      const base = process.memoryUsage().heapUsed;
      let count = 0;
      const started = performance.now();
      await read(() => {
        count++;
        if (count % 1000 === 0)
          seen.peak = Math.max(seen.peak, process.memoryUsage().heapUsed - base);
      });
      seen.ms = Math.min(seen.ms, performance.now() - started);
      seen.records = count;
    }
  }
  return figures;
}

async function parseText(candidate: Candidate, text: string, delimiter: CsvDelimiter, limits = {}) {
  const records: Rec[] = [];
  await candidate.run([text], delimiter, limits, (record) => records.push(record));
  return records;
}

/** What our fixtures ask of a CSV reader; true when the candidate does it. */
async function fixtureResults(candidate: Candidate): Promise<Record<string, boolean>> {
  // The two files whose JSON disagrees with their CSV whatever the parser (see import-csv.test).
  const defective = ['newlines_crlf', 'location_coordinates'];
  let spectrum = true;
  for (const file of readdirSync(`${SPECTRUM}/csvs`)) {
    const name = file.slice(0, -'.csv'.length);
    if (defective.includes(name)) continue;
    const [header = [], ...rows] = (
      await parseText(candidate, readFileSync(`${SPECTRUM}/csvs/${file}`, 'utf8'), ',')
    ).map((record) => record.fields);
    const objects = rows.map((row) =>
      Object.fromEntries(header.map((column, i) => [column, row[i] ?? ''])),
    );
    const expected: unknown = JSON.parse(readFileSync(`${SPECTRUM}/json/${name}.json`, 'utf8'));
    if (JSON.stringify(objects) !== JSON.stringify(expected)) spectrum = false;
  }

  const bytes = new Uint8Array(readFileSync(`${FIXTURES}/unclosed-quote.csv`));
  const decoder = createTextDecoder(detectEncoding(bytes).encoding);
  const unclosed = await parseText(candidate, decoder.decode(bytes) + decoder.end(), ';');
  const open = unclosed.find((record) => record.issue !== null);
  report(
    `bench csv ${candidate.name} unclosed quote: ${unclosed.length} records, the marked one ${JSON.stringify(open ?? null).slice(0, 160)}`,
  );
  const unclosedQuote =
    open !== undefined &&
    open.line === 3 &&
    open.fields[0] === 'Bernd' &&
    (open.fields[3] ?? '').includes('Clara;Wagner');

  const long = await parseText(candidate, `1;${'x'.repeat(20)};z\r\n2;ok\r\n`, ';', {
    maxFieldLength: 10,
    maxRecordLength: 16,
  });
  const fieldLimit =
    long.length === 2 &&
    long[0]?.issue !== null &&
    long[0]?.fields[1] === 'x'.repeat(10) &&
    long[1]?.fields.join(';') === '2;ok';

  const wide = await parseText(candidate, 'a;b;c;d;e\r\n', ';', { maxFields: 3 });
  const fieldsLimit = wide[0]?.fields.length === 3;

  return { spectrum, unclosedQuote, fieldLimit, fieldsLimit };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'leadwerk-bench-readers-'));
  csvPath = join(dir, 'german.csv');
  writeGermanExcelCsv(csvPath, ROWS);
  // The same rows as a workbook, written by our XLSX writer.
  xlsxPath = join(dir, 'german.xlsx');
  const writer = createXlsxWriter(createWriteStream(xlsxPath), 'Kontakte');
  let count = 0;
  await ours.run(decodedPieces(csvPath), ';', {}, (record) => {
    writer.addRow(record.fields);
    count++;
  });
  await writer.drain();
  await writer.close();
  expect(count).toBe(ROWS + 1);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('CSV readers', () => {
  it(`parse ${ROWS.toLocaleString('en')} rows of German Excel CSV and pass our fixtures`, async () => {
    const figures = await measure(
      Object.fromEntries(
        CANDIDATES.map((candidate) => [
          candidate.name,
          (onRecord: () => void) => candidate.run(decodedPieces(csvPath), ';', {}, onRecord),
        ]),
      ),
    );
    const fixtures: Record<string, Record<string, boolean>> = {};
    for (const candidate of CANDIDATES) {
      const { ms, peak, records } = figures[candidate.name] as Figures;
      expect(records).toBe(ROWS + 1);
      fixtures[candidate.name] = await fixtureResults(candidate);
      const passed = Object.entries(fixtures[candidate.name] ?? {})
        .map(([check, ok]) => `${check} ${ok ? 'yes' : 'no'}`)
        .join(', ');
      report(
        `bench csv ${candidate.name}: ${ROWS.toLocaleString('en')} rows in ${ms.toFixed(0)} ms (${Math.round((ROWS / ms) * 1000).toLocaleString('en')} rows/s), heap peak +${mb(peak)} MB; fixtures: ${passed}`,
      );
    }
    // Our own parser is the contract's reference: it passes every check.
    expect(Object.values(fixtures.leadwerk ?? {})).toEqual([true, true, true, true]);
  });
});

describe('XLSX readers', () => {
  it(`read a ${ROWS.toLocaleString('en')}-row workbook`, async () => {
    const readOurs = async (path: string, onRow: (cells: string[]) => void) => {
      const book = await openXlsx(path);
      try {
        for await (const row of book.rows(null)) onRow(row.cells);
      } finally {
        await book.close();
      }
    };
    const readExcelJs = async (path: string, onRow: (cells: string[]) => void) => {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
        worksheets: 'emit',
        sharedStrings: 'cache',
        hyperlinks: 'ignore',
        styles: 'cache',
        entries: 'ignore',
      });
      for await (const sheet of reader) {
        for await (const row of sheet) {
          const values = (row as ExcelJS.Row).values as unknown[];
          // Holes are empty cells; dates come as Date (styles read), which we show as ISO days.
          onRow(
            Array.from(values.slice(1), (value) =>
              value == null
                ? ''
                : value instanceof Date
                  ? value.toISOString().slice(0, 10)
                  : String(value),
            ),
          );
        }
        break;
      }
    };
    const readers = { leadwerk: readOurs, exceljs: readExcelJs };

    // The same cells from both, on the generated workbook and on the fixture from Excel.
    for (const path of [xlsxPath, `${FIXTURES}/leads.xlsx`]) {
      const rows: Record<string, string[][]> = {};
      for (const [name, read] of Object.entries(readers)) {
        const cells: string[][] = [];
        await read(path, (row) => {
          if (cells.length < 50) cells.push(row);
        });
        rows[name] = cells;
      }
      const ourRows = rows.leadwerk ?? [];
      const first = ourRows.findIndex(
        (row, i) => JSON.stringify(row) !== JSON.stringify(rows.exceljs?.[i]),
      );
      const file = path.endsWith('leads.xlsx') ? 'leads.xlsx' : 'generated';
      report(
        first === -1
          ? `bench xlsx ${file}: the first ${ourRows.length} rows are the same in both readers`
          : `bench xlsx ${file}: row ${first + 1} differs: leadwerk ${JSON.stringify(ourRows[first])}, exceljs ${JSON.stringify(rows.exceljs?.[first])}`,
      );
    }

    const figures = await measure(
      Object.fromEntries(
        Object.entries(readers).map(([name, read]) => [
          name,
          (onRecord: () => void) => read(xlsxPath, onRecord),
        ]),
      ),
    );
    for (const [name, { ms, peak, records }] of Object.entries(figures)) {
      expect(records).toBe(ROWS + 1);
      report(
        `bench xlsx ${name}: ${ROWS.toLocaleString('en')} rows in ${ms.toFixed(0)} ms (${Math.round((ROWS / ms) * 1000).toLocaleString('en')} rows/s), heap peak +${mb(peak)} MB`,
      );
    }
  });
});
