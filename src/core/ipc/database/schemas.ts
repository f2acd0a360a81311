import { z } from 'zod';
import { appStateSchema } from '../app/schemas';
import type { ChannelOf, EventOf } from '../channels';
import { filePath } from '../fields';
import type { ChannelSpec } from '../spec';
import type { databaseNames } from './names';

const databasePathSchema = z.object({ path: filePath });

/** The database channels: each switch answers the new application state. */
export const databaseContract = {
  'database.create': { input: databasePathSchema, output: appStateSchema },
  'database.open': { input: databasePathSchema, output: appStateSchema },
  'database.openDemo': {
    input: databasePathSchema.extend({ count: z.number().int().min(0).max(50_000).optional() }),
    output: appStateSchema,
  },
  'database.pick': {
    input: z.object({ purpose: z.enum(['create', 'open']) }),
    output: z.object({ path: z.string().nullable() }),
  },
  'database.close': { input: z.object({}), output: appStateSchema },
} satisfies Record<ChannelOf<typeof databaseNames>, ChannelSpec>;

/** Payloads of the database events. */
export const databaseEvents = {
  'database.changed': appStateSchema,
} satisfies Record<EventOf<typeof databaseNames>, z.ZodType>;
