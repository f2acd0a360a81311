import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/main/app';
import { createXlsxWriter } from '../../src/main/formats/xlsx-writer';
import { appWithDatabase, DAY, rawConnection, T0, tempDir, testApp } from './harness';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');
const VCARDS = join(import.meta.dirname, '../fixtures/shared/vcards');
const GERMAN_EXCEL = join(FIXTURES, 'german-excel-1252.csv');

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** A batch row as the import writes it; only what the lookup reads matters. */
function insertBatch(
  dbPath: string,
  row: {
    id: string;
    hash: string;
    status: string;
    startedAt: number;
    by: string | null;
    undoneAt?: number;
  },
): void {
  rawConnection(dbPath)
    .prepare(
      `INSERT INTO import_batches (id, file_name, file_path, file_size, content_hash, format,
         options, source_channel, status, started_at, started_by, heartbeat_at, undone_at)
       VALUES (?, ?, ?, 100, ?, 'csv', '{}', 'trade_fair', ?, ?, ?, ?, ?)`,
    )
    .run(
      row.id,
      `${row.id}.csv`,
      `/tmp/${row.id}.csv`,
      row.hash,
      row.status,
      row.startedAt,
      row.by,
      row.startedAt,
      row.undoneAt ?? null,
    );
}

describe('import.inspect', () => {
  it('describes a German Excel file: dialect, header, first rows and a suggested mapping', async () => {
    const t = await appWithDatabase();
    const inspection = await t.call('import.inspect', { path: GERMAN_EXCEL });
    expect(inspection).toMatchObject({
      path: GERMAN_EXCEL,
      fileName: 'german-excel-1252.csv',
      size: readFileSync(GERMAN_EXCEL).length,
      format: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      hasHeader: true,
      sheets: [],
      sheet: null,
      presetId: null,
      contentHash: sha256(GERMAN_EXCEL),
      previousImport: null,
    });
    expect(inspection.headers).toHaveLength(16);
    expect(inspection.sampleRows).toHaveLength(10);
    expect(inspection.sampleRows[0]?.slice(2, 5)).toEqual([
      'Jürgen',
      'Müller',
      'Müller & Söhne GmbH & Co. KG',
    ]);
    expect(inspection.suggestedMapping).toMatchObject({
      Vorname: 'firstName',
      Nachname: 'lastName',
      Firma: 'companyName',
      'E-Mail': 'email',
      PLZ: 'postalCode',
      Ort: 'city',
    });
  });

  it('shows at most ten rows, each with one cell per column', async () => {
    const t = await appWithDatabase();
    const lines = Array.from({ length: 25 }, (_, i) =>
      i % 2 === 0 ? `Anna${i};Berg;Ulm` : `Ole${i};Lund`,
    );
    const path = join(t.dir, 'kurz.csv');
    writeFileSync(path, ['Vorname;Nachname;Ort', ...lines].join('\n'));
    const inspection = await t.call('import.inspect', { path });
    expect(inspection.sampleRows).toHaveLength(10);
    expect(inspection.sampleRows[1]).toEqual(['Ole1', 'Lund', '']);
  });

  it('recognises an Outlook export and a vCard file by their presets', async () => {
    const t = await appWithDatabase();
    const outlook = await t.call('import.inspect', { path: join(FIXTURES, 'outlook-de.csv') });
    expect(outlook).toMatchObject({
      presetId: 'outlook_de',
      delimiter: ',',
      encoding: 'windows-1252',
    });
    expect(outlook.suggestedMapping).toMatchObject({
      Vorname: 'firstName',
      Nachname: 'lastName',
      Firma: 'companyName',
    });
    const english = await t.call('import.inspect', { path: join(FIXTURES, 'outlook-en.csv') });
    expect(english.presetId).toBe('outlook_en');
    expect(english.suggestedMapping).toMatchObject({
      'First Name': 'firstName',
      Company: 'companyName',
    });

    const vcard = await t.call('import.inspect', { path: join(VCARDS, 'gmail-list.vcf') });
    expect(vcard).toMatchObject({ format: 'vcard', presetId: 'vcard', encoding: 'utf-8' });
    expect(vcard.sampleRows).toHaveLength(3);
    expect(vcard.suggestedMapping).toMatchObject({ Vorname: 'firstName', Nachname: 'lastName' });
  });

  it('applies the encoding, delimiter and header row the user chose', async () => {
    const t = await appWithDatabase();
    const detected = await t.call('import.inspect', { path: GERMAN_EXCEL });
    expect(detected.sampleRows[0]?.[2]).toBe('Jürgen');

    const chosen = await t.call('import.inspect', {
      path: GERMAN_EXCEL,
      encoding: 'utf-8',
      delimiter: ',',
      hasHeader: false,
    });
    expect(chosen).toMatchObject({ encoding: 'utf-8', delimiter: ',', hasHeader: false });
    expect(chosen.headers[0]).toBe('A');
    expect(chosen.sampleRows[0]?.[0]).toContain('Anrede;Titel;Vorname');
    expect(chosen.sampleRows[1]?.[0]).toContain('J\uFFFDrgen');
  });

  it('reads the chosen sheet of a workbook and names a missing one', async () => {
    const t = await appWithDatabase();
    const path = join(t.dir, 'messe.xlsx');
    const writer = createXlsxWriter(createWriteStream(path), 'Messe 2026');
    writer.addRow(['Vorname', 'Nachname', 'E-Mail']);
    writer.addRow(['Anna', 'Berg', 'anna@berg.de']);
    await writer.close();
    const inspection = await t.call('import.inspect', { path, sheet: 'Messe 2026' });
    expect(inspection).toMatchObject({
      format: 'xlsx',
      sheets: ['Messe 2026'],
      sheet: 'Messe 2026',
      encoding: null,
      delimiter: null,
      sampleRows: [['Anna', 'Berg', 'anna@berg.de']],
    });
    const error = await t.fail('import.inspect', { path, sheet: 'Tabelle1' });
    expect(error).toMatchObject({ code: 'FILE_UNREADABLE', key: 'importErrors.noSheet' });
    expect(error.message).toBe(
      'Die Excel-Datei „messe.xlsx“ hat kein Tabellenblatt „Tabelle1“. Bitte ein anderes Blatt wählen.',
    );
  });

  it('warns about the latest import of the same bytes that was not undone', async () => {
    const t = await appWithDatabase();
    const hash = sha256(GERMAN_EXCEL);
    insertBatch(t.path, {
      id: 'b-undone',
      hash,
      status: 'undone',
      startedAt: T0 + 3 * DAY,
      by: t.user.id,
      undoneAt: T0 + 4 * DAY,
    });
    insertBatch(t.path, {
      id: 'b-failed',
      hash,
      status: 'failed',
      startedAt: T0 + 2 * DAY,
      by: t.user.id,
    });
    insertBatch(t.path, {
      id: 'b-other',
      hash: 'f'.repeat(64),
      status: 'done',
      startedAt: T0 + 5 * DAY,
      by: t.user.id,
    });
    expect((await t.call('import.inspect', { path: GERMAN_EXCEL })).previousImport).toBeNull();

    insertBatch(t.path, { id: 'b-old', hash, status: 'done', startedAt: T0, by: null });
    insertBatch(t.path, { id: 'b-done', hash, status: 'done', startedAt: T0 + DAY, by: t.user.id });
    const inspection = await t.call('import.inspect', { path: GERMAN_EXCEL });
    expect(inspection.previousImport).toEqual({
      batchId: 'b-done',
      fileName: 'b-done.csv',
      importedAt: T0 + DAY,
      userName: 'Sabine Vogt',
    });

    // A batch still running (or interrupted) has its leads pending: importing again repeats it.
    insertBatch(t.path, {
      id: 'b-running',
      hash,
      status: 'running',
      startedAt: T0 + 2 * DAY,
      by: null,
    });
    expect((await t.call('import.inspect', { path: GERMAN_EXCEL })).previousImport).toMatchObject({
      batchId: 'b-running',
      userName: null,
    });
  });

  it('explains in the user’s language why a file cannot be imported', async () => {
    const t = await appWithDatabase();
    const missing = await t.fail('import.inspect', { path: join(t.dir, 'weg.csv') });
    expect(missing).toMatchObject({
      code: 'FILE_UNREADABLE',
      key: 'importErrors.missing',
      params: { file: 'weg.csv' },
    });
    expect(missing.message).toContain('„weg.csv“');
    const binary = await t.fail('import.inspect', { path: join(FIXTURES, 'binary.csv') });
    expect(binary.message).toBe(
      '„binary.csv“ endet auf .csv, ist aber in Wirklichkeit eine PNG-Datei. Bitte die richtige Datei wählen oder die Daten in Excel als „CSV UTF-8“ oder „Excel-Arbeitsmappe“ speichern.',
    );
    const headerOnly = await t.fail('import.inspect', { path: join(FIXTURES, 'header-only.csv') });
    expect(headerOnly.key).toBe('importErrors.headerOnly');

    await t.call('app.setLanguage', { language: 'en' });
    const empty = await t.fail('import.inspect', { path: join(FIXTURES, 'empty.csv') });
    expect(empty.message).toBe('“empty.csv” is empty: there is nothing to import.');
  });

  it('needs an open database', async () => {
    const t = testApp({ configDir: join(tempDir(), 'config') });
    expect((await t.fail('import.inspect', { path: GERMAN_EXCEL })).code).toBe('NO_DATABASE');
  });
});

