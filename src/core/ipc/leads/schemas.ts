import { z } from 'zod';
import { SOURCE_CHANNELS } from '../../domain/channels';
import {
  ACTIVITY_KINDS,
  BUYING_ROLES,
  CHANGE_ORIGINS,
  CONTACT_ACTIVITY_KINDS,
  SALUTATIONS,
} from '../../domain/lead';
import { STAGES } from '../../domain/stages';
import type { ChannelOf, EventOf } from '../channels';
import {
  epochMs,
  id,
  optionalCents,
  optionalCount,
  optionalEmail,
  optionalIsoDate,
  optionalName,
  optionalPhone,
  optionalText,
  requiredName,
} from '../fields';
import {
  bantInputSchema,
  bantSchema,
  gatesSchema,
  scoreResultSchema,
  temperatureSchema,
} from '../scoring-schemas';
import type { ChannelSpec } from '../spec';
import type { leadsNames } from './names';

/** A funnel stage; a wrong one is `validation.stage`. */
export const stageSchema = z.enum(STAGES, { error: 'validation.stage' });
/** Where a lead came from; a wrong one is `validation.channel`. */
export const sourceChannelSchema = z.enum(SOURCE_CHANNELS, { error: 'validation.channel' });

/** Company fields as a form submits them. */
export const companyInputSchema = z.object({
  name: requiredName,
  industry: optionalText(100),
  employees: optionalCount,
  branches: optionalCount,
  website: optionalText(200),
  street: optionalText(200),
  postalCode: optionalText(20),
  city: optionalText(100),
  country: optionalText(100),
});

/** Every editable field of a lead. `company: null` unlinks the company. */
export const leadFieldsSchema = z.object({
  salutation: z.enum(SALUTATIONS),
  /** May be empty: address books and scanned cards often give one name only. */
  firstName: optionalName,
  lastName: requiredName,
  email: optionalEmail,
  phone: optionalPhone,
  mobile: optionalPhone,
  jobTitle: optionalText(100),
  buyingRole: z.enum(BUYING_ROLES),
  company: companyInputSchema.nullable(),
  sourceChannel: sourceChannelSchema,
  campaignId: id.nullable(),
  ownerId: id.nullable(),
  expectedValueCents: optionalCents,
  expectedCloseDate: optionalIsoDate,
  notes: z.string().max(20_000, 'validation.too_long'),
  /** Never contact (GDPR objection): an import never re-creates or re-activates the person. */
  doNotContact: z.boolean(),
});

export type LeadFields = z.output<typeof leadFieldsSchema>;

/** Fields needed to create a lead; everything but the last name has a default. */
export const leadCreateSchema = leadFieldsSchema.partial().extend({
  firstName: optionalName.default(''),
  lastName: requiredName,
});

const companySchema = z.object({
  id,
  name: z.string(),
  industry: z.string().nullable(),
  employees: z.number().nullable(),
  branches: z.number().nullable(),
  website: z.string().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
});

const leadSchema = z.object({
  id,
  salutation: z.enum(SALUTATIONS),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  jobTitle: z.string().nullable(),
  buyingRole: z.enum(BUYING_ROLES),
  company: companySchema.nullable(),
  sourceChannel: sourceChannelSchema,
  campaignId: id.nullable(),
  ownerId: id.nullable(),
  stage: stageSchema,
  stageEnteredAt: epochMs,
  expectedValueCents: z.number().nullable(),
  expectedCloseDate: z.string().nullable(),
  dealValueCents: z.number().nullable(),
  notes: z.string(),
  doNotContact: z.boolean(),
  createdAt: epochMs,
  createdBy: id.nullable(),
  updatedAt: epochMs,
  updatedBy: id.nullable(),
  version: z.number().int(),
});

export const leadSummarySchema = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  companyName: z.string().nullable(),
  ownerId: id.nullable(),
  ownerInitials: z.string().nullable(),
  ownerName: z.string().nullable(),
  sourceChannel: sourceChannelSchema,
  campaignName: z.string().nullable(),
  stage: stageSchema,
  stageEnteredAt: epochMs,
  expectedValueCents: z.number().nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
  version: z.number().int(),
  scoreFit: z.number().int(),
  scoreEngagement: z.number().int(),
  scoreTotal: z.number().int(),
  temperature: temperatureSchema,
  /** Change of the total over the last 7 days, as of the last scoring. */
  scoreDelta7d: z.number().int(),
  /** Reached the MQL threshold but left where it is (flag mode, Nurture, or overruled). */
  mqlReady: z.boolean(),
  doNotContact: z.boolean(),
});

