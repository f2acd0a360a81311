import type { TFunction } from 'i18next';
import type { AppErrorData, FieldIssue } from '@core/ipc/result';

/**
 * The user-facing text of an error value, in the current language. A damaged file is
 * explained once, by the banner every screen shows while it is open (`damagedFile.text`);
 * each refused action only points there instead of repeating the whole explanation.
 */
export function errorText(t: TFunction, error: AppErrorData): string {
  if (error.code === 'DB_CORRUPT') {
    return t('damagedFile.refused', { file: error.params?.file ?? '' });
  }
  return t(error.key, { ...error.params, defaultValue: error.message });
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
  return issue ? t(issue.key, { ...issue.params }) : undefined;
}
