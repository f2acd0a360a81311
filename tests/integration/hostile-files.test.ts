import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  closeSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { deflateSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '@core/i18n';
import type { Language } from '@core/ipc/contract';
import type { ImportJob, ImportSummary } from '@core/ipc/import-schemas';
import type { AppErrorData } from '@core/ipc/result';
import { createApp } from '../../src/main/app';
import type { LeadwerkApp } from '../../src/main/host';
import { T0 } from './harness';

/**
 * Hostile import files: each is generated here (no big binaries in git), then inspected and
 * dry-run through `dispatch` like the wizard does. Every one must end in a clear message in
 * the user's language (FILE_UNREADABLE with a text of its own, never INTERNAL and never a
 * placeholder) or in a sensible result, without a crash or a hang, and the database file
 * stays byte for byte the same. Memory per reader is measured by `npm run bench`.
 */

type Outcome = {
  /** The inspection's error, or null when the file could be inspected. */
  inspectError: AppErrorData | null;
  headers: string[];
  /** The dry run (only after a successful inspection). */
  job: ImportJob | null;
};

let root: string;
let dbPath: string;
let dbHash: string;
let app: LeadwerkApp;
let fileCount = 0;
const attacked: string[] = [];

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A new folder for one hostile file. */
function folder(): string {
  const path = join(root, `f${++fileCount}`);
  mkdirSync(path);
  return path;
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(folder(), name);
  writeFileSync(path, content);
  return path;
}

async function call<T>(target: LeadwerkApp, channel: string, input: unknown): Promise<T> {
  const result = await target.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** No message may show a placeholder, an English fallback in German, or a stack trace. */
function expectClearMessage(message: string, language: Language): void {
  expect(message).not.toMatch(/\{\{|\}\}|\n\s+at |Error:|undefined|NaN/);
  expect(message.length).toBeGreaterThan(20);
  if (language === 'de') expect(message).toMatch(/[„“]|Datei|Bitte|nicht/);
}

/** Every row issue of a summary renders to a clear text, too. */
function expectClearIssues(summary: ImportSummary, language: Language): void {
  for (const issue of summary.issues) {
    const text = translate(language, `importIssues.${issue.code}`, {
      value: issue.value,
      column: issue.column ?? '',
    });
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(issue.value.length).toBeLessThanOrEqual(100);
  }
}

/** Inspects `path` and, when that works, dry-runs it with the suggested mapping. */
async function attack(
  path: string,
  options: Record<string, unknown> = {},
  target = app,
  language: Language = 'de',
): Promise<Outcome> {
  attacked.push(path);
  const inspected = await target.dispatch('import.inspect', { path, ...options });
  if (!inspected.ok) {
    expect(inspected.error.code).not.toBe('INTERNAL');
    expectClearMessage(inspected.error.message, language);
    return { inspectError: inspected.error, headers: [], job: null };
  }
  const inspection = inspected.value as {
    headers: string[];
    hasHeader: boolean;
    suggestedMapping: Record<string, string | null>;
  };
  // As the wizard does: what the inspection found, with the suggested mapping.
  let job = await call<ImportJob>(target, 'import.start', {
    path,
    dryRun: true,
    options: {
      ...options,
      hasHeader: inspection.hasHeader,
      mapping: inspection.suggestedMapping,
      sourceChannel: 'other',
    },
  });
  while (job.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 5));
    job = await call<ImportJob>(target, 'import.status', { jobId: job.jobId });
  }
  expect(['done', 'failed']).toContain(job.status);
  if (job.status === 'failed') {
    expect(job.error?.code).not.toBe('INTERNAL');
    expectClearMessage(job.error?.message ?? '', language);
  } else {
    expectClearIssues(job.summary as ImportSummary, language);
  }
  return { inspectError: null, headers: inspection.headers, job };
}

/** The inspection must fail with this text. */
async function refused(path: string, key: string, options: Record<string, unknown> = {}) {
  const outcome = await attack(path, options);
  expect(outcome.inspectError?.key, outcome.job?.error?.message).toBe(`importErrors.${key}`);
  expect(outcome.inspectError?.code).toBe('FILE_UNREADABLE');
  return outcome.inspectError as AppErrorData;
}

