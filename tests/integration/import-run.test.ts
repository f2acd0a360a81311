import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportJob } from '@core/ipc/import-schemas';
import { createXlsxWriter } from '../../src/main/formats/xlsx-writer';
import { appWithDatabase, rawConnection } from './harness';
import {
  FIXTURES,
  HEADERS,
  runImport,
  SHARED_FIXTURES,
  suggestedMapping,
  summaryOf,
  waitForJob,
  writeCsv,
} from './import-harness';

const GERMAN_EXCEL = join(FIXTURES, 'german-excel-1252.csv');

/** The German Excel fixture's mapping, with revenue and offer date mapped by hand. */
async function germanMapping(t: Awaited<ReturnType<typeof appWithDatabase>>) {
  return {
    ...(await suggestedMapping(t, GERMAN_EXCEL)),
    Umsatz: 'expectedValue' as const,
    'Angebot vom': 'expectedCloseDate' as const,
  };
}

async function allLeads(t: Awaited<ReturnType<typeof appWithDatabase>>) {
  return (await t.call('leads.list', { filters: {}, limit: 500 })).rows;
}

describe('import run', () => {
  it('stores a German Excel CSV with parsed values, source, campaign, owner and history', async () => {
    const t = await appWithDatabase();
    const job = await runImport(t, GERMAN_EXCEL, {
      mapping: await germanMapping(t),
      campaignName: 'Messe 2026',
      ownerId: t.user.id,
    });
    const summary = summaryOf(job);
    expect(summary).toMatchObject({ rows: 10, created: 10, invalid: 0, suppressed: 0 });

    const leads = await allLeads(t);
    expect(leads).toHaveLength(10);
    const mueller = leads.find((lead) => lead.lastName === 'Müller');
    if (mueller === undefined) throw new Error('Müller not imported');
    const detail = await t.call('leads.get', { id: mueller.id });
    expect(detail.lead).toMatchObject({
      salutation: 'herr',
      firstName: 'Jürgen',
      email: 'j.mueller@mueller-soehne.de',
      phone: '+497112345678',
      mobile: '+491712345678',
      jobTitle: 'Geschäftsführer',
      expectedValueCents: 123456,
      expectedCloseDate: '2025-12-31',
      sourceChannel: 'trade_fair',
      ownerId: t.user.id,
      stage: 'lead',
      version: 1,
    });
    expect(detail.lead.company).toMatchObject({
      name: 'Müller & Söhne GmbH & Co. KG',
      street: 'Königstraße 12',
      postalCode: '70173',
      city: 'Stuttgart',
      industry: 'Maschinenbau',
    });
    expect(detail.lead.notes).toContain('Rückruf erbeten; bevorzugt vormittags');
    expect(detail.lead.campaignId).not.toBeNull();
    expect(mueller.campaignName).toBe('Messe 2026');
    expect(detail.activities).toEqual([
      expect.objectContaining({ kind: 'imported', text: 'german-excel-1252.csv' }),
    ]);
    expect(detail.history).toEqual([
      expect.objectContaining({ fromStage: null, toStage: 'lead', origin: 'import' }),
    ]);
    // Scored like any new lead.
    expect(detail.score.total).toBeGreaterThan(0);

    const grete = leads.find((lead) => lead.lastName === 'Weiß');
    const greteDetail = await t.call('leads.get', { id: grete?.id ?? '' });
    expect(greteDetail.lead.notes).toContain('Erstgespräch geführt.\nFolgetermin im März.');
    expect(greteDetail.lead.expectedValueCents).toBe(98000);
    const oeztuerk = leads.find((lead) => lead.lastName === 'Öztürk');
    expect(oeztuerk?.expectedValueCents).toBe(25_000_000);

    const [batch] = await t.call('imports.list', {});
    expect(batch).toMatchObject({
      id: job.batchId,
      fileName: 'german-excel-1252.csv',
      status: 'done',
      created: 10,
      rowsDone: 10,
      rowsTotal: 10,
      campaignName: 'Messe 2026',
      ownerName: 'Sabine Vogt',
      userName: 'Sabine Vogt',
      sourceChannel: 'trade_fair',
      canUndo: true,
      canResume: false,
    });
    expect(t.events.filter((e) => e.event === 'imports.changed').length).toBeGreaterThan(0);
    expect(t.events.some((e) => e.event === 'leads.changed')).toBe(true);
  });

  it('scores new leads as a recompute would and promotes those that reach MQL', async () => {
    const t = await appWithDatabase();
    const { settings, updatedAt } = await t.call('scoring.get', {});
    await t.call('scoring.save', {
      settings: { ...settings, thresholds: { ...settings.thresholds, mql: 25 } },
      basedOn: updatedAt,
    });
    const job = await runImport(t, GERMAN_EXCEL, { mapping: await germanMapping(t) });
    expect(summaryOf(job).created).toBe(10);
    const leads = await allLeads(t);
    const promoted = leads.filter((lead) => lead.stage === 'mql');
    expect(promoted.length).toBeGreaterThan(0);
    expect(promoted.every((lead) => lead.scoreTotal >= 25 && lead.version === 2)).toBe(true);
    const detail = await t.call('leads.get', { id: promoted[0]?.id ?? '' });
    expect(detail.history.map((change) => [change.origin, change.toStage])).toEqual([
      ['scoring', 'mql'],
      ['import', 'lead'],
    ]);
    // Stored scores equal what a full recompute computes.
    expect(await t.call('scoring.recompute', {})).toMatchObject({ changed: 0, promoted: 0 });
    // Promotion by the import is no change since: undo removes them all.
    const undone = await t.call('imports.undo', { batchId: job.batchId ?? '' });
    expect(undone).toMatchObject({ removed: 10, kept: [] });
  });

  it('writes nothing in a dry run but shows what would be stored', async () => {
    const t = await appWithDatabase();
    const job = await runImport(t, GERMAN_EXCEL, { mapping: await germanMapping(t) }, true);
    const summary = summaryOf(job);
    expect(job.batchId).toBeNull();
    expect(summary).toMatchObject({ rows: 10, created: 10 });
    expect(summary.preview).toHaveLength(10);
    expect(summary.preview[0]).toMatchObject({
      row: 2,
      outcome: 'create',
      match: null,
      lead: { firstName: 'Jürgen', lastName: 'Müller', stage: 'lead', sourceChannel: 'trade_fair' },
    });
    expect(await allLeads(t)).toHaveLength(0);
    expect(await t.call('imports.list', {})).toEqual([]);
    const raw = rawConnection(t.path, { readonly: true });
    expect(raw.prepare('SELECT count(*) AS n FROM leads').get()).toEqual({ n: 0 });
    expect(raw.prepare('SELECT count(*) AS n FROM companies').get()).toEqual({ n: 0 });
  });

  it('reports rows with errors by row number and leaves them out', async () => {
    const t = await appWithDatabase();
    const path = writeCsv(t.dir, 'fehler.csv', [
      [...HEADERS, 'Abschluss'],
      ['Anna', 'Petersen', 'Petersen AG', 'anna@petersen.de', '040 123456', '', '31.12.2026'],
      ['Bernd', 'Falsch', 'Falsch GmbH', 'name(at)firma', '', '', ''],
      ['Carla', 'Datum', 'Datum KG', 'carla@datum.de', '', '', '32.13.2026'],
      ['Ohne', '', '', '', '', '', ''],
    ]);
    const mapping = {
      ...(await suggestedMapping(t, path)),
      Abschluss: 'expectedCloseDate' as const,
    };
    // Changed by "no contact lost over one bad field": rows 3 and 4 are kept with a warning,
    // their bad values in the notes; only row 5 (no last name, no contact route) is left out
    // (it had an email address before, which now would keep it).
    const summary = summaryOf(await runImport(t, path, { mapping }));
    expect(summary).toMatchObject({ rows: 4, created: 3, invalid: 1, warningRows: 2 });
    expect(summary.issues).toEqual([
      expect.objectContaining({
        row: 3,
        code: 'email_invalid',
        column: 'E-Mail',
        severity: 'warning',
      }),
      expect.objectContaining({ row: 4, code: 'date_invalid', value: '32.13.2026' }),
      expect.objectContaining({ row: 5, code: 'name_missing', severity: 'error' }),
    ]);
    const leads = await allLeads(t);
    expect(leads.map((lead) => lead.lastName).sort()).toEqual(['Datum', 'Falsch', 'Petersen']);

    // The rejected rows can be saved for fixing, with the reason in the user's language.
    const rejected = join(t.dir, 'abgelehnt.csv');
    const jobs = t.events.filter((e) => e.event === 'import.progress');
    const jobId = (jobs.at(-1)?.payload as ImportJob).jobId;
    expect(await t.call('import.saveRejected', { jobId, path: rejected })).toEqual({
      rows: 1,
      path: rejected,
      download: null,
    });
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(rejected, 'utf8');
    expect(
      text.startsWith('\uFEFFVorname;Nachname;Firma;E-Mail;Telefon;Mobil;Abschluss;Grund\r\n'),
    ).toBe(true);
    expect(text).toContain('Ohne;;;;;;;Weder ein Name (Nachname oder Firma) noch ein Kontaktweg');
    expect(text.trimEnd().split('\r\n')).toHaveLength(2);

    // The rows kept despite a warning are a list of their own, for checking what changed.
    const warned = join(t.dir, 'warnungen.csv');
    expect(
      await t.call('import.saveRejected', { jobId, path: warned, rows: 'warnings' }),
    ).toMatchObject({ rows: 2 });
    const warnedText = readFileSync(warned, 'utf8');
    expect(
      warnedText.startsWith(
        '\uFEFFVorname;Nachname;Firma;E-Mail;Telefon;Mobil;Abschluss;Warnung\r\n',
      ),
    ).toBe(true);
    expect(warnedText).toContain(
      'Bernd;Falsch;Falsch GmbH;name(at)firma;;;;Ungültige E-Mail-Adresse „name(at)firma“ in Spalte „E-Mail“',
    );
    expect(warnedText).toContain(
      'Carla;Datum;Datum KG;carla@datum.de;;;32.13.2026;Ungültiges Datum',
    );
    expect(warnedText.trimEnd().split('\r\n')).toHaveLength(3);
    const falsch = leads.find((lead) => lead.lastName === 'Falsch');
    expect((await t.call('leads.get', { id: falsch?.id ?? '' })).lead).toMatchObject({
      email: null,
      notes:
        'Import: ungültige E-Mail-Adresse „name(at)firma“ (Spalte „E-Mail“) übernommen als Notiz',
    });
  });

  it('refuses the whole import when rows have errors and they may not be left out', async () => {
    const t = await appWithDatabase();
    const rows: string[][] = [[...HEADERS]];
    for (let i = 0; i < 1200; i++) {
      rows.push([`Vor${i}`, `Nach${i}`, `Firma ${i}`, `p${i}@firma${i}.de`, '', '']);
    }
    // Neither a name nor a contact route: still an error (a bad email alone is a warning now).
    rows.push(['Bernd', '', '', 'name(at)firma', '', '']);
    const path = writeCsv(t.dir, 'streng.csv', rows);
    const job = await runImport(t, path, { skipInvalid: false });
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({ code: 'IMPORT_REFUSED', params: { count: 1 } });
    expect(job.error?.message).toContain('1 Zeilen haben Fehler');
    const raw = rawConnection(t.path, { readonly: true });
    expect(raw.prepare('SELECT count(*) AS n FROM leads').get()).toEqual({ n: 0 });
    expect(raw.prepare('SELECT count(*) AS n FROM companies').get()).toEqual({ n: 0 });
    expect(raw.prepare('SELECT count(*) AS n FROM import_changes').get()).toEqual({ n: 0 });
    const [batch] = await t.call('imports.list', {});
    expect(batch).toMatchObject({ status: 'failed', canUndo: false, canResume: false });
  });

  it('warns before importing the same file again and goes on when confirmed', async () => {
    const t = await appWithDatabase();
    const mapping = await germanMapping(t);
    summaryOf(await runImport(t, GERMAN_EXCEL, { mapping }));
    const error = await t.fail('import.start', {
      path: GERMAN_EXCEL,
      options: { mapping, sourceChannel: 'trade_fair' },
    });
    expect(error.code).toBe('IMPORT_REPEATED');
    expect(error.params).toMatchObject({ file: 'german-excel-1252.csv' });
    expect(error.message).toContain('schon importiert');

    const again = summaryOf(await runImport(t, GERMAN_EXCEL, { mapping, confirmRepeat: true }));
    // Every row is now a duplicate of the first import's lead (by email): filled, not created.
    expect(again).toMatchObject({ created: 0, filled: 10, duplicatesInDatabase: 10 });
    expect(await allLeads(t)).toHaveLength(10);
    expect(await t.call('imports.list', {})).toHaveLength(2);
  });

  it('refuses a second import while one runs, and one without a chosen user', async () => {
    const t = await appWithDatabase();
    const mapping = await germanMapping(t);
    const first = await t.call('import.start', {
      path: GERMAN_EXCEL,
      options: { mapping, sourceChannel: 'trade_fair' },
    });
    const busy = await t.fail('import.start', {
      path: GERMAN_EXCEL,
      options: { mapping, sourceChannel: 'trade_fair', confirmRepeat: true },
      dryRun: true,
    });
    expect(busy.code).toBe('IMPORT_RUNNING');
    summaryOf(await waitForJob(t, first));

    const other = await appWithDatabase();
    await other.call('app.state', {});
    const dir = other.dir;
    const stranger = await import('./harness').then((h) =>
      h.testApp({ configDir: join(dir, 'other-config') }),
    );
    await stranger.call('database.open', { path: other.path });
    const noUser = await stranger.fail('import.start', {
      path: GERMAN_EXCEL,
      options: { mapping, sourceChannel: 'trade_fair' },
    });
    expect(noUser.code).toBe('NO_USER');
  });

  it('imports vCards with their names and numbers, the Android Ñ names included', async () => {
    const t = await appWithDatabase();
    const android = join(SHARED_FIXTURES, 'vcards', 'John_Doe_ANDROID.vcf');
    summaryOf(await runImport(t, android));
    const iphone = join(SHARED_FIXTURES, 'vcards', 'John_Doe_IPHONE.vcf');
    summaryOf(await runImport(t, iphone));
    const leads = await allLeads(t);
    const enye = leads
      .filter((lead) => lead.lastName.includes('Ñ'))
      .map((lead) => [lead.firstName, lead.lastName])
      .sort();
    // N with only a family part: the display name splits it, a one-word name is a last name.
    // "Ñ Ñ Ñ / Ñ Ñ" shares the mobile number 123456 with the card before it, so by default it
    // fills that lead instead of creating a second one.
    expect(enye).toEqual(
      [
        ['Ñ Ñ Ñ Ñ', 'Ñ'],
        [Array(10).fill('Ñ').join(' '), 'Ñ'],
        ['', 'ÑÑÑÑ'],
      ].sort(),
    );
    expect(leads.find((lead) => lead.lastName === 'ÑÑÑÑ')?.email).toBe('henry@company.com');
    expect(leads.filter((lead) => lead.email === 'jane.doe@company.com')).toMatchObject([
      { firstName: 'Jane', lastName: 'Doe' },
    ]);
    const john = await t.call('leads.get', {
      id: leads.find((lead) => lead.email === 'john.doe@ibm.com')?.id ?? '',
    });
    expect(john.lead).toMatchObject({ firstName: 'John Richter James', email: 'john.doe@ibm.com' });
    expect(john.lead.phone).toMatch(/^\+\d{8,15}$/);
    expect(john.lead.mobile).toMatch(/^\+\d{8,15}$/);
  });

  it('imports an XLSX workbook', async () => {
    const t = await appWithDatabase();
    const path = join(t.dir, 'messe.xlsx');
    const writer = createXlsxWriter(createWriteStream(path), 'Kontakte');
    writer.addRow(['Vorname', 'Nachname', 'Firma', 'E-Mail', 'Umsatz', 'Abschluss']);
    writer.addRow([
      'Jürgen',
      'Weiß',
      'Weiß Logistik GmbH',
      'j.weiss@weiss.de',
      1234.5,
      '2026-03-31',
    ]);
    writer.addRow(['Änne', 'Groß', 'Groß AG', 'a.gross@gross.de', 99, '2026-04-01']);
    await writer.close();
    const mapping = {
      ...(await suggestedMapping(t, path)),
      Umsatz: 'expectedValue' as const,
      Abschluss: 'expectedCloseDate' as const,
    };
    expect(summaryOf(await runImport(t, path, { mapping }))).toMatchObject({ created: 2 });
    const weiss = (await allLeads(t)).find((lead) => lead.lastName === 'Weiß');
    const detail = await t.call('leads.get', { id: weiss?.id ?? '' });
    expect(detail.lead).toMatchObject({
      firstName: 'Jürgen',
      expectedValueCents: 123450,
      expectedCloseDate: '2026-03-31',
    });
    expect(detail.lead.company?.name).toBe('Weiß Logistik GmbH');
  });

  it('reports progress while it runs and ends with the done job', async () => {
    const t = await appWithDatabase();
    const rows: string[][] = [[...HEADERS]];
    for (let i = 0; i < 2600; i++) {
      rows.push([`Vor${i}`, `Nach${i}`, '', `p${i}@firma.de`, '', '']);
    }
    const path = writeCsv(t.dir, 'gross.csv', rows);
    const job = await runImport(t, path);
    expect(summaryOf(job).created).toBe(2600);
    const progress = t.events
      .filter((e) => e.event === 'import.progress')
      .map((e) => e.payload as ImportJob)
      .filter((p) => p.jobId === job.jobId);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    const done = progress.map((p) => p.rowsDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(progress[0]).toMatchObject({ status: 'running', rowsDone: 0 });
    expect(progress.at(-1)).toMatchObject({
      status: 'done',
      rowsDone: 2600,
      rowsTotal: 2600,
      phase: 'finishing',
    });
    expect(progress.slice(0, -1).every((p) => p.status === 'running')).toBe(true);
  });
});
