import type { SourceChannel } from '@core/domain/channels';
import type { ActivityKind, BuyingRole } from '@core/domain/lead';
import { assertNever, type Stage } from '@core/domain/stages';
import type { Random } from '@core/random';
import type { BuyingPhase, ContentType } from '@core/scoring/content';
import type { Insertable } from 'kysely';
import type { Database, LeadActivitiesTable } from '../db/schema';
import { DEMO_SITE } from './content';
import { DAY } from './history';
import { asciiSlug, makePerson, pickWeighted } from './people';
import { BOUNCE_TEXTS, MONTH_NAMES, NEED_TEXTS, SOCIAL_TEXTS } from './vocabulary';

/** A content item of the file's library, as generated activities refer to it. */
export type DemoContentRef = {
  id: string;
  type: ContentType;
  topic: string | null;
  phase: BuyingPhase;
  url: string | null;
};

/** What the tracked behaviour of one generated lead depends on. */
export type EngagementInput = {
  leadId: string;
  /** The topic the lead is interested in; most of its behaviour is about it. */
  topic: string;
  channel: SourceChannel;
  hasEmail: boolean;
  stage: Stage;
  createdAt: number;
  /** Behaviour stops here: now for open leads and customers, the exit for the others. */
  until: number;
  /** When the lead was first handed to sales (SAL or later), if ever. */
  handedOverAt: number | null;
};

/**
 * How engaged leads that ended in a stage are: the number of tracked events besides the
 * capture, the share of late-phase signals (price lists, data sheets, the pricing page),
 * and how likely they unsubscribed. Later stages read and click more, and more of it is
 * about buying; parked and taken-out leads churn.
 */
const PROFILES: Record<Stage, { min: number; max: number; late: number; churn: number }> = {
  suspect: { min: 0, max: 2, late: 0.03, churn: 0.02 },
  lead: { min: 1, max: 3, late: 0.08, churn: 0.03 },
  mql: { min: 2, max: 6, late: 0.25, churn: 0.03 },
  sal: { min: 4, max: 8, late: 0.45, churn: 0.02 },
  sql: { min: 5, max: 9, late: 0.6, churn: 0.01 },
  opportunity: { min: 6, max: 10, late: 0.7, churn: 0.01 },
  customer: { min: 4, max: 9, late: 0.6, churn: 0.02 },
  nurture: { min: 2, max: 5, late: 0.2, churn: 0.12 },
  disqualified: { min: 0, max: 2, late: 0.05, churn: 0.15 },
  lost: { min: 3, max: 7, late: 0.5, churn: 0.1 },
};

const LATE_PHASES: readonly BuyingPhase[] = ['evaluation', 'purchase'];
const NEWSLETTER_KINDS: readonly ActivityKind[] = ['newsletter_opened', 'newsletter_clicked'];

type Activity = Insertable<LeadActivitiesTable>;

/** The newsletter issue of the month an instant falls in ("Newsletter März 2026"). */
function newsletterIssue(at: number): string {
  const date = new Date(at);
  return `Newsletter ${MONTH_NAMES[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`;
}

/**
 * Picks a content item: late-phase ones with probability `late`, of the lead's topic when
 * the library has one. `types` narrows the choice (webinars for a registration).
 */
function pickContent(
  random: Random,
  library: readonly DemoContentRef[],
  topic: string,
  late: number,
  types: (type: ContentType) => boolean,
): DemoContentRef | null {
  const fitting = library.filter((item) => types(item.type));
  if (fitting.length === 0) return null;
  const wantLate = random.chance(late);
  const phased = fitting.filter((item) => LATE_PHASES.includes(item.phase) === wantLate);
  const pool = phased.length > 0 ? phased : fitting;
  const onTopic = pool.filter((item) => item.topic === topic);
  return random.pick(onTopic.length > 0 && random.chance(0.7) ? onTopic : pool);
}

const isDownloadable = (type: ContentType) => type !== 'webinar';
const isWebinar = (type: ContentType) => type === 'webinar';

