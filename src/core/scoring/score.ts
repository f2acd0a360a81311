import type { SourceChannel } from '../domain/channels';
import type { ActivityKind } from '../domain/activity-kinds';
import type { BuyingRole } from '../domain/buying-roles';
import { assertNever } from '../domain/stages';
import { foldForSearch } from '../text/normalize';
import { isBantAnswered, isBantElementMet, type Bant } from './bant';
import type { ContentType } from './content';
import { emailDomain, FREEMAIL_DOMAINS } from './freemail';
import { axisOf, type Condition, type Rule, type ScoreAxis, type ScoringSettings } from './rules';

const DAY_MS = 86_400_000;

/** What the fit axis looks at: the lead's explicit data. */
export type ScoringLead = {
  jobTitle: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  buyingRole: BuyingRole;
  sourceChannel: SourceChannel;
  companyName: string | null;
  industry: string | null;
  employees: number | null;
  bant: Bant;
};

/** What the engagement axis looks at: one activity, with its content item resolved. */
export type ScoringActivity = {
  id: string;
  kind: ActivityKind;
  /** Epoch ms UTC. */
  occurredAt: number;
  contentId: string | null;
  contentType: ContentType | null;
  contentName: string | null;
  /** The activity's topic, else its content item's. */
  topic: string | null;
  url: string | null;
};

export const TEMPERATURES = ['cold', 'warm', 'hot'] as const;
export type Temperature = (typeof TEMPERATURES)[number];

/** Where a contribution comes from: a field of the lead, or one activity. */
export type ContributionSource =
  | { kind: 'field' }
  | {
      kind: 'activity';
      activityId: string;
      activityKind: ActivityKind;
      occurredAt: number;
      contentName: string | null;
      url: string | null;
    };

/**
 * One line of "why this score": the rule, its full points, the decay factor applied (1 for
 * fit), and the value counted, in whole points. An engagement rule's activities beyond its
 * limit are listed with `capped: true` and value 0. The values of all contributions of an
 * axis sum exactly to that axis.
 */
export type Contribution = {
  ruleId: string;
  axis: ScoreAxis;
  condition: Condition;
  points: number;
  decay: number;
  value: number;
  capped: boolean;
  source: ContributionSource;
};

/** How strongly a lead is interested in one topic, from its decayed activities. */
export type TopicInterest = {
  topic: string;
  /** Decayed weight, one decimal. */
  weight: number;
  /** Share of all topic weight, 0 … 1. */
  share: number;
};

export type ScoreTotals = { fit: number; engagement: number; total: number };

export type ScoreResult = ScoreTotals & {
  temperature: Temperature;
  /** Whether the temperature was read from BANT answers or from the score thresholds. */
  temperatureBasis: 'score' | 'bant';
  contributions: Contribution[];
  /** Strongest interest first. */
  topics: TopicInterest[];
};

/**
 * Weight of an engagement point `ageMs` old: halves every `halfLifeDays`; 1 without decay
 * and for activities dated in the future (another machine's clock may run ahead).
 */
export function decayFactor(ageMs: number, halfLifeDays: number | null): number {
  if (halfLifeDays === null || ageMs <= 0) return 1;
  return Math.pow(0.5, ageMs / (halfLifeDays * DAY_MS));
}

/**
 * The temperature of a lead. Once sales has answered BANT the seeds' reading applies:
 * need + budget + timing → hot, need without budget or timing → warm, no need → cold.
 * Before that the combined score decides against the warm and hot thresholds.
 */
export function temperatureOf(
  total: number,
  bant: Bant,
  thresholds: ScoringSettings['thresholds'],
): { temperature: Temperature; basis: 'score' | 'bant' } {
  if (isBantAnswered(bant) && bant.need !== 'unknown') {
    if (bant.need === 'not_confirmed') return { temperature: 'cold', basis: 'bant' };
    const hot = isBantElementMet(bant, 'budget') && isBantElementMet(bant, 'timing');
    return { temperature: hot ? 'hot' : 'warm', basis: 'bant' };
  }
  if (total >= thresholds.hot) return { temperature: 'hot', basis: 'score' };
  if (total >= thresholds.warm) return { temperature: 'warm', basis: 'score' };
  return { temperature: 'cold', basis: 'score' };
}

