import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '@core/ipc/import-schemas';
import { MAX_SHARED_STRING_BYTES } from '../../src/main/formats/xlsx-strings';
import { writeGermanExcelCsv } from '../integration/import-harness';

/**
 * Peak memory of a dry run for each reader at its limits, each in a fresh process: the built
 * command line runs `import FILE --dry-run` (inspection, then the dry run on the import's
 * worker thread — the real code path) and a preloaded hook reports the process's maximum
 * resident set size (`process.resourceUsage().maxRSS`, all threads) when it exits. Targets:
 * under 300 MB for every case, and a dry run's memory flat in the file's rows (1,000,000
 * rows of CSV against 100,000). Asserts what each run did, never the figures.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'out', 'main', 'cli.js');
const RSS_TARGET_MB = 300;
const MB = 1024 * 1024;

let dir: string;
let hook: string;
let template: string;
/** Peak of the 100,000-row CSV, for the 1,000,000-row one to compare with. */
let peak100k: number | null = null;

function report(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Writes a file from pieces, so that the bench process never holds it whole. */
function writePieces(path: string, pieces: Iterable<string | Uint8Array>): number {
  const fd = openSync(path, 'w');
  let size = 0;
  try {
    for (const piece of pieces) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      writeSync(fd, bytes);
      size += bytes.length;
    }
  } finally {
    closeSync(fd);
  }
  return size;
}

/** 16 MB with one field of doubled quotes (`"""…"`), then an ordinary row. */
function* quoteField(bytes: number): Generator<string> {
  yield 'Vorname;Nachname;Notiz\r\nAnna;Berg;"';
  const piece = '""'.repeat(MB / 2);
  for (let written = 0; written < bytes; written += piece.length) yield piece;
  yield '"\r\nOle;Lund;kurz\r\n';
}

/** 16 MB of rows whose note is 500 doubled quotes (`""""…`). */
function* quoteRows(bytes: number): Generator<string> {
  yield 'Vorname;Nachname;Firma;Notiz\r\n';
  const note = `"${'""'.repeat(500)}"`;
  let written = 0;
  for (let i = 0; written < bytes; i++) {
    let text = '';
    for (let k = 0; k < 1000; k++) text += `Anna;${nameOf(i * 1000 + k)};Berg AG;${note}\r\n`;
    written += text.length;
    yield text;
  }
}

/** Rows whose note field is exactly the CSV reader's longest field (1 MiB). */
function* longFields(rows: number): Generator<string> {
  yield 'Vorname;Nachname;Notiz\r\n';
  const note = 'Notiz '.repeat(MB / 6).padEnd(MB, '.');
  for (let i = 0; i < rows; i++) yield `Anna;${nameOf(i)};"${note}"\r\n`;
}

/** A folded base64 photo of about `bytes` characters (75-character lines). */
function photo(bytes: number): string {
  const base64 = Buffer.alloc((bytes * 3) / 4, 0x5a).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < base64.length; i += 74) lines.push(base64.slice(i, i + 74));
  return `PHOTO;ENCODING=b;TYPE=JPEG:${lines.join('\r\n ')}`;
}

/** Letters of distinct Kölner-Phonetik classes: the generated names never sound alike. */
const SOUNDS = ['b', 'd', 'f', 'g', 'l', 'm', 'r', 's'];

/** A name unique to `n` that no other `n` sounds like ("Abadafa…"), so rows are no duplicates. */
function nameOf(n: number): string {
  let name = 'A';
  let rest = n;
  do {
    name += `${SOUNDS[rest % 8]}a`;
    rest = Math.floor(rest / 8);
  } while (rest > 0);
  return name;
}

/**
 * A vCard 3.0 as a phone exports it, optionally with a photo. Every card is another person
 * unless `same` is set: then all are the same person, so that the dry run's duplicate index
 * stays small and the figure shows the reader alone.
 */
