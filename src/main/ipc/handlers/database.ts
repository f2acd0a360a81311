import type { ChannelOf } from '@core/ipc/channels';
import type { databaseNames } from '@core/ipc/database/names';
import {
  closeDatabase,
  createDatabase,
  openDemoDatabase,
  openExistingDatabase,
  pickDatabase,
} from '../../services/database-service';
import type { HandlerMap } from '../handler-map';

/** The database channels, each handing the parsed input to one service. */
export const databaseHandlers: HandlerMap<ChannelOf<typeof databaseNames>> = {
  'database.create': (ctx, input) => createDatabase(ctx, input.path),
  'database.open': (ctx, input) => openExistingDatabase(ctx, input.path),
  'database.openDemo': (ctx, input) => openDemoDatabase(ctx, input.path, input.count),
  'database.pick': (ctx, input) => pickDatabase(ctx, input.purpose),
  'database.close': (ctx) => closeDatabase(ctx),
};
