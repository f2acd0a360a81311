import type { FilePickPurpose } from '@core/ipc/import-schemas';
import { AppError } from '../ipc/errors';
import type { AppContext } from './context';

/**
 * Asks the host for a file to import or to export to, through its native dialog;
 * UNSUPPORTED where there is none (the web UI then asks for a path). `path` is null when
 * the user cancelled.
 */
export async function pickFile(
  ctx: AppContext,
  purpose: FilePickPurpose,
  defaultName?: string,
): Promise<{ path: string | null }> {
  if (ctx.host.pickPath === undefined) throw new AppError('UNSUPPORTED');
  return { path: await ctx.host.pickPath(purpose, defaultName) };
}
