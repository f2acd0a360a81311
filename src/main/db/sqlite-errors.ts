import { AppError } from '../ipc/errors';

/** SQLite's extended result code of a better-sqlite3 error (`SQLITE_BUSY`, ...), if any. */
export function sqliteCode(error: unknown): string | null {
  if (!(error instanceof Error) || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/**
 * Maps the SQLite failures a user can act on to an {@link AppError}: another program holds a
 * lock, the file became read-only, or it is not a database. Anything else returns null.
 */
export function sqliteAppError(error: unknown, fileName: string): AppError | null {
  const code = sqliteCode(error);
  if (code === null) return null;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('DB_LOCKED', 'errors.DB_LOCKED', { file: fileName });
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') {
    return new AppError('DB_READ_ONLY', 'errors.DB_READ_ONLY', { file: fileName });
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new AppError('DB_NOT_SQLITE', 'errors.DB_NOT_SQLITE', { file: fileName });
  }
  return null;
}