const stageChangeSchema = z.object({
  id,
  fromStage: stageSchema.nullable(),
  toStage: stageSchema,
  reason: z.string().nullable(),
  origin: z.enum(CHANGE_ORIGINS),
  /** The total score that triggered a change made by scoring. */
  score: z.number().int().nullable(),
  changedAt: epochMs,
  changedBy: id.nullable(),
  changedByName: z.string().nullable(),
});

const activitySchema = z.object({
  id,
  kind: z.enum(ACTIVITY_KINDS),
  occurredAt: epochMs,
  text: z.string(),
  contentId: id.nullable(),
  contentName: z.string().nullable(),
  topic: z.string().nullable(),
  url: z.string().nullable(),
  createdAt: epochMs,
  createdBy: id.nullable(),
  createdByName: z.string().nullable(),
});

const leadDetailSchema = z.object({
  lead: leadSchema,
  history: z.array(stageChangeSchema),
  activities: z.array(activitySchema),
  score: scoreResultSchema,
  bant: bantSchema,
  /** Version of the BANT record, 0 before the first save (optimistic locking). */
  bantVersion: z.number().int(),
  gates: gatesSchema,
});

/**
 * An activity as logged on the detail view, the CLI or an import. Sales contacts (call,
 * meeting, email, note) need a text; tracked behaviour may come without one.
 */
export const activityInputSchema = z
  .object({
    leadId: id,
    kind: z.enum(ACTIVITY_KINDS),
    occurredAt: epochMs,
    text: z.string().trim().max(20_000, 'validation.too_long').default(''),
    contentId: id.nullable().default(null),
    topic: optionalText(100).default(null),
    url: optionalText(2000).default(null),
  })
  .superRefine((activity, ctx) => {
    if (
      (CONTACT_ACTIVITY_KINDS as readonly string[]).includes(activity.kind) &&
      activity.text === ''
    ) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'validation.required' });
    }
  });

/** Board and list filters; all optional, combined with AND. */
export const leadFilterSchema = z.object({
  ownerId: id.nullable().optional(),
  sourceChannel: sourceChannelSchema.nullable().optional(),
  search: z.string().trim().max(200).optional(),
  stage: stageSchema.nullable().optional(),
  temperature: temperatureSchema.nullable().optional(),
  /** Only leads whose score rose over the last 7 days. */
  scoreRose: z.boolean().optional(),
});

export type LeadFilter = z.infer<typeof leadFilterSchema>;

export const LEAD_SORT_KEYS = [
  'name',
  'company',
  'stage',
  'owner',
  'source',
  'value',
  'stageEnteredAt',
  'createdAt',
  'updatedAt',
  'score',
] as const;

/** The lead channels: one input and one output schema each. */
export const leadsContract = {
  'leads.list': {
    input: z.object({
      filters: leadFilterSchema,
      sort: z.enum(LEAD_SORT_KEYS).default('updatedAt'),
      direction: z.enum(['asc', 'desc']).default('desc'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({ rows: z.array(leadSummarySchema), total: z.number().int() }),
  },
  'leads.get': { input: z.object({ id }), output: leadDetailSchema },
  'leads.create': { input: z.object({ fields: leadCreateSchema }), output: leadDetailSchema },
  'leads.update': {
    input: z.object({ id, version: z.number().int(), fields: leadFieldsSchema.partial() }),
    output: leadDetailSchema,
  },
  'leads.move': {
    input: z.object({
      id,
      version: z.number().int(),
      to: stageSchema,
      reason: z.string().max(2000, 'validation.too_long').nullable().optional(),
      dealValueCents: optionalCents.optional(),
    }),
    output: leadSummarySchema,
  },
  'leads.delete': {
    input: z.object({ id, version: z.number().int() }),
    output: z.object({ id }),
  },
  'activities.add': {
    input: activityInputSchema,
    output: activitySchema,
  },
  'bant.update': {
    input: z.object({ leadId: id, version: z.number().int().min(0), bant: bantInputSchema }),
    output: leadDetailSchema,
  },
} satisfies Record<ChannelOf<typeof leadsNames>, ChannelSpec>;

/** Payloads of the lead events. */
export const leadsEvents = {
  'leads.changed': z.object({ ids: z.array(id) }),
} satisfies Record<EventOf<typeof leadsNames>, z.ZodType>;
