import { z } from 'zod';
import type { ChannelOf, EventOf } from '../channels';
import { id } from '../fields';
import { contentFieldsSchema, contentItemSchema } from '../scoring-schemas';
import type { ChannelSpec } from '../spec';
import type { contentNames } from './names';

/** The content library channels: one input and one output schema each. */
export const contentContract = {
  'content.list': {
    input: z.object({ includeArchived: z.boolean().default(false) }),
    output: z.array(contentItemSchema),
  },
  'content.create': { input: z.object({ fields: contentFieldsSchema }), output: contentItemSchema },
  'content.update': {
    input: z.object({ id, version: z.number().int(), fields: contentFieldsSchema }),
    output: contentItemSchema,
  },
} satisfies Record<ChannelOf<typeof contentNames>, ChannelSpec>;

/** Payloads of the content events: the library changed, read it again. */
export const contentEvents = {
  'content.changed': z.object({}),
} satisfies Record<EventOf<typeof contentNames>, z.ZodType>;
