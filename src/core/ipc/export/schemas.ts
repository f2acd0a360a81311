import { z } from 'zod';
import type { ChannelOf, EventOf } from '../channels';
import {
  EXPORT_FORMATS,
  csvDelimiterSchema,
  fileTargetSchema,
  writtenFileSchema,
} from '../import-schemas';
import { leadFilterSchema } from '../leads/schemas';
import type { ChannelSpec } from '../spec';
import type { exportNames } from './names';

/** The export channel: which leads, in which format, to which file. */
export const exportContract = {
  'export.run': {
    input: fileTargetSchema.extend({
      format: z.enum(EXPORT_FORMATS).default('csv'),
      delimiter: csvDelimiterSchema.default(';'),
      /** Only the leads the filter shows; null: all leads. */
      filters: leadFilterSchema.nullable().default(null),
    }),
    output: writtenFileSchema,
  },
} satisfies Record<ChannelOf<typeof exportNames>, ChannelSpec>;

/** This feature pushes no events. */
export const exportEvents = {} satisfies Record<EventOf<typeof exportNames>, z.ZodType>;
