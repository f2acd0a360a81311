import type { TFunction } from 'i18next';
import { isTranslationKey } from '@core/i18n';
import type { AppErrorData, FieldIssue } from '@core/ipc/result';

type Params = Record<string, string | number>;

/**
 * The text of a key that arrives as data over IPC (an error's or a field issue's key): checked
 * against the catalog here, once, instead of cast at each use. An unknown key renders as
 * i18next renders a missing one: the default value if given, else the key itself.
 */
function dataText(t: TFunction, key: string, options: Params & { defaultValue?: string }): string {
  if (isTranslationKey(key)) return t(key, options);
  return options.defaultValue ?? key;
}

/**
 * The user-facing text of an error value, in the current language. A damaged file is
 * explained once, by the banner every screen shows while it is open (`damagedFile.text`);
 * each refused action only points there instead of repeating the whole explanation.
 */
export function errorText(t: TFunction, error: AppErrorData): string {
  if (error.code === 'DB_CORRUPT') {
    return t('damagedFile.refused', { file: error.params?.file ?? '' });
  }
  return dataText(t, error.key, { ...error.params, defaultValue: error.message });
}

/** Field issues keyed by their dotted path (`company.name`); the first issue per field wins. */
export function issuesByPath(issues: FieldIssue[] | undefined): Record<string, FieldIssue> {
  const result: Record<string, FieldIssue> = {};
  for (const issue of issues ?? []) {
    const path = issue.path.join('.');
    result[path] ??= issue;
  }
  return result;
}

/** The text under a field for one issue. */
export function issueText(t: TFunction, issue: FieldIssue | undefined): string | undefined {
  return issue ? dataText(t, issue.key, { ...issue.params }) : undefined;
}