function card(n: number, picture: string | null, same = false): string {
  const i = same ? 0 : n;
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:Müller-${nameOf(i)};Jürgen;;Herr Dr.;`,
    `FN:Herr Dr. Jürgen Müller-${nameOf(i)}`,
    `ORG:Müller & Söhne ${i % 997} GmbH;Einkauf`,
    'TITLE:Geschäftsführer',
    `TEL;TYPE=WORK,VOICE:+49 711 ${String(2_000_000 + i)}`,
    `TEL;TYPE=CELL:+49 171 ${String(3_000_000 + i)}`,
    `EMAIL;TYPE=INTERNET,WORK:j.mueller${i}@mueller-${i % 997}.de`,
    `ADR;TYPE=WORK:;;Königstraße ${i % 200};Stuttgart;;70173;Deutschland`,
    `NOTE:Kontakt von der Messe\\, Rückruf erbeten (${i})`,
  ];
  if (picture !== null) lines.push(picture);
  lines.push('END:VCARD', '');
  return lines.join('\r\n');
}

function* vcards(count: number, picture: string | null, same = false): Generator<string> {
  for (let start = 0; start < count; start += 1000) {
    let text = '';
    for (let i = start; i < Math.min(count, start + 1000); i++) text += card(i, picture, same);
    yield text;
  }
}

/**
 * A workbook of `rows` rows whose 5 text cells are distinct shared strings; the note is
 * padded to `noteLength` characters.
 */
function sharedStringsWorkbook(rows: number, noteLength: number): Uint8Array {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const pkg = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const strings: string[] = ['Vorname', 'Nachname', 'Firma', 'E-Mail', 'Notiz'];
  const sheet: string[] = [
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>',
  ];
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    const base = strings.length;
    strings.push(
      'Jürgen',
      `Müller-${nameOf(i)}`,
      `Müller &amp; Söhne ${i} GmbH`,
      `j.mueller${i}@firma-${i}.de`,
      `Rückruf erbeten, Messe ${i} `.padEnd(noteLength, 'x'),
    );
    sheet.push(
      `<row r="${r}">${['A', 'B', 'C', 'D', 'E'].map((col, k) => `<c r="${col}${r}" t="s"><v>${base + k}</v></c>`).join('')}</row>`,
    );
  }
  const utf8 = (text: string) => Buffer.from(text, 'utf8');
  return zipSync(
    {
      '[Content_Types].xml': utf8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
      '_rels/.rels': utf8(
        `<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      'xl/workbook.xml': utf8(
        `<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Kontakte" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': utf8(
        `<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
      'xl/sharedStrings.xml': utf8(
        `<sst xmlns="${main}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
      ),
      'xl/worksheets/sheet1.xml': utf8(
        `<worksheet xmlns="${main}"><sheetData>${sheet.join('')}</sheetData></worksheet>`,
      ),
    },
    { level: 1 },
  );
}

type Measured = {
  maxRssMb: number;
  seconds: number;
  code: number | null;
  stdout: string;
  stderr: string;
};

/** Runs `cli import FILE --dry-run --json` in a fresh process and reads its peak RSS. */
async function dryRun(file: string, name: string): Promise<Measured> {
  const db = join(dir, `${name}.sqlite`);
  copyFileSync(template, db);
  const rssFile = join(dir, `${name}.rss`);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      pathToFileURL(hook).href,
      CLI,
      '--db',
      db,
      '--lang',
      'de',
      'import',
      file,
      '--dry-run',
      '--json',
    ],
    {
      env: { ...process.env, LEADWERK_HOME: join(dir, 'home'), LEADWERK_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const maxRssKb = Number(readFileSync(rssFile, 'utf8'));
  return {
    maxRssMb: Math.round(maxRssKb / 1024),
    seconds: (performance.now() - started) / 1000,
    code,
    stdout,
    stderr,
  };
}

function summaryOf(run: Measured): NonNullable<ImportJob['summary']> {
  if (run.code !== 0) throw new Error(`dry run failed (${run.code}): ${run.stderr}`);
  const job = JSON.parse(run.stdout) as ImportJob;
  if (job.summary === null) throw new Error(`no summary: ${run.stdout}`);
  return job.summary;
}

function line(name: string, size: number, run: Measured, outcome: string): void {
  const met = run.maxRssMb < RSS_TARGET_MB ? 'target met' : 'target MISSED';
  report(
    `bench import memory ${name} (${(size / MB).toFixed(1)} MB): peak RSS ${run.maxRssMb} MB (${met}, target < ${RSS_TARGET_MB} MB), ${run.seconds.toFixed(1)} s, ${outcome}`,
  );
}

beforeAll(() => {
  // Builds only when the output is older than the sources.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'run-built.mjs'), 'cli', '--help'], {
    cwd: ROOT,
    stdio: 'ignore',
    timeout: 300_000,
  });
  dir = mkdtempSync(join(tmpdir(), 'leadwerk-bench-memory-'));
  hook = join(dir, 'rss-hook.mjs');
  writeFileSync(
    hook,
    "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.LEADWERK_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
  );
  template = join(dir, 'template.sqlite');
  execFileSync(process.execPath, [CLI, '--db', template, 'init'], {
    env: { ...process.env, LEADWERK_HOME: join(dir, 'home') },
    stdio: 'ignore',
  });
}, 300_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('peak memory of a dry run per reader', () => {
  it('CSV: one 16 MB field of doubled quotes', async () => {
    const path = join(dir, 'quote-field.csv');
    const size = writePieces(path, quoteField(16 * MB));
    const run = await dryRun(path, 'quote-field');
    const summary = summaryOf(run);
    expect(summary.rows).toBe(2);
    expect(summary.issues.map((issue) => issue.code)).toContain('too_long');
    line(
      'CSV one field of 16 MB of quotes',
      size,
      run,
      `${summary.rows} rows, ${summary.invalid} invalid`,
    );
  });

  it('CSV: 16 MB of rows with quoted quotes', async () => {
    const path = join(dir, 'quote-rows.csv');
    const size = writePieces(path, quoteRows(16 * MB));
    const run = await dryRun(path, 'quote-rows');
    const summary = summaryOf(run);
    expect(summary.invalid).toBe(0);
    line('CSV 16 MB of rows of quotes', size, run, `${summary.rows} rows, ${summary.created} new`);
  });

  it('CSV: rows with a field at the longest field length', async () => {
    const path = join(dir, 'long-fields.csv');
    const size = writePieces(path, longFields(48));
    const run = await dryRun(path, 'long-fields');
    const summary = summaryOf(run);
    expect(summary).toMatchObject({ rows: 48, invalid: 48 });
    line('CSV 48 rows with a 1 MiB field each', size, run, `${summary.invalid} rows too long`);
  });

  it('CSV: a normal German Excel export of 100,000 rows', async () => {
    const path = join(dir, 'normal-100k.csv');
    writeGermanExcelCsv(path, 100_000);
    const size = readFileSync(path).length;
    const run = await dryRun(path, 'normal-100k');
    const summary = summaryOf(run);
    expect(summary).toMatchObject({ rows: 100_000, invalid: 0 });
    peak100k = run.maxRssMb;
    line('CSV 100,000 rows (German Excel)', size, run, `${summary.created} new`);
  });

  it('CSV: a normal German Excel export of 1,000,000 rows', async () => {
    const path = join(dir, 'normal-1m.csv');
    writeGermanExcelCsv(path, 1_000_000);
    const size = readFileSync(path).length;
    const run = await dryRun(path, 'normal-1m');
    const summary = summaryOf(run);
    expect(summary).toMatchObject({ rows: 1_000_000, invalid: 0 });
    // The earlier rows' duplicate keys live in a bounded index (and a temporary file).
    const growth =
      peak100k === null
        ? ''
        : `, ${run.maxRssMb - peak100k} MB more than 100,000 rows (target: flat)`;
    line('CSV 1,000,000 rows (German Excel)', size, run, `${summary.created} new${growth}`);
  });

  it('vCard: 46 MB of cards with photos', async () => {
    const path = join(dir, 'photos.vcf');
    const picture = photo(30_000);
    const count = Math.floor((46 * MB) / card(0, picture).length);
    const size = writePieces(path, vcards(count, picture));
    const run = await dryRun(path, 'photos');
    const summary = summaryOf(run);
    expect(summary).toMatchObject({ rows: count, invalid: 0 });
    line(`vCard ${count} cards with photos`, size, run, `${summary.rows} cards`);
  });

  it('vCard: 100,000 cards', async () => {
    const path = join(dir, 'cards.vcf');
    const size = writePieces(path, vcards(100_000, null));
    const run = await dryRun(path, 'cards');
    const summary = summaryOf(run);
    expect(summary).toMatchObject({ rows: 100_000, created: 100_000, invalid: 0 });
    line('vCard 100,000 cards, each another person', size, run, `${summary.created} new`);
  });

  it('vCard: 100,000 cards of one person (the reader alone)', async () => {
    const path = join(dir, 'same-cards.vcf');
    const size = writePieces(path, vcards(100_000, null, true));
    const run = await dryRun(path, 'same-cards');
    const summary = summaryOf(run);
    expect(summary).toMatchObject({ rows: 100_000, created: 1, invalid: 0 });
    line('vCard 100,000 cards of one person', size, run, `${summary.rows} cards`);
  });

  it('XLSX: 1,000,000 short shared strings', async () => {
    const path = join(dir, 'shared.xlsx');
    const rows = 200_000;
    const bytes = sharedStringsWorkbook(rows, 0);
    writeFileSync(path, bytes);
    const run = await dryRun(path, 'shared');
    const summary = summaryOf(run);
    expect(summary.rows).toBe(rows);
    line(`XLSX ${rows * 5} distinct shared strings`, bytes.length, run, `${summary.rows} rows`);
  });

  it('XLSX: a shared strings table just under its limit of bytes', async () => {
    const path = join(dir, 'shared-limit.xlsx');
    const rows = 20_000;
    // About 95 % of MAX_SHARED_STRING_BYTES; names and addresses take some 90 bytes a row.
    const noteLength = Math.floor((MAX_SHARED_STRING_BYTES * 0.95) / rows) - 90;
    const bytes = sharedStringsWorkbook(rows, noteLength);
    writeFileSync(path, bytes);
    const run = await dryRun(path, 'shared-limit');
    const summary = summaryOf(run);
    expect(summary).toMatchObject({ rows, invalid: 0 });
    line(
      `XLSX ${rows * 5} shared strings, ${Math.round((rows * (noteLength + 90)) / MB)} MB of text (limit ${MAX_SHARED_STRING_BYTES / MB} MB)`,
      bytes.length,
      run,
      `${summary.rows} rows`,
    );
  });
});
