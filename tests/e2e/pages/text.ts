import { translateKeyOf } from '../../../src/core/i18n/index';
import type { Language } from '../../../src/core/ipc/contract';

/**
 * Labels the page objects look for, from the same catalogs the renderer uses, so page objects
 * work in both languages. Specs assert user-visible outcomes with literal texts instead.
 */
export function label(language: Language, key: string, params?: Record<string, string | number>) {
  return translateKeyOf(language, key, params);
}

/** Matches a label exactly, ignoring surrounding whitespace and a trailing sort arrow. */
export function exact(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[▲▼]?\\s*$`);
}
