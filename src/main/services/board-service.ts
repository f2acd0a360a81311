import { STAGES, type Stage } from '@core/domain/stages';
import type { LeadSummary } from '@core/domain/lead';
import type { BoardColumn } from '@core/ipc/contract';
import type { LeadFilter } from '@core/ipc/leads/schemas';
import {
  boardColumnPage,
  countLeads,
  stageTotals,
  type ColumnSort,
} from '../repositories/lead-summaries-repository';
import { readDb, type AppContext } from './context';
import { toLeadSummary } from '../domain/mappers';

/**
 * The whole board: one column per stage in funnel order, each with count and summed expected
 * value of every matching lead, and its first `limit` cards in the column's order (`sorts`;
 * `recent` where none is given).
 */
export async function loadBoard(
  ctx: AppContext,
  filters: LeadFilter,
  limit: number,
  sorts: Partial<Record<Stage, ColumnSort>> = {},
): Promise<{ columns: BoardColumn[] }> {
  const db = readDb(ctx);
  const totals = await stageTotals(db, filters);
  const columns = await Promise.all(
    STAGES.map(async (stage): Promise<BoardColumn> => {
      const total = totals.get(stage) ?? { count: 0, sumCents: 0 };
      const rows =
        total.count === 0
          ? []
          : await boardColumnPage(db, stage, filters, 0, limit, sorts[stage]).execute();
      return {
        stage,
        count: total.count,
        sumCents: total.sumCents,
        cards: rows.map(toLeadSummary),
      };
    }),
  );
  return { columns };
}

/** Further cards of one column, for scrolling. */
export async function loadBoardColumn(
  ctx: AppContext,
  stage: Stage,
  filters: LeadFilter,
  offset: number,
  limit: number,
  sort: ColumnSort = 'recent',
): Promise<{ cards: LeadSummary[]; total: number }> {
  const db = readDb(ctx);
  const rows = await boardColumnPage(db, stage, filters, offset, limit, sort).execute();
  return { cards: rows.map(toLeadSummary), total: await countLeads(db, filters, stage) };
}
