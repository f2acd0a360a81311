import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { parseDate } from '@core/import/values';
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

/** A count in the language's digits ("12.345"). */
export function formatCount(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 0 }).format(value);
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

const pad = (n: number) => String(n).padStart(2, '0');

/** How a calendar day is typed and shown: German `31.12.2026`, British `31/12/2026`. */
const DAY_SEPARATOR: Record<Language, string> = { de: '.', en: '/' };

/** The pattern a date field shows as placeholder (`TT.MM.JJJJ`, `DD/MM/YYYY`). */
export const DAY_PLACEHOLDER: Record<Language, string> = { de: 'TT.MM.JJJJ', en: 'DD/MM/YYYY' };
export const DATE_TIME_PLACEHOLDER: Record<Language, string> = {
  de: 'TT.MM.JJJJ hh:mm',
  en: 'DD/MM/YYYY hh:mm',
};
export const MONTH_PLACEHOLDER: Record<Language, string> = { de: 'MM.JJJJ', en: 'MM/YYYY' };

/** A stored day `YYYY-MM-DD` as a date field shows it; '' for none. */
export function formatDayText(day: string | null, language: Language): string {
  const match = day === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) return day ?? '';
  const sep = DAY_SEPARATOR[language];
  return `${match[3]}${sep}${match[2]}${sep}${match[1]}`;
}

/**
 * Reads a typed day (`31.12.2026`, `1.2.26`, `31/12/2026` or `2026-12-31`, whatever the
 * language: all are day first) as `YYYY-MM-DD`, or null when it is no real day.
 */
export function parseDayText(text: string): string | null {
  const parsed = parseDate(text.trim());
  return parsed.ok ? parsed.value : null;
}

/** An instant as a date-and-time field shows it, in local time (`03.02.2026 14:05`). */
export function formatDateTimeText(epochMs: number, language: Language): string {
  const date = new Date(epochMs);
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${formatDayText(day, language)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Reads a typed local date and time (`03.02.2026 14:05`, `3.2.2026, 9:05`,
 * `2026-02-03T14:05`) into epoch ms; a day without a time is its midnight. Null when the
 * day or the time does not exist.
 */
export function parseDateTimeText(text: string): number | null {
  const match = /^(.*?)(?:[\sT,]+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  const day = match?.[1] === undefined ? null : parseDayText(match[1]);
  if (match === null || day === null) return null;
  const hours = Number(match[2] ?? 0);
  const minutes = Number(match[3] ?? 0);
  if (hours > 23 || minutes > 59) return null;
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d, hours, minutes).getTime();
}

/** A stored month `YYYY-MM` as a month field shows it (`09.2026`); '' for none. */
export function formatMonthText(month: string | null, language: Language): string {
  const match = month === null ? null : /^(\d{4})-(\d{2})$/.exec(month);
  if (match === null) return month ?? '';
  return `${match[2]}${DAY_SEPARATOR[language]}${match[1]}`;
}

/** Reads a typed month (`09.2026`, `9/2026`, `2026-09`) as `YYYY-MM`, or null. */
export function parseMonthText(text: string): string | null {
  const value = text.trim();
  const dayFirst = /^(\d{1,2})[./](\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{1,2})$/.exec(value);
  const [year, month] = dayFirst ? [dayFirst[2], dayFirst[1]] : iso ? [iso[1], iso[2]] : [];
  if (year === undefined || month === undefined) return null;
  const number = Number(month);
  return number >= 1 && number <= 12 ? `${year}-${pad(number)}` : null;
}

/** The date of an instant ("03.02.2026"). */
export function formatDate(epochMs: number, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium' }).format(epochMs);
}
