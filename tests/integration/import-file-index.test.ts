import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMapping, suggestMapping } from '@core/import/mapping';
import { type ConvertedRow, DUPLICATE_ACTIONS, MATCH_REASONS } from '@core/import/types';
import { importOptionsSchema, type ImportSummary } from '@core/ipc/import-schemas';
import {
  CandidateIndex,
  type FileEntry,
  FileIndex,
  type RowKeys,
} from '../../src/main/import/dedupe';
import { digestOf } from '../../src/main/import/digest-table';
import { FileIndexStore, keyText } from '../../src/main/import/file-index-store';
import { convertRecord } from '../../src/main/import/job-runner';
import { keysOf, planChunk, type PlanSetup } from '../../src/main/import/plan';
import { SummaryBuilder } from '../../src/main/import/summary';
import { appWithDatabase } from './harness';
import { HEADERS as CSV_HEADERS, runImport, summaryOf, writeCsv } from './import-harness';

/**
 * A dry run keeps the rows of earlier chunks in a `FileIndexStore` (digests in bounded
 * tables, frozen to a temporary file when full; entries on disk) instead of one in-memory
 * index of the whole file. Planned chunk by chunk against it, every row must come out exactly
 * as with one index of all earlier rows — whatever the table size, however often tables
 * freeze, and when two different keys share a digest.
 */

const HEADERS = [
  'Leadwerk-ID',
  'Vorname',
  'Nachname',
  'Firma',
  'E-Mail',
  'Telefon',
  'Mobil',
  'Kontaktsperre',
];
const COLUMNS = applyMapping(HEADERS, suggestMapping(HEADERS));

/** Two lead ids whose keys share a digest: found by trying, as any such pair would be. */
function collidingLeadIds(): [string, string] {
  const seen = new Map<number, string>();
  const reason = MATCH_REASONS.indexOf('lead_id');
  for (let i = 0; ; i++) {
    const id = `L-${i}`;
    const digest = digestOf(keyText(reason, id));
    const other = seen.get(digest);
    if (other !== undefined) return [other, id];
    seen.set(digest, id);
  }
}

const [LEAD_A, LEAD_B] = collidingLeadIds();

// Names Kölner Phonetik codes alike (possible duplicates at one company), few contacts:
// rows of a random list meet each other under every kind of key.
type Row = {
  leadId: string;
  first: string;
  last: string;
  company: string;
  email: string;
  phone: string;
  mobile: string;
  blocked: string;
};

const record: fc.Arbitrary<Row> = fc.record({
  leadId: fc.constantFrom('', '', '', '', LEAD_A, LEAD_B, 'L-x'),
  first: fc.constantFrom('Hans', 'Hanz', 'Anna', 'Hanna', 'Peter', 'Petra'),
  last: fc.constantFrom('Meier', 'Meyer', 'Maier', 'Schmidt', 'Schmitt', 'Müller', 'Möller'),
  company: fc.constantFrom('Fischer & Partner GmbH', 'Fischer und Partner AG', 'Berg AG', ''),
  email: fc.constantFrom('', '', 'a@berg.de', 'A@Berg.de', 'b@berg.de', 'c@fischer.de'),
  phone: fc.constantFrom('', '', '030 1111111', '030 2222222', '0171 3333333'),
  mobile: fc.constantFrom('', '', '', '0171 3333333', '030 1111111'),
  blocked: fc.constantFrom('', '', '', '', 'ja'),
});

