import { z } from 'zod';
import type { ChannelOf, EventOf } from '../channels';
import { filePath, id } from '../fields';
import {
  fileTargetSchema,
  importBatchSchema,
  importInspectionSchema,
  importJobSchema,
  importMappingSchema,
  importOptionsSchema,
  readOptionsSchema,
  SAVED_ROW_LISTS,
  savedMappingSchema,
  undoResultSchema,
  writtenFileSchema,
} from '../import-schemas';
import type { ChannelSpec } from '../spec';
import type { importNames } from './names';

/** The import, saved mapping and import history channels: one input and one output each. */
export const importContract = {
  'import.inspect': {
    input: readOptionsSchema.extend({ path: filePath }),
    output: importInspectionSchema,
  },
  'import.start': {
    input: z.object({
      path: filePath,
      options: importOptionsSchema,
      /** Check and count only: nothing is written. */
      dryRun: z.boolean().default(false),
    }),
    output: importJobSchema,
  },
  'import.status': { input: z.object({ jobId: id }), output: importJobSchema },
  'import.cancel': { input: z.object({ jobId: id }), output: importJobSchema },
  'import.saveRejected': {
    input: fileTargetSchema.extend({
      jobId: id,
      /** The rows left out (default), or the rows imported with warnings, for checking. */
      rows: z.enum(SAVED_ROW_LISTS).default('rejected'),
    }),
    output: writtenFileSchema,
  },
  'mappings.list': { input: z.object({}), output: z.array(savedMappingSchema) },
  'mappings.save': {
    input: z.object({
      name: z.string().trim().min(1, 'validation.required').max(100, 'validation.too_long'),
      mapping: importMappingSchema,
    }),
    output: savedMappingSchema,
  },
  'mappings.delete': { input: z.object({ id }), output: z.object({}) },
  'imports.list': { input: z.object({}), output: z.array(importBatchSchema) },
  'imports.undo': { input: z.object({ batchId: id }), output: undoResultSchema },
  'imports.resume': { input: z.object({ batchId: id }), output: importJobSchema },
  'imports.discard': { input: z.object({ batchId: id }), output: undoResultSchema },
} satisfies Record<ChannelOf<typeof importNames>, ChannelSpec>;

/** Payloads of the import events: a job's progress; the import history changed. */
export const importEvents = {
  'import.progress': importJobSchema,
  'imports.changed': z.object({}),
} satisfies Record<EventOf<typeof importNames>, z.ZodType>;