/**
 * Generates the tracked behaviour of one lead (implicit data, domain README "Scoring"):
 * what brought it in (a form, a download, a webinar registration, per source channel),
 * then page visits, newsletter opens and clicks, downloads of library items, webinars and
 * social interactions, with some unsubscribes and bounces. Leads that reached sales used
 * at least one content item before the handover (the SLA's handover criterion). Tracked
 * events have no author and carry a topic where they are about one.
 */
export function generateEngagement(
  random: Random,
  input: EngagementInput,
  library: readonly DemoContentRef[],
  newId: () => string,
): Activity[] {
  const { leadId, topic, createdAt, until } = input;
  const profile = PROFILES[input.stage];
  const span = until - createdAt;
  if (span < 60_000) return [];
  const activities: Activity[] = [];
  const push = (
    kind: ActivityKind,
    at: number,
    fields: {
      text?: string;
      contentId?: string | null;
      topic?: string | null;
      url?: string | null;
    },
  ) => {
    activities.push({
      id: newId(),
      lead_id: leadId,
      kind,
      occurred_at: at,
      text: fields.text ?? '',
      content_id: fields.contentId ?? null,
      topic: fields.topic ?? null,
      url: fields.url ?? null,
      created_at: at,
      created_by: null,
    });
  };
  /** An instant after `from` and before `until`, weighted towards the recent end. */
  const between = (from: number, to: number = until) =>
    from + 1 + Math.floor(Math.max(0, to - from - 2) * Math.pow(random.next(), 0.6));
  const slug = asciiSlug(topic);
  const download = (at: number, late: number) => {
    const item = pickContent(random, library, topic, late, isDownloadable);
    if (item === null) push('page_visit', at, { topic, url: `${DEMO_SITE}/loesungen/${slug}` });
    else push('download', at, { contentId: item.id, url: item.url });
  };
  const webinar = (at: number) => {
    const item = pickContent(random, library, topic, 0, isWebinar);
    if (item === null) return;
    push('webinar_registered', at, { contentId: item.id });
    if (random.chance(0.65)) {
      const attended = Math.min(until - 1, at + random.int(1, 14) * DAY);
      push('webinar_attended', attended, { contentId: item.id });
    }
  };

  const captured = createdAt + 1 + random.int(0, Math.min(15 * 60_000, span - 2));
  switch (input.channel) {
    case 'landing_page':
    case 'seo':
    case 'paid_search':
    case 'comparison_portal':
      push('form_submitted', captured, {
        text: 'Anmeldung über die Landingpage',
        topic,
        url: `${DEMO_SITE}/lp/${slug}`,
      });
      break;
    case 'quote_request':
      push('form_submitted', captured, {
        text: 'Angebotsanfrage',
        topic,
        url: `${DEMO_SITE}/angebot-anfordern`,
      });
      break;
    case 'newsletter':
      // a sign-up needs an address; a lead without one came in some other way
      if (input.hasEmail) {
        push('form_submitted', captured, {
          text: 'Newsletter-Anmeldung',
          url: `${DEMO_SITE}/newsletter`,
        });
      }
      break;
    case 'content_download':
      download(captured, 0);
      break;
    case 'webinar':
      webinar(captured);
      break;
    case 'blog':
      push('page_visit', captured, { topic, url: `${DEMO_SITE}/blog` });
      break;
    case 'social':
      push('social', captured, { text: random.pick(SOCIAL_TEXTS), topic });
      break;
    default:
      // outbound, events and referrals bring a lead without a tracked first contact
      break;
  }
  const usedContent = () => activities.some((a) => a.content_id !== null);
  if (input.handedOverAt !== null && !usedContent()) {
    download(between(createdAt, Math.max(createdAt + 2, input.handedOverAt)), profile.late);
  }

  const events = random.int(profile.min, profile.max);
  for (let i = 0; i < events; i++) {
    const at = between(createdAt);
    const kind = pickWeighted(random, [
      ['page', 5],
      ['pricing', 4 * profile.late],
      ['opened', input.hasEmail ? 4 : 0],
      ['clicked', input.hasEmail ? 2 : 0],
      ['download', 2 + 3 * profile.late],
      ['webinar', 0.5 + profile.late],
      ['social', 1.5],
    ] as const);
    const about = random.chance(0.75) ? topic : null;
    switch (kind) {
      case 'page':
        push('page_visit', at, {
          topic: about,
          url:
            about === null
              ? `${DEMO_SITE}/${random.pick(['referenzen', 'ueber-uns', 'kontakt', 'blog'])}`
              : `${DEMO_SITE}/loesungen/${slug}`,
        });
        break;
      case 'pricing':
        push('page_visit', at, { topic, url: `${DEMO_SITE}/preise/${slug}` });
        break;
      case 'opened':
        push('newsletter_opened', at, { text: newsletterIssue(at) });
        break;
      case 'clicked':
        push('newsletter_clicked', at, {
          text: newsletterIssue(at),
          topic: about,
          url: `${DEMO_SITE}/loesungen/${about === null ? 'uebersicht' : slug}`,
        });
        break;
      case 'download':
        download(at, profile.late);
        break;
      case 'webinar':
        webinar(at);
        break;
      case 'social':
        push('social', at, { text: random.pick(SOCIAL_TEXTS), topic: about });
        break;
      default:
        assertNever(kind);
    }
  }

  if (input.hasEmail) {
    const lastMailing = activities
      .filter((a) => NEWSLETTER_KINDS.includes(a.kind as ActivityKind))
      .reduce((latest, a) => Math.max(latest, a.occurred_at), createdAt);
    // nothing arrives or is opened after an unsubscribe or a bounce
    if (lastMailing < until - 2 && random.chance(profile.churn)) {
      push('unsubscribed', between(lastMailing), { text: 'Vom Newsletter abgemeldet' });
    } else if (
      lastMailing < until - 2 &&
      random.chance(input.stage === 'disqualified' ? 0.12 : 0.015)
    ) {
      push('email_bounced', between(lastMailing), { text: random.pick(BOUNCE_TEXTS) });
    }
  }
  return activities;
}

