import { rmSync } from 'node:fs';
import type { AppState } from '@core/ipc/contract';
import { rememberRecent } from '../config/local-config';
import { openDatabase, type OpenDatabase, type OpenMode } from '../db/connection';
import { seedDemoData } from '../demo/seed';
import { AppError } from '../errors';
import { announceState } from './app-service';
import type { AppContext } from './context';
import { checkIntegrity } from './database-health';
import { keepScoresFresh, recomputeFile } from './scoring-service';

/** Leads generated for "start with demo data" when no count is given. */
export const DEFAULT_DEMO_COUNT = 200;

async function openFile(ctx: AppContext, path: string, mode: OpenMode): Promise<OpenDatabase> {
  return openDatabase(path, mode, { busyTimeoutMs: ctx.busyTimeoutMs, now: ctx.now, log: ctx.log });
}

/**
 * Makes `opened` the current database: the previous one is closed only now, so a failed
 * open keeps the user where they were. Remembers the file, tells every window, and starts
 * in the background a quick check of its tables (a damaged file becomes read-only) and
 * keeping its scores fresh.
 */
async function activate(ctx: AppContext, opened: OpenDatabase): Promise<AppState> {
  const previous = ctx.session;
  ctx.session = opened;
  if (previous !== null && previous !== opened) await previous.close();
  opened.track(checkIntegrity(ctx, opened));
  keepScoresFresh(ctx, opened);
  ctx.config.update((config) => rememberRecent(config, opened.path, ctx.now()));
  return announceState(ctx);
}

/** Creates a new database file (refused if a non-empty file is there) and opens it. */
export async function createDatabase(ctx: AppContext, path: string): Promise<AppState> {
  return activate(ctx, await openFile(ctx, path, 'create'));
}

/** Opens an existing database file, migrating it when it is older. */
export async function openExistingDatabase(ctx: AppContext, path: string): Promise<AppState> {
  return activate(ctx, await openFile(ctx, path, 'open'));
}

/**
 * Creates a new database file filled with demo data, scored before anyone sees it. When
 * seeding fails the half-made file is removed again with its journal: both are this call's
 * own (`create` refuses a file with content, and SQLite itself deletes a journal left next
 * to an empty file), so no team's file or journal is ever removed here.
 */
export async function openDemoDatabase(
  ctx: AppContext,
  path: string,
  count: number = DEFAULT_DEMO_COUNT,
): Promise<AppState> {
  const opened = await openFile(ctx, path, 'create');
  try {
    await opened.db
      .transaction()
      .execute((trx) => seedDemoData(trx, { count, now: ctx.now(), newId: ctx.newId }));
    await recomputeFile(ctx, opened);
  } catch (error) {
    await opened.close();
    rmSync(opened.path, { force: true });
    rmSync(`${opened.path}-journal`, { force: true });
    throw error;
  }
  return activate(ctx, opened);
}

/** Asks the host for a file through its native dialog; UNSUPPORTED where there is none. */
export async function pickDatabase(
  ctx: AppContext,
  purpose: 'create' | 'open',
): Promise<{ path: string | null }> {
  if (ctx.host.pickFile === undefined) throw new AppError('UNSUPPORTED');
  return { path: await ctx.host.pickFile(purpose) };
}

/** Closes the open database, if any. */
export async function closeDatabase(ctx: AppContext): Promise<AppState> {
  const previous = ctx.session;
  ctx.session = null;
  if (previous !== null) await previous.close();
  return announceState(ctx);
}
