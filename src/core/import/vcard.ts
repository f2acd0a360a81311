import { decodeBytes, detectEncoding } from './encoding';

export type VCardVersion = '2.1' | '3.0' | '4.0';

/** A phone number or email address with its lower-cased types (`work`, `cell`, `pref`, …). */
export type VCardTypedValue = { value: string; types: string[] };

export type VCardAddress = {
  street: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
  types: string[];
};

/**
 * The parts of one vCard the importer uses; texts are unescaped and decoded, empty ones are
 * null. `line` is the line of its BEGIN:VCARD.
 */
export type VCard = {
  line: number;
  version: VCardVersion;
  prefix: string | null;
  firstName: string | null;
  middleName: string | null;
  lastName: string | null;
  suffix: string | null;
  formattedName: string | null;
  organization: string | null;
  department: string | null;
  title: string | null;
  role: string | null;
  phones: VCardTypedValue[];
  emails: VCardTypedValue[];
  addresses: VCardAddress[];
  urls: string[];
  note: string | null;
};

/**
 * Cards read from a file, and those left out: `no_name` has neither a name (N), a formatted
 * name (FN) nor an email address (from which names may still be read), `broken` has no END:VCARD before the next card or the end of file.
 */
export type VCardParseResult = {
  cards: VCard[];
  skipped: { line: number; reason: 'no_name' | 'broken' }[];
};

/** One unfolded content line and the physical line it starts on. */
type ContentLine = { line: number; text: string };

type Property = {
  name: string;
  types: string[];
  encoding: string | null;
  charset: string | null;
  valueType: string | null;
  value: string;
};

const BARE_ENCODINGS = new Set(['quoted-printable', 'base64', 'b', '8bit', '7bit']);

/** The name-and-parameters part of a content line, up to the first colon outside quotes. */
function headEnd(text: string): number {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ':' && !inQuotes) return i;
  }
  return -1;
}

function isQuotedPrintableLine(text: string): boolean {
  const end = headEnd(text);
  return end > 0 && /quoted-printable/i.test(text.slice(0, end));
}

/**
 * Joins folded lines (a line break followed by a space or tab) and vCard 2.1
 * quoted-printable soft line breaks (`=` at the end of a line) into content lines.
 */
function unfold(text: string): ContentLine[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r*\n|\r/);
  const lines: ContentLine[] = [];
  let current: ContentLine | null = null;
  let softBreak = false;
  physical.forEach((raw, index) => {
    if (current !== null && softBreak) {
      current.text = current.text.slice(0, -1) + raw;
      softBreak = raw.endsWith('=');
    } else if (current !== null && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      current.text += raw.slice(1);
    } else if (raw.trim() !== '') {
      current = { line: index + 1, text: raw };
      lines.push(current);
      softBreak = raw.endsWith('=') && isQuotedPrintableLine(raw);
    }
  });
  return lines;
}

/** Splits at `separator` outside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === separator && !inQuotes) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function parseProperty(text: string): Property | null {
  const end = headEnd(text);
  if (end <= 0) return null;
  const [rawName = '', ...params] = splitOutsideQuotes(text.slice(0, end), ';');
  const groupedName = rawName.trim().toUpperCase();
  const property: Property = {
    name: groupedName.slice(groupedName.lastIndexOf('.') + 1),
    types: [],
    encoding: null,
    charset: null,
    valueType: null,
    value: text.slice(end + 1),
  };
  const addTypes = (values: string[]): void => {
    for (const value of values) {
      const type = value.trim().toLowerCase();
      if (type !== '' && !property.types.includes(type)) property.types.push(type);
    }
  };
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0) {
      // vCard 2.1 writes bare parameters: TEL;WORK;VOICE, EMAIL;PREF, N;QUOTED-PRINTABLE.
      const bare = param.trim().toLowerCase();
      if (BARE_ENCODINGS.has(bare)) property.encoding = bare;
      else addTypes([bare]);
      continue;
    }
    const key = param.slice(0, eq).trim().toUpperCase();
    const value = param
      .slice(eq + 1)
      .replace(/"/g, '')
      .trim();
    if (key === 'TYPE') addTypes(value.split(','));
    else if (key === 'PREF') addTypes(['pref']);
    else if (key === 'ENCODING') property.encoding = value.toLowerCase();
    else if (key === 'CHARSET') property.charset = value;
    else if (key === 'VALUE') property.valueType = value.toLowerCase();
  }
  return property;
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/**
 * Decodes quoted-printable text: `=XX` runs are bytes in `charset` (without one: UTF-8 when
 * they are valid UTF-8, else Windows-1252); other characters stay as they are.
 */
