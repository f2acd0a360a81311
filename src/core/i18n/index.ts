import type { Language } from '../ipc/contract';
import type { Catalog, TranslationKey } from './catalog';
import { de } from './de';
import { en } from './en';

export type { Catalog, KeysUnder, TranslationKey } from './catalog';

/** All catalogs by language; the renderer hands them to i18next, main uses {@link translate}. */
export const catalogs: Record<Language, Catalog> = { de, en };

/** Locale used for dates, numbers and money per UI language. */
export const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

/**
 * What a `{{placeholder}}` whose parameter is missing renders as, everywhere (main, CLI,
 * renderer): a neutral ellipsis, never the raw `{{name}}`. Callers that build messages log
 * such gaps (see {@link missingParams}); a test checks that no call in the sources has one.
 */
export const MISSING_PARAM = '…';

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** The catalog text of a dotted key (`errors.CONFLICT`), or undefined. */
export function catalogText(language: Language, key: string): string | undefined {
  let node: unknown = catalogs[language];
  for (const part of key.split('.')) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[part]
        : undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

/** The names of the `{{placeholders}}` in a text, each once, in order. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))];
}

/** Fills the `{{placeholders}}` of a text; a missing parameter renders as {@link MISSING_PARAM}. */
export function fillPlaceholders(text: string, params: Record<string, string | number>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => String(params[name] ?? MISSING_PARAM));
}

/** The placeholders of a key's text that `params` leaves unfilled (empty for unknown keys). */
export function missingParams(
  language: Language,
  key: string,
  params: Record<string, string | number> = {},
): string[] {
  const text = catalogText(language, key);
  return text === undefined
    ? []
    : placeholdersOf(text).filter((name) => params[name] === undefined);
}

/**
 * Looks up a dotted key (`errors.CONFLICT`) and fills `{{placeholders}}`; the key is checked
 * at compile time. Never returns a `{{placeholder}}` (a missing parameter renders as
 * {@link MISSING_PARAM}). Keys that come from data go through {@link translateKeyOf}.
 */
export function translate(
  language: Language,
  key: TranslationKey,
  params: Record<string, string | number> = {},
): string {
  const text = catalogText(language, key);
  return text === undefined ? key : fillPlaceholders(text, params);
}

/** Whether a string from data names a text of the catalogs (the German one has every key). */
export function isTranslationKey(key: string): key is TranslationKey {
  return catalogText('de', key) !== undefined;
}

/**
 * Translates a key that arrives as data (an error's key over IPC, a key inside a rule
 * description), checked at run time instead: an unknown key renders as itself, so a missing
 * text is visible rather than blank.
 */
export function translateKeyOf(
  language: Language,
  key: string,
  params: Record<string, string | number> = {},
): string {
  return isTranslationKey(key) ? translate(language, key, params) : key;
}

/**
 * Translates a text described by key and parameters whose values may name further keys:
 * a parameter `fooKey` is translated and passed as `foo`, a comma-joined `fooKeys` is
 * translated item by item and joined as `foos` ("Berufsbezeichnung", "Messe, Empfehlung").
 */
export function translateDescribed(
  language: Language,
  text: { key: string; params: Record<string, string | number> },
): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.params)) {
    if (name.endsWith('Keys')) {
      params[`${name.slice(0, -4)}s`] = String(value)
        .split(',')
        .filter((item) => item !== '')
        .map((item) => translateKeyOf(language, item))
        .join(', ');
    } else if (name.endsWith('Key')) {
      params[name.slice(0, -3)] = translateKeyOf(language, String(value));
    } else {
      params[name] = value;
    }
  }
  return translateKeyOf(language, text.key, params);
}

/** Formats integer cents as a euro amount in the language's locale ("1.234,56 €"). */
export function formatCents(cents: number, language: Language, fractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(cents / 100);
}

/**
 * Parses a euro amount as typed by a user ("1.234,56 €", "1234.5", "1,234.56") into cents.
 * German reading wins when ambiguous ("1.234" is 1234 €). Returns null when unreadable.
 */
export function parseAmountToCents(raw: string): number | null {
  let text = raw.replace(/[€\s\u00a0]|EUR/gi, '');
  if (text === '') return null;
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1);
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  let normalized: string;
  if (lastComma > lastDot) {
    normalized = text.replace(/\./g, '').replace(',', '.');
  } else if (lastDot > lastComma && lastComma >= 0) {
    normalized = text.replace(/,/g, '');
  } else if (lastDot >= 0 && /^\d{1,3}(\.\d{3})+$/.test(text)) {
    normalized = text.replace(/\./g, '');
  } else {
    normalized = text;
  }
  if (!/^\d+(\.\d{1,2})?$/.test(normalized)) return null;
  const cents = Math.round(Number(normalized) * 100);
  return negative ? -cents : cents;
}
