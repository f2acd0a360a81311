import { z } from 'zod';
import { SOURCE_CHANNELS } from '../domain/channels';
import { ACTIVITY_KINDS, BUYING_ROLES } from '../domain/lead';
import { AUTHORITIES, BANT_ELEMENTS, BUDGET_STATUSES, NEED_STATUSES } from '../scoring/bant';
import { BUYING_PHASES, CONTENT_TYPES } from '../scoring/content';
import {
  HANDOVER_CRITERIA,
  MQL_MODES,
  PRESENCE_FIELDS,
  SCORE_AXES,
  type Condition,
  type ScoringSettings,
} from '../scoring/rules';
import { TEMPERATURES } from '../scoring/score';
import { epochMs, id, optionalCents, optionalText, requiredName } from './fields';

/**
 * Schemas of the scoring, content library and BANT channels. Messages are i18n keys under
 * `validation.`.
 */
export const temperatureSchema = z.enum(TEMPERATURES);
export const contentTypeSchema = z.enum(CONTENT_TYPES);
export const buyingPhaseSchema = z.enum(BUYING_PHASES);
export const handoverCriterionSchema = z.enum(HANDOVER_CRITERIA);
export const bantElementSchema = z.enum(BANT_ELEMENTS);

const points = z
  .number({ error: 'validation.number' })
  .int('validation.whole_number')
  .min(-1000, 'validation.points_range')
  .max(1000, 'validation.points_range');

const listEntry = z.string().trim().min(1).max(100, 'validation.too_long');

const conditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field_present'), field: z.enum(PRESENCE_FIELDS) }),
  z.object({ kind: z.literal('buying_role'), role: z.enum(BUYING_ROLES) }),
  z.object({
    kind: z.literal('company_size'),
    min: z.number().int('validation.whole_number').min(0, 'validation.negative'),
    max: z.number().int('validation.whole_number').min(0, 'validation.negative').nullable(),
  }),
  z.object({ kind: z.literal('industry'), industries: z.array(listEntry).max(100) }),
  z.object({ kind: z.literal('email_domain'), domain: z.enum(['company', 'freemail']) }),
  z.object({ kind: z.literal('email_domain_list'), domains: z.array(listEntry).max(500) }),
  z.object({
    kind: z.literal('source_channel'),
    channels: z
      .array(z.enum(SOURCE_CHANNELS))
      .min(1, 'validation.required')
      .max(SOURCE_CHANNELS.length * 2),
  }),
  z.object({ kind: z.literal('activity'), activity: z.enum(ACTIVITY_KINDS) }),
  z.object({ kind: z.literal('content_type'), contentType: contentTypeSchema }),
  z.object({
    kind: z.literal('page_visit'),
    patterns: z.array(listEntry).min(1, 'validation.required').max(50),
  }),
]) satisfies z.ZodType<Condition>;

const ruleSchema = z.object({
  id,
  enabled: z.boolean(),
  condition: conditionSchema,
  points,
  limit: z
    .number()
    .int('validation.whole_number')
    .min(1, 'validation.min_one')
    .max(1000)
    .nullable(),
});

const threshold = z
  .number({ error: 'validation.number' })
  .int('validation.whole_number')
  .min(1, 'validation.min_one')
  .max(10_000, 'validation.too_large');

/**
 * The scoring model as the settings page submits it. Checked beyond the field types: rule
 * ids are unique, warm is below hot, a company size band's upper end is not below its lower.
 */
export const scoringSettingsSchema = z
  .object({
    rules: z.array(ruleSchema).max(500),
    thresholds: z.object({ mql: threshold, warm: threshold, hot: threshold }),
    halfLifeDays: z
      .number({ error: 'validation.number' })
      .int('validation.whole_number')
      .min(1, 'validation.min_one')
      .max(3650, 'validation.too_large')
      .nullable(),
    mqlMode: z.enum(MQL_MODES),
    handover: z.array(handoverCriterionSchema).max(HANDOVER_CRITERIA.length * 2),
    sqlBant: z.array(bantElementSchema).max(BANT_ELEMENTS.length * 2),
  })
  .superRefine((settings, ctx) => {
    if (settings.thresholds.warm >= settings.thresholds.hot) {
      ctx.addIssue({
        code: 'custom',
        path: ['thresholds', 'hot'],
        message: 'validation.hot_above_warm',
      });
    }
    const seen = new Set<string>();
    settings.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', index, 'id'],
          message: 'validation.duplicate',
        });
      }
      seen.add(rule.id);
      const c = rule.condition;
      if (c.kind === 'company_size' && c.max !== null && c.max < c.min) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', index, 'condition', 'max'],
          message: 'validation.range_order',
        });
      }
    });
  }) satisfies z.ZodType<ScoringSettings>;

/** The stored model with who saved it last; `updatedAt: null` means the defaults apply. */
export const scoringStateSchema = z.object({
  settings: scoringSettingsSchema,
  updatedAt: epochMs.nullable(),
  updatedBy: id.nullable(),
  updatedByName: z.string().nullable(),
});

