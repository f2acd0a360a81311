import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { formatCents, LOCALES } from '@core/i18n/index';
import type { Language } from '@core/ipc/contract';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days between entering a stage and now; never negative (clock skew between PCs). */
export function daysSince(since: number, now: number): number {
  return Math.max(0, Math.floor((now - since) / DAY_MS));
}

export function fullName(lead: { firstName: string; lastName: string }): string {
  return `${lead.firstName} ${lead.lastName}`.trim();
}

/**
 * A stored E.164 number for people to read ("+49 221 987654"); anything libphonenumber-js
 * cannot parse is shown as stored. Saving the shown text normalises back to the same E.164.
 */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** Euro amount without cents ("12.500 €"), or the dash for no value. */
export function formatMoney(cents: number | null, language: Language): string {
  return cents === null ? '–' : formatCents(cents, language);
}

/** Date and time of an instant ("03.02.2026, 14:05"). */
export function formatDateTime(epochMs: number, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(epochMs);
}

/** A calendar day `YYYY-MM-DD` in the language's format, independent of the time zone. */
export function formatIsoDay(day: string, language: Language): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(Date.UTC(y, m - 1, d));
}

/** Cents as the text a user would type in the language ("1.234,50"), for prefilling fields. */
export function centsToInput(cents: number | null, language: Language): string {
  if (cents === null) return '';
  return new Intl.NumberFormat(LOCALES[language], {
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

/** Value for `<input type="datetime-local">` in local time. */
export function toLocalDateTimeInput(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

/** Reads `<input type="datetime-local">` (local time) into epoch ms, or null. */
export function fromLocalDateTimeInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? null : time;
}

/** The date of an instant ("03.02.2026"). */
export function formatDate(epochMs: number, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium' }).format(epochMs);
}
