import { basename } from 'node:path';
import type { AppState, Language } from '@core/ipc/contract';
import { APP_VERSION } from '../config/version';
import { defaultDatabasePath } from '../paths';
import { findUser } from '../repositories/users-repository';
import { languageOf, selectedUserId, type AppContext } from './context';
import { toUser } from '../domain/mappers';

/** What the renderer needs at start and after every database switch. */
export async function appState(ctx: AppContext): Promise<AppState> {
  const config = ctx.config.get();
  const session = ctx.session;
  let user: AppState['user'] = null;
  if (session !== null) {
    const userId = selectedUserId(ctx, session);
    const row = userId === null ? undefined : await findUser(session.db, userId);
    user = row ? toUser(row) : null;
  }
  return {
    database: session
      ? {
          path: session.path,
          fileName: session.fileName,
          schemaVersion: session.schemaVersion,
          damaged: session.damaged,
        }
      : null,
    recent: config.recent.map((entry) => ({ ...entry, fileName: basename(entry.path) })),
    user,
    language: languageOf(ctx),
    host: ctx.host.kind,
    canPickFiles: ctx.host.pickFile !== undefined,
    fileAccess: ctx.host.files?.kind ?? 'paths',
    defaultDatabasePath: defaultDatabasePath(ctx.configDir),
    appVersion: APP_VERSION,
  };
}

/** Stores the UI language for this machine. */
export async function setLanguage(ctx: AppContext, language: Language): Promise<AppState> {
  ctx.config.update((config) => {
    config.language = language;
  });
  return appState(ctx);
}

/** Sends the current state to every window (after open, close, user choice). */
export async function announceState(ctx: AppContext): Promise<AppState> {
  const state = await appState(ctx);
  ctx.host.emit('database.changed', state);
  return state;
}
