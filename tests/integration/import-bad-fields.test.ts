import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJob } from '@core/ipc/import-schemas';
import { runCli } from '../../src/main/cli/run';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/db/migrations';
import { appWithDatabase, rawConnection, tempDir, testApp, type TestApp } from './harness';
import { runImport, SHARED_FIXTURES, summaryOf } from './import-harness';

/** Hand-written exports with the oddities of Lotus Notes and Outlook 2003 (see its README). */
const ADDRESS_BOOKS = join(import.meta.dirname, '..', 'fixtures', 'address-books');
const book = (name: string) => join(ADDRESS_BOOKS, name);

async function leadByName(t: TestApp, lastName: string) {
  const { rows } = await t.call('leads.list', { filters: {}, limit: 500 });
  const found = rows.find((row) => row.lastName === lastName);
  if (found === undefined) throw new Error(`no lead ${lastName}`);
  return (await t.call('leads.get', { id: found.id })).lead;
}

const lotusMapping = {
  FirstName: 'firstName',
  LastName: 'lastName',
  CompanyName: 'companyName',
  JobTitle: 'jobTitle',
  OfficePhoneNumber: 'phone',
  CellPhoneNumber: 'mobile',
  MailAddress: 'email',
} as const;

describe('no contact lost over one bad field', () => {
  it('imports every contact of real vCard exports; only a card without name and route is left out', async () => {
    const t = await appWithDatabase();
    const files = [
      ...readdirSync(join(SHARED_FIXTURES, 'vcards')).map((name) =>
        join(SHARED_FIXTURES, 'vcards', name),
      ),
      book('lotus-notes.vcf'),
      book('outlook-2003.vcf'),
    ];
    let invalid = 0;
    let rows = 0;
    for (const file of files) {
      const summary = summaryOf(await runImport(t, file, { onDuplicate: 'create' }));
      rows += summary.rows;
      invalid += summary.invalid;
      expect(summary.created, file).toBe(summary.rows - summary.invalid);
    }
    // The Lotus Notes group mailbox (no name, neither address nor number usable) only.
    expect(invalid).toBe(1);
    const { total } = await t.call('leads.list', { filters: {}, limit: 1 });
    expect(total).toBe(rows - 1);
  });

  it('keeps a Lotus Notes number and Notes address in the notes, with warnings by row and column', async () => {
    const t = await appWithDatabase();
    const summary = summaryOf(await runImport(t, book('lotus-notes.vcf')));
    expect(summary).toMatchObject({ rows: 3, created: 2, invalid: 1, warningRows: 2 });
    expect(summary.issues).toEqual([
      {
        row: 1,
        field: 'phone',
        column: 'Telefon geschäftlich',
        code: 'phone_invalid',
        value: '+1 (212) 204-34456',
        severity: 'warning',
      },
      {
        row: 2,
        field: 'email',
        column: 'E-Mail-Adresse',
        code: 'email_invalid',
        value: 'CN=Klaus Wirth/OU=Zuerich/O=ETH@ETH',
        severity: 'warning',
      },
      expect.objectContaining({ row: 3, code: 'email_invalid', severity: 'warning' }),
      expect.objectContaining({ row: 3, code: 'phone_invalid', severity: 'warning' }),
      expect.objectContaining({ row: 3, code: 'name_missing', severity: 'error' }),
    ]);
    expect(await leadByName(t, 'Hopper')).toMatchObject({
      firstName: 'Grace',
      phone: null,
      email: 'grace.hopper@remington.example',
      notes:
        'Import: ungültige Telefonnummer „+1 (212) 204-34456“ (Spalte „Telefon geschäftlich“) übernommen als Notiz',
    });
    expect(await leadByName(t, 'Wirth')).toMatchObject({
      email: null,
      mobile: '+41791234567',
      notes:
        'Import: ungültige E-Mail-Adresse „CN=Klaus Wirth/OU=Zuerich/O=ETH@ETH“ (Spalte „E-Mail-Adresse“) übernommen als Notiz',
    });
  });

  it('keeps the Outlook 2003 "BusinessPhone" placeholder of vCards and CSV in the notes', async () => {
    const t = await appWithDatabase();
    const cards = summaryOf(await runImport(t, book('outlook-2003.vcf')));
    expect(cards).toMatchObject({ rows: 2, created: 2, invalid: 0, warnings: 2, warningRows: 2 });
    expect(await leadByName(t, 'Schneider')).toMatchObject({
      phone: null,
      mobile: '+491712345678',
      notes:
        'Abteilung: Vertrieb\nImport: ungültige Telefonnummer „BusinessPhone“ (Spalte „Telefon geschäftlich“) übernommen als Notiz',
    });
    const csv = summaryOf(await runImport(t, book('outlook-2003.csv')));
    expect(csv).toMatchObject({ rows: 2, created: 2, invalid: 0, warningRows: 2 });
    expect(csv.issues.map(({ row, column, value }) => [row, column, value])).toEqual([
      [2, 'Business Phone', 'BusinessPhone'],
      [3, 'Mobile Phone', 'MobilePhone'],
    ]);
    expect(await leadByName(t, 'Jones')).toMatchObject({
      phone: '+442079460958',
      mobile: null,
      notes:
        'Met at CeBIT\nImport: ungültige Telefonnummer „MobilePhone“ (Spalte „Mobile Phone“) übernommen als Notiz',
    });
  });

  it('writes the notes in the language of the importing user', async () => {
    const t = await appWithDatabase({ language: 'en' });
    summaryOf(await runImport(t, book('outlook-2003.csv')));
    expect((await leadByName(t, 'Smith')).notes).toBe(
      'Abteilung: Sales\nImport: invalid phone number “BusinessPhone” (column “Business Phone”) kept as a note',
    );
  });

  it('shows the same in a dry run, writes nothing, and keeps IMPORT_REFUSED for real rejections', async () => {
    const t = await appWithDatabase();
    const dry = summaryOf(await runImport(t, book('outlook-2003.csv'), {}, true));
    expect(dry).toMatchObject({ created: 2, invalid: 0, warningRows: 2 });
    expect(dry.preview[0]?.lead).toMatchObject({ lastName: 'Smith', phone: null });
    expect(dry.preview[0]?.lead.notes).toContain('„BusinessPhone“');

    // Warnings alone never refuse an import that may not leave rows out …
    const strict = summaryOf(await runImport(t, book('outlook-2003.csv'), { skipInvalid: false }));
    expect(strict).toMatchObject({ created: 2, invalid: 0 });
    // … a row without name and contact route does.
    const lotus = await runImport(t, book('lotus-notes.csv'), {
      mapping: lotusMapping,
      skipInvalid: false,
    });
    expect(lotus.status).toBe('failed');
    expect(lotus.error).toMatchObject({ code: 'IMPORT_REFUSED', params: { count: 1 } });
  });

  it('records warnings in the history and saves the changed rows apart from the left-out ones', async () => {
    const t = await appWithDatabase();
    const job = await runImport(t, book('lotus-notes.csv'), { mapping: lotusMapping });
    expect(summaryOf(job)).toMatchObject({ created: 2, invalid: 1, warnings: 4, warningRows: 2 });
    expect(await t.call('imports.list', {})).toMatchObject([
      { created: 2, invalid: 1, warnings: 4, warningRows: 2 },
    ]);
    const rejected = join(t.dir, 'abgelehnt.csv');
    expect(await t.call('import.saveRejected', { jobId: job.jobId, path: rejected })).toMatchObject(
      { rows: 1 },
    );
    const rejectedText = readFileSync(rejected, 'utf8');
    expect(rejectedText).toContain('Info;;;;intern 4711;;Verkauf/Firma@Firma;');
    expect(rejectedText).not.toContain('Hopper');
    const warned = join(t.dir, 'warnungen.csv');
    expect(
      await t.call('import.saveRejected', { jobId: job.jobId, path: warned, rows: 'warnings' }),
    ).toMatchObject({ rows: 2 });
    const warnedText = readFileSync(warned, 'utf8').trimEnd().split('\r\n');
    expect(warnedText[0]).toBe(
      '\uFEFFFirstName;LastName;CompanyName;JobTitle;OfficePhoneNumber;CellPhoneNumber;MailAddress;Warnung',
    );
    expect(warnedText.slice(1)).toEqual([
      "Grace;Hopper;Remington Rand;Senior Mathematician;'+1 (212) 204-34456;;grace.hopper@remington.example;Ungültige Telefonnummer „+1 (212) 204-34456“ in Spalte „OfficePhoneNumber“",
      "Klaus;Wirth;ETH Zürich;;;'+41 79 123 45 67;CN=Klaus Wirth/OU=Zuerich/O=ETH@ETH;Ungültige E-Mail-Adresse „CN=Klaus Wirth/OU=Zuerich/O=ETH@ETH“ in Spalte „MailAddress“",
    ]);
  });
});

