import { sql, type Kysely } from 'kysely';
import { foldForSearch } from '@core/text/normalize';
import { assertNever, STAGES, type Stage } from '@core/domain/stages';
import type { COLUMN_SORTS } from '@core/ipc/board/schemas';
import type { LEAD_SORT_KEYS, LeadFilter } from '@core/ipc/leads/schemas';
import type { Database } from '../db/schema';

export type LeadSortKey = (typeof LEAD_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';
export type ColumnSort = (typeof COLUMN_SORTS)[number];

/** Escapes LIKE wildcards; the pattern is used with `ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The leads matching the filters, combined with AND, hidden ones included. The search
 * matches every word of the folded query anywhere in the lead's folded search text (name,
 * company, email).
 */
function matchingLeads(db: Kysely<Database>, filters: LeadFilter, stage?: Stage) {
  let query = db.selectFrom('leads');
  if (filters.ownerId) query = query.where('leads.owner_id', '=', filters.ownerId);
  if (filters.sourceChannel)
    query = query.where('leads.source_channel', '=', filters.sourceChannel);
  if (filters.stage) query = query.where('leads.stage', '=', filters.stage);
  if (stage) query = query.where('leads.stage', '=', stage);
  if (filters.temperature) query = query.where('leads.temperature', '=', filters.temperature);
  if (filters.scoreRose) query = query.where('leads.score_delta_7d', '>', 0);
  const words = foldForSearch(filters.search ?? '')
    .split(' ')
    .filter((word) => word !== '');
  for (const word of words) {
    const pattern = `%${escapeLike(word)}%`;
    query = query.where(sql<boolean>`leads.search_text LIKE ${pattern} ESCAPE '\\'`);
  }
  return query;
}

/** Ids of the leads of imports still running (partial index on `import_pending`). */
function pendingLeadIds(db: Kysely<Database>) {
  return db
    .selectFrom('leads as pending')
    .select('pending.id')
    .where('pending.import_pending', 'is not', null);
}

/**
 * The visible leads matching the filters: leads of an import still running
 * (`import_pending` set) are never shown. The test is on the id against the few pending
 * ones, not `import_pending IS NULL`, so that the board indexes, which all end in the id,
 * stay covering.
 */
export function filteredLeads(db: Kysely<Database>, filters: LeadFilter, stage?: Stage) {
  return matchingLeads(db, filters, stage).where('leads.id', 'not in', pendingLeadIds(db));
}

/** The summary columns of a lead (board card, table row), with company, owner, campaign. */
function summaries(db: Kysely<Database>, filters: LeadFilter, stage?: Stage) {
  return filteredLeads(db, filters, stage)
    .leftJoin('companies', 'companies.id', 'leads.company_id')
    .leftJoin('users as owner', 'owner.id', 'leads.owner_id')
    .leftJoin('campaigns', 'campaigns.id', 'leads.campaign_id')
    .select([
      'leads.id',
      'leads.first_name',
      'leads.last_name',
      'leads.email',
      'companies.name as company_name',
      'leads.owner_id',
      'owner.initials as owner_initials',
      'owner.name as owner_name',
      'leads.source_channel',
      'campaigns.name as campaign_name',
      'leads.stage',
      'leads.stage_entered_at',
      'leads.expected_value_cents',
      'leads.created_at',
      'leads.updated_at',
      'leads.version',
      'leads.score_fit',
      'leads.score_engagement',
      'leads.score_total',
      'leads.temperature',
      'leads.score_delta_7d',
      'leads.mql_ready',
      'leads.do_not_contact',
    ]);
}

export type LeadSummaryRow = Awaited<ReturnType<typeof findLeadSummary>>;

export function findLeadSummary(db: Kysely<Database>, id: string) {
  return summaries(db, {}).where('leads.id', '=', id).executeTakeFirstOrThrow();
}

/**
 * Count and summed expected value per stage under the filters, computed in SQL: the totals
 * of all matching leads (index idx_leads_stage_value covers them) minus those of the
 * pending ones, in one statement so both parts read the same snapshot.
 */
export async function stageTotals(db: Kysely<Database>, filters: LeadFilter) {
  const all = matchingLeads(db, filters)
    .select([
      'leads.stage',
      sql<number>`count(*)`.as('count'),
      sql<number>`coalesce(sum(leads.expected_value_cents), 0)`.as('sum'),
    ])
    .groupBy('leads.stage');
  const pending = matchingLeads(db, filters)
    .where('leads.id', 'in', pendingLeadIds(db))
    .select([
      'leads.stage',
      sql<number>`-count(*)`.as('count'),
      sql<number>`-coalesce(sum(leads.expected_value_cents), 0)`.as('sum'),
    ])
    .groupBy('leads.stage');
  const rows = await db
    .selectFrom(all.unionAll(pending).as('totals'))
    .select((eb) => [
      'totals.stage',
      eb.fn.sum<number>('totals.count').as('count'),
      eb.fn.sum<number>('totals.sum').as('sum'),
    ])
    .groupBy('totals.stage')
    .execute();
  return new Map(
    rows
      .filter((row) => row.count > 0)
      .map((row) => [row.stage, { count: row.count, sumCents: row.sum }]),
  );
}

/**
 * One page of a board column, ties by id: `recent` puts the newest in the stage first (index
 * idx_leads_board: stage, stage_entered_at DESC, id), `score` the highest total first (index
 * idx_leads_board_score: stage, score_total DESC, id).
 */
export function boardColumnPage(
  db: Kysely<Database>,
  stage: Stage,
  filters: LeadFilter,
  offset: number,
  limit: number,
  sort: ColumnSort = 'recent',
) {
  const query = summaries(db, filters, stage);
  const ordered =
    sort === 'score'
      ? query.orderBy('leads.score_total', 'desc')
      : query.orderBy('leads.stage_entered_at', 'desc');
  return ordered.orderBy('leads.id').limit(limit).offset(offset);
}

/** Number of leads under the filters (and stage, when given). */
export async function countLeads(
  db: Kysely<Database>,
  filters: LeadFilter,
  stage?: Stage,
): Promise<number> {
  const row = await filteredLeads(db, filters, stage)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return row.count;
}

const STAGE_ORDER = sql.raw(
  `CASE leads.stage ${STAGES.map((stage, index) => `WHEN '${stage}' THEN ${index}`).join(' ')} END`,
);

function sortExpressions(key: LeadSortKey) {
  switch (key) {
    case 'name':
      return [sql`leads.last_name COLLATE NOCASE`, sql`leads.first_name COLLATE NOCASE`];
    case 'company':
      return [sql`companies.name COLLATE NOCASE`];
    case 'stage':
      return [STAGE_ORDER];
    case 'owner':
      return [sql`owner.name COLLATE NOCASE`];
    case 'source':
      return [sql`leads.source_channel`];
    case 'value':
      return [sql`leads.expected_value_cents`];
    case 'stageEnteredAt':
      return [sql`leads.stage_entered_at`];
    case 'createdAt':
      return [sql`leads.created_at`];
    case 'updatedAt':
      return [sql`leads.updated_at`];
    case 'score':
      return [sql`leads.score_total`];
    default:
      return assertNever(key);
  }
}

/** One page of the leads table, sorted in SQL with the id as stable tie-break. */
export function listLeadSummaries(
  db: Kysely<Database>,
  filters: LeadFilter,
  sort: LeadSortKey,
  direction: SortDirection,
  offset: number,
  limit: number,
) {
  let query = summaries(db, filters);
  for (const expression of sortExpressions(sort)) query = query.orderBy(expression, direction);
  return query.orderBy('leads.id').limit(limit).offset(offset).execute();
}
