import { describe, expect, it } from 'vitest';
import {
  HEADER_SYNONYMS,
  LEADWERK_EXPORT_COLUMNS,
  MAPPING_PRESETS,
  applyMapping,
  matchPreset,
  normalizeHeader,
  suggestMapping,
} from '@core/import/mapping';
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '@core/import/types';
import { translate } from '@core/i18n';

/** Header row of a German Outlook contact export (Datei → Öffnen und exportieren → CSV). */
const OUTLOOK_DE = [
  'Anrede',
  'Vorname',
  'Weitere Vornamen',
  'Nachname',
  'Suffix',
  'Firma',
  'Abteilung',
  'Position',
  'Straße geschäftlich',
  'Straße geschäftlich 2',
  'Straße geschäftlich 3',
  'Ort geschäftlich',
  'Region geschäftlich',
  'Postleitzahl geschäftlich',
  'Land/Region geschäftlich',
  'Straße privat',
  'Straße privat 2',
  'Straße privat 3',
  'Ort privat',
  'Bundesland/Kanton privat',
  'Postleitzahl privat',
  'Land/Region privat',
  'Weitere Straße',
  'Weitere Straße 2',
  'Weitere Straße 3',
  'Weiterer Ort',
  'Weiteres/r Bundesland/Kanton',
  'Weitere Postleitzahl',
  'Weiteres/e Land/Region',
  'Telefon Assistent',
  'Fax geschäftlich',
  'Telefon geschäftlich',
  'Telefon geschäftlich 2',
  'Rückmeldung',
  'Autotelefon',
  'Telefon Firma',
  'Fax privat',
  'Telefon privat',
  'Telefon privat 2',
  'ISDN',
  'Mobiltelefon',
  'Weiteres Fax',
  'Weiteres Telefon',
  'Pager',
  'Haupttelefon',
  'Mobiltelefon 2',
  'Telefon für Hörbehinderte',
  'Telex',
  'Abrechnungsinformation',
  'Benutzer 1',
  'Benutzer 2',
  'Benutzer 3',
  'Benutzer 4',
  'Beruf',
  'Büro',
  'E-Mail-Adresse',
  'E-Mail-Typ',
  'E-Mail: Angezeigter Name',
  'E-Mail 2: Adresse',
  'E-Mail 2: Typ',
  'E-Mail 2: Angezeigter Name',
  'E-Mail 3: Adresse',
  'E-Mail 3: Typ',
  'E-Mail 3: Angezeigter Name',
  'Empfohlen von',
  'Geburtstag',
  'Geschlecht',
  'Hobby',
  'Initialen',
  'Internet Frei/Gebucht',
  'Jahrestag',
  'Kategorien',
  'Kinder',
  'Konto',
  'Name Assistent',
  'Name des/r Vorgesetzten',
  'Notizen',
  'Organisationsnr.',
  'Ort',
  'Partner',
  'Postfach geschäftlich',
  'Postfach privat',
  'Priorität',
  'Privat',
  'Regierungsnr.',
  'Reisekilometer',
  'Sprache',
  'Stichwörter',
  'Vertraulichkeit',
  'Verzeichnisserver',
  'Webseite',
  'Weiteres Postfach',
];

