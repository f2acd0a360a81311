import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { WritableDb } from '../db/handles';
import { slices } from '../db/slices';

/** Which leads a scoring read covers: a page by primary key, or a few ids. */
export type LeadSelection =
  { kind: 'page'; afterId: string | null; limit: number } | { kind: 'ids'; ids: string[] };

/**
 * The facts scoring needs of each selected lead — its explicit fields, company, BANT and
 * stored score — in one query, ordered by id.
 */
export function scoringLeadRows(db: Kysely<Database>, selection: LeadSelection) {
  let query = db
    .selectFrom('leads')
    .leftJoin('companies', 'companies.id', 'leads.company_id')
    .leftJoin('lead_bant as b', 'b.lead_id', 'leads.id')
    .select([
      'leads.id',
      'leads.stage',
      'leads.job_title',
      'leads.phone',
      'leads.mobile',
      'leads.email',
      'leads.buying_role',
      'leads.source_channel',
      'companies.name as company_name',
      'companies.industry',
      'companies.employees',
      'b.budget_status',
      'b.budget_cents',
      'b.budget_max_cents',
      'b.authority',
      'b.decider_name',
      'b.need',
      'b.need_text',
      'b.timing',
      'b.updated_at',
      'b.updated_by',
      'leads.score_fit',
      'leads.score_engagement',
      'leads.score_total',
      'leads.temperature',
      'leads.score_delta_7d',
      'leads.mql_ready',
      'leads.scored_at',
    ]);
  if (selection.kind === 'ids') {
    if (selection.ids.length === 0) return Promise.resolve([]);
    query = query.where('leads.id', 'in', selection.ids);
  } else {
    if (selection.afterId !== null) query = query.where('leads.id', '>', selection.afterId);
    query = query.limit(selection.limit);
  }
  return query.orderBy('leads.id').execute();
}

export type ScoringLeadRow = Awaited<ReturnType<typeof scoringLeadRows>>[number];

/**
 * The activities of the leads with ids from `firstId` to `lastId` (a page read by
 * {@link scoringLeadRows}) or of a few ids, with their content item's type, name and topic.
 * One range scan over `idx_activities_lead`, not one query per lead.
 */
export function scoringActivityRows(
  db: Kysely<Database>,
  leads: { kind: 'range'; firstId: string; lastId: string } | { kind: 'ids'; ids: string[] },
) {
  let query = db
    .selectFrom('lead_activities as a')
    .leftJoin('content_items as c', 'c.id', 'a.content_id')
    .select((eb) => [
      'a.id',
      'a.lead_id',
      'a.kind',
      'a.occurred_at',
      'a.content_id',
      'c.type as content_type',
      'c.name as content_name',
      eb.fn.coalesce('a.topic', 'c.topic').as('topic'),
      'a.url',
    ]);
  if (leads.kind === 'ids') {
    if (leads.ids.length === 0) return Promise.resolve([]);
    query = query.where('a.lead_id', 'in', leads.ids);
  } else {
    query = query.where('a.lead_id', '>=', leads.firstId).where('a.lead_id', '<=', leads.lastId);
  }
  return query.execute();
}

export type ScoringActivityRow = Awaited<ReturnType<typeof scoringActivityRows>>[number];

/** The latest stage change of each of these leads (the history's newest entry). */
export async function latestStageChanges(db: Kysely<Database>, leadIds: string[]) {
  if (leadIds.length === 0) return [];
  const ranked = db
    .selectFrom('lead_stage_changes')
    .select([
      'lead_id',
      'from_stage',
      'to_stage',
      'origin',
      sql<number>`row_number() OVER (PARTITION BY lead_id ORDER BY changed_at DESC, rowid DESC)`.as(
        'n',
      ),
    ])
    .where('lead_id', 'in', leadIds)
    .as('ranked');
  return db
    .selectFrom(ranked)
    .select(['lead_id', 'from_stage', 'to_stage', 'origin'])
    .where('n', '=', 1)
    .execute();
}

/** The derived score columns of one lead. */
export type StoredScore = {
  id: string;
  fit: number;
  engagement: number;
  total: number;
  temperature: string;
  delta7d: number;
  mqlReady: number;
};

/** Score rows per statement: 8 parameters each stays far below SQLite's variable limit. */
const SCORE_BATCH = 1000;

/**
 * Writes derived scores in batches of one statement each. Only the score columns and
 * `scored_at` change: not `version` or `updated_at`, since nobody edited the lead and an
 * editor holding it must not get a false conflict.
 */
export async function writeScores(
  db: WritableDb,
  scores: readonly StoredScore[],
  scoredAt: number,
): Promise<void> {
  for (const batch of slices(scores, SCORE_BATCH)) {
    const values = sql.join(
      batch.map(
        (s) =>
          sql`(${s.id}, ${s.fit}, ${s.engagement}, ${s.total}, ${s.temperature}, ${s.delta7d}, ${s.mqlReady})`,
      ),
    );
    await sql`
      WITH v (id, fit, engagement, total, temperature, delta, ready) AS (VALUES ${values})
      UPDATE leads SET
        score_fit = v.fit,
        score_engagement = v.engagement,
        score_total = v.total,
        temperature = v.temperature,
        score_delta_7d = v.delta,
        mql_ready = v.ready,
        scored_at = ${scoredAt}
      FROM v WHERE leads.id = v.id`.execute(db);
  }
}

/**
 * Moves a lead to MQL on behalf of scoring, if it is still in `from`; bumps the version
 * (the stage changed, an editor's copy is stale). Returns whether it moved.
 */
export async function promoteLead(
  db: WritableDb,
  id: string,
  from: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('leads')
    .set((eb) => ({ stage: 'mql', stage_entered_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('stage', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Whether any lead has never been scored, and the oldest scoring time of the rest. */
export async function scoringFreshness(db: Kysely<Database>) {
  const row = await db
    .selectFrom('leads')
    .select((eb) => [
      eb.fn.countAll<number>().as('leads'),
      eb.fn.sum<number>(sql`CASE WHEN scored_at IS NULL THEN 1 ELSE 0 END`).as('unscored'),
      eb.fn.min('scored_at').as('oldest'),
    ])
    .executeTakeFirstOrThrow();
  return { leads: row.leads, unscored: row.unscored ?? 0, oldest: row.oldest };
}