/** The dry run must complete; returns its summary. */
async function completes(path: string, options: Record<string, unknown> = {}) {
  const outcome = await attack(path, options);
  expect(outcome.inspectError?.message ?? null).toBeNull();
  expect(outcome.job?.error ?? null).toBeNull();
  return { summary: outcome.job?.summary as ImportSummary, headers: outcome.headers };
}

/** Windows-1252 / UTF-8 bytes. */
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))),
  );

// ---------------------------------------------------------------- zip building

type ZipPart = {
  name: string;
  data: Uint8Array;
  /** Stored (0) or deflated (8, default). */
  method?: number;
  /** Overrides what the directory says: a lying size or CRC. */
  size?: number;
  crc?: number;
  flags?: number;
};

/** A zip written by hand, so that its sizes, CRCs and flags can lie. */
function zip(parts: ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const method = part.method ?? 8;
    const body = method === 8 ? Buffer.from(deflateSync(part.data)) : Buffer.from(part.data);
    const name = Buffer.from(part.name, 'utf8');
    const crc = part.crc ?? crc32(part.data);
    const size = part.size ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** The parts of a one-sheet workbook; `sheet` is the XML inside `<sheetData>`. */
function workbookParts(options: {
  sheet: string;
  shared?: string | null;
  prolog?: string;
  sheetPart?: ZipPart | null;
  sheetTarget?: string;
}): ZipPart[] {
  const parts: ZipPart[] = [
    {
      name: '_rels/.rels',
      data: utf8(
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: utf8(
        `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Kontakte" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: utf8(
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="${options.sheetTarget ?? 'worksheets/sheet1.xml'}"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
  ];
  if (options.shared !== undefined && options.shared !== null) {
    parts.push({
      name: 'xl/sharedStrings.xml',
      data: utf8(`${options.prolog ?? ''}<sst xmlns="${MAIN}">${options.shared}</sst>`),
    });
  }
  const sheetPart = options.sheetPart ?? {
    name: 'xl/worksheets/sheet1.xml',
    data: utf8(
      `${options.prolog ?? ''}<worksheet xmlns="${MAIN}"><sheetData>${options.sheet}</sheetData></worksheet>`,
    ),
  };
  if (options.sheetPart !== null) parts.push(sheetPart);
  return parts;
}

/** A row of inline-string cells. */
function inlineRow(r: number, cells: string[]): string {
  const refs = cells.map(
    (text, i) =>
      `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${text}</t></is></c>`,
  );
  return `<row r="${r}">${refs.join('')}</row>`;
}

const HEADER_ROW = inlineRow(1, ['Vorname', 'Nachname', 'E-Mail']);
const DATA_ROW = inlineRow(2, ['Anna', 'Berg', 'anna@berg.de']);

// ---------------------------------------------------------------- vCards

const vcard = (...lines: string[]) =>
  ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''].join('\r\n');
const fold = (text: string) => text.match(/.{1,74}/g)?.join('\r\n ') ?? '';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'leadwerk-hostile-'));
  dbPath = join(root, 'team.sqlite');
  app = createApp({
    host: { kind: 'test', emit: () => undefined },
    configDir: join(root, 'config'),
    now: () => T0,
    busyTimeoutMs: 200,
    language: 'de',
  });
  await call(app, 'database.create', { path: dbPath });
  await call(app, 'users.create', { name: 'Sabine Vogt' });
  await call(app, 'leads.create', {
    fields: { firstName: 'Bestand', lastName: 'Kundin', email: 'bestand@kundin.de' },
  });
  dbHash = sha256(dbPath);
});

afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
  process.stdout.write(
    `hostile import files: ${new Set(attacked).size} files, ${attacked.length} inspections and dry runs\n`,
  );
});

describe('hostile CSV and text files', () => {
  it('an empty file, only a BOM, only blank lines', async () => {
    await refused(file('leer.csv', ''), 'empty');
    await refused(file('bom.csv', bytes([0xef, 0xbb, 0xbf])), 'empty');
    await refused(file('blank.csv', bytes([0xef, 0xbb, 0xbf], ' \r\n\r\n\t\r\n')), 'empty');
  });

  it('NUL bytes in the text', async () => {
    await refused(
      file('nul.csv', bytes('Vorname;Nachname\r\nAnna', [0, 0, 0], ';Berg\r\n')),
      'binary',
    );
  });

  it('invalid UTF-8 in the header, in a row, in the last byte and across the 64 KiB boundary', async () => {
    const broken = [
      [0xc3, 0x28],
      [0xff],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
    ];
    for (const sequence of broken) {
      const header = await completes(
        file('kopf.csv', bytes('Vorname;Nach', sequence, 'name\r\nAnna;Berg\r\n')),
      );
      expect(header.summary.rows).toBe(1);
      const row = await completes(
        file('zeile.csv', bytes('Vorname;Nachname\r\nAnna;B', sequence, 'erg\r\nOle;Lund\r\n')),
      );
      expect(row.summary).toMatchObject({ rows: 2, invalid: 0 });
    }
    const last = await completes(
      file('ende.csv', bytes('Vorname;Nachname\r\nAnna;Berg', [0xe2, 0x82])),
    );
    expect(last.summary.rows).toBe(1);
    // ASCII up to the chunk boundary, then a two-byte sequence cut by it and broken after it.
    const filler = 'Vorname;Nachname\r\n' + 'Anna;Berg\r\n'.repeat(6000);
    const boundary = await completes(
      file(
        'grenze.csv',
        bytes(filler.slice(0, 65_535), [0xc3], [0x41], filler.slice(65_535), 'Ole;Lund\r\n'),
      ),
    );
    expect(boundary.summary.rows).toBeGreaterThan(5000);
  });

  it('UTF-16 without a BOM: refused as binary, readable once the encoding is chosen', async () => {
    const path = file(
      'unicode.txt',
      Buffer.from('Vorname\tNachname\r\nÄnne\tSchäfer\r\n', 'utf16le'),
    );
    await refused(path, 'binary');
    const chosen = await completes(path, { encoding: 'utf-16le' });
    expect(chosen.headers).toEqual(['Vorname', 'Nachname']);
    expect(chosen.summary.rows).toBe(1);
  });

  it('a 10 MB line without a line break', async () => {
    // One value, no header: a row in column A, cut at the longest field and reported.
    const { summary, headers } = await completes(file('zeile.csv', 'x'.repeat(10 * 1024 * 1024)));
    expect(headers).toEqual(['A']);
    expect(summary).toMatchObject({ rows: 1, invalid: 1 });
    expect(summary.issues.find((issue) => issue.code === 'too_long')?.column).toBe('A');
  });

  it('a field of only quotes, and a quote that never closes from the first byte', async () => {
    const quotes = await completes(
      file(
        'quotes.csv',
        `Vorname;Nachname;Notiz\r\nAnna;Berg;"${'""'.repeat(1_500_000)}"\r\nOle;Lund;x\r\n`,
      ),
    );
    expect(quotes.summary).toMatchObject({ rows: 2, invalid: 1 });
    expect(quotes.summary.issues.find((issue) => issue.code === 'too_long')?.column).toBe('Notiz');
    await refused(
      file('offen.csv', '"Vorname;Nachname\r\nAnna;Berg\r\nOle;Lund\r\n'),
      'headerOnly',
    );
  });

  it('100,000 columns, and 10,000 columns of the same name', async () => {
    const wide = Array.from({ length: 100_000 }, (_, i) => `Spalte${i}`).join(';');
    await refused(file('breit.csv', `${wide}\r\n${wide}\r\n`), 'tooManyColumns');
    const same = Array.from({ length: 10_000 }, () => 'E-Mail').join(';');
    await refused(file('gleich.csv', `${same}\r\n${same}\r\n`), 'tooManyColumns');
    // At the limit the names are made unique, quickly.
    const thousand = ['Nachname', ...Array.from({ length: 999 }, () => 'E-Mail')].join(';');
    const ok = await completes(file('tausend.csv', `${thousand}\r\nBerg;anna@berg.de\r\n`));
    expect(ok.headers).toHaveLength(1000);
    expect(new Set(ok.headers).size).toBe(1000);
  });

  it('formula payloads in names, notes and headers are kept as text with a warning', async () => {
    const { summary } = await completes(
      file(
        'formeln.csv',
        [
          "Vorname;Nachname;Firma;Notizen;=cmd|' /C calc'!A0",
          `=HYPERLINK("http://x");@SUM(A1);+1+1;-2+3;x`,
          `Anna;Berg;"=cmd|' /C calc'!A0";"=1+1";y`,
        ].join('\r\n'),
      ),
    );
    expect(summary.invalid).toBe(0);
    expect(summary.issues.some((issue) => issue.code === 'formula_kept')).toBe(true);
  });

  it('a PDF, a PNG and a Word document renamed to .csv', async () => {
    const pdf = await refused(
      file('leads.csv', '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n'),
      'renamed',
    );
    expect(pdf.params).toMatchObject({ kind: 'PDF' });
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR');
    expect((await refused(file('bild.csv', png), 'renamed')).params).toMatchObject({ kind: 'PNG' });
    const docx = zip([
      { name: '[Content_Types].xml', data: utf8('<Types/>') },
      { name: 'word/document.xml', data: utf8('<w:document/>') },
    ]);
    expect((await refused(file('brief.csv', docx), 'renamed')).params).toMatchObject({
      kind: 'ZIP',
    });
    const odt = zip([
      { name: 'mimetype', data: utf8('application/vnd.oasis.opendocument.text'), method: 0 },
      { name: 'content.xml', data: utf8('<office:document-content/>') },
    ]);
    await refused(file('text.xlsx', odt), 'unreadable');
  });
});

describe('hostile workbooks', () => {
  const workbook = (name: string, parts: ZipPart[]) => file(name, zip(parts));

  it('a zip bomb: a sheet that inflates a thousand times beyond 64 MB', async () => {
    const spaces = new Uint8Array(80 * 1024 * 1024).fill(0x20);
    const sheet = Buffer.concat([
      utf8(`<worksheet xmlns="${MAIN}"><sheetData>`),
      spaces,
      utf8('</sheetData></worksheet>'),
    ]);
    const parts = workbookParts({
      sheet: '',
      sheetPart: { name: 'xl/worksheets/sheet1.xml', data: sheet },
    });
    const error = await refused(workbook('bombe.xlsx', parts), 'xlsxTooLarge');
    expect(error.params).toMatchObject({ max: 1024 });
  });

  it('a sheet that inflates far beyond the size its directory states', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) =>
      inlineRow(i + 2, ['Anna', `Berg${i}`, 'a@b.de']),
    ).join('');
    const data = utf8(
      `<worksheet xmlns="${MAIN}"><sheetData>${HEADER_ROW}${rows}</sheetData></worksheet>`,
    );
    const parts = workbookParts({
      sheet: '',
      sheetPart: { name: 'xl/worksheets/sheet1.xml', data, size: 1000 },
    });
    const outcome = await attack(workbook('luegt.xlsx', parts));
    const error = outcome.inspectError ?? outcome.job?.error;
    expect(error?.key).toBe('importErrors.unreadable');
  });

  it('billion laughs and an external entity stay literal text', async () => {
    const prolog =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
    const parts = workbookParts({
      prolog,
      shared: '<si><t>&lol3;</t></si><si><t>&xxe;</t></si>',
      sheet: `${HEADER_ROW}<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="inlineStr"><is><t>a@b.de</t></is></c></row>`,
    });
    const { summary } = await completes(workbook('lachen.xlsx', parts));
    expect(summary.rows).toBe(1);
    expect(JSON.stringify(summary)).not.toContain('root:');
    expect(summary.preview[0]?.lead).toMatchObject({ firstName: '&lol3;', lastName: '&xxe;' });
  });

  it('shared string indexes out of range, negative and not numbers', async () => {
    const parts = workbookParts({
      shared: '<si><t>Berg</t></si>',
      sheet: `${HEADER_ROW}<row r="2"><c r="A2" t="s"><v>999999</v></c><c r="B2" t="s"><v>0</v></c></row><row r="3"><c r="A3" t="s"><v>-1</v></c><c r="B3" t="s"><v>abc</v></c><c r="C3" t="s"><v>1e400</v></c></row>`,
    });
    const { summary } = await completes(workbook('index.xlsx', parts));
    // Unknown indexes read as empty cells: row 3 is blank, row 2 a lead without first name.
    expect(summary).toMatchObject({ rows: 1, invalid: 0 });
    expect(summary.preview[0]?.lead).toMatchObject({ firstName: '', lastName: 'Berg' });
  });

  it('a sheet the workbook names but the zip lacks', async () => {
    await refused(
      workbook('ohne-blatt.xlsx', workbookParts({ sheet: '', sheetPart: null })),
      'noSheets',
    );
  });

  it('a truncated zip, a broken CRC, an encrypted entry and a column beyond XFD', async () => {
    const good = zip(workbookParts({ sheet: HEADER_ROW + DATA_ROW }));
    await refused(file('halb.xlsx', good.subarray(0, Math.floor(good.length / 2))), 'unreadable');
    const crcParts = workbookParts({ sheet: HEADER_ROW + DATA_ROW });
    const sheet = crcParts.at(-1) as ZipPart;
    sheet.crc = 0x12345678;
    const crc = await attack(workbook('crc.xlsx', crcParts));
    expect((crc.inspectError ?? crc.job?.error)?.key).toBe('importErrors.unreadable');
    const locked = workbookParts({ sheet: HEADER_ROW + DATA_ROW });
    (locked.at(-1) as ZipPart).flags = 1;
    await refused(workbook('kennwort.xlsx', locked), 'unreadable');
    const wide = workbookParts({
      sheet: `${HEADER_ROW}<row r="2"><c r="XFE2" t="inlineStr"><is><t>x</t></is></c></row>`,
    });
    await refused(workbook('xfe.xlsx', wide), 'unreadable');
  });

  it('a shared strings table beyond its limit is refused with its own text', async () => {
    const shared = '<si/>'.repeat(2_000_001);
    const parts = workbookParts({ shared, sheet: HEADER_ROW + DATA_ROW });
    const error = await refused(workbook('texte.xlsx', parts), 'xlsxTooManyTexts');
    expect(error.message).toContain('CSV UTF-8');
  });

  it('a cell of 2 MB of text is cut and its row reported', async () => {
    const long = 'x'.repeat(2 * 1024 * 1024);
    const parts = workbookParts({
      sheet: `${inlineRow(1, ['Vorname', 'Nachname', 'Notiz'])}${inlineRow(2, ['Anna', 'Berg', long])}${inlineRow(3, ['Ole', 'Lund', 'kurz'])}`,
    });
    const { summary } = await completes(workbook('lang.xlsx', parts));
    expect(summary).toMatchObject({ rows: 2, invalid: 1 });
    expect(summary.issues[0]).toMatchObject({ code: 'too_long', column: 'Notiz', row: 2 });
  });

  it('a tag that never ends', async () => {
    const parts = workbookParts({
      sheet: `${HEADER_ROW}<row r="2"><c r="A2" t="${'x'.repeat(2 * 1024 * 1024)}`,
    });
    const outcome = await attack(workbook('tag.xlsx', parts));
    expect((outcome.inspectError ?? outcome.job?.error)?.key).toBe('importErrors.unreadable');
  });
});