/** Header row of an English Outlook contact export. */
const OUTLOOK_EN = [
  'Title',
  'First Name',
  'Middle Name',
  'Last Name',
  'Suffix',
  'Company',
  'Department',
  'Job Title',
  'Business Street',
  'Business Street 2',
  'Business Street 3',
  'Business City',
  'Business State',
  'Business Postal Code',
  'Business Country/Region',
  'Home Street',
  'Home Street 2',
  'Home Street 3',
  'Home City',
  'Home State',
  'Home Postal Code',
  'Home Country/Region',
  'Other Street',
  'Other Street 2',
  'Other Street 3',
  'Other City',
  'Other State',
  'Other Postal Code',
  'Other Country/Region',
  "Assistant's Phone",
  'Business Fax',
  'Business Phone',
  'Business Phone 2',
  'Callback',
  'Car Phone',
  'Company Main Phone',
  'Home Fax',
  'Home Phone',
  'Home Phone 2',
  'ISDN',
  'Mobile Phone',
  'Other Fax',
  'Other Phone',
  'Pager',
  'Primary Phone',
  'Radio Phone',
  'TTY/TDD Phone',
  'Telex',
  'Account',
  'Anniversary',
  "Assistant's Name",
  'Billing Information',
  'Birthday',
  'Business Address PO Box',
  'Categories',
  'Children',
  'Directory Server',
  'E-mail Address',
  'E-mail Type',
  'E-mail Display Name',
  'E-mail 2 Address',
  'E-mail 2 Type',
  'E-mail 2 Display Name',
  'E-mail 3 Address',
  'E-mail 3 Type',
  'E-mail 3 Display Name',
  'Gender',
  'Government ID Number',
  'Hobby',
  'Home Address PO Box',
  'Initials',
  'Internet Free Busy',
  'Keywords',
  'Language',
  'Location',
  "Manager's Name",
  'Mileage',
  'Notes',
  'Office Location',
  'Organizational ID Number',
  'Other Address PO Box',
  'Priority',
  'Private',
  'Profession',
  'Referred By',
  'Sensitivity',
  'Spouse',
  'User 1',
  'User 2',
  'User 3',
  'User 4',
  'Web Page',
];

const VCARD = [
  'Anrede',
  'Titel',
  'Vorname',
  'Nachname',
  'Firma',
  'Abteilung',
  'Position',
  'Rolle',
  'E-Mail-Adresse',
  'E-Mail 2',
  'Telefon geschäftlich',
  'Mobiltelefon',
  'Telefon privat',
  'Straße',
  'PLZ',
  'Ort',
  'Land',
  'Webseite',
  'Notizen',
];

/** Only the mapped headers of a mapping. */
function mapped(mapping: ImportMapping): Record<string, ImportField> {
  return Object.fromEntries(
    Object.entries(mapping).filter((entry): entry is [string, ImportField] => entry[1] !== null),
  );
}

describe('normalizeHeader', () => {
  it('ignores case, umlaut spelling, punctuation, hyphens and spaces', () => {
    expect(normalizeHeader('E-Mail-Adresse')).toBe('emailadresse');
    expect(normalizeHeader('email adresse')).toBe('emailadresse');
    expect(normalizeHeader('E-mail Address')).toBe('emailaddress');
    expect(normalizeHeader('Straße geschäftlich')).toBe('strassegeschaeftlich');
    expect(normalizeHeader('STRASSE GESCHAEFTLICH')).toBe('strassegeschaeftlich');
    expect(normalizeHeader(' Land/Region ')).toBe('landregion');
    expect(normalizeHeader('Tel.')).toBe('tel');
  });
});

describe('HEADER_SYNONYMS', () => {
  it('lists every field and gives each spelling to one field only', () => {
    expect(Object.keys(HEADER_SYNONYMS).sort()).toEqual([...IMPORT_FIELDS].sort());
    const owner = new Map<string, ImportField>();
    for (const field of IMPORT_FIELDS) {
      expect(HEADER_SYNONYMS[field].length, field).toBeGreaterThan(0);
      for (const name of HEADER_SYNONYMS[field]) {
        const key = normalizeHeader(name);
        const before = owner.get(key);
        expect(before === undefined || before === field, `${name}: ${before} and ${field}`).toBe(
          true,
        );
        owner.set(key, field);
      }
    }
  });
});

