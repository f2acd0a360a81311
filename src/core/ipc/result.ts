/**
 * Error codes that cross the IPC boundary. Each has a message in the i18n catalog under
 * `errors.<code>`; `params` fill its placeholders.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'CONFLICT',
  'NOT_FOUND',
  'MOVE_REFUSED',
  'NO_DATABASE',
  'NO_USER',
  'DB_NOT_SQLITE',
  'DB_READ_ONLY',
  'DB_LOCKED',
  'DB_TOO_NEW',
  'DB_NOT_FOUND',
  'DB_EXISTS',
  'DB_FULL',
  'DB_IO',
  'DB_UNREACHABLE',
  'DB_CORRUPT',
  'UNSUPPORTED',
  'FILE_UNREADABLE',
  'FILE_EXISTS',
  'FILE_TARGET_REFUSED',
  'IMPORT_RUNNING',
  'IMPORT_REPEATED',
  'IMPORT_REFUSED',
  'BAD_REQUEST',
  'FORBIDDEN',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One failed field check; `key` is an i18n key under `validation.`. */
export type FieldIssue = {
  path: (string | number)[];
  key: string;
  params?: Record<string, string | number>;
};

/** An error as a value: a code, a translatable key with params and an English message for logs. */
export type AppErrorData = {
  code: ErrorCode;
  key: string;
  message: string;
  params?: Record<string, string | number>;
  issues?: FieldIssue[];
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(error: AppErrorData): Result<T> {
  return { ok: false, error };
}