describe('hostile vCards', () => {
  it('a folded line of 1 MB', async () => {
    const note = 'Rückruf erbeten. '.repeat(64 * 1024);
    const { summary } = await completes(
      file('lang.vcf', vcard('N:Berg;Anna;;;', `NOTE:${fold(note)}`) + vcard('N:Lund;Ole;;;')),
    );
    expect(summary).toMatchObject({ rows: 2, invalid: 1 });
    expect(summary.issues.find((issue) => issue.code === 'too_long')?.column).toBe('Notizen');
  });

  it('a nested BEGIN, broken quoted-printable escapes and an unknown charset', async () => {
    const text = [
      'BEGIN:VCARD',
      'N:Außen;Anna;;;',
      vcard(
        'N;ENCODING=QUOTED-PRINTABLE;CHARSET=gibt-es-nicht:M=C3=BCller;J=ZZrgen=4',
        'NOTE;ENCODING=QUOTED-PRINTABLE:=XY=3',
      ),
      'END:VCARD',
    ].join('\r\n');
    const { summary } = await completes(file('verschachtelt.vcf', text));
    expect(summary.rows).toBe(1);
    expect(summary.preview[0]?.lead).toMatchObject({ lastName: 'Müller' });
  });

  it('a photo of 10 MB of base64 is skipped and the card read', async () => {
    const photo = Buffer.alloc(7.5 * 1024 * 1024, 7).toString('base64');
    const { summary } = await completes(
      file(
        'foto.vcf',
        vcard('N:Berg;Anna;;;', 'EMAIL:anna@berg.de', `PHOTO;ENCODING=b;TYPE=JPEG:${fold(photo)}`),
      ),
    );
    expect(summary).toMatchObject({ rows: 1, invalid: 0, created: 1 });
  });

  it('a vCard file over the size limit, and one without a readable card', async () => {
    const path = join(folder(), 'riesig.vcf');
    const fd = openSync(path, 'w');
    writeSync(fd, vcard('N:Berg;Anna;;;').repeat(2000));
    ftruncateSync(fd, 51 * 1024 * 1024);
    closeSync(fd);
    await refused(path, 'tooLarge');
    await refused(
      file('leer.vcf', 'BEGIN:VCARD\r\nTEL:0301234567\r\nEND:VCARD\r\nBEGIN:VCARD\r\n'),
      'noCards',
    );
  });
});

