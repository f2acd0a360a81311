import { decodeBytes, isCompleteUtf8 } from './encoding';

/**
 * One vCard's properties: parsing a content line, decoding its value (quoted-printable with
 * CHARSET, backslash escapes, `tel:` URIs) and applying it to the card being read.
 */

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
  /**
   * Whether a text of the card was longer than the reader keeps (see `createVcardReader`)
   * and was cut: the card is an error of its row, not imported half.
   */
  truncated: boolean;
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
 * name (FN) nor an email address (from which names may still be read), `broken` has no
 * END:VCARD before the next card or the end of file.
 */
export type VCardParseResult = {
  cards: VCard[];
  skipped: { line: number; reason: 'no_name' | 'broken' }[];
};

/** One content line: its name (without group), parameters and the raw value. */
export type Property = {
  name: string;
  types: string[];
  encoding: string | null;
  charset: string | null;
  valueType: string | null;
  value: string;
};

const BARE_ENCODINGS = new Set(['quoted-printable', 'base64', 'b', '8bit', '7bit']);

/** The name-and-parameters part of a content line, up to the first colon outside quotes. */
export function headEnd(text: string): number {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ':' && !inQuotes) return i;
  }
  return -1;
}

/** Whether the line's parameters say QUOTED-PRINTABLE (so `=` at its end is a soft break). */
export function isQuotedPrintableLine(text: string): boolean {
  const end = headEnd(text);
  return end > 0 && /quoted-printable/i.test(text.slice(0, end));
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

/** Parses a content line (`group.NAME;PARAM=…:value`); null when it has no name and colon. */
export function parseProperty(text: string): Property | null {
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
  // A set, so that a line of many thousand parameters stays linear.
  const types = new Set<string>();
  const addTypes = (values: string[]): void => {
    for (const value of values) {
      const type = value.trim().toLowerCase();
      if (type !== '') types.add(type);
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
  property.types = [...types];
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
 * they are valid UTF-8, else Windows-1252); other characters stay as they are. Pieces are
 * joined once at the end, so a long value costs its length, not its length squared.
 */
function decodeQuotedPrintable(text: string, charset: string | null): string {
  const parts: string[] = [];
  let bytes: number[] = [];
  let plainFrom = 0;
  const flush = (): void => {
    if (bytes.length === 0) return;
    const array = Uint8Array.from(bytes);
    parts.push(decodeBytes(array, charset ?? (isCompleteUtf8(array) ? 'utf-8' : 'windows-1252')));
    bytes = [];
  };
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '=') continue;
    if (i > plainFrom) {
      flush();
      parts.push(text.slice(plainFrom, i));
    }
    const high = hexValue(text.charCodeAt(i + 1));
    const low = hexValue(text.charCodeAt(i + 2));
    if (high >= 0 && low >= 0) {
      bytes.push(high * 16 + low);
      i += 2;
    }
    plainFrom = i + 1;
  }
  if (plainFrom < text.length) {
    flush();
    parts.push(text.slice(plainFrom));
  }
  flush();
  return parts.join('');
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

/** A card before its first property. */
export function emptyCard(line: number): VCard {
  return {
    line,
    truncated: false,
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

/**
 * Applies one property to the card; the first N, FN, ORG, TITLE and ROLE count. `notes`
 * holds the card's notes so far, split at blank lines: a NOTE repeated word for word (as
 * Android writes them) is kept once.
 */
export function applyProperty(card: VCard, property: Property, notes: Set<string>): void {
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
      if (note === null || notes.has(note)) return;
      for (const part of note.split('\n\n')) notes.add(part);
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

/** Whether the card names someone (N or FN); cards with only an email are kept too. */
export function hasName(card: VCard): boolean {
  return (
    card.firstName !== null ||
    card.lastName !== null ||
    card.middleName !== null ||
    card.formattedName !== null
  );
}
