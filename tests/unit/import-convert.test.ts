import { describe, expect, it } from 'vitest';
import { convertRow, type ConvertContext } from '@core/import/convert';
import { applyMapping, suggestMapping } from '@core/import/mapping';
import type { ConvertedRow, ImportedLead, RowIssue } from '@core/import/types';

const context: ConvertContext = { defaultRegion: 'DE' };

/** Converts one data row of a file with the suggested mapping of its header row. */
function convert(headers: string[], cells: string[], row = 2): ConvertedRow {
  const columns = applyMapping(headers, suggestMapping(headers));
  return convertRow({ row, cells }, headers, columns, context);
}

/** Converts a file of one row given as header → cell. */
function convertCells(values: Record<string, string>, row = 2): ConvertedRow {
  return convert(Object.keys(values), Object.values(values), row);
}

const EMPTY_LEAD: ImportedLead = {
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
};

function issue(partial: Partial<RowIssue> & Pick<RowIssue, 'code'>): RowIssue {
  return {
    row: 2,
    field: null,
    column: null,
    value: '',
    severity: partial.code === 'formula_kept' ? 'warning' : 'error',
    ...partial,
  };
}

describe('convertRow', () => {
  it('converts a full German row into the lead it stores', () => {
    const result = convertCells({
      'Leadwerk-ID': 'lead-42',
      Anrede: 'Frau',
      Titel: 'Dr.',
      Vorname: ' Anna ',
      Nachname: 'Petersen',
      'E-Mail-Adresse': 'Anna.Petersen@Müller.de',
      'Telefon geschäftlich': '030 1234567',
      Mobiltelefon: '0171 1234567',
      Position: 'Einkaufsleiterin',
      Abteilung: 'Einkauf',
      Kaufrolle: 'Entscheider',
      Firma: 'Müller & Söhne GmbH',
      Branche: 'Maschinenbau',
      Mitarbeiter: '1.200',
      Webseite: 'www.mueller.de',
      Straße: 'Hauptstraße 1',
      PLZ: '10115',
      Ort: 'Berlin',
      Land: 'Deutschland',
      Quelle: 'Messe',
      Kampagne: 'Messe 2026',
      Betreuer: 'Max Vertrieb',
      Phase: 'MQL',
      'Erwarteter Wert': '1.234,56 €',
      Abschlussdatum: '31.12.2025',
      Auftragswert: '10.000',
      Notizen: 'Kam zum Stand.',
      Kontaktsperre: 'nein',
    });
    expect(result).toEqual({
      row: 2,
      issues: [],
      lead: {
        leadId: 'lead-42',
        salutation: 'frau',
        firstName: 'Anna',
        lastName: 'Petersen',
        email: 'Anna.Petersen@xn--mller-kva.de',
        phone: '+49301234567',
        mobile: '+491711234567',
        jobTitle: 'Einkaufsleiterin',
        buyingRole: 'decision_maker',
        company: {
          name: 'Müller & Söhne GmbH',
          industry: 'Maschinenbau',
          employees: 1200,
          website: 'www.mueller.de',
          street: 'Hauptstraße 1',
          postalCode: '10115',
          city: 'Berlin',
          country: 'Deutschland',
        },
        sourceChannel: 'trade_fair',
        campaignName: 'Messe 2026',
        ownerName: 'Max Vertrieb',
        stage: 'mql',
        expectedValueCents: 123456,
        expectedCloseDate: '2025-12-31',
        dealValueCents: 1000000,
        notes: 'Kam zum Stand.\nTitel: Dr.\nAbteilung: Einkauf',
        doNotContact: false,
      },
    });
  });

  it('converts an English row', () => {
    const result = convertCells({
      Title: 'Mr.',
      'First Name': 'John',
      'Last Name': 'Smith',
      'E-mail Address': '"John Smith" <john.smith@example.com>',
      'Business Phone': '+44 20 7946 0958',
      Company: 'Example Ltd',
      'Expected value': '€ 1,234.56',
      'Expected close date': '2025-12-31',
      'Do not contact': 'yes',
      Stage: 'Customer',
      Source: 'Referral',
    });
    expect(result.issues).toEqual([]);
    expect(result.lead).toEqual({
      ...EMPTY_LEAD,
      salutation: 'herr',
      firstName: 'John',
      lastName: 'Smith',
      email: 'john.smith@example.com',
      phone: '+442079460958',
      company: {
        name: 'Example Ltd',
        industry: null,
        employees: null,
        website: null,
        street: null,
        postalCode: null,
        city: null,
        country: null,
      },
      expectedValueCents: 123456,
      expectedCloseDate: '2025-12-31',
      doNotContact: true,
      stage: 'customer',
      sourceChannel: 'referral',
    });
  });

  it('splits a full-name column and lets separate name columns win', () => {
    expect(convertCells({ Name: 'Herr Prof. Dr. Max von Müller' }).lead).toEqual({
      ...EMPTY_LEAD,
      salutation: 'herr',
      firstName: 'Max',
      lastName: 'von Müller',
      notes: 'Titel: Prof. Dr.',
    });
    expect(convertCells({ Name: 'Petersen, Anna', Vorname: 'Anne' }).lead).toMatchObject({
      firstName: 'Anne',
      lastName: 'Petersen',
    });
    expect(
      convertCells({ Anrede: 'Frau', Name: 'Herr Max Müller', Nachname: '' }).lead,
    ).toMatchObject({ salutation: 'frau', firstName: 'Max', lastName: 'Müller' });
  });

  it('reads titles from the salutation column as Outlook writes them', () => {
    const base = { Vorname: 'Anna', Nachname: 'Petersen' };
    expect(convertCells({ Anrede: 'Frau Dr.', ...base }).lead).toMatchObject({
      salutation: 'frau',
      notes: 'Titel: Dr.',
    });
    expect(convertCells({ Anrede: 'Dr.', ...base })).toMatchObject({
      issues: [],
      lead: { salutation: null, notes: 'Titel: Dr.' },
    });
    expect(convertCells({ Anrede: 'Frau Dr.', Titel: 'Prof.', ...base }).lead).toMatchObject({
      notes: 'Titel: Prof.',
    });
  });

  it('imports rows without a last name under their first name; a first name is optional', () => {
    expect(convertCells({ Vorname: '', Nachname: 'Petersen' })).toMatchObject({
      row: 2,
      lead: { firstName: '', lastName: 'Petersen' },
      issues: [],
    });
    // Changed by "no contact lost over one bad field": a contact route keeps the row.
    expect(convertCells({ Vorname: 'Anna', 'E-Mail': 'anna@firma.de' })).toEqual({
      row: 2,
      lead: { ...EMPTY_LEAD, lastName: 'Anna', email: 'anna@firma.de' },
      issues: [
        issue({
          code: 'name_substituted',
          field: 'lastName',
          column: 'Vorname',
          value: 'Anna',
          severity: 'warning',
        }),
      ],
    });
    expect(convertCells({ Name: 'Petersen' }).lead).toMatchObject({
      firstName: '',
      lastName: 'Petersen',
    });
  });

  // Changed by "no contact lost over one bad field": these rows used to be left out.
  it.each([
    ['E-Mail', 'name(at)firma', 'email', 'email_invalid', 'ungültige E-Mail-Adresse'],
    ['E-Mail', 'max@firma@web.de', 'email', 'email_invalid', 'ungültige E-Mail-Adresse'],
    ['Telefon', 'Zentrale', 'phone', 'phone_invalid', 'ungültige Telefonnummer'],
    ['Mobil', '123', 'mobile', 'phone_invalid', 'ungültige Telefonnummer'],
    ['Abschlussdatum', '32.13.2026', 'expectedCloseDate', 'date_invalid', 'ungültiges Datum'],
    ['Erwarteter Wert', '-5', 'expectedValue', 'amount_invalid', 'ungültiger Betrag'],
    ['Auftragswert', 'viel', 'dealValue', 'amount_invalid', 'ungültiger Betrag'],
  ] as const)(
    'imports a row whose %s is %s, the value moved to its notes',
    (column, value, field, code, problem) => {
      expect(convertCells({ Vorname: 'Anna', Nachname: 'Petersen', [column]: value })).toEqual({
        row: 2,
        lead: {
          ...EMPTY_LEAD,
          firstName: 'Anna',
          lastName: 'Petersen',
          notes: `Import: ${problem} „${value}“ (Spalte „${column}“) übernommen als Notiz`,
        },
        issues: [issue({ code, field, column, value, severity: 'warning' })],
      });
    },
  );

  it('keeps a Lotus Notes number and an Outlook 2003 placeholder in the notes', () => {
    const lotus = convertCells({
      Vorname: 'Grace',
      Nachname: 'Hopper',
      'Telefon geschäftlich': '+1 (212) 204-34456',
      'E-Mail': 'grace@navy.example',
    });
    expect(lotus.lead).toMatchObject({
      lastName: 'Hopper',
      phone: null,
      email: 'grace@navy.example',
      notes:
        'Import: ungültige Telefonnummer „+1 (212) 204-34456“ (Spalte „Telefon geschäftlich“) übernommen als Notiz',
    });
    expect(lotus.issues).toEqual([
      issue({
        code: 'phone_invalid',
        field: 'phone',
        column: 'Telefon geschäftlich',
        value: '+1 (212) 204-34456',
        severity: 'warning',
      }),
    ]);
    const outlook = convert(
      ['First Name', 'Last Name', 'Business Phone', 'Notes'],
      ['Jim', 'Smith', 'BusinessPhone', 'Met at CeBIT'],
    );
    expect(outlook.lead).toMatchObject({
      lastName: 'Smith',
      phone: null,
      notes:
        'Met at CeBIT\nImport: ungültige Telefonnummer „BusinessPhone“ (Spalte „Business Phone“) übernommen als Notiz',
    });
  });

  it('writes the note lines in the language of the import', () => {
    const headers = ['Vorname', 'Nachname', 'Telefon'];
    const columns = applyMapping(headers, suggestMapping(headers));
    const result = convertRow(
      { row: 3, cells: ['Anna', 'Petersen', 'Zentrale'] },
      headers,
      columns,
      {
        defaultRegion: 'DE',
        language: 'en',
      },
    );
    expect(result.lead?.notes).toBe(
      'Import: invalid phone number “Zentrale” (column “Telefon”) kept as a note',
    );
  });

  it('leaves out only rows with neither a name nor a contact route', () => {
    const nameless = convertCells({ Vorname: 'Anna', Telefon: 'Zentrale', Ort: 'Kiel' });
    expect(nameless.lead).toBeNull();
    expect(nameless.issues).toEqual([
      issue({
        code: 'phone_invalid',
        field: 'phone',
        column: 'Telefon',
        value: 'Zentrale',
        severity: 'warning',
      }),
      issue({ code: 'name_missing', field: 'lastName', column: null, value: 'Anna' }),
    ]);
    // A company is a name: its card is kept under the company's name.
    expect(convertCells({ Firma: 'Nordlicht GmbH', Ort: 'Kiel' })).toMatchObject({
      lead: { firstName: '', lastName: 'Nordlicht GmbH', company: { name: 'Nordlicht GmbH' } },
      issues: [{ code: 'name_substituted', column: 'Firma', severity: 'warning' }],
    });
    // A contact route alone is enough: the address stands in for the name.
    expect(convertCells({ 'E-Mail': 'info@nordlicht.de' })).toMatchObject({
      lead: { lastName: 'info@nordlicht.de', email: 'info@nordlicht.de' },
      issues: [{ code: 'name_substituted', column: 'E-Mail', severity: 'warning' }],
    });
  });

  it('reports every problem of a row and still imports it', () => {
    const result = convertCells({
      Vorname: 'Anna',
      'E-Mail': 'name(at)firma',
      Abschlussdatum: '29.02.2025',
      Firma: 'Nordlicht GmbH',
      Mitarbeiter: 'viele',
    });
    expect(result.lead).toMatchObject({
      firstName: '',
      lastName: 'Anna',
      email: null,
      expectedCloseDate: null,
      company: { name: 'Nordlicht GmbH', employees: null },
    });
    expect(result.issues.map((found) => [found.code, found.severity]).sort()).toEqual([
      ['date_invalid', 'warning'],
      ['email_invalid', 'warning'],
      ['name_substituted', 'warning'],
      ['number_invalid', 'warning'],
    ]);
  });

  it('imports rows with warnings, dropping or keeping the value', () => {
    const result = convertCells({
      Anrede: 'Sir',
      Vorname: 'Anna',
      Nachname: 'Petersen',
      Kaufrolle: 'Chef',
      Phase: 'heiß',
      Quelle: 'Brieftaube',
      Kontaktsperre: 'vielleicht',
      Position: '=HYPERLINK("https://x.de")',
    });
    expect(result.lead).toEqual({
      ...EMPTY_LEAD,
      salutation: 'none',
      firstName: 'Anna',
      lastName: 'Petersen',
      jobTitle: '=HYPERLINK("https://x.de")',
      // Changed by "no contact lost over one bad field": dropped values go to the notes.
      notes: [
        'Import: unbekannte Anrede „Sir“ (Spalte „Anrede“) übernommen als Notiz',
        'Import: unbekannte Kaufrolle „Chef“ (Spalte „Kaufrolle“) übernommen als Notiz',
        'Import: unbekannte Quelle „Brieftaube“ (Spalte „Quelle“) übernommen als Notiz',
        'Import: unbekannte Phase „heiß“ (Spalte „Phase“) übernommen als Notiz',
        'Import: ungültiger Ja/Nein-Wert „vielleicht“ (Spalte „Kontaktsperre“) übernommen als Notiz',
      ].join('\n'),
    });
    expect(
      result.issues.map(({ code, field, column, severity }) => ({ code, field, column, severity })),
    ).toEqual([
      { code: 'salutation_unknown', field: 'salutation', column: 'Anrede', severity: 'warning' },
      { code: 'formula_kept', field: 'jobTitle', column: 'Position', severity: 'warning' },
      { code: 'role_unknown', field: 'buyingRole', column: 'Kaufrolle', severity: 'warning' },
      { code: 'channel_unknown', field: 'sourceChannel', column: 'Quelle', severity: 'warning' },
      { code: 'stage_unknown', field: 'stage', column: 'Phase', severity: 'warning' },
      { code: 'flag_invalid', field: 'doNotContact', column: 'Kontaktsperre', severity: 'warning' },
    ]);
    expect(result.issues.find((found) => found.code === 'stage_unknown')?.value).toBe('heiß');
  });

  it('restores neutralised cells of a Leadwerk export and keeps formulas as text', () => {
    const result = convertCells({
      Vorname: 'Anna',
      Nachname: 'Petersen',
      Notizen: "'=1+2",
      Position: "'-Leitung-",
      Telefon: "'+49 30 1234567",
    });
    expect(result.lead).toMatchObject({
      notes: '=1+2',
      jobTitle: '-Leitung-',
      phone: '+49301234567',
    });
    expect(result.issues).toEqual([
      issue({ code: 'formula_kept', field: 'notes', column: 'Notizen', value: '=1+2' }),
    ]);
  });

  it('stores line breaks inside cells as LF', () => {
    const result = convertCells({ Vorname: 'Anna', Nachname: 'Petersen', Notizen: 'a\r\nb\rc' });
    expect(result.lead?.notes).toBe('a\nb\nc');
  });

  it('drops company fields, bad ones included, when there is no company name', () => {
    const result = convertCells({
      Vorname: 'Anna',
      Nachname: 'Petersen',
      Firma: '',
      Mitarbeiter: 'viele',
      Ort: 'Kiel',
    });
    expect(result).toEqual({
      row: 2,
      issues: [],
      lead: { ...EMPTY_LEAD, firstName: 'Anna', lastName: 'Petersen' },
    });
  });

  it('reports too long texts, showing 100 characters of them', () => {
    const long = 'A'.repeat(101);
    const result = convertCells({ Vorname: long, Nachname: 'Petersen' });
    expect(result.lead).toBeNull();
    expect(result.issues).toEqual([
      issue({ code: 'too_long', field: 'firstName', column: 'Vorname', value: 'A'.repeat(100) }),
    ]);
    expect(convertCells({ Vorname: 'A'.repeat(100), Nachname: 'Petersen' }).lead).not.toBeNull();
    expect(
      convertCells({ Vorname: 'Anna', Nachname: 'Petersen', Firma: 'F'.repeat(101) }).issues,
    ).toEqual([
      issue({ code: 'too_long', field: 'companyName', column: 'Firma', value: 'F'.repeat(100) }),
    ]);
    expect(
      convertCells({ Vorname: 'Anna', Nachname: 'Petersen', 'E-Mail': `${'a'.repeat(250)}@x.de` })
        .issues[0]?.code,
    ).toBe('too_long');
  });

  it('counts the added note lines against the notes limit', () => {
    const notes = 'n'.repeat(20_000);
    expect(convertCells({ Vorname: 'A', Nachname: 'B', Notizen: notes }).lead?.notes).toBe(notes);
    const result = convertCells({ Vorname: 'A', Nachname: 'B', Notizen: notes, Abteilung: 'X' });
    expect(result.lead).toBeNull();
    expect(result.issues).toEqual([
      issue({ code: 'too_long', field: 'notes', column: 'Notizen', value: 'n'.repeat(100) }),
    ]);
  });

  it('skips empty rows with a warning', () => {
    const headers = ['Vorname', 'Nachname'];
    for (const cells of [[], ['', ''], ['  ', '\t'], ['']]) {
      expect(convert(headers, cells, 7)).toEqual({
        row: 7,
        lead: null,
        issues: [
          {
            row: 7,
            field: null,
            column: null,
            code: 'empty_row',
            value: '',
            severity: 'warning',
          },
        ],
      });
    }
  });

  it('takes the first of duplicate-looking columns and ignores the rest', () => {
    const headers = ['Vorname', 'Nachname', 'E-Mail', 'E-Mail (2)', 'Email'];
    const result = convert(headers, ['Anna', 'Petersen', 'anna@firma.de', 'kaputt', 'x@y.de']);
    expect(result.issues).toEqual([]);
    expect(result.lead?.email).toBe('anna@firma.de');
  });

  it('uses a later column of the same field when the first is empty', () => {
    const columns = ['firstName', 'lastName', 'email', 'email'] as const;
    const result = convertRow(
      { row: 3, cells: ['Anna', 'Petersen', '', 'anna@firma.de'] },
      ['Vorname', 'Nachname', 'E-Mail', 'Mail'],
      columns,
      context,
    );
    expect(result.lead?.email).toBe('anna@firma.de');
  });

  it('ignores unmapped columns and cells beyond the header', () => {
    const result = convertRow(
      { row: 4, cells: ['Anna', 'Petersen', 'egal', 'noch mehr'] },
      ['Vorname', 'Nachname', 'Lieblingsfarbe'],
      ['firstName', 'lastName', null],
      context,
    );
    expect(result).toEqual({
      row: 4,
      issues: [],
      lead: { ...EMPTY_LEAD, firstName: 'Anna', lastName: 'Petersen' },
    });
  });
});
