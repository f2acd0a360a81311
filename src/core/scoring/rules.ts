import type { SourceChannel } from '../domain/channels';
import type { ActivityKind } from '../domain/activity-kinds';
import type { BuyingRole } from '../domain/buying-roles';
import { assertNever } from '../domain/stages';
import type { BantElement } from './bant';
import type { ContentType } from './content';

/** The two axes of the score: who the lead is (fit) and what the lead does (engagement). */
export const SCORE_AXES = ['fit', 'engagement'] as const;
export type ScoreAxis = (typeof SCORE_AXES)[number];

/** Lead fields a "present" rule can test. `phone` means a direct line: phone or mobile. */
export const PRESENCE_FIELDS = ['job_title', 'phone', 'email', 'company'] as const;
export type PresenceField = (typeof PRESENCE_FIELDS)[number];

/**
 * What a rule tests. Fit conditions look at the lead's explicit data and count once;
 * engagement conditions look at one activity each and count per matching activity, decayed
 * by its age.
 */
export type Condition =
  | { kind: 'field_present'; field: PresenceField }
  | { kind: 'buying_role'; role: BuyingRole }
  /** Employees of the lead's company within `min` … `max` (inclusive; null: no upper end). */
  | { kind: 'company_size'; min: number; max: number | null }
  /** The company's industry contains one of the entries (case and umlauts folded). */
  | { kind: 'industry'; industries: string[] }
  /** The email's domain is a company domain, or a freemail provider's. */
  | { kind: 'email_domain'; domain: 'company' | 'freemail' }
  /** The email's domain is one of these (e.g. competitors). */
  | { kind: 'email_domain_list'; domains: string[] }
  | { kind: 'source_channel'; channels: SourceChannel[] }
  /** Any activity of this kind. */
  | { kind: 'activity'; activity: ActivityKind }
  /** A download of a content item of this type; outranks a plain `download` rule. */
  | { kind: 'content_type'; contentType: ContentType }
  /** A page visit whose address contains one of the patterns; outranks a plain visit rule. */
  | { kind: 'page_visit'; patterns: string[] };

export type ConditionKind = Condition['kind'];

/** The axis a condition belongs to. */
export function axisOf(condition: Condition): ScoreAxis {
  switch (condition.kind) {
    case 'field_present':
    case 'buying_role':
    case 'company_size':
    case 'industry':
    case 'email_domain':
    case 'email_domain_list':
    case 'source_channel':
      return 'fit';
    case 'activity':
    case 'content_type':
    case 'page_visit':
      return 'engagement';
    default:
      return assertNever(condition);
  }
}

/** One scoring rule: condition → points. */
export type Rule = {
  /** Stable id; the explanation names the rule by it. */
  id: string;
  enabled: boolean;
  condition: Condition;
  /** Whole points, negative for bad signs (unsubscribed, competitor). */
  points: number;
  /** Engagement only: count at most this many of the newest matching activities. */
  limit: number | null;
};

export const MQL_MODES = ['promote', 'flag'] as const;
/** Whether reaching the MQL threshold moves the lead to MQL or only flags it. */
export type MqlMode = (typeof MQL_MODES)[number];

/** What a lead must have before it may be handed to sales (SLA, domain README). */
export const HANDOVER_CRITERIA = [
  'contact_route',
  'direct_phone',
  'company',
  'job_title',
  'buying_role',
  'content_used',
  'mql_score',
] as const;
export type HandoverCriterion = (typeof HANDOVER_CRITERIA)[number];

/** The team's scoring model, stored once in the shared file. */
export type ScoringSettings = {
  rules: Rule[];
  thresholds: {
    /** Total score at which a lead is marketing qualified. */
    mql: number;
    warm: number;
    hot: number;
  };
  /** Engagement points halve every this many days; null: no decay. */
  halfLifeDays: number | null;
  mqlMode: MqlMode;
  /** Criteria a lead must meet to enter SAL (and any later open stage from before SAL). */
  handover: HandoverCriterion[];
  /** BANT elements a lead must have clarified to enter SQL (or Opportunity from before). */
  sqlBant: BantElement[];
};

const rule = (id: string, condition: Condition, points: number, limit: number | null = null) => ({
  id,
  enabled: true,
  condition,
  points,
  limit,
});

/**
 * The default model, following the seeds: a job title gives 5 points, a phone number 15;
 * a decision maker counts far more than an influencer or user, an assistant without
 * authority hardly at all; a price list or data sheet far more than a whitepaper, a
 * whitepaper more than a blog post; a visit to the pricing page far more than another page.
 */
