import type { LogEvent } from 'kysely';
import { describe, expect, it } from 'vitest';
import { personKey } from '@core/import/match-keys';
import { appWithDatabase, company, createLead, rawConnection } from './harness';
import { HEADERS, runImport, summaryOf, waitForJob, writeCsv } from './import-harness';

/**
 * Similar names at one company (Kölner Phonetik codes Meier, Meyer and Maier alike, and
 * Anna/Hanna, Peter/Petra, Müller/Möller) are at most possible duplicates: two people when
 * their emails or numbers differ, listed for review and created by default otherwise.
 */

type App = Awaited<ReturnType<typeof appWithDatabase>>;

const FIRM = 'Fischer & Partner GmbH';

/** One CSV of the test headers (first, last, company, email, phone, mobile). */
function csv(t: App, name: string, rows: string[][]): string {
  return writeCsv(t.dir, name, [[...HEADERS], ...rows]);
}

type StoredLead = {
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  job_title: string | null;
};

/** Every lead of the file as stored, read as another program would. */
function storedLeads(t: App): StoredLead[] {
  return rawConnection(t.path, { readonly: true })
    .prepare(
      'SELECT first_name, last_name, email, phone, mobile, job_title FROM leads ORDER BY rowid',
    )
    .all() as StoredLead[];
}

function storedContacts(t: App) {
  const leads = storedLeads(t);
  return {
    emails: leads.map((lead) => lead.email).filter((email) => email !== null),
    numbers: leads.flatMap((lead) => [lead.phone, lead.mobile]).filter((n) => n !== null),
  };
}

/** German name pairs that Kölner Phonetik cannot tell apart, each with a contact of its own. */
const PAIRS: string[][][] = [
  [
    ['Hans', 'Meier', FIRM, 'h.meier@fischer-partner.de', '030 1111111', ''],
    ['Hans', 'Meyer', 'Fischer und Partner AG', 'h.meyer@fischer-partner.de', '030 2222222', ''],
    ['Hans', 'Maier', FIRM, 'h.maier@fischer-partner.de', '', ''],
  ],
  [
    ['Lars', 'Schmidt', FIRM, 'l.schmidt@fischer-partner.de', '', '0171 1111111'],
    ['Lars', 'Schmitt', FIRM, 'l.schmitt@fischer-partner.de', '', '0171 2222222'],
  ],
  [
    ['Anna', 'Fischer', FIRM, 'anna@fischer-partner.de', '040 1111111', '0172 1111111'],
    ['Hanna', 'Fischer', FIRM, 'hanna@fischer-partner.de', '040 2222222', '0172 2222222'],
  ],
  // Numbers only, and they differ.
  [
    ['Jörg', 'Müller', FIRM, '', '089 1111111', ''],
    ['Jörg', 'Möller', FIRM, '', '089 2222222', ''],
  ],
  // Emails only, and they differ.
  [
    ['Peter', 'Fischer', FIRM, 'peter@fischer-partner.de', '', ''],
    ['Petra', 'Fischer', FIRM, 'petra@fischer-partner.de', '', ''],
  ],
];

const ALL_EMAILS = PAIRS.flat()
  .map((row) => row[3] ?? '')
  .filter((email) => email !== '');
const ALL_NUMBERS = [
  '+49301111111',
  '+49302222222',
  '+491711111111',
  '+491712222222',
  '+49401111111',
  '+491721111111',
  '+49402222222',
  '+491722222222',
  '+49891111111',
  '+49892222222',
];

