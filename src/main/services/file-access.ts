import type { WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import type { Download } from '@core/ipc/import-schemas';
import { writeOutputFile } from '../files/output-target';
import type { FileAccess } from '../host';
import { AppError } from '../errors';
import type { AppContext } from './context';

/**
 * Files named by a request, under the host's file policy ({@link FileAccess}): paths on this
 * machine, or — in the browser — uploads and downloads of this run only. Every use case that
 * reads or writes a file the user chose goes through here.
 */

/** Where a written file went: its path (in the browser: its name) and the download, if any. */
export type WrittenFile = { path: string; download: Download | null };

export type WriteRequest = {
  /** A path; in the browser only the file name of the download. */
  path: string;
  /** The user confirmed replacing an existing file. */
  overwrite: boolean;
};

function fileAccess(ctx: AppContext): FileAccess {
  return ctx.host.files ?? { kind: 'paths' };
}

/** The page named a path on the server, which only the desktop app and the CLI may. */
function serverPathRefused(): AppError {
  return new AppError('FORBIDDEN', 'files.serverPath');
}

/**
 * The file a read request names: an absolute path, or in the browser the upload `ref` is the
 * handle of. Any other name in the browser — a path, another run's upload — is FORBIDDEN.
 */
export function readableFile(ctx: AppContext, ref: string): string {
  const access = fileAccess(ctx);
  if (access.kind === 'paths') return resolve(ref);
  const path = access.store.uploadPath(ref);
  if (path === null) throw serverPathRefused();
  return path;
}

/**
 * Writes the file a request asked for through {@link writeOutputFile} (never onto the open
 * database or any SQLite file, an existing file only with `overwrite`, whole or not at all).
 * In the browser `request.path` must be a bare file name: the file goes to a fresh download
 * of this run (so nothing is ever replaced) and the result carries its address.
 */
export async function writeRequestedFile<T>(
  ctx: AppContext,
  request: WriteRequest,
  write: (out: WriteStream) => Promise<T>,
): Promise<{ value: T } & WrittenFile> {
  const database = ctx.session?.path ?? null;
  const access = fileAccess(ctx);
  if (access.kind === 'paths') {
    const written = await writeOutputFile(
      request.path,
      { overwrite: request.overwrite, database },
      write,
    );
    return { ...written, download: null };
  }
  if (/[\\/]/.test(request.path)) throw serverPathRefused();
  const slot = await access.store.createDownload(request.path);
  try {
    const { value } = await writeOutputFile(slot.path, { overwrite: false, database }, write);
    slot.publish();
    return { value, path: slot.fileName, download: { url: slot.url, fileName: slot.fileName } };
  } catch (error) {
    await slot.discard();
    throw error;
  }
}