function decodeQuotedPrintable(text: string, charset: string | null): string {
  let result = '';
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length === 0) return;
    const array = Uint8Array.from(bytes);
    result += decodeBytes(array, charset ?? detectEncoding(array).encoding);
    bytes = [];
  };
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=') {
      const high = hexValue(text.charCodeAt(i + 1));
      const low = hexValue(text.charCodeAt(i + 2));
      if (high >= 0 && low >= 0) {
        bytes.push(high * 16 + low);
        i += 2;
      }
      continue;
    }
    flush();
    result += text[i];
  }
  flush();
  return result;
}

/** The property's value as text; null for binary (BASE64) values such as PHOTO. */
function decodedValue(property: Property): string | null {
  const { encoding } = property;
  if (encoding === 'b' || encoding === 'base64') return null;
  if (encoding === 'quoted-printable') {
    return decodeQuotedPrintable(property.value, property.charset).replace(/\r\n?/g, '\n');
  }
  return property.value;
}

/** Splits at `separator` where it is not escaped with a backslash. */
function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Resolves `\n`, `\,`, `\;`, `\\` (and Apple's `\:`). */
function unescapeText(text: string): string {
  return text.replace(/\\(.)/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function orNull(text: string | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** A structured component that may list several values (`Richter,James`). */
function listComponent(component: string | undefined, joiner: string): string | null {
  if (component === undefined) return null;
  const values = splitUnescaped(component, ',')
    .map((value) => unescapeText(value).trim())
    .filter((value) => value !== '');
  return values.length === 0 ? null : values.join(joiner);
}

/** An ADR component: unescaped, trimmed, a dangling comma dropped. */
function addressComponent(component: string | undefined): string | null {
  return orNull(unescapeText(component ?? '').replace(/[\s,]+$/, ''));
}

/** A `tel:` URI as a dialable text: `tel:+1-418-656-9254;ext=102` → `+1-418-656-9254 ext. 102`. */
function telephoneText(value: string, valueType: string | null): string {
  const text = value.trim();
  if (valueType !== 'uri' && !/^tel:/i.test(text)) return unescapeText(text);
  const [number = '', ...uriParams] = text.replace(/^tel:/i, '').split(';');
  const extension = uriParams.find((param) => /^ext=/i.test(param));
  return extension ? `${number} ext. ${extension.slice(4)}` : number;
}

function emptyCard(line: number): VCard {
  return {
    line,
    version: '3.0',
    prefix: null,
    firstName: null,
    middleName: null,
    lastName: null,
    suffix: null,
    formattedName: null,
    organization: null,
    department: null,
    title: null,
    role: null,
    phones: [],
    emails: [],
    addresses: [],
    urls: [],
    note: null,
  };
}

/** Applies one property to the card; the first N, FN, ORG, TITLE and ROLE count. */
function applyProperty(card: VCard, property: Property): void {
  const value = decodedValue(property);
  if (value === null) return;
  switch (property.name) {
    case 'VERSION': {
      const version = value.trim();
      if (version === '2.1' || version === '3.0' || version === '4.0') card.version = version;
      return;
    }
    case 'N': {
      if (card.lastName ?? card.firstName ?? card.middleName ?? card.prefix ?? card.suffix) return;
      const [family, given, additional, prefix, suffix] = splitUnescaped(value, ';');
      card.lastName = listComponent(family, ' ');
      card.firstName = listComponent(given, ' ');
      card.middleName = listComponent(additional, ' ');
      card.prefix = listComponent(prefix, ' ');
      card.suffix = listComponent(suffix, ', ');
      return;
    }
    case 'FN':
      card.formattedName ??= orNull(unescapeText(value));
      return;
    case 'ORG': {
      if (card.organization !== null || card.department !== null) return;
      const [company, ...units] = splitUnescaped(value, ';').map((part) => unescapeText(part));
      card.organization = orNull(company);
      card.department = orNull(
        units
          .map((unit) => unit.trim())
          .filter((unit) => unit !== '')
          .join(', '),
      );
      return;
    }
    case 'TITLE':
      card.title ??= orNull(unescapeText(value));
      return;
    case 'ROLE':
      card.role ??= orNull(unescapeText(value));
      return;
    case 'NOTE': {
      const note = orNull(unescapeText(value));
      if (note === null || card.note?.split('\n\n').includes(note)) return;
      card.note = card.note === null ? note : `${card.note}\n\n${note}`;
      return;
    }
    case 'TEL': {
      const phone = orNull(telephoneText(value, property.valueType));
      if (phone !== null) card.phones.push({ value: phone, types: property.types });
      return;
    }
    case 'EMAIL': {
      const email = orNull(unescapeText(value).replace(/^mailto:/i, ''));
      if (email !== null) card.emails.push({ value: email, types: property.types });
      return;
    }
    case 'ADR': {
      const [poBox, extended, street, city, region, postalCode, country] = splitUnescaped(
        value,
        ';',
      ).map(addressComponent);
      const streetLines = [street, extended, poBox].filter((part) => part != null);
      const address: VCardAddress = {
        street: streetLines.length === 0 ? null : streetLines.join('\n'),
        city: city ?? null,
        region: region ?? null,
        postalCode: postalCode ?? null,
        country: country ?? null,
        types: property.types,
      };
      if (address.street ?? address.city ?? address.postalCode ?? address.country) {
        card.addresses.push(address);
      }
      return;
    }
    case 'URL': {
      const url = orNull(unescapeText(value));
      if (url !== null) card.urls.push(url);
      return;
    }
    default:
      return;
  }
}

function hasName(card: VCard): boolean {
  return (
    card.firstName !== null ||
    card.lastName !== null ||
    card.middleName !== null ||
    card.formattedName !== null
  );
}

/**
 * Reads the vCards (2.1, 3.0 and 4.0, any number) of a decoded .vcf text. Handles folded
 * lines, quoted-printable values with their CHARSET (vCard 2.1, also with bare
 * QUOTED-PRINTABLE), grouped properties (`item1.EMAIL`), TYPE parameters in all spellings,
 * `tel:` URIs and backslash escapes; photos and other binary values are skipped.
 */
export function parseVcards(text: string): VCardParseResult {
  const result: VCardParseResult = { cards: [], skipped: [] };
  let card: VCard | null = null;
  for (const { line, text: content } of unfold(text)) {
    const property = parseProperty(content);
    if (property === null) continue;
    const keyword = property.value.trim().toUpperCase();
    if (property.name === 'BEGIN' && keyword === 'VCARD') {
      if (card !== null) result.skipped.push({ line: card.line, reason: 'broken' });
      card = emptyCard(line);
    } else if (card === null) {
      continue;
    } else if (property.name === 'END' && keyword === 'VCARD') {
      if (hasName(card) || card.emails.length > 0) result.cards.push(card);
      else result.skipped.push({ line: card.line, reason: 'no_name' });
      card = null;
    } else {
      applyProperty(card, property);
    }
  }
  if (card !== null) result.skipped.push({ line: card.line, reason: 'broken' });
  return result;
}

/** Column headers of the table a vCard file is shown as (mapped like any German CSV). */
export const VCARD_COLUMNS = [
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
] as const satisfies readonly string[];

/** Salutations by their folded spelling (lower case, no dot). */
const SALUTATIONS: Record<string, string> = {
  herr: 'Herr',
  hr: 'Herr',
  frau: 'Frau',
  fr: 'Frau',
  mr: 'Mr.',
  mister: 'Mr.',
  mrs: 'Mrs.',
  ms: 'Ms.',
  miss: 'Ms.',
};

const ACADEMIC_TITLE = /^(?:dr|prof|dipl|mag|ing|med|rer|nat|phil|habil|jur|dent|univ)\b/i;

function salutationOf(token: string): string | null {
  return SALUTATIONS[token.toLowerCase().replace(/\.$/, '')] ?? null;
}

/** Splits a name prefix ("Herr Prof. Dr.") into salutation and academic title. */
function splitPrefix(prefix: string | null): { salutation: string; title: string } {
  let salutation = '';
  const title: string[] = [];
  for (const token of (prefix ?? '').split(/[\s,]+/).filter((t) => t !== '')) {
    const known = salutationOf(token);
    if (known !== null && salutation === '') salutation = known;
    else if (known === null) title.push(token);
  }
  return { salutation, title: title.join(' ') };
}

/**
 * The person's names when N gives none: FN without leading salutation and academic titles,
 * split at the last space. A formatted name that is just the company gives no names.
 */
function namesFromFormattedName(card: VCard): {
  prefix: string;
  firstName: string;
  lastName: string;
} {
  const formatted = card.formattedName;
  if (formatted === null || formatted === card.organization) {
    return { prefix: '', firstName: '', lastName: '' };
  }
  const tokens = formatted.split(/\s+/);
  const prefix: string[] = [];
  while (
    tokens.length > 1 &&
    (salutationOf(tokens[0] as string) !== null || ACADEMIC_TITLE.test(tokens[0] as string))
  ) {
    prefix.push(tokens.shift() as string);
  }
  const lastName = tokens.pop() ?? '';
  return { prefix: prefix.join(' '), firstName: tokens.join(' '), lastName };
}

/** "john.doe@…" → John Doe; other address forms give no names. */
function namesFromEmail(card: VCard): { prefix: string; firstName: string; lastName: string } {
  const local = card.emails[0]?.value.split('@')[0] ?? '';
  const parts = local.split(/[._-]/);
  const capital = (part: string) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase();
  if (parts.length === 2 && parts.every((part) => /^\p{L}{2,}$/u.test(part))) {
    return {
      prefix: '',
      firstName: capital(parts[0] as string),
      lastName: capital(parts[1] as string),
    };
  }
  return { prefix: '', firstName: '', lastName: '' };
}

function preferred<T extends { types: string[] }>(items: T[]): T | undefined {
  return items.find((item) => item.types.includes('pref')) ?? items[0];
}

const isCell = (phone: VCardTypedValue): boolean =>
  phone.types.some((type) => type === 'cell' || type === 'mobile' || type === 'iphone');
const isHome = (phone: VCardTypedValue): boolean =>
  phone.types.includes('home') && !phone.types.includes('work');

/** Address parts shown in one cell: lines joined with commas. */
const oneLine = (text: string | null | undefined): string => (text ?? '').split('\n').join(', ');

/**
 * One card as cells under `VCARD_COLUMNS`: the salutation and academic title from the name
 * prefix, middle names with the first name, the first work or preferred email (the next one as
 * "E-Mail 2"), phones by type (cell → mobile, home → private, other voice numbers →
 * business; fax and pager numbers are left out), the first work address (else the first) and
 * the first web address. Without names in N, FN is split at the last space.
 */
export function vcardToCells(card: VCard): string[] {
  const given = [card.firstName, card.middleName].filter((part) => part !== null).join(' ');
  // Phones often export only one name part in N (Android puts the whole name in "family");
  // the display name then tells first and last name apart. Without any name, an address like
  // john.doe@… still does.
  const completeN = given !== '' && (card.lastName ?? '') !== '';
  const fromFn = namesFromFormattedName(card);
  const fallback = completeN
    ? null
    : fromFn.firstName !== '' && fromFn.lastName !== ''
      ? fromFn
      : given === '' && card.lastName === null && card.formattedName === null
        ? namesFromEmail(card)
        : null;
  const { salutation, title } = splitPrefix(fallback?.prefix ?? card.prefix);
  const firstName = fallback ? fallback.firstName : given;
  const lastName = fallback ? fallback.lastName : (card.lastName ?? '');

  const primaryEmail =
    card.emails.find((email) => email.types.includes('work') || email.types.includes('pref')) ??
    card.emails[0];
  const secondEmail = card.emails.find((email) => email !== primaryEmail);

  const callable = card.phones.filter(
    (phone) => !phone.types.includes('fax') && !phone.types.includes('pager'),
  );
  const mobile = preferred(callable.filter(isCell));
  const home = preferred(callable.filter((phone) => !isCell(phone) && isHome(phone)));
  const business = preferred(callable.filter((phone) => !isCell(phone) && !isHome(phone)));

  const address =
    card.addresses.find((candidate) => candidate.types.includes('work')) ?? card.addresses[0];

  const cells: Record<(typeof VCARD_COLUMNS)[number], string> = {
    Anrede: salutation,
    Titel: title,
    Vorname: firstName,
    Nachname: lastName,
    Firma: card.organization ?? '',
    Abteilung: card.department ?? '',
    Position: card.title ?? '',
    Rolle: card.role ?? '',
    'E-Mail-Adresse': primaryEmail?.value ?? '',
    'E-Mail 2': secondEmail?.value ?? '',
    'Telefon geschäftlich': business?.value ?? '',
    Mobiltelefon: mobile?.value ?? '',
    'Telefon privat': home?.value ?? '',
    Straße: oneLine(address?.street),
    PLZ: address?.postalCode ?? '',
    Ort: address?.city ?? '',
    Land: address?.country ?? '',
    Webseite: card.urls[0] ?? '',
    Notizen: card.note ?? '',
  };
  return VCARD_COLUMNS.map((column) => cells[column]);
}
