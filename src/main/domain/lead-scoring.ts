import type { Kysely, Transaction } from 'kysely';
import type { SourceChannel } from '@core/domain/channels';
import type { ActivityKind, BuyingRole } from '@core/domain/lead';
import type { Stage } from '@core/domain/stages';
import { translate } from '@core/i18n';
import type { Language } from '@core/ipc/contract';
import {
  createScorer,
  mqlDecision,
  type ContentType,
  type HandoverFacts,
  type MqlDecision,
  type ScoreResult,
  type Scorer,
  type ScoringActivity,
  type ScoringLead,
  type ScoringSettings,
  type ScoreTotals,
  type Temperature,
  temperatureOf,
} from '@core/scoring';
import type { Database } from '../db/schema';
import { insertStageChange } from '../repositories/history-repository';
import {
  latestStageChanges,
  promoteLead,
  scoringActivityRows,
  scoringLeadRows,
  writeScores,
  type ScoringActivityRow,
  type ScoringLeadRow,
  type StoredScore,
} from '../repositories/scoring-repository';
import { toBant } from './mappers';
import { loadScoringSettings } from './scoring-settings';

const DAY_MS = 86_400_000;

/** "Did the score rise lately" looks back this far. */
export const DELTA_WINDOW_MS = 7 * DAY_MS;

/** Scores older than this are rewritten even when unchanged, so `scored_at` tells freshness. */
export const SCORE_STALE_MS = 12 * 60 * 60 * 1000;

/** Stages at or after MQL that a user may send a lead back from ("recycling"). */
const QUALIFIED_STAGES: readonly string[] = ['mql', 'sal', 'sql', 'opportunity'];
const EARLY_STAGES: readonly string[] = ['suspect', 'lead'];

export function toScoringLead(row: ScoringLeadRow): ScoringLead {
  return {
    jobTitle: row.job_title,
    phone: row.phone,
    mobile: row.mobile,
    email: row.email,
    buyingRole: row.buying_role as BuyingRole,
    sourceChannel: row.source_channel as SourceChannel,
    companyName: row.company_name,
    industry: row.industry,
    employees: row.employees,
    bant: toBant(row),
  };
}

export function toScoringActivity(row: ScoringActivityRow): ScoringActivity {
  return {
    id: row.id,
    kind: row.kind as ActivityKind,
    occurredAt: row.occurred_at,
    contentId: row.content_id,
    contentType: row.content_type as ContentType | null,
    contentName: row.content_name,
    topic: row.topic,
    url: row.url,
  };
}

/** Activities grouped by lead id. */
export function activitiesByLead(
  rows: readonly ScoringActivityRow[],
): Map<string, ScoringActivity[]> {
  const byLead = new Map<string, ScoringActivity[]>();
  for (const row of rows) {
    const list = byLead.get(row.lead_id);
    if (list === undefined) byLead.set(row.lead_id, [toScoringActivity(row)]);
    else list.push(toScoringActivity(row));
  }
  return byLead;
}

/**
 * The leads among `candidates` a user sent back from MQL or later to Suspect or Lead as
 * their latest change: scoring respects that decision and does not promote them again.
 */
export async function overruledLeads(
  db: Kysely<Database>,
  candidates: string[],
): Promise<Set<string>> {
  const latest = await latestStageChanges(db, candidates);
  return new Set(
    latest
      .filter(
        (change) =>
          change.origin === 'user' &&
          change.from_stage !== null &&
          QUALIFIED_STAGES.includes(change.from_stage) &&
          EARLY_STAGES.includes(change.to_stage),
      )
      .map((change) => change.lead_id),
  );
}

/** One lead scored at `now`, with its 7-day change and what scoring does about it. */
export type Evaluation = {
  id: string;
  stage: Stage;
  totals: ScoreTotals;
  temperature: Temperature;
  delta7d: number;
  decision: MqlDecision;
};

/**
 * The axes at `now`. Without activities dated after `now` (another machine's clock may run
 * ahead) they equal those of `Scorer.score`, without building its explanation: a recompute
 * of 100,000 leads does not need one.
 */
function totalsNow(
  scorer: Scorer,
  lead: ScoringLead,
  activities: readonly ScoringActivity[],
  now: number,
): ScoreTotals {
  if (activities.some((activity) => activity.occurredAt > now)) {
    const { fit, engagement, total } = scorer.score(lead, activities, now);
    return { fit, engagement, total };
  }
  return scorer.totalsAt(lead, activities, now);
}

/**
 * Scores leads with their activities at `now` and decides on promotion; the overruled
 * check costs a query, so it runs only for leads that would otherwise be promoted.
 */
export async function evaluateLeads(
  db: Kysely<Database>,
  scorer: Scorer,
  leads: readonly ScoringLeadRow[],
  activities: Map<string, ScoringActivity[]>,
  now: number,
): Promise<Evaluation[]> {
  const { settings } = scorer;
  const evaluations = leads.map((row): Evaluation => {
    const lead = toScoringLead(row);
    const acts = activities.get(row.id) ?? [];
    const totals = totalsNow(scorer, lead, acts, now);
    const before = scorer.totalsAt(lead, acts, now - DELTA_WINDOW_MS);
    const stage = row.stage as Stage;
    return {
      id: row.id,
      stage,
      totals,
      temperature: temperatureOf(totals.total, lead.bant, settings.thresholds).temperature,
      delta7d: totals.total - before.total,
      decision: mqlDecision(stage, totals.total, settings, false),
    };
  });
  const candidates = evaluations.filter((e) => e.decision === 'promote').map((e) => e.id);
  if (candidates.length > 0) {
    const overruled = await overruledLeads(db, candidates);
    for (const evaluation of evaluations) {
      if (overruled.has(evaluation.id)) {
        evaluation.decision = mqlDecision(
          evaluation.stage,
          evaluation.totals.total,
          settings,
          true,
        );
      }
    }
  }
  return evaluations;
}

