import { z } from 'zod';
import { appStateSchema, userSchema } from '../app/schemas';
import type { ChannelOf, EventOf } from '../channels';
import { id, requiredName } from '../fields';
import { sourceChannelSchema } from '../leads/schemas';
import type { ChannelSpec } from '../spec';
import type { usersNames } from './names';

const campaignSchema = z.object({ id, name: z.string(), channel: sourceChannelSchema.nullable() });

/** The user and lookup channels: one input and one output schema each. */
export const usersContract = {
  'users.list': { input: z.object({}), output: z.array(userSchema) },
  'users.create': { input: z.object({ name: requiredName }), output: appStateSchema },
  'users.select': { input: z.object({ id }), output: appStateSchema },
  'lookups.get': {
    input: z.object({}),
    output: z.object({ users: z.array(userSchema), campaigns: z.array(campaignSchema) }),
  },
} satisfies Record<ChannelOf<typeof usersNames>, ChannelSpec>;

/** This feature pushes no events. */
export const usersEvents = {} satisfies Record<EventOf<typeof usersNames>, z.ZodType>;