describe('hostile paths', () => {
  it('a folder, a device, random bytes and a pipe: refused without reading or waiting', async () => {
    await refused(folder(), 'folder');
    await refused('/dev/zero', 'special');
    await refused('/dev/urandom', 'special');
    const fifo = join(folder(), 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    await refused(fifo, 'special');
  });

  it('a symlink loop, a dangling link and a path too long for the system', async () => {
    const dir = folder();
    symlinkSync(join(dir, 'b.csv'), join(dir, 'a.csv'));
    symlinkSync(join(dir, 'a.csv'), join(dir, 'b.csv'));
    await refused(join(dir, 'a.csv'), 'badPath');
    symlinkSync(join(dir, 'fehlt.csv'), join(dir, 'haengt.csv'));
    await refused(join(dir, 'haengt.csv'), 'missing');
    // Too long for the file system; the contract may refuse it before (VALIDATION).
    const outcome = await attack(join(dir, `${'tief/'.repeat(1000)}leads.csv`));
    expect(['importErrors.badPath', 'errors.VALIDATION']).toContain(outcome.inspectError?.key);
    // Deep but legal: 30 folders of 100 characters.
    let deep = folder();
    for (let i = 0; i < 30; i++) deep = join(deep, `${'o'.repeat(99)}${i % 10}`);
    mkdirSync(deep, { recursive: true });
    const legal = join(deep, 'leads.csv');
    writeFileSync(legal, 'Vorname;Nachname\r\nAnna;Berg\r\n');
    expect((await completes(legal)).summary.rows).toBe(1);
  });

  it('a file that keeps growing while it is read ends at the size it had', async () => {
    const path = file(
      'waechst.csv',
      `Vorname;Nachname;E-Mail\r\n${'Anna;Berg;anna@berg.de\r\n'.repeat(20_000)}`,
    );
    const writer = setInterval(
      () => appendFileSync(path, 'Ole;Lund;ole@lund.de\r\n'.repeat(2000)),
      1,
    );
    try {
      const { summary } = await completes(path);
      expect(summary.rows).toBeGreaterThanOrEqual(20_000);
    } finally {
      clearInterval(writer);
    }
  });

  it('a file replaced by another between inspection and dry run', async () => {
    const path = file('getauscht.csv', 'Vorname;Nachname\r\nAnna;Berg\r\n');
    const inspected = await call<{ suggestedMapping: Record<string, string | null> }>(
      app,
      'import.inspect',
      {
        path,
      },
    );
    writeFileSync(path, bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const started = await app.dispatch('import.start', {
      path,
      dryRun: true,
      options: { mapping: inspected.suggestedMapping, sourceChannel: 'other' },
    });
    attacked.push(path);
    expect(started.ok).toBe(false);
    if (!started.ok) {
      expect(started.error.key).toBe('importErrors.renamed');
      expectClearMessage(started.error.message, 'de');
    }
  });

  it('says the same in English', async () => {
    const english = createApp({
      host: { kind: 'test', emit: () => undefined },
      configDir: join(root, 'config-en'),
      now: () => T0,
      language: 'en',
    });
    try {
      await call(english, 'database.open', { path: dbPath });
      const outcome = await attack('/dev/zero', {}, english, 'en');
      expect(outcome.inspectError?.message).toContain('not an ordinary file');
      const bomb = await attack(file('leer.csv', ''), {}, english, 'en');
      expect(bomb.inspectError?.message).toContain('is empty');
    } finally {
      await english.close();
    }
  });
});

describe('after all hostile files', () => {
  it('the database is unchanged, byte for byte', async () => {
    expect(new Set(attacked).size).toBeGreaterThanOrEqual(31);
    expect((await call<{ total: number }>(app, 'leads.list', { filters: {} })).total).toBe(1);
    expect(await call<unknown[]>(app, 'imports.list', {})).toEqual([]);
    expect(sha256(dbPath)).toBe(dbHash);
  });
});
