import { describe, expect, it } from 'vitest';
import { appWithDatabase, company, createLead } from './harness';
import { HEADERS, runImport, summaryOf, writeCsv } from './import-harness';

type App = Awaited<ReturnType<typeof appWithDatabase>>;

async function leads(t: App) {
  return (await t.call('leads.list', { filters: {}, limit: 500 })).rows;
}

async function detail(t: App, id: string) {
  return (await t.call('leads.get', { id })).lead;
}

/** One CSV of the test headers (first, last, company, email, phone, mobile). */
function csv(t: App, name: string, rows: string[][]): string {
  return writeCsv(t.dir, name, [[...HEADERS], ...rows]);
}

describe('import duplicates', () => {
  it('matches an email without regard to case and fills only empty fields', async () => {
    const t = await appWithDatabase();
    const anna = await createLead(t, {
      firstName: 'Anna',
      lastName: 'Petersen',
      email: 'Anna.Petersen@petersen.de',
      jobTitle: 'Einkauf',
    });
    const path = csv(t, 'a.csv', [
      ['Annette', 'Peters', 'Petersen AG', 'anna.petersen@PETERSEN.DE', '040 123456', ''],
    ]);
    const summary = summaryOf(await runImport(t, path));
    expect(summary).toMatchObject({ created: 0, filled: 1, duplicatesInDatabase: 1 });
    expect(summary.duplicates[0]).toMatchObject({
      row: 2,
      outcome: 'fill',
      match: { reason: 'email', leadId: anna.id, row: null, name: 'Anna Petersen' },
    });
    const after = await detail(t, anna.id);
    // Names were not empty: kept. Phone and company were: filled.
    expect(after).toMatchObject({
      firstName: 'Anna',
      lastName: 'Petersen',
      jobTitle: 'Einkauf',
      phone: '+4940123456',
      version: anna.version + 1,
    });
    expect(after.company?.name).toBe('Petersen AG');
    expect(await leads(t)).toHaveLength(1);
  });

  it('matches a phone against a mobile number (E.164) and the other way round', async () => {
    const t = await appWithDatabase();
    const byPhone = await createLead(t, {
      firstName: 'Bernd',
      lastName: 'Kranz',
      phone: '+49 30 5551234',
    });
    const byMobile = await createLead(t, {
      firstName: 'Carla',
      lastName: 'Brandt',
      mobile: '0171 2345678',
    });
    const path = csv(t, 'p.csv', [
      ['B.', 'Kranz-Neu', '', '', '', '030 5551234'],
      ['C.', 'Brandt-Neu', '', '', '+49 171 2345678', ''],
    ]);
    const summary = summaryOf(await runImport(t, path, { onDuplicate: 'skip' }));
    expect(summary).toMatchObject({ created: 0, skipped: 2, duplicatesInDatabase: 2 });
    expect(summary.duplicates.map((d) => [d.match?.reason, d.match?.leadId])).toEqual([
      ['phone', byPhone.id],
      ['phone', byMobile.id],
    ]);
  });

  it('finds the same person at the same company by sound and normalised company, as a possible duplicate', async () => {
    const t = await appWithDatabase();
    const people = [
      ['Jürgen', 'Müller', 'Müller Maschinenbau GmbH & Co. KG'],
      ['Grete', 'Weiß', 'Weiß Steuerberatung GmbH'],
      ['Hans', 'Meier', 'Meier Bau e.K.'],
    ] as const;
    const existing = [];
    for (const [firstName, lastName, name] of people) {
      existing.push(await createLead(t, { firstName, lastName, company: company(name) }));
    }
    const path = csv(t, 'f.csv', [
      ['Juergen', 'Mueller', 'Mueller Maschinenbau AG', '', '', ''],
      ['Grete', 'Weiss', 'Weiss Steuerberatung', '', '', ''],
      ['Hans', 'Meyer', 'Meier Bau', '', '', ''],
      // Same name, other company: a different person.
      ['Hans', 'Meier', 'Schmidt Logistik GmbH', '', '', ''],
    ]);
    // A name alone never takes the run's default (skip): each row stays a lead of its own
    // unless the user decides otherwise, and is listed for review.
    const dry = summaryOf(await runImport(t, path, { onDuplicate: 'skip' }, true));
    expect(dry).toMatchObject({
      created: 4,
      skipped: 0,
      possibleDuplicates: 3,
      duplicatesInDatabase: 0,
      createdDespiteDuplicate: 0,
    });
    expect(dry.duplicates).toEqual([]);
    expect(
      dry.possibleDuplicateRows.map((d) => [d.row, d.outcome, d.match?.reason, d.match?.leadId]),
    ).toEqual([
      [2, 'create', 'person', existing[0]?.id],
      [3, 'create', 'person', existing[1]?.id],
      [4, 'create', 'person', existing[2]?.id],
    ]);

    const decided = summaryOf(
      await runImport(t, path, {
        onDuplicate: 'skip',
        duplicateOverrides: [2, 3, 4].map((row) => ({ row, action: 'skip' as const })),
      }),
    );
    expect(decided).toMatchObject({ created: 1, skipped: 3, possibleDuplicates: 3 });
    expect(await leads(t)).toHaveLength(4);
  });

  it('finds duplicates within the file and merges them into the first row', async () => {
    const t = await appWithDatabase();
    const rows = [
      ['Dora', 'Kaiser', 'Kaiser GmbH', 'dora@kaiser.de', '', ''],
      ['Dora', 'Kaiser', '', 'DORA@kaiser.de', '089 123456', ''],
    ];
    const dry = summaryOf(await runImport(t, csv(t, 'd.csv', rows), {}, true));
    expect(dry).toMatchObject({ created: 1, filled: 1, duplicatesInFile: 1 });
    expect(dry.duplicates[0]).toMatchObject({
      row: 3,
      outcome: 'fill',
      match: { reason: 'email', leadId: null, row: 2 },
    });

    // Across chunks too: the 600th row repeats the first one's email.
    const many = [...rows];
    for (let i = 0; i < 600; i++) many.push([`P${i}`, `Q${i}`, '', `p${i}@x.de`, '', '']);
    many.push(['Dora', 'Kaiser', '', 'dora@kaiser.de', '', '0171 9988776']);
    const summary = summaryOf(await runImport(t, csv(t, 'd2.csv', many)));
    expect(summary).toMatchObject({ created: 601, filled: 2, duplicatesInFile: 2 });
    expect(summary.duplicates.at(-1)).toMatchObject({
      row: 604,
      match: { reason: 'email', leadId: null, row: 2 },
    });
    const dora = (await leads(t)).filter((lead) => lead.lastName === 'Kaiser');
    expect(dora).toHaveLength(1);
    expect(await detail(t, dora[0]?.id ?? '')).toMatchObject({
      phone: '+4989123456',
      mobile: '+491719988776',
      email: 'dora@kaiser.de',
    });
  });

  it('skips, fills, overwrites or creates as chosen, per row where overridden', async () => {
    const t = await appWithDatabase();
    const make = (n: number) =>
      createLead(t, {
        firstName: `Eva${'x'.repeat(n)}`,
        lastName: 'Roth',
        email: `eva${n}@roth.de`,
        jobTitle: 'Alt',
      });
    const [a, b, c, d] = [await make(1), await make(2), await make(3), await make(4)];
    const path = csv(t, 'x.csv', [
      ['Eva', 'Roth', '', 'eva1@roth.de', '040 111111', ''],
      ['Eva', 'Roth', '', 'eva2@roth.de', '040 222222', ''],
      ['Eva', 'Roth', '', 'eva3@roth.de', '040 333333', ''],
      ['Eva', 'Roth', '', 'eva4@roth.de', '040 444444', ''],
    ]);
    const mapping = {
      Vorname: 'firstName' as const,
      Nachname: 'lastName' as const,
      'E-Mail': 'email' as const,
      Telefon: 'phone' as const,
      Firma: 'jobTitle' as const,
    };
    const summary = summaryOf(
      await runImport(t, path, {
        mapping,
        onDuplicate: 'overwrite',
        duplicateOverrides: [
          { row: 2, action: 'skip' },
          { row: 3, action: 'fill' },
          { row: 5, action: 'create' },
        ],
      }),
    );
    expect(summary).toMatchObject({
      skipped: 1,
      filled: 1,
      overwritten: 1,
      created: 1,
      createdDespiteDuplicate: 1,
      duplicatesInDatabase: 4,
    });
    expect(await detail(t, a.id)).toMatchObject({ firstName: 'Evax', phone: null, version: 1 });
    expect(await detail(t, b.id)).toMatchObject({ firstName: 'Evaxx', phone: '+4940222222' });
    expect(await detail(t, c.id)).toMatchObject({ firstName: 'Eva', phone: '+4940333333' });
    expect(await detail(t, d.id)).toMatchObject({ firstName: 'Evaxxxx', phone: null });
    const roths = (await leads(t)).filter((lead) => lead.email === 'eva4@roth.de');
    expect(roths).toHaveLength(2);
  });

  it('never brings back a do-not-contact person, not even after the lead was deleted', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, {
      firstName: 'Frank',
      lastName: 'Stopp',
      email: 'frank@stopp.de',
    });
    const flagged = await t.call('leads.update', {
      id: lead.id,
      version: lead.version,
      fields: { doNotContact: true },
    });
    const rows = [
      ['Frank', 'Stopp', '', 'FRANK@stopp.de', '', ''],
      ['Gina', 'Frei', '', 'gina@frei.de', '', ''],
    ];
    const first = summaryOf(await runImport(t, csv(t, 's1.csv', rows)));
    expect(first).toMatchObject({ suppressed: 1, created: 1 });
    expect(first.preview[0]).toMatchObject({ row: 2, outcome: 'suppressed' });
    expect(await detail(t, lead.id)).toMatchObject({ version: flagged.lead.version });

    await t.call('leads.delete', { id: lead.id, version: flagged.lead.version });
    const second = summaryOf(
      await runImport(
        t,
        csv(t, 's2.csv', [['Frank', 'Stopp', 'Neu GmbH', 'frank@stopp.de', '', '']]),
      ),
    );
    expect(second).toMatchObject({ suppressed: 1, created: 0 });
    expect((await leads(t)).map((l) => l.lastName)).toEqual(['Frei']);
  });
});
