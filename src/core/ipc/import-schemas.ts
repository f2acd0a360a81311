import { z } from 'zod';
import { SOURCE_CHANNELS } from '../domain/channels';
import { BUYING_ROLES, SALUTATIONS } from '../domain/lead';
import { STAGES } from '../domain/stages';
import { CSV_DELIMITERS, IMPORT_FORMATS, TEXT_ENCODINGS } from '../formats/types';
import {
  DEFAULT_DUPLICATE_ACTION,
  DUPLICATE_ACTIONS,
  IMPORT_FIELDS,
  IMPORT_ISSUE_CODES,
  MATCH_REASONS,
} from '../import/types';
import { boundedRecord, epochMs, filePath, id } from './fields';

/** Shapes of the import, export, saved mapping and import history channels. */

export const importFormatSchema = z.enum(IMPORT_FORMATS);
export const textEncodingSchema = z.enum(TEXT_ENCODINGS);
export const csvDelimiterSchema = z.enum(CSV_DELIMITERS);
export const importFieldSchema = z.enum(IMPORT_FIELDS);
export const duplicateActionSchema = z.enum(DUPLICATE_ACTIONS);
/** Column name → field; at most one entry per column a file may have (see record-source). */
export const importMappingSchema = boundedRecord(
  z.string().max(300),
  importFieldSchema.nullable(),
  1000,
);

/**
 * A file a channel reads: a path on this machine, or in the browser (`web` mode) the handle
 * of an upload (`upload:…`); main refuses server paths there.
 */
const filePathSchema = filePath;

/**
 * Where a channel writes a file: a path on this machine, or in the browser the file name of
 * the download. `overwrite`: the user confirmed replacing an existing file (without it an
 * existing file is FILE_EXISTS).
 */
export const fileTargetSchema = z.object({
  path: filePathSchema,
  overwrite: z.boolean().default(false),
});

/** A file main wrote for the browser to download (`web` mode); GET it with the token. */
export const downloadSchema = z.object({ url: z.string(), fileName: z.string() });
export type Download = z.output<typeof downloadSchema>;

/** What a written file answers: rows written, the path (browser: file name), the download. */
export const writtenFileSchema = z.object({
  rows: z.number().int(),
  path: z.string(),
  download: downloadSchema.nullable(),
});

/** How to read a file; everything omitted is detected. */
export const readOptionsSchema = z.object({
  format: importFormatSchema.optional(),
  encoding: textEncodingSchema.optional(),
  delimiter: csvDelimiterSchema.optional(),
  /** XLSX sheet name; the first sheet when omitted. */
  sheet: z.string().max(300).optional(),
  hasHeader: z.boolean().optional(),
});
export type ReadOptions = z.output<typeof readOptionsSchema>;

/** What the wizard learned from the file before the user maps it. */
export const importInspectionSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  format: importFormatSchema,
  encoding: textEncodingSchema.nullable(),
  delimiter: csvDelimiterSchema.nullable(),
  hasHeader: z.boolean(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  /** Unique column names (generated ones when the file has no header row). */
  headers: z.array(z.string()),
  /** The first rows as read, one string per column. */
  sampleRows: z.array(z.array(z.string())),
  suggestedMapping: importMappingSchema,
  /** Id of the built-in preset the headers match, if any. */
  presetId: z.string().nullable(),
  contentHash: z.string(),
  /** The same bytes were imported before (not undone): the wizard warns. */
  previousImport: z
    .object({
      batchId: id,
      fileName: z.string(),
      importedAt: epochMs,
      userName: z.string().nullable(),
    })
    .nullable(),
});
export type ImportInspection = z.output<typeof importInspectionSchema>;