describe('files.pick', () => {
  it('asks the host’s dialog for the purpose, suggesting the name', async () => {
    const asked: unknown[][] = [];
    const existing = join(tempDir(), 'ausgelassen.csv');
    writeFileSync(existing, 'alt');
    const app = createApp({
      host: {
        kind: 'test',
        emit: () => undefined,
        pickPath: async (purpose, defaultName) => {
          asked.push([purpose, defaultName]);
          if (purpose === 'rejected') return existing;
          return purpose === 'import' ? '/daten/messe.csv' : null;
        },
      },
      configDir: join(tempDir(), 'config'),
    });
    try {
      expect(await app.dispatch('files.pick', { purpose: 'import' })).toEqual({
        ok: true,
        value: { path: '/daten/messe.csv', replaceConfirmed: false },
      });
      expect(
        await app.dispatch('files.pick', { purpose: 'export-xlsx', defaultName: 'Leads.xlsx' }),
      ).toEqual({ ok: true, value: { path: null, replaceConfirmed: false } });
      // The save dialog returned an existing file: it asked whether to replace it.
      expect(await app.dispatch('files.pick', { purpose: 'rejected' })).toEqual({
        ok: true,
        value: { path: existing, replaceConfirmed: true },
      });
      expect(asked).toEqual([
        ['import', undefined],
        ['export-xlsx', 'Leads.xlsx'],
        ['rejected', undefined],
      ]);
    } finally {
      await app.close();
    }
  });

  it('is unsupported where the host has no file dialog', async () => {
    const t = await appWithDatabase();
    expect((await t.fail('files.pick', { purpose: 'import' })).code).toBe('UNSUPPORTED');
  });
});