describe('suggestMapping', () => {
  it('maps a German Outlook export', () => {
    const mapping = suggestMapping(OUTLOOK_DE);
    expect(Object.keys(mapping)).toEqual(OUTLOOK_DE);
    expect(mapped(mapping)).toEqual({
      Anrede: 'salutation',
      Vorname: 'firstName',
      Nachname: 'lastName',
      Firma: 'companyName',
      Abteilung: 'department',
      Position: 'jobTitle',
      'Straße geschäftlich': 'street',
      'Ort geschäftlich': 'city',
      'Postleitzahl geschäftlich': 'postalCode',
      'Land/Region geschäftlich': 'country',
      'Telefon geschäftlich': 'phone',
      Mobiltelefon: 'mobile',
      'E-Mail-Adresse': 'email',
      Notizen: 'notes',
      Webseite: 'website',
    });
  });

  it('maps an English Outlook export, reading "Title" as the salutation', () => {
    expect(mapped(suggestMapping(OUTLOOK_EN))).toEqual({
      Title: 'salutation',
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Company: 'companyName',
      Department: 'department',
      'Job Title': 'jobTitle',
      'Business Street': 'street',
      'Business City': 'city',
      'Business Postal Code': 'postalCode',
      'Business Country/Region': 'country',
      'Business Phone': 'phone',
      'Mobile Phone': 'mobile',
      'E-mail Address': 'email',
      Notes: 'notes',
      'Web Page': 'website',
    });
  });

  it("maps Leadwerk's own export in both languages", () => {
    for (const language of ['de', 'en'] as const) {
      const headers = LEADWERK_EXPORT_COLUMNS.map((column) => column.header[language]);
      expect(applyMapping(headers, suggestMapping(headers))).toEqual(
        LEADWERK_EXPORT_COLUMNS.map((column) => column.field),
      );
    }
  });

  it('maps the columns of the vCard reader like its preset', () => {
    const preset = MAPPING_PRESETS.find((candidate) => candidate.id === 'vcard');
    expect(suggestMapping(VCARD)).toEqual(preset?.mapping);
  });

  it('maps simple German and English lists', () => {
    expect(
      suggestMapping(['Name', 'Unternehmen', 'E-Mail', 'Tel.', 'Handy', 'Stadt', 'Bemerkung']),
    ).toEqual({
      Name: 'fullName',
      Unternehmen: 'companyName',
      'E-Mail': 'email',
      'Tel.': 'phone',
      Handy: 'mobile',
      Stadt: 'city',
      Bemerkung: 'notes',
    });
    expect(
      suggestMapping(['Given name', 'Surname', 'Email', 'Organization', 'Zip', 'Cell', 'Status']),
    ).toEqual({
      'Given name': 'firstName',
      Surname: 'lastName',
      Email: 'email',
      Organization: 'companyName',
      Zip: 'postalCode',
      Cell: 'mobile',
      Status: 'stage',
    });
  });

  it('gives a field to the first column claiming it; later look-alikes map to null', () => {
    expect(
      suggestMapping(['Vorname', 'E-Mail', 'E-Mail (2)', 'Email', 'Telefon', 'Telefon privat']),
    ).toEqual({
      Vorname: 'firstName',
      'E-Mail': 'email',
      'E-Mail (2)': null,
      Email: null,
      Telefon: 'phone',
      'Telefon privat': null,
    });
  });

  it('guesses numbered and prefixed headers when the field is still free', () => {
    expect(suggestMapping(['E-Mail 2', 'Telefon Zentrale', 'Home Street'])).toEqual({
      'E-Mail 2': 'email',
      'Telefon Zentrale': 'phone',
      'Home Street': 'street',
    });
    // A header that starts with a field's name beats one that merely contains another's.
    expect(suggestMapping(['E-Mail 2: Adresse'])).toEqual({ 'E-Mail 2: Adresse': 'email' });
    // Short words like "Name" or "Ort" are not guessed inside longer headers.
    expect(suggestMapping(['Name Assistent', 'Weiterer Ort', 'Mittelname'])).toEqual({
      'Name Assistent': null,
      'Weiterer Ort': null,
      Mittelname: null,
    });
  });

  it('maps unknown and empty headers to null', () => {
    expect(suggestMapping(['Lieblingsfarbe', '', 'Spalte 7'])).toEqual({
      Lieblingsfarbe: null,
      '': null,
      'Spalte 7': null,
    });
  });

  it('keeps the first mapping of a header that occurs twice', () => {
    expect(suggestMapping(['Nachname', 'Nachname'])).toEqual({ Nachname: 'lastName' });
  });
});

