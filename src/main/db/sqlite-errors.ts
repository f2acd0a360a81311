import { basename, dirname } from 'node:path';
import { AppError } from '../errors';

/** SQLite's extended result code of a better-sqlite3 error (`SQLITE_BUSY`, ...), if any. */
export function sqliteCode(error: unknown): string | null {
  if (!(error instanceof Error) || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** Whether SQLite found the file damaged (SQLITE_CORRUPT and its extended codes). */
export function isCorruptError(error: unknown): boolean {
  return sqliteCode(error)?.startsWith('SQLITE_CORRUPT') ?? false;
}

/** The parameters of a database file's messages: its name and the folder (drive) it is in. */
export function fileParams(path: string): { file: string; folder: string } {
  return { file: basename(path), folder: dirname(path) };
}

/**
 * Maps the SQLite failures a user can act on to an {@link AppError} naming the file `path`
 * and its folder: another program holds a lock, the disk is full, the drive fails or is
 * gone, the file became read-only, is damaged or is not a database. Anything else returns
 * null. SQLite reports a file deleted or moved (its folder or network drive gone) while open
 * as SQLITE_READONLY_DBMOVED: that is "unreachable", not "read-only".
 */
export function sqliteAppError(error: unknown, path: string): AppError | null {
  const code = sqliteCode(error);
  if (code === null) return null;
  const params = fileParams(path);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('DB_LOCKED', 'errors.DB_LOCKED', { file: params.file });
  }
  if (code === 'SQLITE_FULL') return new AppError('DB_FULL', 'errors.DB_FULL', params);
  if (code.startsWith('SQLITE_IOERR')) return new AppError('DB_IO', 'errors.DB_IO', params);
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_READONLY_DBMOVED') {
    return new AppError('DB_UNREACHABLE', 'errors.DB_UNREACHABLE', params);
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') {
    return new AppError('DB_READ_ONLY', 'errors.DB_READ_ONLY', params);
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new AppError('DB_CORRUPT', 'errors.DB_CORRUPT', params);
  }
  if (code === 'SQLITE_NOTADB') {
    return new AppError('DB_NOT_SQLITE', 'errors.DB_NOT_SQLITE', { file: params.file });
  }
  return null;
}