const scenario = fc.record({
  records: fc.array(record, { minLength: 20, maxLength: 300, size: 'max' }),
  chunk: fc.integer({ min: 1, max: 30 }),
  tableSlots: fc.constantFrom(4, 8, 64, 1024),
  onDuplicate: fc.constantFrom(...DUPLICATE_ACTIONS),
  /** Rows numbered 2, 3, … or, as a sheet may, repeated (2, 2, 2, 3, …). */
  repeatedRows: fc.boolean(),
  overrides: fc.array(
    fc.record({
      row: fc.integer({ min: 2, max: 120 }),
      action: fc.constantFrom(...DUPLICATE_ACTIONS),
    }),
    { maxLength: 10 },
  ),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

function setupOf(s: Scenario): PlanSetup {
  return {
    options: importOptionsSchema.parse({
      mapping: suggestMapping(HEADERS),
      sourceChannel: 'other',
      onDuplicate: s.onDuplicate,
    }),
    usersByName: new Map(),
    usersById: new Map(),
    ownerColumn: null,
    overrides: new Map(s.overrides.map(({ row, action }) => [row, action])),
  };
}

function chunksOf(s: Scenario): ConvertedRow[][] {
  const rows = s.records.map((r, i) =>
    convertRecord(
      {
        row: s.repeatedRows ? 2 + Math.floor(i / 3) : i + 2,
        cells: [r.leadId, r.first, r.last, r.company, r.email, r.phone, r.mobile, r.blocked],
      },
      HEADERS,
      COLUMNS,
    ),
  );
  const chunks: ConvertedRow[][] = [];
  for (let at = 0; at < rows.length; at += s.chunk) chunks.push(rows.slice(at, at + s.chunk));
  return chunks;
}

/** Where a chunk finds the earlier rows, and what happens to its own afterwards. */
type EarlierRows = {
  indexFor(keys: readonly (RowKeys | null)[]): FileIndex;
  after(file: FileIndex, entries: readonly FileEntry[]): void;
};

/** What planning decided: the summary and, per chunk, the leads it creates (as merged). */
function planned(s: Scenario, earlier: EarlierRows) {
  const setup = setupOf(s);
  const summary = new SummaryBuilder();
  const creates = chunksOf(s).map((rows) => {
    const keys = keysOf(rows);
    const file = earlier.indexFor(keys);
    const plan = planChunk(
      setup,
      { file, summary },
      rows,
      keys,
      new CandidateIndex([]),
      () => false,
    );
    earlier.after(file, plan.entries);
    return plan.creates.map(({ row, lead, merged }) => ({ row, lead, merged }));
  });
  return { summary: summary.summary, creates };
}

/** One index of all earlier rows, as dry runs kept them before the store. */
function withOneIndex(s: Scenario) {
  const file = new FileIndex();
  return planned(s, {
    indexFor: () => file,
    after(_, entries) {
      // Later chunks find these rows by their keys, never by slot.
      for (const entry of entries) entry.slot = null;
    },
  });
}

function withStore(s: Scenario) {
  const store = new FileIndexStore({ tableSlots: s.tableSlots });
  try {
    return planned(s, {
      indexFor: (keys) => store.indexFor(keys),
      after: (file) => store.keep(file),
    });
  } finally {
    store.close();
  }
}

describe('the file index store of a dry run', () => {
  it('has a pair of keys with one digest to test with', () => {
    expect(LEAD_A).not.toBe(LEAD_B);
    const reason = MATCH_REASONS.indexOf('lead_id');
    expect(digestOf(keyText(reason, LEAD_A))).toBe(digestOf(keyText(reason, LEAD_B)));
  });

  it('plans every chunk as one index of all earlier rows would', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(withStore(s)).toEqual(withOneIndex(s));
      }),
      { numRuns: 200 },
    );
  });

  it('never takes a key for another of the same digest', () => {
    const s: Scenario = {
      records: [LEAD_A, ...Array.from({ length: 40 }, (_, i) => `filler-${i}`), LEAD_B, LEAD_A].map(
        (leadId, i) => ({
          leadId,
          first: 'Hans',
          last: `Nummer${'x'.repeat(i)}`,
          company: '',
          email: '',
          phone: '',
          mobile: '',
          blocked: '',
        }),
      ),
      chunk: 5,
      tableSlots: 4,
      onDuplicate: 'skip',
      repeatedRows: false,
      overrides: [],
    };
    const { summary } = withStore(s);
    // Only the last row (LEAD_A again) is a duplicate, of the first.
    expect(summary).toMatchObject({ rows: 43, created: 42, skipped: 1, duplicatesInFile: 1 });
    expect(summary.duplicates.map((d) => [d.row, d.match?.reason, d.match?.row])).toEqual([
      [44, 'lead_id', 2],
    ]);
  });
});