describe('MAPPING_PRESETS', () => {
  it('has a name in both languages for every preset', () => {
    for (const preset of MAPPING_PRESETS) {
      for (const language of ['de', 'en'] as const) {
        expect(translate(language, preset.nameKey)).not.toBe(preset.nameKey);
      }
    }
  });

  it('suggests for each Outlook layout exactly its preset mapping', () => {
    for (const preset of MAPPING_PRESETS.filter((candidate) => candidate.id !== 'leadwerk')) {
      expect(suggestMapping(preset.headers), preset.id).toEqual(preset.mapping);
    }
  });

  it("lists Leadwerk's columns in both languages and every field but the derived ones", () => {
    const leadwerk = MAPPING_PRESETS.find((preset) => preset.id === 'leadwerk');
    const fields = LEADWERK_EXPORT_COLUMNS.map((column) => column.field);
    expect(new Set(fields).size).toBe(fields.length);
    expect([...fields].sort()).toEqual(
      IMPORT_FIELDS.filter((field) => !['fullName', 'title', 'department'].includes(field)).sort(),
    );
    expect(leadwerk?.headers).toEqual([
      ...LEADWERK_EXPORT_COLUMNS.map((column) => column.header.de),
      ...LEADWERK_EXPORT_COLUMNS.map((column) => column.header.en),
    ]);
    for (const column of LEADWERK_EXPORT_COLUMNS) {
      expect(leadwerk?.mapping[column.header.de]).toBe(column.field);
      expect(leadwerk?.mapping[column.header.en]).toBe(column.field);
    }
  });
});

describe('matchPreset', () => {
  it('recognises each known layout', () => {
    expect(matchPreset(OUTLOOK_DE)?.id).toBe('outlook_de');
    expect(matchPreset(OUTLOOK_EN)?.id).toBe('outlook_en');
    expect(matchPreset(VCARD)?.id).toBe('vcard');
    expect(matchPreset(LEADWERK_EXPORT_COLUMNS.map((c) => c.header.de))?.id).toBe('leadwerk');
    expect(matchPreset(LEADWERK_EXPORT_COLUMNS.map((c) => c.header.en))?.id).toBe('leadwerk');
  });

  it('compares headers normalised', () => {
    expect(matchPreset(OUTLOOK_DE.map((header) => header.toUpperCase()))?.id).toBe('outlook_de');
  });

  it('needs 80 % of the mapped headers', () => {
    const outlook = MAPPING_PRESETS.find((preset) => preset.id === 'outlook_en');
    const headers = Object.keys(mapped(outlook?.mapping ?? {}));
    expect(headers).toHaveLength(15);
    expect(matchPreset(headers.slice(0, 12))?.id).toBe('outlook_en');
    expect(matchPreset(headers.slice(0, 11))).toBeNull();
  });

  it('matches nothing for an unrelated file', () => {
    expect(matchPreset(['Vorname', 'Nachname', 'E-Mail'])).toBeNull();
    expect(matchPreset([])).toBeNull();
  });
});

describe('applyMapping', () => {
  it('returns the field of every column', () => {
    const mapping = { Vorname: 'firstName', 'E-Mail-Adresse': 'email', Notizen: null } as const;
    expect(applyMapping(['Vorname', 'Notizen', 'Sonstiges', 'E-Mail-Adresse'], mapping)).toEqual([
      'firstName',
      null,
      null,
      'email',
    ]);
  });

  it('applies a saved mapping to headers that differ in case and punctuation', () => {
    const saved = suggestMapping(['Vorname', 'Nachname', 'E-Mail-Adresse', 'Straße geschäftlich']);
    expect(
      applyMapping(['VORNAME', 'nachname', 'email adresse', 'Strasse geschaeftlich'], saved),
    ).toEqual(['firstName', 'lastName', 'email', 'street']);
  });

  it('prefers the header as written and never maps two columns onto one field', () => {
    const mapping = { 'E-Mail': 'email', EMail: null } as const;
    expect(applyMapping(['EMail', 'E-Mail'], mapping)).toEqual([null, 'email']);
    expect(applyMapping(['E-Mail', 'e-mail', 'EMAIL'], { 'E-Mail': 'email' })).toEqual([
      'email',
      null,
      null,
    ]);
  });

  it('accepts the Leadwerk preset for a German and an English export', () => {
    const leadwerk = MAPPING_PRESETS.find((preset) => preset.id === 'leadwerk');
    for (const language of ['de', 'en'] as const) {
      const headers = LEADWERK_EXPORT_COLUMNS.map((column) => column.header[language]);
      expect(applyMapping(headers, leadwerk?.mapping ?? {})).toEqual(
        LEADWERK_EXPORT_COLUMNS.map((column) => column.field),
      );
    }
  });
});
