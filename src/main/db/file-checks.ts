import {
  accessSync,
  closeSync,
  constants,
  openSync,
  readSync,
  statSync,
  type Stats,
} from 'node:fs';
import { basename, dirname } from 'node:path';
import { AppError } from '../errors';
import { fileParams } from './sqlite-errors';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** How a database file is being opened. */
export type OpenMode = 'create' | 'open';

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function canWrite(path: string, stats: Stats): boolean {
  // Root passes every access() check, so a file without any write bit counts as read-only.
  if ((stats.mode & 0o222) === 0) return false;
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function hasSqliteHeader(path: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    return (
      readSync(fd, header, 0, header.length, 0) === header.length && header.equals(SQLITE_HEADER)
    );
  } finally {
    closeSync(fd);
  }
}

/**
 * The nearest existing ancestor of `folder` (itself included) when that is not a folder:
 * a new file cannot be created below a file. Null when the way is clear.
 */
function fileInPlaceOfFolder(folder: string): string | null {
  for (let current = folder; ; current = dirname(current)) {
    const stats = statOrNull(current);
    if (stats !== null) return stats.isDirectory() ? null : current;
    if (dirname(current) === current) return null;
  }
}

/** `X-journal`, `X-wal`, `X-shm`: the files SQLite keeps next to a database `X`. */
const COMPANION_NAME = /^(.+)-(journal|wal|shm)$/i;

/**
 * Whether `path` is the companion of an SQLite database next to it. Such a file is often
 * empty (a TRUNCATE journal between transactions) and would pass as "empty, fine to create
 * in", but writing a database there breaks the database it belongs to.
 */
function isCompanionOfDatabase(path: string): boolean {
  const stem = COMPANION_NAME.exec(basename(path))?.[1];
  if (stem === undefined) return false;
  const database = `${dirname(path)}/${stem}`;
  return statOrNull(database)?.isFile() === true && hasSqliteHeader(database);
}

/**
 * Checks a database path before anything opens or writes it, so a wrong choice leaves the
 * file untouched: create refuses an existing non-empty file, open a missing one (or one whose
 * folder is gone: unreachable); an existing
 * file must start with the SQLite header (an empty one is fine to create in) and be writable,
 * as must its folder (SQLite puts its rollback journal next to the file).
 * Returns whether the file exists already.
 */
export function checkDatabaseFile(path: string, mode: OpenMode): { exists: boolean } {
  const file = basename(path);
  if (mode === 'create' && isCompanionOfDatabase(path)) {
    throw new AppError('FILE_TARGET_REFUSED', 'errors.FILE_TARGET_REFUSED', { file });
  }
  const stats = statOrNull(path);
  if (stats === null) {
    const folder = statOrNull(dirname(path));
    if (mode === 'create') {
      const blocker = fileInPlaceOfFolder(dirname(path));
      if (blocker !== null) {
        throw new AppError('DB_NOT_FOUND', 'databaseFiles.notAFolder', { file, folder: blocker });
      }
    }
    if (mode === 'open') {
      // Without its folder the share or network drive is gone, not necessarily the file.
      if (folder === null) {
        throw new AppError('DB_UNREACHABLE', 'errors.DB_UNREACHABLE', fileParams(path));
      }
      throw new AppError('DB_NOT_FOUND', 'errors.DB_NOT_FOUND', { file });
    }
    if (folder !== null && !canWrite(dirname(path), folder)) {
      throw new AppError('DB_READ_ONLY', 'errors.DB_READ_ONLY', fileParams(path));
    }
    return { exists: false };
  }
  if (mode === 'create' && stats.size > 0) {
    throw new AppError('DB_EXISTS', 'errors.DB_EXISTS', { file });
  }
  if (!stats.isFile() || (mode === 'open' && !hasSqliteHeader(path))) {
    throw new AppError('DB_NOT_SQLITE', 'errors.DB_NOT_SQLITE', { file });
  }
  const folder = statOrNull(dirname(path));
  if (!canWrite(path, stats) || folder === null || !canWrite(dirname(path), folder)) {
    throw new AppError('DB_READ_ONLY', 'errors.DB_READ_ONLY', fileParams(path));
  }
  return { exists: true };
}