/** Everything an import run needs besides the file. */
export const importOptionsSchema = readOptionsSchema.extend({
  hasHeader: z.boolean().default(true),
  mapping: importMappingSchema,
  /** Name of the saved mapping used, recorded with the batch. */
  mappingName: z.string().max(100).nullable().default(null),
  sourceChannel: z.enum(SOURCE_CHANNELS, { error: 'validation.channel' }),
  /** Created when no campaign of that name exists. */
  campaignName: z.string().trim().max(100).nullable().default(null),
  ownerId: id.nullable().default(null),
  onDuplicate: duplicateActionSchema.default(DEFAULT_DUPLICATE_ACTION),
  /** Per-row choices the user made in the preview's duplicate list. */
  duplicateOverrides: z
    .array(z.object({ row: z.number().int().min(1), action: duplicateActionSchema }))
    .max(100_000)
    .default([]),
  /** Rows with errors are left out (true) or the whole import is refused (false). */
  skipInvalid: z.boolean().default(true),
  /** The user saw the "imported before" warning and wants to go on. */
  confirmRepeat: z.boolean().default(false),
});
export type ImportOptionsInput = z.input<typeof importOptionsSchema>;
export type ImportOptions = z.output<typeof importOptionsSchema>;

const importedCompanySchema = z.object({
  name: z.string(),
  industry: z.string().nullable(),
  employees: z.number().int().nullable(),
  website: z.string().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
});