type CompiledRule = Rule & { folded: string[] };

function fitMatches(rule: CompiledRule, lead: ScoringLead): boolean {
  const condition = rule.condition;
  switch (condition.kind) {
    case 'field_present':
      switch (condition.field) {
        case 'job_title':
          return lead.jobTitle !== null && lead.jobTitle.trim() !== '';
        case 'phone':
          return lead.phone !== null || lead.mobile !== null;
        case 'email':
          return lead.email !== null;
        case 'company':
          return lead.companyName !== null;
        default:
          return assertNever(condition.field);
      }
    case 'buying_role':
      return lead.buyingRole === condition.role;
    case 'company_size':
      return (
        lead.employees !== null &&
        lead.employees >= condition.min &&
        (condition.max === null || lead.employees <= condition.max)
      );
    case 'industry': {
      if (lead.industry === null) return false;
      const industry = foldForSearch(lead.industry);
      return rule.folded.some((entry) => industry.includes(entry));
    }
    case 'email_domain': {
      const domain = emailDomain(lead.email);
      if (domain === null) return false;
      return FREEMAIL_DOMAINS.has(domain) === (condition.domain === 'freemail');
    }
    case 'email_domain_list': {
      const domain = emailDomain(lead.email);
      return (
        domain !== null &&
        rule.folded.some((entry) => domain === entry || domain.endsWith(`.${entry}`))
      );
    }
    case 'source_channel':
      return condition.channels.includes(lead.sourceChannel);
    case 'activity':
    case 'content_type':
    case 'page_visit':
      return false;
    default:
      return assertNever(condition);
  }
}

/**
 * A scoring model compiled once for many leads (a recompute scores 100,000 of them):
 * rules grouped by axis and activity kind, lists folded.
 */
export type Scorer = {
  readonly settings: ScoringSettings;
  /** The full, explained score of one lead at `now`. */
  score(lead: ScoringLead, activities: readonly ScoringActivity[], now: number): ScoreResult;
  /**
   * The axes only, as they stood at `at`: activities after `at` are left out and decay is
   * measured to `at` ("did the score rise in the last 7 days" compares with `now − 7 days`).
   */
  totalsAt(lead: ScoringLead, activities: readonly ScoringActivity[], at: number): ScoreTotals;
};

