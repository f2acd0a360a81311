import type { Insertable, Kysely } from 'kysely';
import type { Scorer, ScoringActivity } from '@core/scoring';
import type { Database, LeadsTable } from '../db/schema';
import type { ScoringLeadRow } from '../repositories/scoring-repository';
import { evaluateLeads } from '../domain/lead-scoring';

/** A new lead about to be inserted, with what scoring needs of its company. */
export type NewLeadScoring = {
  row: Insertable<LeadsTable> & { id: string; stage: string };
  company: { name: string; industry: string | null; employees: number | null } | null;
  /** Its `imported` activity. */
  activityId: string;
};

function scoringRow(lead: NewLeadScoring): ScoringLeadRow {
  const { row, company } = lead;
  return {
    id: row.id,
    stage: row.stage,
    job_title: row.job_title ?? null,
    phone: row.phone ?? null,
    mobile: row.mobile ?? null,
    email: row.email ?? null,
    buying_role: row.buying_role,
    source_channel: row.source_channel,
    company_name: company?.name ?? null,
    industry: company?.industry ?? null,
    employees: company?.employees ?? null,
    budget_status: null,
    budget_cents: null,
    budget_max_cents: null,
    authority: null,
    decider_name: null,
    need: null,
    need_text: null,
    timing: null,
    updated_at: null,
    updated_by: null,
    score_fit: 0,
    score_engagement: 0,
    score_total: 0,
    temperature: 'cold',
    score_delta_7d: 0,
    mql_ready: 0,
    scored_at: null,
  };
}

/**
 * Scores new leads before they are inserted — the same evaluation `rescoreLeads` runs on
 * stored leads (no BANT yet, the `imported` activity), without reading them back — and
 * writes the score columns into their rows. Returns the leads scoring would move to MQL:
 * the caller rescores those once they are stored, which promotes them with history.
 */
export async function scoreNewLeads(
  db: Kysely<Database>,
  scorer: Scorer,
  leads: readonly NewLeadScoring[],
  now: number,
): Promise<string[]> {
  const activities = new Map<string, ScoringActivity[]>();
  for (const lead of leads) {
    activities.set(lead.row.id, [
      {
        id: lead.activityId,
        kind: 'imported',
        occurredAt: now,
        contentId: null,
        contentType: null,
        contentName: null,
        topic: null,
        url: null,
      },
    ]);
  }
  const evaluations = await evaluateLeads(db, scorer, leads.map(scoringRow), activities, now);
  const promote: string[] = [];
  evaluations.forEach((evaluation, index) => {
    const lead = leads[index];
    if (lead === undefined) return;
    Object.assign(lead.row, {
      score_fit: evaluation.totals.fit,
      score_engagement: evaluation.totals.engagement,
      score_total: evaluation.totals.total,
      temperature: evaluation.temperature,
      score_delta_7d: evaluation.delta7d,
      mql_ready: evaluation.decision === 'flag' ? 1 : 0,
      scored_at: now,
    });
    if (evaluation.decision === 'promote') promote.push(evaluation.id);
  });
  return promote;
}
