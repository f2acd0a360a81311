import { act } from '@testing-library/react';
import type { Bridge } from '@core/ipc/contract';
import type {
  ImportBatch,
  ImportInspection,
  ImportJob,
  ImportSummary,
} from '@core/ipc/import-schemas';
import { fakeBridge, NOW } from './harness';

type Handlers = Parameters<typeof fakeBridge>[0];

/** The harness's fake bridge plus pushing events as main does (import progress, changes). */
export function eventBridge(handlers: Handlers) {
  const fake = fakeBridge(handlers);
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  const bridge: Bridge = {
    invoke: fake.bridge.invoke,
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () => listeners.set(event, listeners.get(event)?.filter((l) => l !== listener) ?? []);
    },
  };
  const emit = (event: string, payload: unknown) =>
    act(() => listeners.get(event)?.forEach((listener) => listener(payload)));
  return { ...fake, bridge, emit };
}

/** A German-Excel trade-fair list as `import.inspect` describes it. */
export function inspection(overrides: Partial<ImportInspection> = {}): ImportInspection {
  return {
    path: '/daten/messe-2026.csv',
    fileName: 'messe-2026.csv',
    size: 2_411_724,
    format: 'csv',
    encoding: 'windows-1252',
    delimiter: ';',
    hasHeader: true,
    sheets: [],
    sheet: null,
    headers: ['Anrede', 'Vorname', 'Nachname', 'Firma', 'E-Mail-Adresse', 'Telefon', 'Potenzial'],
    sampleRows: [
      [
        'Frau',
        'Jördis',
        'Müller',
        'Bäckerei Müller GmbH',
        'j.mueller@example.de',
        '0221 987654',
        '1.234,56 €',
      ],
      ['Herr', 'Björn', 'Weiß', 'Weiß & Söhne KG', 'bjoern@weiss.example', '', '12.500 €'],
      ['', 'Ann', 'Lee', 'Lee Ltd', 'ann@lee.example', '', ''],
    ],
    suggestedMapping: {
      Anrede: 'salutation',
      Vorname: 'firstName',
      Nachname: 'lastName',
      Firma: 'companyName',
      'E-Mail-Adresse': 'email',
      Telefon: 'phone',
      Potenzial: 'expectedValue',
    },
    presetId: null,
    contentHash: 'hash-1',
    previousImport: null,
    ...overrides,
  };
}

const company = {
  name: '',
  industry: null,
  employees: null,
  website: null,
  street: null,
  postalCode: null,
  city: null,
  country: null,
};

const lead = {
  leadId: null,
  salutation: null,
  firstName: '',
  lastName: '',
  email: null,
  phone: null,
  mobile: null,
  jobTitle: null,
  buyingRole: null,
  company: null,
  sourceChannel: null,
  campaignName: null,
  ownerName: null,
  stage: null,
  expectedValueCents: null,
  expectedCloseDate: null,
  dealValueCents: null,
  notes: null,
  doNotContact: null,
} satisfies ImportSummary['preview'][number]['lead'];

/**
 * A dry run's result: 1,234 new rows, one certain match in the database, one within the
 * file, and a possible duplicate (similar name at the same company).
 */
export function summary(overrides: Partial<ImportSummary> = {}): ImportSummary {
  return {
    rows: 1_240,
    created: 1_234,
    filled: 1,
    overwritten: 0,
    skipped: 0,
    createdDespiteDuplicate: 0,
    suppressed: 1,
    invalid: 2,
    empty: 2,
    warnings: 1,
    warningRows: 0,
    duplicatesInFile: 1,
    duplicatesInDatabase: 1,
    possibleDuplicates: 1,
    issues: [
      {
        row: 7,
        field: 'expectedCloseDate',
        column: 'Abschluss',
        code: 'date_invalid',
        value: '32.13.2026',
        severity: 'error',
      },
      {
        row: 9,
        field: 'email',
        column: 'E-Mail-Adresse',
        code: 'email_invalid',
        value: 'name(at)firma',
        severity: 'error',
      },
    ],
    issuesTotal: 2,
    preview: [
      {
        row: 2,
        outcome: 'create',
        match: null,
        lead: {
          ...lead,
          salutation: 'frau',
          firstName: 'Jördis',
          lastName: 'Müller',
          email: 'j.mueller@example.de',
          phone: '+49221987654',
          company: {
            name: 'Bäckerei Müller GmbH',
            industry: null,
            employees: null,
            website: null,
            street: null,
            postalCode: '50667',
            city: 'Köln',
            country: null,
          },
          expectedValueCents: 123_456,
          expectedCloseDate: '2026-03-31',
        },
      },
    ],
    duplicates: [
      {
        row: 12,
        outcome: 'fill',
        lead: { ...lead, firstName: 'Björn', lastName: 'Weiß', email: 'bjoern@weiss.example' },
        match: {
          reason: 'email',
          leadId: 'l7',
          row: null,
          name: 'Björn Weiß',
          companyName: 'Weiß & Söhne KG',
          email: 'bjoern@weiss.example',
          phone: null,
          mobile: null,
        },
      },
      {
        row: 14,
        outcome: 'fill',
        lead: { ...lead, firstName: 'Ann', lastName: 'Lee', mobile: '+491701234567' },
        match: {
          reason: 'phone',
          leadId: null,
          row: 3,
          name: 'Ann Lee',
          companyName: 'Lee Ltd',
          email: 'ann@lee.example',
          phone: '+491701234567',
          mobile: null,
        },
      },
    ],
    possibleDuplicateRows: [
      {
        row: 15,
        outcome: 'create',
        lead: {
          ...lead,
          firstName: 'Hanna',
          lastName: 'Fischer',
          phone: '+4940123456',
          company: { ...company, name: 'Fischer & Partner GmbH' },
        },
        match: {
          reason: 'person',
          leadId: 'l9',
          row: null,
          name: 'Anna Fischer',
          companyName: 'Fischer & Partner AG',
          email: 'anna@fischer.example',
          phone: null,
          mobile: null,
        },
      },
    ],
    ...overrides,
  };
}

export function job(overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    jobId: 'j1',
    batchId: null,
    dryRun: true,
    fileName: 'messe-2026.csv',
    status: 'running',
    phase: 'reading',
    rowsDone: 0,
    rowsTotal: null,
    bytesDone: 0,
    bytesTotal: 2_411_724,
    summary: null,
    error: null,
    ...overrides,
  };
}

export function batch(overrides: Partial<ImportBatch> & { id: string }): ImportBatch {
  return {
    fileName: 'messe-2026.csv',
    format: 'csv',
    contentHash: 'hash-1',
    importedAt: NOW - 3_600_000,
    finishedAt: NOW - 3_500_000,
    userName: 'Jana Becker',
    sourceChannel: 'trade_fair',
    campaignName: 'Messe 2026',
    ownerName: null,
    mappingName: null,
    status: 'done',
    rowsTotal: 1_240,
    rowsDone: 1_240,
    created: 1_234,
    filled: 1,
    overwritten: 0,
    skipped: 0,
    suppressed: 1,
    invalid: 2,
    duplicates: 2,
    possibleDuplicates: 0,
    warnings: 0,
    warningRows: 0,
    undoneAt: null,
    undoneByName: null,
    canUndo: true,
    canResume: false,
    ...overrides,
  };
}