export const importedLeadSchema = z.object({
  leadId: z.string().nullable(),
  salutation: z.enum(SALUTATIONS).nullable(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  jobTitle: z.string().nullable(),
  buyingRole: z.enum(BUYING_ROLES).nullable(),
  company: importedCompanySchema.nullable(),
  sourceChannel: z.enum(SOURCE_CHANNELS).nullable(),
  campaignName: z.string().nullable(),
  ownerName: z.string().nullable(),
  stage: z.enum(STAGES).nullable(),
  expectedValueCents: z.number().int().nullable(),
  expectedCloseDate: z.string().nullable(),
  dealValueCents: z.number().int().nullable(),
  notes: z.string().nullable(),
  doNotContact: z.boolean().nullable(),
});

export const rowIssueSchema = z.object({
  row: z.number().int(),
  field: importFieldSchema.nullable(),
  column: z.string().nullable(),
  code: z.enum(IMPORT_ISSUE_CODES),
  value: z.string(),
  severity: z.enum(['error', 'warning']),
});

/** What happens to a row: one of the duplicate actions, or left out for a reason. */
export const ROW_OUTCOMES = [
  'create',
  'fill',
  'overwrite',
  'skip',
  'suppressed',
  'invalid',
  'empty',
] as const;
export const rowOutcomeSchema = z.enum(ROW_OUTCOMES);

/**
 * The lead or earlier row a row matched, with what the user compares it by. `leadId` null:
 * an earlier row of the same file. Reason `person` is a possible duplicate only.
 */
export const importMatchSchema = z.object({
  reason: z.enum(MATCH_REASONS),
  leadId: id.nullable(),
  row: z.number().int().nullable(),
  name: z.string(),
  companyName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
});

export const previewRowSchema = z.object({
  row: z.number().int(),
  lead: importedLeadSchema,
  outcome: rowOutcomeSchema,
  match: importMatchSchema.nullable(),
});

/** Counts and samples of a dry run or a finished import. */
export const importSummarySchema = z.object({
  /** Data rows read (header and blank lines not counted). */
  rows: z.number().int(),
  created: z.number().int(),
  filled: z.number().int(),
  overwritten: z.number().int(),
  skipped: z.number().int(),
  /** Certain matches created anyway (action `create`). */
  createdDespiteDuplicate: z.number().int(),
  suppressed: z.number().int(),
  invalid: z.number().int(),
  empty: z.number().int(),
  /**
   * Warnings, and the rows kept despite one (a bad value left empty and kept in the notes, a
   * name taken from another field); `invalid` counts the rows left out.
   */
  warnings: z.number().int(),
  warningRows: z.number().int(),
  /** Certain matches (lead id, email, number) within the file and with stored leads. */
  duplicatesInFile: z.number().int(),
  duplicatesInDatabase: z.number().int(),
  /** Rows that only resemble a lead or an earlier row (similar name, same company). */
  possibleDuplicates: z.number().int(),
  /** The first 1,000 issues; `issuesTotal` counts all. */
  issues: z.array(rowIssueSchema),
  issuesTotal: z.number().int(),
  /** The first rows as they will be stored. */
  preview: z.array(previewRowSchema),
  /** The first 500 rows with a certain match, with what will happen to them. */
  duplicates: z.array(previewRowSchema),
  /** The first 500 possible duplicates, for the user to review. */
  possibleDuplicateRows: z.array(previewRowSchema),
});
export type ImportSummary = z.output<typeof importSummarySchema>;

export const IMPORT_JOB_STATUSES = ['running', 'done', 'cancelled', 'failed'] as const;
export const IMPORT_PHASES = ['reading', 'writing', 'finishing'] as const;

/** A running or finished import or dry run, as the progress bar and the result see it. */
export const importJobSchema = z.object({
  jobId: id,
  /** The batch a real import writes; null for a dry run. */
  batchId: id.nullable(),
  dryRun: z.boolean(),
  fileName: z.string(),
  status: z.enum(IMPORT_JOB_STATUSES),
  phase: z.enum(IMPORT_PHASES),
  rowsDone: z.number().int(),
  /** Estimated from the bytes read until the end of the file is reached. */
  rowsTotal: z.number().int().nullable(),
  bytesDone: z.number().int(),
  bytesTotal: z.number().int(),
  summary: importSummarySchema.nullable(),
  error: z
    .object({
      code: z.string(),
      key: z.string(),
      message: z.string(),
      /** Fill the key's placeholders, for a caller that translates it anew (the CLI). */
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    })
    .nullable(),
});
export type ImportJob = z.output<typeof importJobSchema>;

export const BATCH_STATUSES = [
  'running',
  'interrupted',
  'done',
  'cancelled',
  'failed',
  'undone',
] as const;

/** One entry of the import history. */
export const importBatchSchema = z.object({
  id,
  fileName: z.string(),
  format: importFormatSchema,
  contentHash: z.string(),
  importedAt: epochMs,
  finishedAt: epochMs.nullable(),
  userName: z.string().nullable(),
  sourceChannel: z.enum(SOURCE_CHANNELS),
  campaignName: z.string().nullable(),
  ownerName: z.string().nullable(),
  mappingName: z.string().nullable(),
  status: z.enum(BATCH_STATUSES),
  rowsTotal: z.number().int().nullable(),
  rowsDone: z.number().int(),
  created: z.number().int(),
  filled: z.number().int(),
  overwritten: z.number().int(),
  skipped: z.number().int(),
  suppressed: z.number().int(),
  invalid: z.number().int(),
  /** Rows with a certain match, and rows that only resembled a lead (possible duplicates). */
  duplicates: z.number().int(),
  possibleDuplicates: z.number().int(),
  /** Warnings, and the imported rows that had one (kept, bad values in their notes). */
  warnings: z.number().int(),
  warningRows: z.number().int(),
  undoneAt: epochMs.nullable(),
  undoneByName: z.string().nullable(),
  canUndo: z.boolean(),
  /** Interrupted (crash, killed process) and its file is still there. */
  canResume: z.boolean(),
});
export type ImportBatch = z.output<typeof importBatchSchema>;

export const undoResultSchema = z.object({
  removed: z.number().int(),
  restored: z.number().int(),
  /** Leads changed after the import: kept as they are. */
  kept: z.array(z.object({ leadId: id, name: z.string() })),
});

export const savedMappingSchema = z.object({
  id,
  name: z.string(),
  mapping: importMappingSchema,
  updatedAt: epochMs,
});

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;

/** Which rows of a finished import `import.saveRejected` writes. */
export const SAVED_ROW_LISTS = ['rejected', 'warnings'] as const;
export type SavedRowList = (typeof SAVED_ROW_LISTS)[number];

/** What the native file dialogs are asked for. */
export const FILE_PICK_PURPOSES = ['import', 'export-csv', 'export-xlsx', 'rejected'] as const;
export type FilePickPurpose = (typeof FILE_PICK_PURPOSES)[number];
