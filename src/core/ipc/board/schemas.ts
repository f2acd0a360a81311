import { z } from 'zod';
import type { ChannelOf, EventOf } from '../channels';
import { leadFilterSchema, leadSummarySchema, stageSchema } from '../leads/schemas';
import type { ChannelSpec } from '../spec';
import type { boardNames } from './names';

/** Order of cards within a board column. */
export const COLUMN_SORTS = ['recent', 'score'] as const;
const columnSortSchema = z.enum(COLUMN_SORTS);

const boardColumnSchema = z.object({
  stage: stageSchema,
  count: z.number().int(),
  sumCents: z.number().int(),
  cards: z.array(leadSummarySchema),
});

/** The board channels: one input and one output schema each. */
export const boardContract = {
  'board.load': {
    input: z.object({
      filters: leadFilterSchema,
      limit: z.number().int().min(1).max(500).default(50),
      /** Per-column order; columns not named are ordered by `recent`. */
      sorts: z.partialRecord(stageSchema, columnSortSchema).default({}),
    }),
    output: z.object({ columns: z.array(boardColumnSchema) }),
  },
  'board.column': {
    input: z.object({
      stage: stageSchema,
      filters: leadFilterSchema,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(500),
      sort: columnSortSchema.default('recent'),
    }),
    output: z.object({ cards: z.array(leadSummarySchema), total: z.number().int() }),
  },
} satisfies Record<ChannelOf<typeof boardNames>, ChannelSpec>;

/** This feature pushes no events. */
export const boardEvents = {} satisfies Record<EventOf<typeof boardNames>, z.ZodType>;
