import type { OpenDatabase } from '../db/connection';
import { fileTables, quickCheckTable } from '../db/integrity';
import { isCorruptError } from '../db/sqlite-errors';
import { AppError } from '../errors';
import { announceState } from './app-service';
import type { AppContext } from './context';

/**
 * Reacts to a failure of work on `session`: when SQLite found the file damaged
 * (SQLITE_CORRUPT, or DB_CORRUPT from a connection of its own such as an import job's), the
 * file is switched to read-only and every window is told (app.state `damaged`). Other
 * failures change nothing here.
 */
export async function noteDatabaseFailure(
  ctx: AppContext,
  session: OpenDatabase,
  error: unknown,
): Promise<void> {
  const corrupt =
    isCorruptError(error) || (error instanceof AppError && error.code === 'DB_CORRUPT');
  if (corrupt) await switchToDamaged(ctx, session, error);
}

/** Never throws: it runs while another failure is being reported. */
async function switchToDamaged(
  ctx: AppContext,
  session: OpenDatabase,
  cause: unknown,
): Promise<void> {
  try {
    if (!(await session.markDamaged())) return;
    ctx.log(`${session.path} is damaged; it is open read-only from now on`, cause);
    if (ctx.session === session) await announceState(ctx);
  } catch (error) {
    ctx.log(`switching ${session.path} to read-only failed`, error);
  }
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs `PRAGMA quick_check` on every table of the file, one table at a time with the event
 * loop free in between (the check is synchronous and holds a read lock while it runs), and
 * switches the file to read-only when one reports a problem. Starts only after the current
 * request has been answered, so opening a file is not slowed down. Stops when the file
 * closes; a check that cannot run (another machine holds the lock) is logged and given up.
 */
export async function checkIntegrity(ctx: AppContext, session: OpenDatabase): Promise<void> {
  await yieldToEventLoop();
  try {
    for (const table of await fileTables(session.db)) {
      if (session.closing.aborted || session.damaged) return;
      const findings = await quickCheckTable(session.db, table);
      if (findings.length > 0) {
        const found = new Error(`quick_check(${table}): ${findings.join('; ')}`);
        await switchToDamaged(ctx, session, found);
        return;
      }
      await yieldToEventLoop();
    }
  } catch (error) {
    if (isCorruptError(error)) await switchToDamaged(ctx, session, error);
    else if (!session.closing.aborted) ctx.log(`integrity check of ${session.path} failed`, error);
  }
}
