import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lead } from '@core/domain/lead';
import { convertRow } from '@core/import/convert';
import { parseCsv } from '@core/formats/csv';
import { applyMapping, LEADWERK_EXPORT_COLUMNS, MAPPING_PRESETS } from '@core/import/mapping';
import type { ImportedLead } from '@core/import/types';
import { runCli } from '../../src/main/cli/run';
import { openXlsx } from '../../src/main/formats/xlsx-reader';
import { appWithDatabase, company, createLead, rawConnection, type TestApp } from './harness';

type Db = Awaited<ReturnType<typeof appWithDatabase>>;

const BOM = '\uFEFF';
const GERMAN_HEADERS = LEADWERK_EXPORT_COLUMNS.map((column) => column.header.de);
const ENGLISH_HEADERS = LEADWERK_EXPORT_COLUMNS.map((column) => column.header.en);

/** A lead with every exported field set, as stored. */
async function fullLead(t: Db): Promise<Lead> {
  const raw = rawConnection(t.path);
  raw
    .prepare(
      `INSERT INTO campaigns (id, name, channel, cost_cents, starts_on, ends_on, created_at)
       VALUES ('c-messe', 'Messe 2026', 'trade_fair', NULL, NULL, NULL, 0)`,
    )
    .run();
  const created = await createLead(t, {
    salutation: 'herr',
    firstName: 'Jürgen',
    lastName: 'Müller',
    email: 'j.mueller@mueller-soehne.de',
    phone: '+49 711 2345678',
    mobile: '0171 2345678',
    jobTitle: 'Geschäftsführer',
    buyingRole: 'decision_maker',
    company: company('Müller & Söhne GmbH & Co. KG', {
      industry: 'Maschinenbau',
      employees: 1200,
      website: 'https://mueller-soehne.de',
      street: 'Königstraße 12',
      postalCode: '01067',
      city: 'Dresden',
      country: 'Deutschland',
    }),
    sourceChannel: 'trade_fair',
    campaignId: 'c-messe',
    ownerId: t.user.id,
    expectedValueCents: 123_456_789,
    expectedCloseDate: '2026-12-31',
    notes: 'Rückruf erbeten; "bitte" vormittags\nZweite Zeile, mit Komma',
    doNotContact: true,
  });
  raw
    .prepare(`UPDATE leads SET stage = 'opportunity', deal_value_cents = 5 WHERE id = ?`)
    .run(created.id);
  return (await t.call('leads.get', { id: created.id })).lead;
}

/** Runs an export and returns the file's text without BOM, checking the BOM is there. */
async function exportCsv(
  t: TestApp,
  dir: string,
  options: { delimiter?: ';' | ','; filters?: { stage: 'lead' } | null } = {},
) {
  const path = join(dir, 'leads.csv');
  const result = await t.call('export.run', {
    path,
    format: 'csv',
    delimiter: options.delimiter ?? ';',
    filters: options.filters ?? null,
  });
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text.startsWith(BOM)).toBe(true);
  return { result, path, text: text.slice(1) };
}

/**
 * The lead the importer would store from one row of an exported file, through the
 * `leadwerk` preset; no issues but the given warnings.
 */
function reimport(headers: string[], cells: string[], warnings: string[] = []): ImportedLead {
  const preset = MAPPING_PRESETS.find((p) => p.id === 'leadwerk');
  if (preset === undefined) throw new Error('no leadwerk preset');
  const columns = applyMapping(headers, preset.mapping);
  const converted = convertRow({ row: 2, cells }, headers, columns, { defaultRegion: 'DE' });
  expect(converted.issues.map((issue) => issue.code)).toEqual(warnings);
  if (converted.lead === null) throw new Error('row not converted');
  return converted.lead;
}