/** A unique name no other sounds like ("Abadafa…"), so that filler rows match nobody. */
function fillerName(n: number): string {
  const sounds = ['b', 'd', 'f', 'g', 'l', 'm', 'r', 's'];
  let name = 'A';
  let rest = n;
  do {
    name += `${sounds[rest % 8]}a`;
    rest = Math.floor(rest / 8);
  } while (rest > 0);
  return name;
}

/** Where each duplicate of a run was found: row, outcome, reason, the earlier row, its email. */
function duplicatesOf(summary: ImportSummary) {
  return [...summary.duplicates, ...summary.possibleDuplicateRows].map((d) => [
    d.row,
    d.outcome,
    d.match?.reason,
    d.match?.row,
    d.match?.name,
    d.match?.email,
    d.match?.phone,
  ]);
}

describe('a dry run of 3,000 rows (6 chunks)', () => {
  const FIRM = 'Fischer & Partner GmbH';
  // Rows 2–5 come back at the end of the file, some 3,000 rows (six chunks) later.
  const first = [
    ['Anna', 'Berg', 'Berg AG', 'anna.berg@berg.de', '', ''],
    ['Hans', 'Meier', FIRM, '', '030 1111111', ''],
    ['Lars', 'Schmidt', FIRM, 'l.schmidt@fischer-partner.de', '', ''],
    ['Jörg', 'Lund', 'Lund KG', '', '040 2222222', ''],
  ];
  const last = [
    // The same email in other letters: a certain duplicate of row 2.
    ['Anna', 'Berg', '', 'Anna.Berg@BERG.de', '', '0171 5555555'],
    // Row 5's number as a mobile number: a certain duplicate by phone.
    ['Jörg', 'Lund', '', '', '', '040 2222222'],
    // Sounds like row 3 at the same company (written differently), nothing contradicts:
    // a possible duplicate, created unless the user decides otherwise.
    ['Hans', 'Meyer', 'Fischer und Partner AG', '', '', ''],
    // Sounds like row 4, but another email: another person, no duplicate at all.
    ['Lars', 'Schmitt', FIRM, 'l.schmitt@fischer-partner.de', '', ''],
  ];
  const rows = [
    ...first,
    ...Array.from({ length: 2992 }, (_, i) => [
      'Filler',
      fillerName(i),
      `Firma ${i}`,
      `f${i}@firma-${i}.de`,
      '',
      '',
    ]),
    ...last,
  ];

  it('finds duplicates of the first rows in the last ones, as the import does', async () => {
    const t = await appWithDatabase();
    const path = writeCsv(t.dir, 'weit.csv', [[...CSV_HEADERS], ...rows]);
    const dry = summaryOf(await runImport(t, path, {}, true));
    expect(dry).toMatchObject({
      rows: 3000,
      created: 2998,
      filled: 2,
      duplicatesInFile: 2,
      possibleDuplicates: 1,
    });
    expect(duplicatesOf(dry)).toEqual([
      [2998, 'fill', 'email', 2, 'Anna Berg', 'anna.berg@berg.de', null],
      [2999, 'fill', 'phone', 5, 'Jörg Lund', null, '+49402222222'],
      [3000, 'create', 'person', 3, 'Hans Meier', null, '+49301111111'],
    ]);
    const real = summaryOf(await runImport(t, path));
    expect(real).toMatchObject({
      rows: 3000,
      created: 2998,
      filled: 2,
      duplicatesInFile: 2,
      possibleDuplicates: 1,
    });
    expect(duplicatesOf(real)).toEqual(duplicatesOf(dry));
  });
});
