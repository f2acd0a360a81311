import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { domainToAscii } from './punycode';

const LOCAL_PART = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const ASCII_DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

/**
 * Normalises an email address: trimmed, domain lower-cased and converted to punycode
 * (umlaut domains are valid). Returns null when the address is malformed.
 */
export function normalizeEmail(raw: string): string | null {
  const value = raw.trim();
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return null;
  const local = value.slice(0, at);
  if (
    !LOCAL_PART.test(local) ||
    local.startsWith('.') ||
    local.endsWith('.') ||
    local.includes('..')
  ) {
    return null;
  }
  const domain = domainToAscii(value.slice(at + 1));
  return ASCII_DOMAIN.test(domain) ? `${local}@${domain}` : null;
}

/**
 * Normalises a phone number to E.164, reading national numbers as German by default.
 * Returns null when libphonenumber-js does not accept the number as valid.
 */
export function normalizePhone(
  raw: string,
  defaultRegion: 'DE' | 'AT' | 'CH' = 'DE',
): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), defaultRegion);
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * Lower case with German umlauts and ß spelled out (ä → ae, ö → oe, ü → ue, ß → ss) and other
 * accents removed: "Müller", "Mueller" and "MÜLLER" all give "mueller".
 */
export function foldGerman(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Folds a text for search: {@link foldGerman}, whitespace collapsed and trimmed. */
export function foldForSearch(text: string): string {
  return foldGerman(text).replace(/\s+/g, ' ').trim();
}

/** Up to two initials of a person's name ("Anna Petersen" → "AP"). */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : (parts[0]?.[1] ?? '');
  return (first + last).toUpperCase();
}

/** True when `YYYY-MM-DD` names a real calendar day. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
