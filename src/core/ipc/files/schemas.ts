import { z } from 'zod';
import type { ChannelOf, EventOf } from '../channels';
import { FILE_PICK_PURPOSES } from '../import-schemas';
import type { ChannelSpec } from '../spec';
import type { filesNames } from './names';

/** The file dialog channel. */
export const filesContract = {
  'files.pick': {
    input: z.object({
      purpose: z.enum(FILE_PICK_PURPOSES),
      defaultName: z.string().max(255).optional(),
    }),
    output: z.object({
      path: z.string().nullable(),
      /** A save dialog returned an existing file: it asked whether to replace it. */
      replaceConfirmed: z.boolean(),
    }),
  },
} satisfies Record<ChannelOf<typeof filesNames>, ChannelSpec>;

/** This feature pushes no events. */
export const filesEvents = {} satisfies Record<EventOf<typeof filesNames>, z.ZodType>;
