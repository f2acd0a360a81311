import type { z } from 'zod';
import { appContract, appEvents } from './app/schemas';
import { boardContract, boardEvents } from './board/schemas';
import type { Channel, EventName, Feature } from './channels';
import { contentContract, contentEvents } from './content/schemas';
import { databaseContract, databaseEvents } from './database/schemas';
import { demoContract, demoEvents } from './demo/schemas';
import { exportContract, exportEvents } from './export/schemas';
import { filesContract, filesEvents } from './files/schemas';
import { importContract, importEvents } from './import/schemas';
import { leadsContract, leadsEvents } from './leads/schemas';
import { scoringContract, scoringEvents } from './scoring/schemas';
import type { ChannelSpec } from './spec';
import { usersContract, usersEvents } from './users/schemas';

/** Each feature's channel schemas, keyed like `FEATURES` in `./channels`. */
export const featureContracts = {
  app: appContract,
  database: databaseContract,
  users: usersContract,
  board: boardContract,
  leads: leadsContract,
  content: contentContract,
  scoring: scoringContract,
  files: filesContract,
  import: importContract,
  export: exportContract,
  demo: demoContract,
} satisfies Record<Feature, Record<string, ChannelSpec>>;

/** Each feature's event payload schemas, keyed like `FEATURES` in `./channels`. */
export const featureEvents = {
  app: appEvents,
  database: databaseEvents,
  users: usersEvents,
  board: boardEvents,
  leads: leadsEvents,
  content: contentEvents,
  scoring: scoringEvents,
  files: filesEvents,
  import: importEvents,
  export: exportEvents,
  demo: demoEvents,
} satisfies Record<Feature, Record<string, z.ZodType>>;

/**
 * The whole IPC contract: one input and one output schema per channel. Main parses every
 * input with it; the renderer's client type and main's handler map are derived from it.
 */
export const contract = {
  ...appContract,
  ...databaseContract,
  ...usersContract,
  ...boardContract,
  ...leadsContract,
  ...contentContract,
  ...scoringContract,
  ...filesContract,
  ...importContract,
  ...exportContract,
  ...demoContract,
} satisfies Record<Channel, ChannelSpec>;

/** Payload schema of each push event. */
export const eventContract = {
  ...appEvents,
  ...databaseEvents,
  ...usersEvents,
  ...boardEvents,
  ...leadsEvents,
  ...contentEvents,
  ...scoringEvents,
  ...filesEvents,
  ...importEvents,
  ...exportEvents,
  ...demoEvents,
} satisfies Record<EventName, z.ZodType>;
