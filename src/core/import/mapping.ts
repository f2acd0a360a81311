import type { TranslationKey } from '../i18n';
import { foldForSearch } from '../text/normalize';
import type { ImportField, ImportMapping } from './types';
import { VCARD_COLUMNS } from './vcard';

/**
 * Column headers by field, German and English, as spreadsheets, CRMs and Outlook write them.
 * Compared with {@link normalizeHeader}; every spelling belongs to one field only. Outlook's
 * English "Title" column is the salutation ("Mr."), not the job title.
 */
export const HEADER_SYNONYMS: Record<ImportField, readonly string[]> = {
  leadId: ['Leadwerk-ID', 'Leadwerk ID', 'Lead-ID'],
  salutation: ['Anrede', 'Salutation', 'Title', 'Form of address'],
  title: ['Titel', 'Akademischer Titel', 'Akad. Titel', 'Academic title'],
  firstName: ['Vorname', 'Rufname', 'First Name', 'Firstname', 'Given name', 'Forename'],
  lastName: [
    'Nachname',
    'Familienname',
    'Zuname',
    'Last Name',
    'Lastname',
    'Surname',
    'Family name',
  ],
  fullName: [
    'Name',
    'Vollständiger Name',
    'Kontakt',
    'Kontaktperson',
    'Ansprechpartner',
    'Anzeigename',
    'Full Name',
    'Contact',
    'Contact name',
    'Display name',
  ],
  email: [
    'E-Mail',
    'E-Mail-Adresse',
    'Mail',
    'Mailadresse',
    'E-Mail geschäftlich',
    'Email',
    'E-mail Address',
    'Email address',
    'Business email',
  ],
  phone: [
    'Telefon',
    'Telefon geschäftlich',
    'Tel.',
    'Telefonnummer',
    'Festnetz',
    'Phone',
    'Business Phone',
    'Phone number',
    'Work phone',
  ],
  mobile: [
    'Mobiltelefon',
    'Mobil',
    'Mobilnummer',
    'Handy',
    'Handynummer',
    'Mobile',
    'Mobile Phone',
    'Mobile number',
    'Cell',
    'Cell phone',
  ],
  jobTitle: [
    'Position',
    'Funktion',
    'Berufsbezeichnung',
    'Stellenbezeichnung',
    'Job Title',
    'Jobtitle',
  ],
  department: ['Abteilung', 'Abt.', 'Department'],
  buyingRole: ['Kaufrolle', 'Rolle im Buying Center', 'Buying role', 'Buying center role'],
  companyName: [
    'Firma',
    'Firmenname',
    'Unternehmen',
    'Organisation',
    'Arbeitgeber',
    'Company',
    'Company name',
    'Organization',
    'Employer',
  ],
  industry: ['Branche', 'Wirtschaftszweig', 'Industry', 'Sector'],
  employees: [
    'Mitarbeiter',
    'Mitarbeiterzahl',
    'Anzahl Mitarbeiter',
    'Mitarbeitende',
    'Beschäftigte',
    'Firmengröße',
    'Employees',
    'Number of employees',
    'Company size',
  ],
  website: ['Webseite', 'Website', 'Internetseite', 'Homepage', 'Web Page', 'URL', 'Web'],
  street: [
    'Straße',
    'Straße geschäftlich',
    'Straße und Hausnummer',
    'Adresse',
    'Anschrift',
    'Street',
    'Business Street',
    'Street address',
    'Address',
  ],
  postalCode: [
    'PLZ',
    'Postleitzahl',
    'Postleitzahl geschäftlich',
    'PLZ geschäftlich',
    'Zip',
    'Zip code',
    'Postal Code',
    'Business Postal Code',
    'Postcode',
  ],
  city: ['Ort', 'Stadt', 'Ort geschäftlich', 'City', 'Business City', 'Town'],
  country: [
    'Land',
    'Land/Region',
    'Land/Region geschäftlich',
    'Staat',
    'Country',
    'Country/Region',
    'Business Country/Region',
    'Business Country',
  ],
  sourceChannel: ['Quelle', 'Leadquelle', 'Kanal', 'Herkunft', 'Source', 'Lead source', 'Channel'],
  campaign: ['Kampagne', 'Aktion', 'Campaign'],
  owner: [
    'Betreuer',
    'Zuständig',
    'Zuständiger',
    'Verantwortlich',
    'Vertriebsmitarbeiter',
    'Owner',
    'Lead owner',
    'Account owner',
    'Sales rep',
  ],
  stage: ['Phase', 'Lead-Status', 'Lebenszyklusphase', 'Stage', 'Status', 'Lifecycle stage'],
  expectedValue: [
    'Erwarteter Wert',
    'Umsatzpotenzial',
    'Umsatzpotential',
    'Potenzial',
    'Expected value',
    'Potential',
  ],
  expectedCloseDate: [
    'Abschlussdatum',
    'Erwartetes Abschlussdatum',
    'Expected close date',
    'Close date',
  ],
  dealValue: ['Auftragswert', 'Auftragsvolumen', 'Deal-Wert', 'Deal value', 'Order value'],
  notes: [
    'Notizen',
    'Notiz',
    'Bemerkung',
    'Bemerkungen',
    'Anmerkungen',
    'Kommentar',
    'Kommentare',
    'Beschreibung',
    'Notes',
    'Note',
    'Comments',
    'Comment',
    'Remarks',
    'Description',
  ],
  doNotContact: ['Kontaktsperre', 'Nicht kontaktieren', 'Werbesperre', 'Do not contact', 'Opt-out'],
};

