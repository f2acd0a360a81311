import { z } from 'zod';
import type { ChannelOf, EventOf } from '../channels';
import { epochMs } from '../fields';
import {
  recomputeResultSchema,
  scoringPreviewSchema,
  scoringSettingsSchema,
  scoringStateSchema,
} from '../scoring-schemas';
import type { ChannelSpec } from '../spec';
import type { scoringNames } from './names';

/** The scoring channels: one input and one output schema each. */
export const scoringContract = {
  'scoring.get': { input: z.object({}), output: scoringStateSchema },
  'scoring.preview': {
    input: z.object({ settings: scoringSettingsSchema }),
    output: scoringPreviewSchema,
  },
  'scoring.save': {
    input: z.object({
      settings: scoringSettingsSchema,
      /** The `updatedAt` the editor started from; another save since then is a CONFLICT. */
      basedOn: epochMs.nullable(),
    }),
    output: z.object({ state: scoringStateSchema, recompute: recomputeResultSchema }),
  },
  'scoring.recompute': { input: z.object({}), output: recomputeResultSchema },
} satisfies Record<ChannelOf<typeof scoringNames>, ChannelSpec>;

/** Payloads of the scoring events: the saved rules. */
export const scoringEvents = {
  'scoring.changed': scoringStateSchema,
} satisfies Record<EventOf<typeof scoringNames>, z.ZodType>;
