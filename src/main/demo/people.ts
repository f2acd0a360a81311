import type { BuyingRole, Salutation } from '@core/domain/lead';
import type { Random } from '@core/random';
import { foldForSearch, normalizePhone } from '@core/text/normalize';
import {
  BRAND_WORDS,
  BUYING_ROLE_WEIGHTS,
  CITIES,
  FEMALE_FIRST_NAMES,
  INDUSTRIES,
  JOB_TITLES,
  LAST_NAMES,
  LEGAL_FORMS,
  MALE_FIRST_NAMES,
  STREETS,
} from './vocabulary';

/** Picks one item by relative weight. */
export function pickWeighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  const last = items[items.length - 1];
  if (last === undefined) throw new Error('pickWeighted from an empty list');
  return last[0];
}

/** ASCII slug for email local parts and domains: "Schäfer & Söhne" → "schaefer-soehne". */
export function asciiSlug(text: string): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export type Person = {
  salutation: Salutation;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  buyingRole: BuyingRole;
};

/** A German contact: name and salutation that match, a job title fitting the buying role. */
export function makePerson(random: Random): Person {
  const female = random.chance(0.46);
  const firstName = random.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  const buyingRole = pickWeighted(random, BUYING_ROLE_WEIGHTS);
  const title = random.pick(JOB_TITLES[buyingRole]);
  const jobTitle = buyingRole === 'unknown' && random.chance(0.5) ? null : title[female ? 1 : 0];
  return { salutation: female ? 'frau' : 'herr', firstName, lastName, jobTitle, buyingRole };
}

export type CompanyDraft = {
  name: string;
  industry: string;
  employees: number;
  branches: number;
  domain: string;
  street: string;
  postalCode: string;
  city: string;
  areaCode: string;
};

function employeesFor(random: Random, legalForm: string): number {
  switch (legalForm) {
    case 'e.K.':
      return random.int(1, 30);
    case 'AG':
      return random.int(150, 4800);
    case 'OHG':
    case 'KG':
      return random.int(8, 250);
    default:
      return random.int(5, 900);
  }
}

/** A company with a legal form, industry, size, address and the web domain its emails use. */
export function makeCompany(random: Random): CompanyDraft {
  const [industry, words] = random.pick(INDUSTRIES);
  const word = random.pick(words);
  const legalForm = pickWeighted(random, LEGAL_FORMS);
  const family = random.pick(LAST_NAMES);
  const pattern = random.int(0, 2);
  let base: string;
  if (legalForm === 'e.K.') base = `${word} ${family}`;
  else if (pattern === 0) base = `${family} ${word}`;
  else if (pattern === 1) base = `${random.pick(BRAND_WORDS)} ${word}`;
  else base = `${family} & ${random.pick(LAST_NAMES)}`;
  const [city, firstCode, lastCode, areaCode] = random.pick(CITIES);
  const employees = employeesFor(random, legalForm);
  const retail = industry === 'Einzelhandel' || industry === 'Tourismus';
  const branches = retail ? random.int(1, 12) : employees > 300 ? random.int(1, 6) : 1;
  return {
    name: `${base} ${legalForm}`,
    industry,
    employees,
    branches,
    domain: `${asciiSlug(base)}.de`,
    street: `${random.pick(STREETS)} ${random.int(1, 180)}`,
    postalCode: String(random.int(firstCode, lastCode)).padStart(5, '0'),
    city,
    areaCode,
  };
}

/** An address on the company's domain in one of the usual German patterns (ASCII only). */
export function makeEmail(random: Random, person: Person, domain: string): string {
  const first = asciiSlug(person.firstName);
  const last = asciiSlug(person.lastName);
  const local = random.pick([
    `${first}.${last}`,
    `${first}.${last}`,
    `${first.charAt(0)}.${last}`,
    `${last}`,
    `${first}${last}`,
  ]);
  return `${local}@${domain}`;
}

function digits(random: Random, length: number): string {
  let text = String(random.int(2, 9));
  while (text.length < length) text += String(random.int(0, 9));
  return text;
}

const MOBILE_PREFIXES = ['151', '152', '157', '160', '162', '170', '171', '172', '176', '178'];

/**
 * A landline in the company's city or a German mobile number, returned in E.164 as
 * `normalizePhone` produces it. Tries a few draws; null if none is valid (never in practice).
 */
export function makePhone(random: Random, areaCode: string | null): string | null {
  for (let attempt = 0; attempt < 5; attempt++) {
    const national =
      areaCode === null
        ? (() => {
            const prefix = random.pick(MOBILE_PREFIXES);
            return `0${prefix}${digits(random, prefix.startsWith('15') ? 8 : 7)}`;
          })()
        : `0${areaCode}${digits(random, 10 - areaCode.length)}`;
    const normalized = normalizePhone(national);
    if (normalized !== null) return normalized;
  }
  return null;
}
