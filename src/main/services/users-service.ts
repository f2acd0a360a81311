import type { AppState } from '@core/ipc/contract';
import type { User } from '@core/domain/lead';
import { initialsOf } from '@core/text/normalize';
import { AppError } from '../errors';
import { findUser, findUserByName, insertUser, listUsers } from '../repositories/users-repository';
import { announceState } from './app-service';
import { readDb, requireSession, write, type AppContext } from './context';
import { toUser } from '../domain/mappers';

export async function usersList(ctx: AppContext): Promise<User[]> {
  return (await listUsers(readDb(ctx))).map(toUser);
}

/** Remembers on this machine that its user is `userId` for the open database. */
function chooseLocally(ctx: AppContext, userId: string): void {
  const session = requireSession(ctx);
  ctx.config.update((config) => {
    config.userByDatabase[session.path] = userId;
  });
}

/**
 * Adds a user to the shared file and chooses it on this machine. A name that exists already
 * (ignoring case) chooses that user instead of failing: it is the same person.
 */
export async function createUser(ctx: AppContext, name: string): Promise<AppState> {
  const userId = await write(ctx, async (trx) => {
    const existing = await findUserByName(trx, name);
    if (existing) return existing.id;
    const id = ctx.newId();
    await insertUser(trx, { id, name, initials: initialsOf(name), created_at: ctx.now() });
    return id;
  });
  chooseLocally(ctx, userId);
  return announceState(ctx);
}

/** Chooses an existing user of the file as this machine's user. */
export async function selectUser(ctx: AppContext, userId: string): Promise<AppState> {
  if ((await findUser(readDb(ctx), userId)) === undefined) throw new AppError('NOT_FOUND');
  chooseLocally(ctx, userId);
  return announceState(ctx);
}