/** What the importer must read back from an export of `lead`. */
function expectedImport(lead: Lead, ownerName: string): ImportedLead {
  return {
    leadId: lead.id,
    salutation: lead.salutation,
    firstName: lead.firstName,
    lastName: lead.lastName,
    email: lead.email,
    phone: lead.phone,
    mobile: lead.mobile,
    jobTitle: lead.jobTitle,
    buyingRole: lead.buyingRole,
    company: lead.company && {
      name: lead.company.name,
      industry: lead.company.industry,
      employees: lead.company.employees,
      website: lead.company.website,
      street: lead.company.street,
      postalCode: lead.company.postalCode,
      city: lead.company.city,
      country: lead.company.country,
    },
    sourceChannel: lead.sourceChannel,
    campaignName: 'Messe 2026',
    ownerName,
    stage: lead.stage,
    expectedValueCents: lead.expectedValueCents,
    expectedCloseDate: lead.expectedCloseDate,
    dealValueCents: lead.dealValueCents,
    notes: lead.notes,
    doNotContact: lead.doNotContact,
  };
}

describe('lead export', () => {
  it('writes a German CSV for Excel: BOM, semicolons, CRLF, German headers and forms', async () => {
    const t = await appWithDatabase();
    const lead = await fullLead(t);
    const { result, path, text } = await exportCsv(t, t.dir);
    expect(result).toEqual({ rows: 1, path, download: null });
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(GERMAN_HEADERS.join(';'));
    // Header, the record (its note's line feed stays inside the quotes), the final CRLF.
    expect(lines).toHaveLength(3);
    const [header = [], row = []] = parseCsv(text, ';').map((record) => record.fields);
    expect(header).toEqual(GERMAN_HEADERS);
    const cell = (name: string) => row[GERMAN_HEADERS.indexOf(name)];
    expect(cell('Leadwerk-ID')).toBe(lead.id);
    expect(cell('Anrede')).toBe('Herr');
    expect(cell('Telefon')).toBe(`'${lead.phone}`);
    expect(cell('Kaufrolle')).toBe('Entscheider');
    expect(cell('Mitarbeiter')).toBe('1200');
    expect(cell('PLZ')).toBe('01067');
    expect(cell('Quelle')).toBe('Messe');
    expect(cell('Kampagne')).toBe('Messe 2026');
    expect(cell('Betreuer')).toBe('Sabine Vogt');
    expect(cell('Phase')).toBe('Opportunity');
    expect(cell('Erwarteter Wert')).toBe('1.234.567,89');
    expect(cell('Auftragswert')).toBe('0,05');
    expect(cell('Abschlussdatum')).toBe('31.12.2026');
    expect(cell('Notizen')).toBe(lead.notes);
    expect(cell('Kontaktsperre')).toBe('ja');
    // The import of this row gives back the stored lead.
    expect(reimport(header, row)).toEqual(expectedImport(lead, 'Sabine Vogt'));
  });

  it('writes English forms and headers with a comma delimiter when asked', async () => {
    const t = await appWithDatabase({ language: 'en' });
    const lead = await fullLead(t);
    const { text } = await exportCsv(t, t.dir, { delimiter: ',' });
    expect(text.split('\r\n')[0]).toBe(ENGLISH_HEADERS.join(','));
    const [header = [], row = []] = parseCsv(text, ',').map((record) => record.fields);
    const cell = (name: string) => row[ENGLISH_HEADERS.indexOf(name)];
    expect(cell('Salutation')).toBe('Mr');
    expect(cell('Stage')).toBe('Opportunity');
    expect(cell('Source')).toBe('Trade fair');
    expect(cell('Expected value')).toBe('1234567.89');
    expect(cell('Expected close date')).toBe('2026-12-31');
    expect(cell('Do not contact')).toBe('yes');
    expect(reimport(header, row)).toEqual(expectedImport(lead, 'Sabine Vogt'));
  });

  it('neutralises formulas, sorts by name and leaves out pending imports', async () => {
    const t = await appWithDatabase();
    await createLead(t, { firstName: 'Eve', lastName: '=HYPERLINK("x")', notes: '@SUM(A1)' });
    await createLead(t, { firstName: 'Bernd', lastName: 'zander' });
    await createLead(t, { firstName: 'Anna', lastName: 'Zander', doNotContact: false });
    await createLead(t, { firstName: 'Clara', lastName: 'becker' });
    const pending = await createLead(t, { firstName: 'Paula', lastName: 'Pending' });
    rawConnection(t.path)
      .prepare(`UPDATE leads SET import_pending = 'batch-1' WHERE id = ?`)
      .run(pending.id);

    const { result, text } = await exportCsv(t, t.dir);
    expect(result.rows).toBe(4);
    const records = parseCsv(text, ';').map((record) => record.fields);
    const names = records.slice(1).map((row) => `${row[2]} ${row[3]}`);
    expect(names).toEqual(['Eve \'=HYPERLINK("x")', 'Clara becker', 'Anna Zander', 'Bernd zander']);
    const eve = records[1] ?? [];
    expect(eve[GERMAN_HEADERS.indexOf('Notizen')]).toBe("'@SUM(A1)");
    expect(eve[GERMAN_HEADERS.indexOf('Kontaktsperre')]).toBe('nein');
    expect(text).not.toContain('Pending');
    // Neutralised cells read back as written.
    const back = reimport(records[0] ?? [], eve, ['formula_kept']);
    expect(back.lastName).toBe('=HYPERLINK("x")');
    expect(back.notes).toBe('@SUM(A1)');
  });

  it('exports only the leads the filter shows', async () => {
    const t = await appWithDatabase();
    const a = await createLead(t, { firstName: 'Anna', lastName: 'Lead' });
    const b = await createLead(t, { firstName: 'Bert', lastName: 'Kunde' });
    const c = await createLead(t, {
      firstName: 'Carl',
      lastName: 'Suche',
      email: 'carl@example.com',
    });
    const raw = rawConnection(t.path);
    const setStage = raw.prepare(`UPDATE leads SET stage = ? WHERE id = ?`);
    setStage.run('lead', a.id);
    setStage.run('customer', b.id);
    setStage.run('suspect', c.id);

    const byStage = await exportCsv(t, t.dir, { filters: { stage: 'lead' } });
    expect(byStage.result.rows).toBe(1);
    expect(byStage.text).toContain('Anna;Lead');
    expect(byStage.text).not.toContain('Bert');

    const path = join(t.dir, 'search.csv');
    const searched = await t.call('export.run', {
      path,
      format: 'csv',
      delimiter: ';',
      filters: { search: 'example' },
    });
    expect(searched.rows).toBe(1);
    expect(readFileSync(path, 'utf8')).toContain('Carl;Suche');
  });

  it('writes an XLSX file with numbers, ISO days and the same texts', async () => {
    const t = await appWithDatabase();
    const lead = await fullLead(t);
    await createLead(t, { firstName: 'Eve', lastName: '=HYPERLINK("x")', notes: '@SUM(A1)' });
    const path = join(t.dir, 'leads.xlsx');
    expect(
      await t.call('export.run', { path, format: 'xlsx', delimiter: ';', filters: null }),
    ).toEqual({ rows: 2, path, download: null });
    const book = await openXlsx(path);
    expect(book.sheets).toEqual(['Leads']);
    const rows: string[][] = [];
    for await (const row of book.rows(null)) rows.push(row.cells);
    await book.close();
    const [header = [], eve = [], mueller = []] = rows;
    expect(header).toEqual(GERMAN_HEADERS);
    const cell = (row: string[], name: string) => row[GERMAN_HEADERS.indexOf(name)];
    expect(cell(eve, 'Nachname')).toBe('\'=HYPERLINK("x")');
    expect(cell(eve, 'Notizen')).toBe("'@SUM(A1)");
    expect(cell(mueller, 'Erwarteter Wert')).toBe('1234567.89');
    expect(cell(mueller, 'Auftragswert')).toBe('0.05');
    expect(cell(mueller, 'Abschlussdatum')).toBe('2026-12-31');
    expect(cell(mueller, 'Mitarbeiter')).toBe('1200');
    expect(cell(mueller, 'Notizen')).toBe(lead.notes);
    expect(reimport(header, mueller)).toEqual(expectedImport(lead, 'Sabine Vogt'));
  });

  it('refuses a folder that does not exist and leaves no file behind on failure', async () => {
    const t = await appWithDatabase();
    await createLead(t, { firstName: 'Anna', lastName: 'Lead' });
    const missing = await t.fail('export.run', {
      path: join(t.dir, 'nope', 'leads.csv'),
      format: 'csv',
      delimiter: ';',
      filters: null,
    });
    expect(missing).toMatchObject({ code: 'VALIDATION', key: 'files.folderMissing' });
    expect(missing.message).toContain('nope');

    const folder = await t.fail('export.run', {
      path: t.dir,
      format: 'xlsx',
      delimiter: ';',
      filters: null,
    });
    expect(folder).toMatchObject({ key: 'files.isFolder' });
    const device = await t.fail('export.run', {
      path: '/dev/null',
      format: 'csv',
      delimiter: ';',
      filters: null,
      overwrite: true,
    });
    expect(device).toMatchObject({ key: 'files.notAFile', params: { file: 'null' } });
    const before = readdirSync(t.dir).sort();

    const path = join(t.dir, 'done.csv');
    await t.call('export.run', { path, format: 'csv', delimiter: ';', filters: null });
    expect(existsSync(path)).toBe(true);
    // Only the new file appeared: no temporary or `.part` file stays behind.
    expect(readdirSync(t.dir).sort()).toEqual([...before, 'done.csv'].sort());
  });
});

