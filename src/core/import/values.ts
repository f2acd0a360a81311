import { SOURCE_CHANNELS, type SourceChannel } from '../domain/channels';
import { BUYING_ROLES, type BuyingRole, type Salutation } from '../domain/lead';
import { STAGES, type Stage } from '../domain/stages';
import { de } from '../i18n/de';
import { en } from '../i18n/en';
import { isIsoDate, normalizeEmail, normalizePhone } from '../text/normalize';
import type { ImportIssueCode } from './types';

/**
 * Value parsers of the importer. Each takes the trimmed, non-empty text of one cell and
 * either returns the stored value or the issue code to report; none of them throws.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: ImportIssueCode };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(code: ImportIssueCode): Parsed<T> => ({ ok: false, code });

/** Longer cells cannot be a date, amount, count or phone number; they are not parsed at all. */
const MAX_VALUE_LENGTH = 100;
/** An address of at most 254 characters plus a display name and `mailto:`. */
const MAX_EMAIL_INPUT = 1000;

/** Spaces that spreadsheets and locales put between digit groups. */
const SPACES = /[\s\u00a0\u2007\u2009\u202f]+/g;

function isoDay(year: number, month: number, day: number): string | null {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999 (the Excel/POSIX pivot). */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length !== 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

const ISO_DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const DAY_FIRST_DATE =
  /^(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * Reads a calendar day as ISO `YYYY-MM-DD`: German `31.12.2025`, `1.2.2025`, `31.12.25`,
 * day-first `31/12/2025`, and ISO `2025-12-31` with or without a time part (the time is
 * dropped, the written day kept — no time-zone shift). Two-digit years 00–69 are 20xx,
 * 70–99 are 19xx. Impossible days (`32.13.2026`, `29.02.2025`) and Excel serial numbers
 * give `date_invalid`.
 */
export function parseDate(text: string): Parsed<string> {
  const value = text.trim();
  if (value.length > MAX_VALUE_LENGTH) return fail('date_invalid');
  const iso = ISO_DATE.exec(value);
  if (iso) {
    const day = isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return day === null ? fail('date_invalid') : ok(day);
  }
  const german = DAY_FIRST_DATE.exec(value);
  if (german) {
    const day = isoDay(fullYear(german[4] ?? ''), Number(german[3]), Number(german[1]));
    return day === null ? fail('date_invalid') : ok(day);
  }
  return fail('date_invalid');
}

/** Largest amount the lead fields accept, in cents. */
const MAX_CENTS = 1e13;

/**
 * Splits a digit string into whole part and fraction, deciding which of `.` and `,` is the
 * decimal mark. Returns null when the groups are malformed.
 */
function splitDecimal(text: string): { whole: string; fraction: string } | null {
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  let whole: string;
  let fraction = '';
  let thousands: string | null = null;
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    thousands = decimal === ',' ? '.' : ',';
    const at = text.lastIndexOf(decimal);
    whole = text.slice(0, at);
    fraction = text.slice(at + 1);
    if (fraction.includes(thousands)) return null;
  } else if (lastComma >= 0 || lastDot >= 0) {
    const mark = lastComma >= 0 ? ',' : '.';
    const parts = text.split(mark);
    const [head = '', tail = ''] = parts;
    const germanThousands = mark === '.' && parts.length === 2 && tail.length === 3;
    if (parts.length > 2 || germanThousands) {
      thousands = mark;
      whole = text;
    } else {
      whole = head;
      fraction = tail;
    }
  } else {
    whole = text;
  }
  const grouped = thousands === null ? /^\d+$/ : new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})*$`);
  if (!grouped.test(whole) || !/^\d*$/.test(fraction)) return null;
  return { whole: thousands === null ? whole : whole.split(thousands).join(''), fraction };
}

/**
 * Reads a euro amount into whole cents. German and English forms are accepted, with `€`,
 * `EUR` or `Euro` before or after and spaces (also no-break and narrow no-break) between
 * digit groups: `1.234,56 €`, `1234,56`, `1,234.56`, `€ 1,234.56`, `EUR 1.234`, `1 234,56`,
 * `12.345.678`, and the German whole-euro dash `1.234,- €`.
 *
 * Separators: when both `.` and `,` occur, the last one is the decimal mark. A single comma
 * is always the German decimal mark (`1,5` is 1.50 €; `1,234` is 1.234 € → 123 cents); a
 * single dot followed by exactly three digits is a German thousands dot (`1.234` is
 * 1234 €), otherwise a decimal point (`12.5`); repeated equal separators are thousands
 * groups. More than two decimals are rounded half up to the cent. Negative amounts and
 * amounts above 10^13 cents give `amount_invalid`.
 */
export function parseAmountCents(text: string): Parsed<number> {
  if (text.length > MAX_VALUE_LENGTH) return fail('amount_invalid');
  const value = text
    .trim()
    .replace(/^(?:€|euro|eur)\s*/i, '')
    .replace(/\s*(?:€|euro|eur)$/i, '')
    .replace(/,[-–]$/, '');
  if (!/^\d/.test(value)) return fail('amount_invalid');
  const compact = value.replace(/(?<=\d)[\s\u00a0\u2007\u2009\u202f](?=\d{3}(?!\d))/g, '');
  if (/[^\d.,]/.test(compact)) return fail('amount_invalid');
  const parts = splitDecimal(compact);
  if (parts === null || parts.whole.length > 14) return fail('amount_invalid');
  const fraction = parts.fraction.padEnd(3, '0');
  const roundUp = Number(fraction[2]) >= 5 ? 1 : 0;
  const cents = Number(parts.whole) * 100 + Number(fraction.slice(0, 2)) + roundUp;
  return cents > MAX_CENTS ? fail('amount_invalid') : ok(cents);
}

/** Largest count the company fields accept. */
const MAX_COUNT = 10_000_000;

/** Reads one whole number with optional thousands groups (`1.200`, `1,200`, `1 200`). */
function wholeNumber(text: string): number | null {
  const value = text.replace(SPACES, ' ').trim();
  let digits: string | null = null;
  if (/^\d+$/.test(value)) digits = value;
  else if (/^\d{1,3}([., ]\d{3})+$/.test(value) && new Set(value.match(/[., ]/g)).size === 1) {
    digits = value.replace(/[., ]/g, '');
  } else if (/^\d+[.,]0+$/.test(value)) digits = value.replace(/[.,]0+$/, '');
  if (digits === null || digits.length > 9) return null;
  return Number(digits);
}

const COUNT_PREFIX =
  /^(?:ca\.?|circa|zirka|etwa|rund|ungef(?:ä|ae)hr|approx\.?|about|around|~|>=?|≥|über|ueber|mehr als|more than|over)\s*/i;
const COUNT_SUFFIX = /\s*(?:\+|mitarbeiter(?:innen|ende)?|ma|beschäftigte|employees|staff)$/i;
const COUNT_RANGE = /^(.+?)\s*(?:-|–|—|bis|to)\s*(.+)$/i;

/**
 * Reads a non-negative whole count (employees). Thousands groups are allowed (`1.200`,
 * `1,200`); estimates keep their number (`ca. 50` → 50, `>500` → 500, `500+` → 500); ranges
 * (`50-100`, `50 bis 100`, `50 to 100`) give their lower bound, the count the company surely
 * has. Decimals, negative numbers and anything else give `number_invalid`.
 */
export function parseCount(text: string): Parsed<number> {
  if (text.length > MAX_VALUE_LENGTH) return fail('number_invalid');
  const value = text.trim().replace(COUNT_PREFIX, '').replace(COUNT_SUFFIX, '').trim();
  const range = COUNT_RANGE.exec(value);
  if (range) {
    const low = wholeNumber(range[1] ?? '');
    const high = wholeNumber(range[2] ?? '');
    if (low === null || high === null || low > high || low > MAX_COUNT) {
      return fail('number_invalid');
    }
    return ok(low);
  }
  const count = wholeNumber(value);
  return count === null || count > MAX_COUNT ? fail('number_invalid') : ok(count);
}

/**
 * Reads an email address: `mailto:` links (query dropped) and display forms
 * (`"Max" <max@firma.de>`) give the bare address, which is then normalised (domain lower
 * case, IDN to punycode). Spelled-out forms (`name(at)firma.de`, `name at firma.de`) and
 * anything with spaces or two `@` give `email_invalid`.
 */
export function parseEmail(text: string): Parsed<string> {
  if (text.length > MAX_EMAIL_INPUT) return fail('email_invalid');
  let value = text.trim();
  const bracket = /<([^<>]*)>\s*$/.exec(value);
  if (bracket) value = (bracket[1] ?? '').trim();
  value = value.replace(/^mailto:/i, '');
  const query = value.indexOf('?');
  if (query >= 0) value = value.slice(0, query);
  if (/\s/.test(value) || value.split('@').length !== 2) return fail('email_invalid');
  const email = normalizeEmail(value);
  return email === null ? fail('email_invalid') : ok(email);
}

/**
 * Reads a phone number into E.164 (`030 1234567` → `+49301234567`, `0049 …`, `+43 …`);
 * national numbers are read in `region`. A leading `tel:` is dropped. Numbers
 * libphonenumber-js does not accept as valid give `phone_invalid`.
 */
export function parsePhone(text: string, region: 'DE' | 'AT' | 'CH' = 'DE'): Parsed<string> {
  if (text.length > MAX_VALUE_LENGTH) return fail('phone_invalid');
  const phone = normalizePhone(text.trim().replace(/^tel:/i, ''), region);
  return phone === null ? fail('phone_invalid') : ok(phone);
}

const SALUTATION_WORDS: Record<string, Salutation> = {
  herr: 'herr',
  hr: 'herr',
  hrn: 'herr',
  herrn: 'herr',
  mr: 'herr',
  mister: 'herr',
  frau: 'frau',
  fr: 'frau',
  mrs: 'frau',
  ms: 'frau',
  miss: 'frau',
  divers: 'divers',
  mx: 'divers',
  firma: 'none',
  familie: 'none',
};

/** The salutation a single word stands for (`Hr.`, `Mrs`), or null. */
export function salutationOfWord(word: string): Salutation | null {
  const key = word.toLowerCase().replace(/\.$/, '');
  return Object.hasOwn(SALUTATION_WORDS, key) ? (SALUTATION_WORDS[key] ?? null) : null;
}

/**
 * Reads a form of address; the first word decides (`Herr Dr.` is `herr`). German and
 * English forms with or without dot, any case: Herr/Hr./Hrn./Herrn/Mr → `herr`,
 * Frau/Fr./Mrs/Ms/Miss → `frau`, Divers/Mx → `divers`; Firma, Familie and empty → `none`.
 * Anything else gives `salutation_unknown` (the caller stores `none` with a warning).
 */
export function parseSalutation(text: string): Parsed<Salutation> {
  const first = text.trim().split(/\s+/)[0] ?? '';
  if (first === '') return ok('none');
  const salutation = salutationOfWord(first);
  return salutation === null ? fail('salutation_unknown') : ok(salutation);
}

/**
 * Lookup keys of a label: lower case without punctuation or spaces, once with umlauts
 * spelled out (ü → ue) and once with them reduced to the base letter (ü → u), so that
 * "Kündigung", "Kuendigung" and "Kundigung" meet.
 */
function labelKeys(text: string): string[] {
  const lower = text.toLowerCase().replace(/ß/g, 'ss');
  const strip = (value: string): string =>
    value
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]/g, '');
  const spelled = strip(lower.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue'));
  const reduced = strip(lower);
  return spelled === reduced ? [spelled] : [spelled, reduced];
}

function labelIndex<T extends string>(
  ids: readonly T[],
  labels: readonly Record<T, string>[],
  extra: Partial<Record<T, readonly string[]>>,
): Map<string, T> {
  const index = new Map<string, T>();
  for (const id of ids) {
    const names = [id, ...labels.map((catalog) => catalog[id]), ...(extra[id] ?? [])];
    for (const name of names) {
      for (const key of labelKeys(name)) if (!index.has(key)) index.set(key, id);
    }
  }
  return index;
}

function lookup<T extends string>(
  index: Map<string, T>,
  text: string,
  code: ImportIssueCode,
): Parsed<T> {
  for (const key of labelKeys(text)) {
    const found = index.get(key);
    if (found !== undefined) return ok(found);
  }
  return fail(code);
}

const BUYING_ROLE_INDEX = labelIndex(BUYING_ROLES, [de.buyingRoles, en.buyingRoles], {
  decision_maker: ['Entscheidungsträger', 'Entscheiderin'],
  user: ['Nutzer', 'Benutzer', 'Anwenderin'],
  assistant: ['Assistenz', 'Assistant', 'Assistent', 'Assistentin', 'Sekretariat'],
  influencer: ['Beeinflusserin', 'Empfehler'],
});
const STAGE_INDEX = labelIndex(STAGES, [de.stages, en.stages], {});
const CHANNEL_INDEX = labelIndex(SOURCE_CHANNELS, [de.channels, en.channels], {
  seo: ['SEO'],
  paid_search: ['SEA'],
  content_download: ['Whitepaper', 'E-Book'],
  landing_page: ['Landingpage', 'Landing page'],
});

/**
 * Reads a buying role: the internal id (`decision_maker`) or its German or English label
 * (Entscheider, Decision maker, …), ignoring case, spaces, punctuation and umlaut spelling;
 * else `role_unknown`.
 */
export function parseBuyingRole(text: string): Parsed<BuyingRole> {
  return lookup(BUYING_ROLE_INDEX, text, 'role_unknown');
}

/** Reads a stage by id (`mql`) or German/English label (Kunde, Customer); else `stage_unknown`. */
export function parseStage(text: string): Parsed<Stage> {
  return lookup(STAGE_INDEX, text, 'stage_unknown');
}

/**
 * Reads a source channel by id (`trade_fair`) or German/English label (Messe, Trade fair);
 * else `channel_unknown`.
 */
export function parseSourceChannel(text: string): Parsed<SourceChannel> {
  return lookup(CHANNEL_INDEX, text, 'channel_unknown');
}

const TRUE_WORDS = new Set(['ja', 'j', 'yes', 'y', 'true', 'wahr', '1', 'x']);
const FALSE_WORDS = new Set(['nein', 'n', 'no', 'false', 'falsch', '0', '']);

/**
 * Reads a yes/no cell: ja/yes/true/wahr/1/x (also j, y) are true; nein/no/false/falsch/0
 * (also n) and empty are false; anything else gives `flag_invalid`.
 */
export function parseFlag(text: string): Parsed<boolean> {
  const value = text.trim().toLowerCase();
  if (TRUE_WORDS.has(value)) return ok(true);
  if (FALSE_WORDS.has(value)) return ok(false);
  return fail('flag_invalid');
}

/**
 * True when a cell holds a spreadsheet formula (`=HYPERLINK("…")`, `=1+2`, `=(A1)`): `=`
 * followed by a letter, digit or `(`. Such cells are kept as text with a `formula_kept`
 * warning; a lone `=` or `== Heading ==` is not a formula.
 */
export function looksLikeFormula(text: string): boolean {
  return /^=[\p{L}\d(]/u.test(text.trim());
}

/** Name particles that belong to the last name ("von Müller", "van der Berg", "de la Cruz"). */
const NAME_PARTICLES = new Set([
  'von',
  'vom',
  'van',
  'de',
  'der',
  'den',
  'del',
  'della',
  'di',
  'da',
  'do',
  'dos',
  'du',
  'la',
  'le',
  'ten',
  'ter',
  'zu',
  'zum',
  'zur',
]);

/** Academic and professional title words, compared without dots and hyphens. */
const TITLE_STEMS = [
  'prof',
  'dr',
  'dipl',
  'mag',
  'ing',
  'med',
  'rer',
  'nat',
  'phil',
  'jur',
  'oec',
  'pol',
  'hc',
  'habil',
  'univ',
  'dent',
  'vet',
  'theol',
  'techn',
];
const BARE_TITLES = new Set(['prof', 'dr', 'pd', 'mba']);

/**
 * True for an academic or professional title word: "Dr.", "Prof.", "Dr.-Ing.", "Dipl.-Kfm.",
 * "med.", also "Dr", "Prof", "PD" and "MBA" without a dot; not a name initial ("M.").
 */
export function isTitleWord(word: string): boolean {
  const bare = word.toLowerCase().replace(/[.-]/g, '');
  if (bare.length === 0) return false;
  if (!word.endsWith('.')) return BARE_TITLES.has(word.toLowerCase());
  return bare.length > 1 && TITLE_STEMS.some((stem) => bare.startsWith(stem));
}

/** The parts of a full name; `title` holds academic titles ("Prof. Dr."). */
export type NameParts = {
  salutation: Salutation | null;
  title: string | null;
  firstName: string;
  lastName: string;
};

/**
 * Takes leading salutation and title words off `words` (in place), leaving at least
 * `keep` words.
 */
function takePrefixes(
  words: string[],
  keep: number,
): { salutation: Salutation | null; titles: string[] } {
  let salutation: Salutation | null = null;
  const titles: string[] = [];
  while (words.length > keep) {
    const word = words[0] ?? '';
    const form = salutationOfWord(word);
    if (salutation === null && titles.length === 0 && form !== null && form !== 'none') {
      salutation = form;
    } else if (isTitleWord(word)) {
      titles.push(word);
    } else {
      break;
    }
    words.shift();
  }
  return { salutation, titles };
}

/**
 * Splits a full name into salutation, academic title, first and last name:
 * "Dr. Anna Petersen", "Herr Prof. Dr. Max von Müller" (particles von/van/de/zu … stay with
 * the last name), the comma form "Petersen, Anna" (last name first) and a single word
 * (last name only, first name empty).
 */
export function splitFullName(text: string): NameParts {
  const value = text.trim().replace(/\s+/g, ' ');
  const comma = value.indexOf(',');
  if (comma > 0) {
    const last = value.slice(0, comma).trim();
    const rest = value
      .slice(comma + 1)
      .trim()
      .split(' ')
      .filter(Boolean);
    if (last !== '' && rest.length > 0 && !rest.every(isTitleWord)) {
      const { salutation, titles } = takePrefixes(rest, 0);
      return {
        salutation,
        title: titles.join(' ') || null,
        firstName: rest.join(' '),
        lastName: last,
      };
    }
  }
  const words = (comma > 0 ? value.replace(',', ' ') : value).split(' ').filter(Boolean);
  const { salutation, titles } = takePrefixes(words, 1);
  while (words.length > 1 && isTitleWord(words[words.length - 1] ?? '')) {
    titles.push(words.pop() ?? '');
  }
  const title = titles.join(' ') || null;
  if (words.length <= 1) {
    return { salutation, title, firstName: '', lastName: words[0] ?? '' };
  }
  let split = words.length - 1;
  for (let i = 1; i < words.length - 1; i += 1) {
    if (NAME_PARTICLES.has((words[i] ?? '').toLowerCase())) {
      split = i;
      break;
    }
  }
  return {
    salutation,
    title,
    firstName: words.slice(0, split).join(' '),
    lastName: words.slice(split).join(' '),
  };
}