function storedScore(evaluation: Evaluation): StoredScore {
  const { totals } = evaluation;
  return {
    id: evaluation.id,
    fit: totals.fit,
    engagement: totals.engagement,
    total: totals.total,
    temperature: evaluation.temperature,
    delta7d: evaluation.delta7d,
    mqlReady: evaluation.decision === 'flag' ? 1 : 0,
  };
}

function sameScore(row: ScoringLeadRow, score: StoredScore): boolean {
  return (
    row.score_fit === score.fit &&
    row.score_engagement === score.engagement &&
    row.score_total === score.total &&
    row.temperature === score.temperature &&
    row.score_delta_7d === score.delta7d &&
    row.mql_ready === score.mqlReady
  );
}

/** What storing a batch of scores did. */
export type StoreOutcome = { changed: number; promoted: string[] };

/**
 * Stores evaluated scores inside the caller's transaction: writes the rows whose values
 * changed (plus never or long-ago scored ones, to refresh `scored_at`) and moves the leads
 * scoring promotes to MQL, recording the change as made by scoring with the score.
 */
export async function storeEvaluations(
  trx: Transaction<Database>,
  rows: readonly ScoringLeadRow[],
  evaluations: readonly Evaluation[],
  clock: { now: number; newId: () => string; language: Language; mqlThreshold: number },
): Promise<StoreOutcome> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const writes: StoredScore[] = [];
  const promoted: string[] = [];
  let changed = 0;
  for (const evaluation of evaluations) {
    const row = byId.get(evaluation.id);
    if (row === undefined) continue;
    const score = storedScore(evaluation);
    const same = sameScore(row, score);
    if (!same) changed += 1;
    if (!same || row.scored_at === null || row.scored_at < clock.now - SCORE_STALE_MS) {
      writes.push(score);
    }
    if (evaluation.decision !== 'promote') continue;
    if (!(await promoteLead(trx, evaluation.id, evaluation.stage, clock.now))) continue;
    await insertStageChange(trx, {
      id: clock.newId(),
      lead_id: evaluation.id,
      from_stage: evaluation.stage,
      to_stage: 'mql',
      reason: translate(clock.language, 'scoring.promotedReason', {
        score: evaluation.totals.total,
        threshold: clock.mqlThreshold,
      }),
      origin: 'scoring',
      score: evaluation.totals.total,
      changed_at: clock.now,
      changed_by: null,
    });
    promoted.push(evaluation.id);
  }
  await writeScores(trx, writes, clock.now);
  return { changed, promoted };
}

/** One lead with everything its score was computed from, and its explained score. */
export type ScoredLead = {
  row: ScoringLeadRow;
  activities: ScoringActivity[];
  evaluation: Evaluation;
  result: ScoreResult;
};

/** Scores one lead fresh at `now` (nothing stored); undefined when there is no such lead. */
export async function scoreLead(
  db: Kysely<Database>,
  settings: ScoringSettings,
  id: string,
  now: number,
): Promise<ScoredLead | undefined> {
  const [row] = await scoringLeadRows(db, { kind: 'ids', ids: [id] });
  if (row === undefined) return undefined;
  const byLead = activitiesByLead(await scoringActivityRows(db, { kind: 'ids', ids: [id] }));
  const scorer = createScorer(settings);
  const [evaluation] = await evaluateLeads(db, scorer, [row], byLead, now);
  if (evaluation === undefined) return undefined;
  const activities = byLead.get(id) ?? [];
  return { row, activities, evaluation, result: scorer.score(toScoringLead(row), activities, now) };
}

/** What the handover criteria look at, from a scored lead. */
export function handoverFacts(scored: ScoredLead): HandoverFacts {
  const { row } = scored;
  return {
    email: row.email,
    phone: row.phone,
    mobile: row.mobile,
    companyName: row.company_name,
    jobTitle: row.job_title,
    buyingRole: row.buying_role as BuyingRole,
    contentUsed: scored.activities.some((activity) => activity.contentId !== null),
    total: scored.evaluation.totals.total,
  };
}

/**
 * Rescores a few leads inside the caller's write transaction without an app context (the
 * import job works on a connection of its own): the time, ids and the language of promotion reasons are passed in.
 */
export async function rescoreLeadsAt(
  trx: Transaction<Database>,
  clock: { now: number; newId: () => string; language: Language },
  leadIds: string[],
  settings?: ScoringSettings,
): Promise<{ promoted: string[] }> {
  const ids = [...new Set(leadIds)];
  if (ids.length === 0) return { promoted: [] };
  const model = settings ?? (await loadScoringSettings(trx));
  const rows = await scoringLeadRows(trx, { kind: 'ids', ids });
  const activities = activitiesByLead(await scoringActivityRows(trx, { kind: 'ids', ids }));
  const evaluations = await evaluateLeads(trx, createScorer(model), rows, activities, clock.now);
  const outcome = await storeEvaluations(trx, rows, evaluations, {
    ...clock,
    mqlThreshold: model.thresholds.mql,
  });
  return { promoted: outcome.promoted };
}
