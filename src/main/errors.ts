import type { Language } from '@core/ipc/contract';
import type { AppErrorData, ErrorCode, FieldIssue } from '@core/ipc/result';
import { translate, type TranslationKey } from '@core/i18n';

type Params = Record<string, string | number>;

/**
 * A failure a service expects and the user can understand. Services throw it; `dispatch`
 * turns it into an {@link AppErrorData} value with the message in the user's language.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly key: TranslationKey;
  readonly params: Params | undefined;
  readonly issues: FieldIssue[] | undefined;

  constructor(
    code: ErrorCode,
    key: TranslationKey = `errors.${code}`,
    params?: Params,
    issues?: FieldIssue[],
  ) {
    super(`${code}: ${translate('en', key, params)}`);
    this.name = 'AppError';
    this.code = code;
    this.key = key;
    this.params = params;
    this.issues = issues;
  }
}

/** A validation failure on one or more fields, found by a service (unknown owner id, ...). */
export function validationError(issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION', 'errors.VALIDATION', undefined, issues);
}

/** Builds the error value that crosses IPC. */
export function errorData(
  language: Language,
  code: ErrorCode,
  key: TranslationKey = `errors.${code}`,
  params?: Params,
  issues?: FieldIssue[],
): AppErrorData {
  const data: AppErrorData = { code, key, message: translate(language, key, params) };
  if (params !== undefined) data.params = params;
  if (issues !== undefined) data.issues = issues;
  return data;
}

/** The error value of a thrown {@link AppError}. */
export function appErrorData(language: Language, error: AppError): AppErrorData {
  return errorData(language, error.code, error.key, error.params, error.issues);
}
