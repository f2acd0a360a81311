import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { link, open, rename, rm, stat, unlink } from 'node:fs/promises';
import { once } from 'node:events';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../errors';

/**
 * The one way main writes a file a user named (an export, rejected rows, an upload; later
 * backups and reports): never onto a database, never over an existing file without the
 * caller's confirmation, and always whole — a fresh temporary file in the target folder,
 * flushed to disk, then renamed over the target. A failure at any point removes the
 * temporary file and leaves an existing target as it was.
 */

export type OutputTargetOptions = {
  /** Replace an existing file: the user confirmed (the UI's question, the CLI's `--force`). */
  overwrite: boolean;
  /** The open database file: it and its `-journal`, `-wal` and `-shm` are never written. */
  database: string | null;
};

/** What SQLite puts next to a database file. */
const COMPANIONS = ['', '-journal', '-wal', '-shm'] as const;
const COMPANION_NAME = /^(.+)-(journal|wal|shm)$/i;

/** Magic numbers of SQLite's own files: database, rollback journal, write-ahead log. */
const SQLITE_MAGICS = [
  Buffer.from('SQLite format 3\0', 'latin1'),
  Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]),
  Buffer.from([0x37, 0x7f, 0x06, 0x82]),
  Buffer.from([0x37, 0x7f, 0x06, 0x83]),
];
const MAGIC_BYTES = 16;

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

const sameFile = (a: Stats, b: Stats): boolean => a.dev === b.dev && a.ino === b.ino;

/** Whether `path` is a regular file that starts like an SQLite database, journal or WAL. */
async function hasSqliteMagic(path: string): Promise<boolean> {
  if (!(await statOrNull(path))?.isFile()) return false;
  try {
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(MAGIC_BYTES);
      const { bytesRead } = await handle.read(head, 0, MAGIC_BYTES, 0);
      return SQLITE_MAGICS.some(
        (magic) => bytesRead >= magic.length && head.subarray(0, magic.length).equals(magic),
      );
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

function refused(path: string): AppError {
  return new AppError('FILE_TARGET_REFUSED', 'errors.FILE_TARGET_REFUSED', {
    file: basename(path),
  });
}

/**
 * Whether `path` names the open database or one of its companion files. Compared by
 * identity, not by spelling: an existing target by device and inode (symlinks followed, so
 * a symlink or hard link to the database counts as the database), a new one by its folder's
 * identity and its name ignoring case (`./x/../team.sqlite-JOURNAL` on a case-insensitive
 * disk is the journal).
 */
async function isDatabaseFile(path: string, target: Stats | null, database: string) {
  const [folder, databaseFolder] = await Promise.all([
    statOrNull(dirname(path)),
    statOrNull(dirname(database)),
  ]);
  const inDatabaseFolder =
    folder !== null && databaseFolder !== null && sameFile(folder, databaseFolder);
  const name = basename(path).toLowerCase();
  for (const suffix of COMPANIONS) {
    const companion = `${database}${suffix}`;
    if (inDatabaseFolder && name === basename(companion).toLowerCase()) return true;
    if (target === null) continue;
    const existing = await statOrNull(companion);
    if (existing !== null && sameFile(existing, target)) return true;
  }
  return false;
}

/**
 * Refuses (FILE_TARGET_REFUSED) a target that is the open database or its journal, WAL or
 * SHM; any existing file that is an SQLite database, journal or WAL (another Leadwerk file,
 * a backup); and `X-journal`/`-wal`/`-shm` next to such a database `X`.
 */
async function refuseDatabaseTarget(path: string, database: string | null): Promise<void> {
  const target = await statOrNull(path);
  if (database !== null && (await isDatabaseFile(path, target, database))) throw refused(path);
  if (await hasSqliteMagic(path)) throw refused(path);
  const companion = COMPANION_NAME.exec(basename(path));
  if (companion?.[1] !== undefined && (await hasSqliteMagic(join(dirname(path), companion[1])))) {
    throw refused(path);
  }
}

/**
 * Checks a target before anything is written: its folder exists; it is not a folder, a
 * device or anything else but a regular file; not a database file (see
 * {@link refuseDatabaseTarget}) and, unless `overwrite`, does not exist (FILE_EXISTS).
 * Returns the absolute path.
 */
export async function checkOutputTarget(
  requested: string,
  options: OutputTargetOptions,
): Promise<string> {
  const path = resolve(requested);
  const folder = dirname(path);
  const folderStat = await statOrNull(folder);
  if (folderStat === null || !folderStat.isDirectory()) {
    throw new AppError('VALIDATION', 'files.folderMissing', { folder });
  }
  const existing = await statOrNull(path);
  if (existing?.isDirectory()) {
    throw new AppError('VALIDATION', 'files.isFolder', { file: basename(path) });
  }
  if (existing !== null && !existing.isFile()) {
    throw new AppError('VALIDATION', 'files.notAFile', { file: basename(path) });
  }
  await refuseDatabaseTarget(path, options.database);
  if (existing !== null && !options.overwrite) {
    throw new AppError('FILE_EXISTS', 'errors.FILE_EXISTS', { file: basename(path) });
  }
  return path;
}

/** Creates a temporary file next to `path` that nothing else can have: random name, `wx`. */
async function createTemporary(path: string): Promise<{ temporary: string; out: WriteStream }> {
  const temporary = join(
    dirname(path),
    `.${basename(path).slice(0, 100)}.${randomBytes(8).toString('hex')}.tmp`,
  );
  // `flush`: the data is fsync'ed before the file is closed, so the rename never publishes
  // a file whose content is still only in the page cache.
  const out = createWriteStream(temporary, { flags: 'wx', flush: true });
  await once(out, 'open');
  return { temporary, out };
}

/** Ends the stream if the writer has not and waits until the file is flushed and closed. */
async function finish(out: WriteStream, failure: () => Error | null): Promise<void> {
  if (!out.closed) {
    if (!out.writableEnded) out.end();
    await once(out, 'close');
  }
  const error = failure();
  if (error !== null) throw error;
}

/**
 * Moves the finished temporary file to the target. Without `overwrite` a hard link makes
 * the name appear only if nobody created it meanwhile (EEXIST: FILE_EXISTS); where the disk
 * has no hard links (FAT, some network shares) it falls back to check-then-rename.
 */
async function publish(temporary: string, path: string, overwrite: boolean): Promise<void> {
  if (overwrite) {
    await rename(temporary, path);
    return;
  }
  try {
    await link(temporary, path);
    await unlink(temporary);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new AppError('FILE_EXISTS', 'errors.FILE_EXISTS', { file: basename(path) });
    }
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') {
      throw error;
    }
  }
  if ((await statOrNull(path)) !== null) {
    throw new AppError('FILE_EXISTS', 'errors.FILE_EXISTS', { file: basename(path) });
  }
  await rename(temporary, path);
}