describe('export command', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leadwerk-export-cli-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['--db', join(dir, 'team.sqlite'), ...args], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: { LEADWERK_HOME: join(dir, 'config'), LANG: 'de_DE.UTF-8', INIT_CWD: dir },
      now: () => Date.UTC(2026, 10, 20, 9, 30),
    });
    return { code, stdout, stderr };
  }

  it('exports CSV and XLSX, by stage label, and reports in German or JSON', async () => {
    expect((await cli(['init'])).code).toBe(0);
    for (const [first, last] of [
      ['Anna', 'Lead'],
      ['Bert', 'Kunde'],
    ]) {
      const added = await cli([
        'leads',
        'add',
        '--first-name',
        first ?? '',
        '--last-name',
        last ?? '',
      ]);
      expect(added.code).toBe(0);
    }
    const all = await cli(['export', 'alle.csv']);
    expect(all).toEqual({
      code: 0,
      stdout: `2 Leads exportiert nach ${join(dir, 'alle.csv')}\n`,
      stderr: '',
    });
    expect(readFileSync(join(dir, 'alle.csv'), 'utf8').split('\r\n')[0]).toBe(
      BOM + GERMAN_HEADERS.join(';'),
    );

    const comma = await cli(['export', 'komma.txt', '--delimiter', ',', '--json']);
    expect(JSON.parse(comma.stdout)).toEqual({ rows: 2, path: join(dir, 'komma.txt') });
    expect(readFileSync(join(dir, 'komma.txt'), 'utf8')).toContain('Anna,Lead');

    const xlsx = await cli(['export', 'suspects.xlsx', '--stage', 'Suspect', '--json']);
    expect(JSON.parse(xlsx.stdout)).toEqual({ rows: 2, path: join(dir, 'suspects.xlsx') });
    const book = await openXlsx(join(dir, 'suspects.xlsx'));
    let count = 0;
    for await (const row of book.rows(null)) count += row.cells.length > 0 ? 1 : 0;
    await book.close();
    expect(count).toBe(3);

    const none = await cli(['export', 'kunden.csv', '--stage', 'Kunde', '--format', 'csv']);
    expect(none.stdout).toBe(`0 Leads exportiert nach ${join(dir, 'kunden.csv')}\n`);
  });

  it('fails with a message on bad options and unwritable places', async () => {
    expect((await cli(['init'])).code).toBe(0);
    const format = await cli(['export', 'x.csv', '--format', 'pdf']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Unbekanntes Format „pdf“');
    const stage = await cli(['export', 'x.csv', '--stage', 'Irgendwas']);
    expect(stage.code).toBe(2);
    const delimiter = await cli(['export', 'x.csv', '--delimiter', '|']);
    expect(delimiter.code).toBe(2);
    const missing = await cli(['export', join('fehlt', 'x.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`Den Ordner „${join(dir, 'fehlt')}“ gibt es nicht`);
    expect((await cli(['export'])).code).toBe(2);
  });

  it('is listed in the help', async () => {
    const help = await cli(['--help']);
    expect(help.stdout).toContain('export DATEI [--format csv|xlsx] [--stage PHASE]');
  });
});
