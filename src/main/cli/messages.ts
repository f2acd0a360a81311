import { translate } from '@core/i18n';
import type { KeysUnder } from '@core/i18n/catalog';
import type { Language } from '@core/ipc/contract';

/** A text of the command line itself (usage, argument errors, confirmations): section `cli`. */
export type CliMessageKey = KeysUnder<'cli'>;

/**
 * A command-line text in `language` from the catalogs' `cli` section with its {{placeholders}}
 * filled; a missing parameter renders as the catalog's `MISSING_PARAM`, never as `{{name}}`.
 */
export function cliText(
  language: Language,
  key: CliMessageKey,
  params: Record<string, string | number> = {},
): string {
  return translate(language, `cli.${key}`, params);
}
