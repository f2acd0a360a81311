import { z } from 'zod';
import type { ChannelOf, EventOf } from '../channels';
import { epochMs, id } from '../fields';
import type { ChannelSpec } from '../spec';
import type { appNames } from './names';

/** The UI languages. */
export const languageSchema = z.enum(['de', 'en']);

/** A user of the open file, as the app state and choice lists show it. */
export const userSchema = z.object({ id, name: z.string(), initials: z.string() });

const databaseInfoSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  schemaVersion: z.number().int(),
  /**
   * SQLite found the file damaged: it is open read-only, every write is refused with
   * DB_CORRUPT, reads go on.
   */
  damaged: z.boolean(),
});

const recentFileSchema = z.object({ path: z.string(), fileName: z.string(), openedAt: epochMs });

/** What the renderer needs to know at start and after every database switch. */
export const appStateSchema = z.object({
  database: databaseInfoSchema.nullable(),
  recent: z.array(recentFileSchema),
  user: userSchema.nullable(),
  language: languageSchema,
  host: z.enum(['electron', 'web', 'cli', 'test']),
  canPickFiles: z.boolean(),
  /**
   * `paths`: files are named by paths on this machine (dialogs); `transfers` (browser):
   * files to import are uploaded, written files are downloaded.
   */
  fileAccess: z.enum(['paths', 'transfers']),
  defaultDatabasePath: z.string(),
  appVersion: z.string(),
});

/** The app channels: one input and one output schema each. */
export const appContract = {
  'app.state': { input: z.object({}), output: appStateSchema },
  'app.setLanguage': { input: z.object({ language: languageSchema }), output: appStateSchema },
} satisfies Record<ChannelOf<typeof appNames>, ChannelSpec>;

/** This feature pushes no events. */
export const appEvents = {} satisfies Record<EventOf<typeof appNames>, z.ZodType>;
