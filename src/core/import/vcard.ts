import type { VCard, VCardTypedValue } from '../formats/vcard-properties';

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
  // An index, not shift(): a name of many thousand "Dr." must not take quadratic time.
  let first = 0;
  while (
    first < tokens.length - 1 &&
    (salutationOf(tokens[first] as string) !== null || ACADEMIC_TITLE.test(tokens[first] as string))
  ) {
    first++;
  }
  const lastName = tokens.pop() ?? '';
  return {
    prefix: tokens.slice(0, first).join(' '),
    firstName: tokens.slice(first).join(' '),
    lastName,
  };
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