describe('possible duplicates', () => {
  it('keeps people with similar names at one company apart when emails or numbers differ', async () => {
    const t = await appWithDatabase();
    const rows = PAIRS.flat();
    const summary = summaryOf(await runImport(t, csv(t, 'people.csv', rows)));
    expect(summary).toMatchObject({
      created: rows.length,
      filled: 0,
      possibleDuplicates: 0,
      duplicatesInFile: 0,
      duplicatesInDatabase: 0,
    });
    expect(storedLeads(t).map((lead) => `${lead.first_name} ${lead.last_name}`)).toEqual(
      rows.map((row) => `${row[0]} ${row[1]}`),
    );
    const stored = storedContacts(t);
    expect(stored.emails.sort()).toEqual([...ALL_EMAILS].sort());
    expect(stored.numbers.sort()).toEqual([...ALL_NUMBERS].sort());
  });

  it('keeps them apart from stored leads too: the second of each pair is a new person', async () => {
    const t = await appWithDatabase();
    const [first, second] = [
      PAIRS.map((pair) => pair[0] ?? []),
      PAIRS.flatMap((pair) => pair.slice(1)),
    ];
    expect(summaryOf(await runImport(t, csv(t, 'a.csv', first))).created).toBe(first.length);
    const summary = summaryOf(await runImport(t, csv(t, 'b.csv', second)));
    expect(summary).toMatchObject({
      created: second.length,
      filled: 0,
      skipped: 0,
      possibleDuplicates: 0,
      duplicatesInDatabase: 0,
    });
    expect(storedLeads(t)).toHaveLength(first.length + second.length);
    const stored = storedContacts(t);
    expect(stored.emails.sort()).toEqual([...ALL_EMAILS].sort());
    expect(stored.numbers.sort()).toEqual([...ALL_NUMBERS].sort());
  });

  it('lists name-only matches for review, creates them by default and merges on "fill"', async () => {
    const t = await appWithDatabase();
    const meier = await createLead(t, {
      firstName: 'Hans',
      lastName: 'Meier',
      company: company('Bäckerei Meier GmbH'),
    });
    const path = writeCsv(t.dir, 'review.csv', [
      ['Vorname', 'Nachname', 'Firma', 'Position'],
      ['Hans', 'Meyer', 'Bäckerei Meier', 'Einkauf'],
      ['Anna', 'Fischer', 'Fischer Druck GmbH', ''],
      ['Hanna', 'Fischer', 'Fischer Druck GmbH', 'Vertrieb'],
    ]);
    const mapping = {
      Vorname: 'firstName',
      Nachname: 'lastName',
      Firma: 'companyName',
      Position: 'jobTitle',
    } as const;

    const dry = summaryOf(await runImport(t, path, { mapping }, true));
    expect(dry).toMatchObject({ created: 3, filled: 0, possibleDuplicates: 2 });
    expect(dry.duplicates).toEqual([]);
    expect(dry.possibleDuplicateRows).toMatchObject([
      {
        row: 2,
        outcome: 'create',
        lead: { firstName: 'Hans', lastName: 'Meyer' },
        match: {
          reason: 'person',
          leadId: meier.id,
          row: null,
          name: 'Hans Meier',
          companyName: 'Bäckerei Meier GmbH',
          email: null,
          phone: null,
          mobile: null,
        },
      },
      {
        row: 4,
        outcome: 'create',
        lead: { firstName: 'Hanna', lastName: 'Fischer' },
        match: { reason: 'person', leadId: null, row: 3, name: 'Anna Fischer' },
      },
    ]);

    // The run's default ("fill") is not applied to them: four people afterwards.
    const job = await runImport(t, path, { mapping });
    expect(summaryOf(job)).toMatchObject({ created: 3, filled: 0, possibleDuplicates: 2 });
    expect(storedLeads(t)).toHaveLength(4);
    await t.call('imports.undo', { batchId: job.batchId ?? '' });

    // The user decides that both are the same person: merged.
    const decided = summaryOf(
      await runImport(t, path, {
        mapping,
        confirmRepeat: true,
        duplicateOverrides: [
          { row: 2, action: 'fill' },
          { row: 4, action: 'fill' },
        ],
      }),
    );
    expect(decided).toMatchObject({ created: 1, filled: 2, possibleDuplicates: 2 });
    expect(storedLeads(t)).toEqual([
      expect.objectContaining({ first_name: 'Hans', last_name: 'Meier', job_title: 'Einkauf' }),
      expect.objectContaining({ first_name: 'Anna', last_name: 'Fischer', job_title: 'Vertrieb' }),
    ]);
  });

  it('compares a row with every stored lead of its name, not only the oldest', async () => {
    const t = await appWithDatabase();
    const firm = company('Fischer Druck GmbH');
    await createLead(t, {
      firstName: 'Anna',
      lastName: 'Fischer',
      email: 'anna@fischer-druck.de',
      company: firm,
    });
    t.clock.now += 60_000;
    const hanna = await createLead(t, { firstName: 'Hanna', lastName: 'Fischer', company: firm });
    const path = csv(t, 'hanna.csv', [
      ['Hanna', 'Fischer', 'Fischer Druck GmbH', 'hanna@fischer-druck.de', '', ''],
    ]);
    const dry = summaryOf(await runImport(t, path, {}, true));
    expect(dry).toMatchObject({ created: 1, possibleDuplicates: 1 });
    expect(dry.possibleDuplicateRows[0]?.match).toMatchObject({
      reason: 'person',
      leadId: hanna.id,
      email: null,
    });
    const decided = summaryOf(
      await runImport(t, path, { duplicateOverrides: [{ row: 2, action: 'fill' }] }),
    );
    expect(decided).toMatchObject({ created: 0, filled: 1 });
    expect(storedLeads(t).map((lead) => [lead.first_name, lead.email])).toEqual([
      ['Anna', 'anna@fischer-druck.de'],
      ['Hanna', 'hanna@fischer-druck.de'],
    ]);
  });

  it('keeps every person of a 1,000-row list of similar names at the same companies', async () => {
    const rows = similarNames(1000);
    const withContacts = rows.map((row, i) => [
      ...row,
      `person${i}@firma-${i % 7}.de`,
      i % 2 === 0 ? `030 ${1_000_000 + i}` : '',
      i % 3 === 0 ? `0171 ${2_000_000 + i}` : '',
    ]);
    const t = await appWithDatabase();
    const summary = summaryOf(await runImport(t, csv(t, 'similar.csv', withContacts)));
    expect(summary).toMatchObject({
      rows: 1000,
      created: 1000,
      possibleDuplicates: 0,
      duplicatesInFile: 0,
    });
    const stored = storedContacts(t);
    expect(stored.emails.sort()).toEqual(withContacts.map((row) => row[3]).sort());
    const numbers = withContacts.flatMap((_, i) => [
      ...(i % 2 === 0 ? [`+4930${1_000_000 + i}`] : []),
      ...(i % 3 === 0 ? [`+49171${2_000_000 + i}`] : []),
    ]);
    expect(stored.numbers.sort()).toEqual(numbers.sort());

    // Without any contact data nobody can tell: every later row of a name is a possible
    // duplicate of the first, and still a person of its own.
    const bare = await appWithDatabase();
    const names = rows.map((row) => [...row, '', '', '']);
    const blind = summaryOf(await runImport(bare, csv(bare, 'bare.csv', names)));
    const distinct = new Set(rows.map(([first, last, firm]) => personKey(first, last, firm)));
    expect(distinct.size).toBeLessThan(400);
    expect(blind).toMatchObject({
      rows: 1000,
      created: 1000,
      filled: 0,
      possibleDuplicates: 1000 - distinct.size,
    });
    expect(storedLeads(bare)).toHaveLength(1000);
  });

  it('resumes an interrupted import with the possible duplicates it had counted', async () => {
    // Closing the file after the first chunk was written interrupts the import there.
    let app: App | null = null;
    let closing: Promise<unknown> | null = null;
    const importLog = (event: LogEvent) => {
      if (event.query.sql === 'commit' && app !== null && closing === null) {
        closing = app.call('database.close', {});
      }
    };
    const t = await appWithDatabase({ importLog });
    const names = similarNames(1000).map((row) => [...row, '', '', '']);
    const path = csv(t, 'bare.csv', names);
    const dry = summaryOf(await runImport(t, path, {}, true));
    expect(dry.possibleDuplicates).toBeGreaterThan(500);

    app = t;
    const stopped = await runImport(t, path);
    await closing;
    expect(stopped.status).toBe('cancelled');
    await t.call('database.open', { path: t.path });
    t.clock.now += 120_000;
    const [batch] = await t.call('imports.list', {});
    expect(batch).toMatchObject({ status: 'interrupted', rowsDone: 500 });
    expect(batch?.possibleDuplicates).toBeGreaterThan(0);

    const resumed = await waitForJob(
      t,
      await t.call('imports.resume', { batchId: batch?.id ?? '' }),
    );
    expect(resumed.summary).toMatchObject({
      rows: 1000,
      created: 1000,
      possibleDuplicates: dry.possibleDuplicates,
    });
    expect((await t.call('imports.list', {}))[0]).toMatchObject({
      status: 'done',
      possibleDuplicates: dry.possibleDuplicates,
    });
  });
});

