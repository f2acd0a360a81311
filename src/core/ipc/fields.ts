import { z } from 'zod';
import { isIsoDate, normalizeEmail, normalizePhone } from '../text/normalize';

/**
 * Field schemas shared by forms (client-side checks) and main (authoritative checks).
 * Messages are i18n keys under `validation.`; empty optional text becomes null.
 */
const emptyToNull = (value: string): string | null => (value === '' ? null : value);

/** A required single-line name. */
export const requiredName = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, 'validation.required')
  .max(100, 'validation.too_long');

/** A first name: may be empty (one-name contacts), never too long. */
export const optionalName = z.string().trim().max(100, 'validation.too_long');

/** Optional single-line text; '' and whitespace become null. */
export const optionalText = (max = 200) =>
  z.string().trim().max(max, 'validation.too_long').transform(emptyToNull).nullable();

/** Optional email, normalised (trimmed, punycode domain) or rejected with `validation.email`. */
export const optionalEmail = z
  .string()
  .trim()
  .max(254, 'validation.too_long')
  .transform((value, ctx) => {
    if (value === '') return null;
    const normalized = normalizeEmail(value);
    if (normalized === null) {
      ctx.addIssue({ code: 'custom', message: 'validation.email' });
      return z.NEVER;
    }
    return normalized;
  })
  .nullable();

/** Optional phone number, normalised to E.164 (default region DE) or rejected. */
export const optionalPhone = z
  .string()
  .trim()
  .max(40, 'validation.too_long')
  .transform((value, ctx) => {
    if (value === '') return null;
    const normalized = normalizePhone(value);
    if (normalized === null) {
      ctx.addIssue({ code: 'custom', message: 'validation.phone' });
      return z.NEVER;
    }
    return normalized;
  })
  .nullable();

/** Optional money amount in integer cents, never negative. */
export const optionalCents = z
  .number({ error: 'validation.number' })
  .int('validation.number')
  .min(0, 'validation.negative')
  .max(1e13, 'validation.too_large')
  .nullable();

/** Optional non-negative whole count (employees, branches). */
export const optionalCount = z
  .number({ error: 'validation.number' })
  .int('validation.whole_number')
  .min(0, 'validation.negative')
  .max(10_000_000, 'validation.too_large')
  .nullable();

/** Optional calendar day `YYYY-MM-DD`. */
export const optionalIsoDate = z
  .string()
  .trim()
  .max(10, 'validation.date')
  .transform((value, ctx) => {
    if (value === '') return null;
    if (!isIsoDate(value)) {
      ctx.addIssue({ code: 'custom', message: 'validation.date' });
      return z.NEVER;
    }
    return value;
  })
  .nullable();

/** Length of `text` in UTF-8 bytes (lone surrogates count as the 3 bytes of U+FFFD). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Linux's PATH_MAX and the NAME_MAX of common file systems, in bytes. */
const PATH_MAX_BYTES = 4096;
const NAME_MAX_BYTES = 255;

/** NUL (cuts a name short at the operating system) and lone UTF-16 surrogates. */
const UNUSABLE_IN_PATHS =
  /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a path and each of its names fit what file systems take (UTF-8 bytes). */
function fitsFileSystem(path: string): boolean {
  if (path.length > PATH_MAX_BYTES) return true; // reported by `max` already
  if (utf8Length(path) > PATH_MAX_BYTES) return false;
  return path.split(/[\\/]/).every((name) => utf8Length(name) <= NAME_MAX_BYTES);
}

/**
 * A file path as the user or a dialog gives it: at most 4096 characters and bytes, no name
 * longer than 255 bytes, nothing a file system cannot name.
 */
export const filePath = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(PATH_MAX_BYTES, 'validation.too_long')
  .refine((path) => !UNUSABLE_IN_PATHS.test(path), 'validation.invalid')
  .refine(fitsFileSystem, 'validation.too_long');

/**
 * A record (object used as a map) of at most `maxEntries` keys. The bound is kept in the
 * schema's metadata as well, where the contract's limit test finds it.
 */
export function boundedRecord<K extends z.core.$ZodRecordKey, V extends z.ZodType>(
  key: K,
  value: V,
  maxEntries: number,
) {
  return z
    .record(key, value)
    .refine((record) => Object.keys(record).length <= maxEntries, 'validation.too_long')
    .meta({ maxEntries });
}

/** Record id: opaque text. */
export const id = z.string().min(1).max(64);

/** Epoch milliseconds UTC. */
export const epochMs = z.number().int().min(0);
