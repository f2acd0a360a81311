import { existsSync } from 'node:fs';
import type { FilePickPurpose } from '@core/ipc/import-schemas';
import { AppError } from '../errors';
import type { AppContext } from './context';

/**
 * Asks the host for a file to import or to export to, through its native dialog;
 * UNSUPPORTED where there is none (in the browser files are uploaded and downloaded).
 * `path` is null when the user cancelled. `replaceConfirmed`: a save dialog returned an
 * existing file, so the dialog asked the user whether to replace it (the save dialogs ask on
 * every platform) and the write may pass `overwrite`.
 */
export async function pickFile(
  ctx: AppContext,
  purpose: FilePickPurpose,
  defaultName?: string,
): Promise<{ path: string | null; replaceConfirmed: boolean }> {
  if (ctx.host.pickPath === undefined) throw new AppError('UNSUPPORTED');
  const path = await ctx.host.pickPath(purpose, defaultName);
  return { path, replaceConfirmed: path !== null && purpose !== 'import' && existsSync(path) };
}
