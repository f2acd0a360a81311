import type { z } from 'zod';

/**
 * One channel of the contract: main parses every input with `input` (defaults and
 * normalisation included); `output` is what the channel answers on success.
 */
export type ChannelSpec = { input: z.ZodType; output: z.ZodType };