/**
 * Comparable form of a header: folded like search text (case, umlauts, accents) and without
 * punctuation, hyphens or spaces, so "E-Mail-Adresse", "email adresse" and "E-mail Address"
 * reduce to "emailadresse" / "emailaddress".
 */
export function normalizeHeader(header: string): string {
  return foldForSearch(header).replace(/[^a-z0-9]/g, '');
}

/** Normalised synonym → field. */
const SYNONYM_INDEX: ReadonlyMap<string, ImportField> = new Map(
  (Object.entries(HEADER_SYNONYMS) as [ImportField, readonly string[]][]).flatMap(
    ([field, names]) => names.map((name): [string, ImportField] => [normalizeHeader(name), field]),
  ),
);

/** Shorter synonyms ("ort", "name", "mail") are too common inside other headers to guess by. */
const MIN_FUZZY_LENGTH = 5;

/**
 * The field a header suggests when no synonym matches it exactly: a synonym followed only
 * by a number ("E-Mail 2") beats a synonym the header starts with ("Telefon Firma" → phone),
 * which beats one it merely contains ("Home Street" → street); longer synonyms win ties.
 */
function fuzzyField(key: string): ImportField | null {
  let best: ImportField | null = null;
  let bestScore = 0;
  for (const [synonym, field] of SYNONYM_INDEX) {
    let score = 0;
    if (key.startsWith(synonym) && /^\d+$/.test(key.slice(synonym.length))) {
      score = 3000 + synonym.length;
    } else if (synonym.length >= MIN_FUZZY_LENGTH && key.startsWith(synonym)) {
      score = 2000 + synonym.length;
    } else if (synonym.length >= MIN_FUZZY_LENGTH && key.includes(synonym)) {
      score = 1000 + synonym.length;
    }
    if (score > bestScore) {
      best = field;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Suggests a field for every header: exact synonym matches first, then guesses from
 * numbered, prefixed or containing headers. A field is given to one column only — the first
 * that claims it — so a second email or phone column ("E-Mail 2", "Telefon privat") maps to
 * null; unknown headers map to null.
 */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const fields = new Map<string, ImportField | null>();
  const taken = new Set<ImportField>();
  const unmatched: string[] = [];
  for (const header of headers) {
    if (fields.has(header)) continue;
    fields.set(header, null);
    const field = SYNONYM_INDEX.get(normalizeHeader(header));
    if (field === undefined) unmatched.push(header);
    else if (!taken.has(field)) {
      fields.set(header, field);
      taken.add(field);
    }
  }
  for (const header of unmatched) {
    const key = normalizeHeader(header);
    const field = key === '' ? null : fuzzyField(key);
    if (field !== null && !taken.has(field)) {
      fields.set(header, field);
      taken.add(field);
    }
  }
  return Object.fromEntries(fields);
}

/**
 * Columns of Leadwerk's own export, in order, with their German and English headers (the
 * exporter writes the headers of the UI language; the import accepts both).
 */
export const LEADWERK_EXPORT_COLUMNS: readonly {
  field: ImportField;
  header: { de: string; en: string };
}[] = [
  { field: 'leadId', header: { de: 'Leadwerk-ID', en: 'Leadwerk ID' } },
  { field: 'salutation', header: { de: 'Anrede', en: 'Salutation' } },
  { field: 'firstName', header: { de: 'Vorname', en: 'First name' } },
  { field: 'lastName', header: { de: 'Nachname', en: 'Last name' } },
  { field: 'email', header: { de: 'E-Mail', en: 'Email' } },
  { field: 'phone', header: { de: 'Telefon', en: 'Phone' } },
  { field: 'mobile', header: { de: 'Mobiltelefon', en: 'Mobile' } },
  { field: 'jobTitle', header: { de: 'Position', en: 'Job title' } },
  { field: 'buyingRole', header: { de: 'Kaufrolle', en: 'Buying role' } },
  { field: 'companyName', header: { de: 'Firma', en: 'Company' } },
  { field: 'industry', header: { de: 'Branche', en: 'Industry' } },
  { field: 'employees', header: { de: 'Mitarbeiter', en: 'Employees' } },
  { field: 'website', header: { de: 'Webseite', en: 'Website' } },
  { field: 'street', header: { de: 'Straße', en: 'Street' } },
  { field: 'postalCode', header: { de: 'PLZ', en: 'Postal code' } },
  { field: 'city', header: { de: 'Ort', en: 'City' } },
  { field: 'country', header: { de: 'Land', en: 'Country' } },
  { field: 'sourceChannel', header: { de: 'Quelle', en: 'Source' } },
  { field: 'campaign', header: { de: 'Kampagne', en: 'Campaign' } },
  { field: 'owner', header: { de: 'Betreuer', en: 'Owner' } },
  { field: 'stage', header: { de: 'Phase', en: 'Stage' } },
  { field: 'expectedValue', header: { de: 'Erwarteter Wert', en: 'Expected value' } },
  { field: 'expectedCloseDate', header: { de: 'Abschlussdatum', en: 'Expected close date' } },
  { field: 'dealValue', header: { de: 'Auftragswert', en: 'Deal value' } },
  { field: 'notes', header: { de: 'Notizen', en: 'Notes' } },
  { field: 'doNotContact', header: { de: 'Kontaktsperre', en: 'Do not contact' } },
];

/** A ready-made mapping for a known file layout; `nameKey` is its full i18n key. */
export type MappingPreset = {
  id: 'outlook_de' | 'outlook_en' | 'leadwerk' | 'vcard';
  nameKey: TranslationKey;
  /** Every header of the layout, mapped or not (for Leadwerk both languages, German first). */
  headers: readonly string[];
  mapping: ImportMapping;
};

/** Header row of a contact export by German Outlook (Datei → Exportieren → CSV). */
const OUTLOOK_DE_HEADERS = [
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
] as const;

/** Header row of a contact export by English Outlook. */
const OUTLOOK_EN_HEADERS = [
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
] as const;

/** A mapping listing every header, with the given ones mapped and all others null. */
function presetMapping(
  headers: readonly string[],
  mapped: Partial<Record<string, ImportField>>,
): ImportMapping {
  return Object.fromEntries(headers.map((header) => [header, mapped[header] ?? null]));
}

/** Presets for Outlook contact exports (German, English), Leadwerk's export and vCards. */
export const MAPPING_PRESETS: readonly MappingPreset[] = [
  {
    id: 'outlook_de',
    nameKey: 'importPresets.outlook_de',
    headers: OUTLOOK_DE_HEADERS,
    mapping: presetMapping(OUTLOOK_DE_HEADERS, {
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
    }),
  },
  {
    id: 'outlook_en',
    nameKey: 'importPresets.outlook_en',
    headers: OUTLOOK_EN_HEADERS,
    mapping: presetMapping(OUTLOOK_EN_HEADERS, {
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
    }),
  },
  {
    id: 'leadwerk',
    nameKey: 'importPresets.leadwerk',
    headers: [
      ...LEADWERK_EXPORT_COLUMNS.map((column) => column.header.de),
      ...LEADWERK_EXPORT_COLUMNS.map((column) => column.header.en),
    ],
    mapping: Object.fromEntries(
      LEADWERK_EXPORT_COLUMNS.flatMap((column) => [
        [column.header.de, column.field],
        [column.header.en, column.field],
      ]),
    ),
  },
  {
    id: 'vcard',
    nameKey: 'importPresets.vcard',
    headers: VCARD_COLUMNS,
    mapping: presetMapping(VCARD_COLUMNS, {
      Anrede: 'salutation',
      Titel: 'title',
      Vorname: 'firstName',
      Nachname: 'lastName',
      Firma: 'companyName',
      Abteilung: 'department',
      Position: 'jobTitle',
      'E-Mail-Adresse': 'email',
      'Telefon geschäftlich': 'phone',
      Mobiltelefon: 'mobile',
      Straße: 'street',
      PLZ: 'postalCode',
      Ort: 'city',
      Land: 'country',
      Webseite: 'website',
      Notizen: 'notes',
    }),
  },
];

/** Share of a preset's fields that must have their header in the file for it to match. */
const PRESET_THRESHOLD = 0.8;

/**
 * The preset whose layout the file has: one where at least 80 % of its mapped fields have
 * one of their headers among the file's (compared normalised) — for a one-header-per-field
 * preset that is 80 % of its mapped headers; Leadwerk's export matches in either language.
 * The best share wins, the earlier preset on a tie; null when none reaches 80 %.
 */
export function matchPreset(headers: readonly string[]): MappingPreset | null {
  const present = new Set(headers.map(normalizeHeader));
  let best: MappingPreset | null = null;
  let bestShare = 0;
  for (const preset of MAPPING_PRESETS) {
    const found = new Map<ImportField, boolean>();
    for (const [header, field] of Object.entries(preset.mapping)) {
      if (field === null) continue;
      found.set(field, (found.get(field) ?? false) || present.has(normalizeHeader(header)));
    }
    const share = [...found.values()].filter(Boolean).length / Math.max(found.size, 1);
    if (share >= PRESET_THRESHOLD && share > bestShare) {
      best = preset;
      bestShare = share;
    }
  }
  return best;
}

/**
 * The field of each column of a file under a (saved or preset) mapping. Headers are looked
 * up as written first, then normalised, so a saved mapping applies to files whose headers
 * differ only in case, spaces or punctuation. Each field goes to the first column mapped to
 * it; later ones get null.
 */
export function applyMapping(
  headers: readonly string[],
  mapping: ImportMapping,
): (ImportField | null)[] {
  const exact = new Map(Object.entries(mapping));
  const loose = new Map<string, ImportField | null>();
  for (const [header, field] of exact) {
    const key = normalizeHeader(header);
    if (!loose.has(key) || loose.get(key) === null) loose.set(key, field);
  }
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const field = exact.has(header)
      ? (exact.get(header) ?? null)
      : (loose.get(normalizeHeader(header)) ?? null);
    if (field === null || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}