/** What a generated lead's BANT answers depend on. */
export type BantInput = {
  leadId: string;
  stage: Stage;
  topic: string;
  buyingRole: BuyingRole;
  expectedValueCents: number | null;
  /** ISO day of the expected close, or null. */
  closeDate: string | null;
  /** When sales qualified the lead: its move to SQL or later, else to SAL, else its last move. */
  qualifiedAt: number;
  qualifiedBy: string | null;
};

/** Rounds cents to whole hundreds of euro. */
const hundreds = (cents: number) => Math.max(10_000, Math.round(cents / 10_000) * 10_000);

/**
 * BANT answers for generated leads sales has talked to: complete for most SQLs,
 * opportunities and customers (they passed the SQL gate), for half of the lost ones, and a
 * need only for some SAL and nurture leads (sales is still asking, or the lead is not ready).
 */
export function generateBant(
  random: Random,
  input: BantInput,
): Insertable<Database['lead_bant']> | null {
  const complete =
    input.stage === 'sql' || input.stage === 'opportunity' || input.stage === 'customer'
      ? random.chance(0.85)
      : input.stage === 'lost' && random.chance(0.5);
  const needOnly = !complete && (input.stage === 'sal' || input.stage === 'nurture');
  if (!complete && !(needOnly && random.chance(0.3))) return null;
  const decides = input.buyingRole === 'decision_maker';
  const decider = makePerson(random);
  const expected = input.expectedValueCents;
  const range = complete && expected !== null && random.chance(0.4);
  const budgetStatus = !complete || expected === null ? 'unknown' : range ? 'range' : 'amount';
  const month = (input.closeDate ?? new Date(input.qualifiedAt + 60 * DAY).toISOString()).slice(
    0,
    7,
  );
  return {
    lead_id: input.leadId,
    budget_status: budgetStatus,
    budget_cents:
      budgetStatus === 'unknown' || expected === null
        ? null
        : hundreds(range ? expected * 0.8 : expected),
    budget_max_cents: range && expected !== null ? hundreds(expected * 1.2) : null,
    authority: decides ? 'decides' : input.buyingRole === 'assistant' ? 'none' : 'influences',
    decider_name: decides || !complete ? null : `${decider.firstName} ${decider.lastName}`.trim(),
    need: 'confirmed',
    need_text: random.pick(NEED_TEXTS).replace('{topic}', input.topic),
    timing: complete ? month : null,
    updated_at: input.qualifiedAt,
    updated_by: input.qualifiedBy,
    version: 1,
  };
}
