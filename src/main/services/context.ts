import type { Kysely, Logger as QueryLogger, Transaction } from 'kysely';
import type { EventArgs, Language } from '@core/ipc/contract';
import type { LocalConfigStore } from '../config/local-config';
import type { OpenDatabase } from '../db/connection';
import type { Database } from '../db/schema';
import type { Host } from '../host';
import { AppError } from '../errors';
import type { Logger } from '../log';
import { findUser } from '../repositories/users-repository';

/** Everything a service needs: the host, the local config, the open file, clock and ids. */
export type AppContext = {
  host: Host;
  configDir: string;
  config: LocalConfigStore;
  now: () => number;
  newId: () => string;
  busyTimeoutMs: number;
  /** Language when the local config has none. */
  fallbackLanguage: Language;
  /** Query log for import jobs run in this thread (see `AppOptions.importLog`). */
  importLog?: QueryLogger;
  session: OpenDatabase | null;
  /** Where technical details of failures go (stack traces); never shown to the user. */
  log: Logger;
};

/** The language errors and texts are given in. */
export function languageOf(ctx: AppContext): Language {
  return ctx.config.get().language ?? ctx.fallbackLanguage;
}

/** The open database, or NO_DATABASE. */
export function requireSession(ctx: AppContext): OpenDatabase {
  if (ctx.session === null) throw new AppError('NO_DATABASE');
  return ctx.session;
}

/** The read handle of the open database. */
export function readDb(ctx: AppContext): Kysely<Database> {
  return requireSession(ctx).db;
}

/** The id this machine chose for the open database, if any (not checked against the file). */
export function selectedUserId(ctx: AppContext, session: OpenDatabase): string | null {
  return ctx.config.get().userByDatabase[session.path] ?? null;
}

/**
 * Runs a write in one `BEGIN IMMEDIATE` transaction. Repositories inside get `trx`, never
 * the database handle: the single connection is held by the transaction.
 */
export async function write<T>(
  ctx: AppContext,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return writeTo(requireSession(ctx), work);
}

/**
 * Like {@link write}, on one particular file: long-running work (a recompute) keeps writing
 * to the file it started on even if the user opens another one meanwhile.
 */
export async function writeTo<T>(
  session: OpenDatabase,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return session.db.transaction().execute(work);
}

/**
 * Like {@link write}, for writes that record who made them: the user this machine chose
 * for the file must exist in it, else NO_USER.
 */
export async function writeAsUser<T>(
  ctx: AppContext,
  work: (trx: Transaction<Database>, userId: string) => Promise<T>,
): Promise<T> {
  const session = requireSession(ctx);
  const userId = selectedUserId(ctx, session);
  if (userId === null) throw new AppError('NO_USER');
  return write(ctx, async (trx) => {
    if ((await findUser(trx, userId)) === undefined) throw new AppError('NO_USER');
    return work(trx, userId);
  });
}

/** Pushes an event with the payload its contract names to every window or socket. */
export function emit(ctx: AppContext, ...event: EventArgs): void {
  ctx.host.emit(...event);
}

/** Tells every window which leads changed (an empty list: many, reload everything). */
export function emitLeadsChanged(ctx: AppContext, ids: string[]): void {
  emit(ctx, 'leads.changed', { ids });
}
