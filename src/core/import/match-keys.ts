import { normalizeCompanyName } from './company-name';
import { phoneticKey } from './phonetic';

/**
 * Keys under which two records count as the same person (see `MATCH_REASONS`). Phone keys
 * are the E.164 number itself; the lead id is compared as is.
 */

/** Key of an (already normalised) email address: the whole address in lower case. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Key of "the same person at the same company": Kölner Phonetik of first and last name and
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