describe('migration 0006 (import warnings)', () => {
  it('gives earlier imports warning counts of 0 and keeps their counts', async () => {
    const path = join(tempDir(), 'old.sqlite');
    const raw = new BetterSqlite3(path);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations take untyped handles
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    for (const migration of MIGRATIONS.filter((m) => m.version <= 5)) await migration.up(db);
    raw.pragma('user_version = 5');
    const at = Date.UTC(2026, 10, 1);
    raw
      .prepare(
        `INSERT INTO import_batches (id, file_name, file_path, file_size, content_hash, format, options, source_channel, status, rows_total, rows_done, created_count, invalid_count, started_at, heartbeat_at, finished_at)
         VALUES ('b1', 'messe.csv', '/daten/messe.csv', 100, 'hash', 'csv', '{}', 'trade_fair', 'done', 12, 12, 10, 2, ?, ?, ?)`,
      )
      .run(at, at, at);
    await db.destroy();

    const t = testApp();
    const state = await t.call('database.open', { path });
    expect(state.database?.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(await t.call('imports.list', {})).toMatchObject([
      { id: 'b1', created: 10, invalid: 2, warnings: 0, warningRows: 0 },
    ]);
    await t.call('database.close', {});
    const check = rawConnection(path);
    expect(check.prepare('SELECT version FROM schema_migrations').pluck().all()).toContain(6);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('import on the command line: warnings apart from left-out rows', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leadwerk-bad-fields-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function cli(args: string[]): Promise<{ code: number; stdout: string }> {
    let stdout = '';
    const code = await runCli(
      ['--db', join(dir, 'team.sqlite'), '--user', 'Sabine Vogt', ...args],
      {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: () => true },
        env: { LEADWERK_HOME: join(dir, 'config'), LANG: 'de_DE.UTF-8' },
        now: () => Date.UTC(2026, 10, 20, 9, 30),
      },
    );
    return { code, stdout };
  }

  it('prints the rows kept with a warning and the rows left out in sections of their own', async () => {
    await cli(['init']);
    const run = await cli(['import', book('lotus-notes.vcf')]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('Neu angelegt: 2');
    expect(lines).toContain('Mit Warnung importiert (ungültige Werte in den Notizen): 2');
    expect(lines).toContain('Fehlerhafte Zeilen (nicht importiert): 1');
    const rejectedAt = lines.indexOf('Nicht importierte Zeilen:');
    const warningsAt = lines.indexOf('Warnungen (die Zeilen wurden importiert):');
    expect(rejectedAt).toBeGreaterThan(0);
    expect(warningsAt).toBeGreaterThan(rejectedAt);
    expect(lines.slice(rejectedAt + 1, warningsAt)).toEqual([
      '  Zeile 3: Ungültige E-Mail-Adresse „Verkauf/Firma@Firma“ in Spalte „E-Mail-Adresse“',
      '  Zeile 3: Ungültige Telefonnummer „intern 4711“ in Spalte „Telefon geschäftlich“',
      '  Zeile 3: Weder ein Name (Nachname oder Firma) noch ein Kontaktweg (gültige E-Mail-Adresse oder Telefonnummer): nicht importiert',
    ]);
    expect(lines.slice(warningsAt + 1, warningsAt + 3)).toEqual([
      '  Zeile 1 (Hinweis): Ungültige Telefonnummer „+1 (212) 204-34456“ in Spalte „Telefon geschäftlich“',
      '  Zeile 2 (Hinweis): Ungültige E-Mail-Adresse „CN=Klaus Wirth/OU=Zuerich/O=ETH@ETH“ in Spalte „E-Mail-Adresse“',
    ]);

    const json = await cli(['import', book('outlook-2003.csv'), '--dry-run', '--json']);
    expect((JSON.parse(json.stdout) as ImportJob).summary).toMatchObject({
      created: 2,
      invalid: 0,
      warningRows: 2,
    });
    const history = await cli(['imports', 'list']);
    expect(history.stdout).toContain('Warnungen');
  });
});