/** Makes the rename itself durable where the platform allows syncing a folder. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems (network shares) refuse fsync on a folder; the file itself is synced.
  }
}

/** A file-system failure while writing, as a message naming the file and the cause. */
function writeFailure(error: unknown, path: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return error;
  return new AppError('UNSUPPORTED', 'files.writeFailed', { file: basename(path), detail: code });
}

/**
 * Writes the file `requested` through `write`, which gets a stream to a fresh temporary file
 * in the same folder and may end it (it is ended otherwise). Checked first (see
 * {@link checkOutputTarget}) and once more just before the rename; the target appears only
 * complete and synced. On any failure — the checks, the writer, the disk — the temporary
 * file is removed and an existing target is untouched. Returns what `write` returned and the
 * absolute path written.
 */
export async function writeOutputFile<T>(
  requested: string,
  options: OutputTargetOptions,
  write: (out: WriteStream) => Promise<T>,
): Promise<{ value: T; path: string }> {
  const path = await checkOutputTarget(requested, options);
  let temporary: string | null = null;
  let out: WriteStream | null = null;
  try {
    ({ temporary, out } = await createTemporary(path));
    let failure: Error | null = null;
    out.on('error', (error) => {
      failure ??= error;
    });
    const value = await write(out);
    await finish(out, () => failure);
    await checkOutputTarget(path, options);
    await publish(temporary, path, options.overwrite);
    temporary = null;
    await syncFolder(dirname(path));
    return { value, path };
  } catch (error) {
    if (out !== null && !out.closed) {
      out.destroy();
      await once(out, 'close').catch(() => undefined);
    }
    if (temporary !== null) await rm(temporary, { force: true }).catch(() => undefined);
    throw writeFailure(error, path);
  }
}
