import type { Channel, Feature } from '@core/ipc/channels';
import type { HandlerMap } from '../handler-map';
import { appHandlers } from './app';
import { boardHandlers } from './board';
import { contentHandlers } from './content';
import { databaseHandlers } from './database';
import { demoHandlers } from './demo';
import { exportHandlers } from './export';
import { filesHandlers } from './files';
import { importHandlers } from './import';
import { leadsHandlers } from './leads';
import { scoringHandlers } from './scoring';
import { usersHandlers } from './users';

/** Each feature's handler map, keyed like `FEATURES` in `@core/ipc/channels`. */
export const featureHandlers = {
  app: appHandlers,
  database: databaseHandlers,
  users: usersHandlers,
  board: boardHandlers,
  leads: leadsHandlers,
  content: contentHandlers,
  scoring: scoringHandlers,
  files: filesHandlers,
  import: importHandlers,
  export: exportHandlers,
  demo: demoHandlers,
} satisfies Record<Feature, object>;

/** One handler per channel of the contract; a missing one is a compile error. */
export type Handlers = HandlerMap<Channel>;

/** The handler map of every feature together. */
export const handlers: Handlers = {
  ...appHandlers,
  ...databaseHandlers,
  ...usersHandlers,
  ...boardHandlers,
  ...leadsHandlers,
  ...contentHandlers,
  ...scoringHandlers,
  ...filesHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...demoHandlers,
};
