import { assertNever } from '../domain/stages';
import { normalizeCompanyName } from './company-name';
import { phoneticKey } from './phonetic';
import type { MatchReason } from './types';

/**
 * Keys under which two records count as the same person (see `MATCH_REASONS`). Phone keys
 * are the E.164 number itself; the lead id is compared as is.
 */

/** Key of an (already normalised) email address: the whole address in lower case. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Whether a match only suggests the same person: a similar-sounding name at the same
 * company is a *possible* duplicate (Meier and Meyer, Anna and Hanna, Peter and Petra code
 * alike), which the user confirms; the lead id, an email or a number identify the person.
 */
export function isPossibleMatch(reason: MatchReason): boolean {
  switch (reason) {
    case 'lead_id':
    case 'email':
    case 'phone':
      return false;
    case 'person':
      return true;
    default:
      return assertNever(reason);
  }
}

/** How a record can be reached, as match keys: its email key and its E.164 numbers. */
export type ContactKeys = { email: string | null; phones: readonly string[] };

/**
 * Whether two records name different ways of reaching someone: both have an email and the
 * emails differ, or both have numbers and share none. Records that conflict are two people,
 * however alike their names sound; a name-only match between them is no match at all.
 */
export function contactsConflict(a: ContactKeys, b: ContactKeys): boolean {
  if (a.email !== null && b.email !== null && a.email !== b.email) return true;
  if (a.phones.length === 0 || b.phones.length === 0) return false;
  return !a.phones.some((phone) => b.phones.includes(phone));
}

/**
 * Key of "the same person at the same company" (a possible duplicate only, see
 * {@link isPossibleMatch}): Kölner Phonetik of first and last name and
 * the normalised company name, joined by `|`. Null when a name or the company is empty
 * after normalising, so that people without a company never match by name alone.
 * "Jürgen Weiß, Müller GmbH" and "Juergen Weiss, Mueller AG" give the same key.
 */
export function personKey(
  firstName: string,
  lastName: string,
  companyName: string | null,
): string | null {
  const first = phoneticKey(firstName);
  const last = phoneticKey(lastName);
  const company = companyName === null ? '' : normalizeCompanyName(companyName);
  if (first === '' || last === '' || company === '') return null;
  return `${first}|${last}|${company}`;
}