/**
 * `count` rows (first name, last name, company) of German names that sound alike, at four
 * spellings of two companies: every name pair of the list meets every last-name group.
 */
function similarNames(count: number): [string, string, string][] {
  const firstNames = [
    ['Anna', 'Hanna'],
    ['Peter', 'Petra'],
    ['Jan', 'Jana'],
    ['Christian', 'Christiane'],
    ['Michael', 'Michaela'],
    ['Daniel', 'Daniela'],
    ['Paul', 'Paula'],
    ['Karl', 'Carla'],
    ['Marie', 'Mario'],
    ['Stefan', 'Stephan'],
  ].flat();
  const lastNames = [
    ['Meier', 'Meyer', 'Maier', 'Mayer'],
    ['Schmidt', 'Schmitt', 'Schmid'],
    ['Müller', 'Möller'],
    ['Fischer'],
    ['Schulz', 'Schultz', 'Schulze'],
    ['Hoffmann', 'Hofmann'],
  ].flat();
  const companies = [
    'Fischer & Partner GmbH',
    'Fischer und Partner AG',
    'Müller Logistik GmbH & Co. KG',
    'Mueller Logistik KG',
  ];
  return Array.from({ length: count }, (_, i) => [
    firstNames[i % firstNames.length] ?? '',
    lastNames[Math.floor(i / firstNames.length) % lastNames.length] ?? '',
    companies[Math.floor(i / 320) % companies.length] ?? '',
  ]);
}