const distributionSchema = z.object({
  buckets: z.array(z.number().int()),
  temperatures: z.object({ cold: z.number().int(), warm: z.number().int(), hot: z.number().int() }),
  atMql: z.number().int(),
});

export const scoringPreviewSchema = z.object({
  leads: z.number().int(),
  becomeMql: z.number().int(),
  stopMql: z.number().int(),
  promoted: z.number().int(),
  current: distributionSchema,
  draft: distributionSchema,
});

/** What a recompute did: leads scored, leads whose stored score changed, promotions. */
export const recomputeResultSchema = z.object({
  leads: z.number().int(),
  changed: z.number().int(),
  promoted: z.number().int(),
});

const contributionSchema = z.object({
  ruleId: z.string(),
  axis: z.enum(SCORE_AXES),
  condition: conditionSchema,
  points: z.number(),
  decay: z.number(),
  value: z.number(),
  capped: z.boolean(),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('field') }),
    z.object({
      kind: z.literal('activity'),
      activityId: id,
      activityKind: z.enum(ACTIVITY_KINDS),
      occurredAt: epochMs,
      contentName: z.string().nullable(),
      url: z.string().nullable(),
    }),
  ]),
});

/** A lead's explained score as the detail view and `leads show --json` give it. */
export const scoreResultSchema = z.object({
  fit: z.number().int(),
  engagement: z.number().int(),
  total: z.number().int(),
  temperature: temperatureSchema,
  temperatureBasis: z.enum(['score', 'bant']),
  contributions: z.array(contributionSchema),
  topics: z.array(z.object({ topic: z.string(), weight: z.number(), share: z.number() })),
  /** Change of the total over the last 7 days. */
  delta7d: z.number().int(),
  mqlReady: z.boolean(),
});

export const bantSchema = z.object({
  budgetStatus: z.enum(BUDGET_STATUSES),
  budgetCents: z.number().int().nullable(),
  budgetMaxCents: z.number().int().nullable(),
  authority: z.enum(AUTHORITIES),
  deciderName: z.string().nullable(),
  need: z.enum(NEED_STATUSES),
  needText: z.string(),
  timing: z.string().nullable(),
  updatedAt: epochMs.nullable(),
  updatedBy: id.nullable(),
});

/**
 * BANT as the panel submits it. An amount needs `budgetCents`; a range needs both ends in
 * order; other statuses clear the amounts. `timing` is a month `YYYY-MM`.
 */
export const bantInputSchema = z
  .object({
    budgetStatus: z.enum(BUDGET_STATUSES),
    budgetCents: optionalCents,
    budgetMaxCents: optionalCents,
    authority: z.enum(AUTHORITIES),
    deciderName: optionalText(100),
    need: z.enum(NEED_STATUSES),
    needText: z.string().trim().max(5000, 'validation.too_long'),
    timing: z
      .string()
      .trim()
      .max(7, 'validation.month')
      .regex(/^(\d{4}-(0[1-9]|1[0-2]))?$/, 'validation.month')
      .transform((value) => (value === '' ? null : value))
      .nullable(),
  })
  .superRefine((bant, ctx) => {
    if ((bant.budgetStatus === 'amount' || bant.budgetStatus === 'range') && !bant.budgetCents) {
      ctx.addIssue({ code: 'custom', path: ['budgetCents'], message: 'validation.required' });
    }
    if (bant.budgetStatus === 'range') {
      if (bant.budgetMaxCents === null) {
        ctx.addIssue({ code: 'custom', path: ['budgetMaxCents'], message: 'validation.required' });
      } else if (bant.budgetCents !== null && bant.budgetMaxCents < bant.budgetCents) {
        ctx.addIssue({
          code: 'custom',
          path: ['budgetMaxCents'],
          message: 'validation.range_order',
        });
      }
    }
  });

/** Which stage gates a lead would pass now: the criteria still missing for SAL and SQL. */
export const gatesSchema = z.object({
  handover: z.array(handoverCriterionSchema),
  bant: z.array(bantElementSchema),
});

export const contentItemSchema = z.object({
  id,
  name: z.string(),
  type: contentTypeSchema,
  topic: z.string().nullable(),
  phase: buyingPhaseSchema,
  targetRole: z.enum(BUYING_ROLES).nullable(),
  url: z.string().nullable(),
  archived: z.boolean(),
  createdAt: epochMs,
  updatedAt: epochMs,
  version: z.number().int(),
});

export const contentFieldsSchema = z.object({
  name: requiredName.max(200, 'validation.too_long'),
  type: contentTypeSchema,
  topic: optionalText(100),
  phase: buyingPhaseSchema,
  targetRole: z.enum(BUYING_ROLES).nullable(),
  url: optionalText(500),
  archived: z.boolean(),
});