export const DEFAULT_SCORING_SETTINGS: ScoringSettings = {
  rules: [
    rule('fit.job_title', { kind: 'field_present', field: 'job_title' }, 5),
    rule('fit.phone', { kind: 'field_present', field: 'phone' }, 15),
    rule('fit.company', { kind: 'field_present', field: 'company' }, 5),
    rule('fit.role.decision_maker', { kind: 'buying_role', role: 'decision_maker' }, 15),
    rule('fit.role.influencer', { kind: 'buying_role', role: 'influencer' }, 8),
    rule('fit.role.user', { kind: 'buying_role', role: 'user' }, 3),
    rule('fit.role.assistant', { kind: 'buying_role', role: 'assistant' }, 0),
    rule('fit.size.small', { kind: 'company_size', min: 10, max: 49 }, 3),
    rule('fit.size.medium', { kind: 'company_size', min: 50, max: 249 }, 5),
    rule('fit.size.large', { kind: 'company_size', min: 250, max: null }, 8),
    rule('fit.industry', { kind: 'industry', industries: [] }, 10),
    rule('fit.company_email', { kind: 'email_domain', domain: 'company' }, 5),
    rule('fit.competitor', { kind: 'email_domain_list', domains: [] }, -50),
    rule('eng.form', { kind: 'activity', activity: 'form_submitted' }, 10),
    rule('eng.newsletter_opened', { kind: 'activity', activity: 'newsletter_opened' }, 2, 10),
    rule('eng.newsletter_clicked', { kind: 'activity', activity: 'newsletter_clicked' }, 4, 10),
    rule('eng.webinar_registered', { kind: 'activity', activity: 'webinar_registered' }, 8),
    rule('eng.webinar_attended', { kind: 'activity', activity: 'webinar_attended' }, 15),
    rule('eng.page_visit', { kind: 'activity', activity: 'page_visit' }, 1, 20),
    rule('eng.pricing_page', { kind: 'page_visit', patterns: ['preis', 'pricing', 'price'] }, 20),
    rule('eng.download', { kind: 'activity', activity: 'download' }, 8),
    rule('eng.content.price_list', { kind: 'content_type', contentType: 'price_list' }, 30),
    rule('eng.content.data_sheet', { kind: 'content_type', contentType: 'data_sheet' }, 25),
    rule('eng.content.roi_calculator', { kind: 'content_type', contentType: 'roi_calculator' }, 25),
    rule('eng.content.case_study', { kind: 'content_type', contentType: 'case_study' }, 15),
    rule('eng.content.whitepaper', { kind: 'content_type', contentType: 'whitepaper' }, 15),
    rule('eng.content.ebook', { kind: 'content_type', contentType: 'ebook' }, 12),
    rule('eng.content.webinar', { kind: 'content_type', contentType: 'webinar' }, 10),
    rule('eng.content.blog_post', { kind: 'content_type', contentType: 'blog_post' }, 3),
    rule('eng.social', { kind: 'activity', activity: 'social' }, 5, 5),
    rule('eng.meeting', { kind: 'activity', activity: 'meeting' }, 10),
    rule('eng.call', { kind: 'activity', activity: 'call' }, 5),
    rule('eng.unsubscribed', { kind: 'activity', activity: 'unsubscribed' }, -20),
    rule('eng.bounced', { kind: 'activity', activity: 'email_bounced' }, -10),
  ],
  thresholds: { mql: 60, warm: 30, hot: 70 },
  halfLifeDays: 30,
  mqlMode: 'promote',
  handover: ['contact_route', 'company', 'job_title', 'buying_role', 'content_used'],
  sqlBant: ['budget', 'authority', 'need', 'timing'],
};

/**
 * An i18n key under `scoring.condition.` and its parameters, describing a condition in
 * words ("Berufsbezeichnung angegeben", "Download: Preisliste"). Lists are joined here;
 * enum values are passed as keys the caller translates (`…Key` parameters).
 */
export type ConditionText = { key: string; params: Record<string, string | number> };

export function describeCondition(condition: Condition): ConditionText {
  const key = `scoring.condition.${condition.kind}`;
  switch (condition.kind) {
    case 'field_present':
      return { key, params: { fieldKey: `scoring.field.${condition.field}` } };
    case 'buying_role':
      return { key, params: { roleKey: `buyingRoles.${condition.role}` } };
    case 'company_size':
      return condition.max === null
        ? { key: `${key}_open`, params: { min: condition.min } }
        : { key, params: { min: condition.min, max: condition.max } };
    case 'industry':
      return { key, params: { list: condition.industries.join(', ') } };
    case 'email_domain':
      return { key: `${key}_${condition.domain}`, params: {} };
    case 'email_domain_list':
      return { key, params: { list: condition.domains.join(', ') } };
    case 'source_channel':
      return {
        key,
        params: { channelKeys: condition.channels.map((c) => `channels.${c}`).join(',') },
      };
    case 'activity':
      return { key, params: { activityKey: `activityKinds.${condition.activity}` } };
    case 'content_type':
      return { key, params: { contentTypeKey: `contentTypes.${condition.contentType}` } };
    case 'page_visit':
      return { key, params: { list: condition.patterns.join(', ') } };
    default:
      return assertNever(condition);
  }
}
