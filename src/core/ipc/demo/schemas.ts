import { z } from 'zod';
import type { ChannelOf, EventOf } from '../channels';
import type { ChannelSpec } from '../spec';
import type { demoNames } from './names';

/** The demo channel: adds sample leads to the open file. */
export const demoContract = {
  'demo.generate': {
    input: z.object({ count: z.number().int().min(0).max(50_000).default(200) }),
    output: z.object({ created: z.number().int() }),
  },
} satisfies Record<ChannelOf<typeof demoNames>, ChannelSpec>;

/** This feature pushes no events. */
export const demoEvents = {} satisfies Record<EventOf<typeof demoNames>, z.ZodType>;