/** Compiles `settings` into a {@link Scorer}. Core never reads the clock: `now` is passed. */
export function createScorer(settings: ScoringSettings): Scorer {
  const fitRules: CompiledRule[] = [];
  const genericByKind = new Map<ActivityKind, CompiledRule>();
  const contentRules: CompiledRule[] = [];
  const pageRules: CompiledRule[] = [];
  for (const rule of settings.rules) {
    if (!rule.enabled) continue;
    const c = rule.condition;
    const folded =
      c.kind === 'industry'
        ? c.industries.map(foldForSearch).filter((entry) => entry !== '')
        : c.kind === 'email_domain_list'
          ? c.domains.map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter((d) => d !== '')
          : c.kind === 'page_visit'
            ? c.patterns.map((p) => p.trim().toLowerCase()).filter((p) => p !== '')
            : [];
    const compiled: CompiledRule = { ...rule, folded };
    if (axisOf(c) === 'fit') fitRules.push(compiled);
    else if (c.kind === 'activity') {
      if (!genericByKind.has(c.activity)) genericByKind.set(c.activity, compiled);
    } else if (c.kind === 'content_type') contentRules.push(compiled);
    else if (c.kind === 'page_visit') pageRules.push(compiled);
  }

  /** The rule an activity counts under: the best specific rule, else its kind's rule. */
  function ruleFor(activity: ScoringActivity): CompiledRule | undefined {
    let best: CompiledRule | undefined;
    if (activity.kind === 'download' && activity.contentType !== null) {
      for (const rule of contentRules) {
        if (
          rule.condition.kind === 'content_type' &&
          rule.condition.contentType === activity.contentType &&
          (best === undefined || rule.points > best.points)
        ) {
          best = rule;
        }
      }
    } else if (activity.kind === 'page_visit' && activity.url !== null) {
      const url = activity.url.toLowerCase();
      for (const rule of pageRules) {
        if (
          rule.folded.some((pattern) => url.includes(pattern)) &&
          (best === undefined || rule.points > best.points)
        ) {
          best = rule;
        }
      }
    }
    return best ?? genericByKind.get(activity.kind);
  }

  const newestFirst = (a: ScoringActivity, b: ScoringActivity): number =>
    b.occurredAt - a.occurredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  function run(
    lead: ScoringLead,
    activities: readonly ScoringActivity[],
    now: number,
    until: number | null,
    explain: Contribution[] | null,
    topics: Map<string, { topic: string; weight: number }> | null,
  ): ScoreTotals {
    let fit = 0;
    for (const rule of fitRules) {
      if (!fitMatches(rule, lead)) continue;
      fit += rule.points;
      explain?.push({
        ruleId: rule.id,
        axis: 'fit',
        condition: rule.condition,
        points: rule.points,
        decay: 1,
        value: rule.points,
        capped: false,
        source: { kind: 'field' },
      });
    }
    let engagement = 0;
    const sorted = activities.length > 1 ? [...activities].sort(newestFirst) : activities;
    const used = new Map<string, number>();
    for (const activity of sorted) {
      if (until !== null && activity.occurredAt > until) continue;
      const rule = ruleFor(activity);
      const decay = decayFactor(now - activity.occurredAt, settings.halfLifeDays);
      if (topics !== null && activity.topic !== null && activity.topic.trim() !== '') {
        const points = rule?.points ?? 1;
        if (points >= 0) {
          const key = foldForSearch(activity.topic);
          const entry = topics.get(key);
          const weight = decay * Math.max(1, points);
          if (entry === undefined) topics.set(key, { topic: activity.topic.trim(), weight });
          else entry.weight += weight;
        }
      }
      if (rule === undefined) continue;
      const count = (used.get(rule.id) ?? 0) + 1;
      used.set(rule.id, count);
      const capped = rule.limit !== null && count > rule.limit;
      const value = capped ? 0 : Math.round(rule.points * decay) || 0;
      engagement += value;
      explain?.push({
        ruleId: rule.id,
        axis: 'engagement',
        condition: rule.condition,
        points: rule.points,
        decay,
        value,
        capped,
        source: {
          kind: 'activity',
          activityId: activity.id,
          activityKind: activity.kind,
          occurredAt: activity.occurredAt,
          contentName: activity.contentName,
          url: activity.url,
        },
      });
    }
    return { fit, engagement, total: fit + engagement };
  }

  return {
    settings,
    score(lead, activities, now) {
      const contributions: Contribution[] = [];
      const topicMap = new Map<string, { topic: string; weight: number }>();
      const totals = run(lead, activities, now, null, contributions, topicMap);
      const { temperature, basis } = temperatureOf(totals.total, lead.bant, settings.thresholds);
      const sum = [...topicMap.values()].reduce((acc, entry) => acc + entry.weight, 0);
      const topics = [...topicMap.values()]
        .map((entry) => ({
          topic: entry.topic,
          weight: Math.round(entry.weight * 10) / 10,
          share: sum > 0 ? entry.weight / sum : 0,
        }))
        .sort((a, b) => b.weight - a.weight || a.topic.localeCompare(b.topic));
      return { ...totals, temperature, temperatureBasis: basis, contributions, topics };
    },
    totalsAt(lead, activities, at) {
      return run(lead, activities, at, at, null, null);
    },
  };
}
