import type { LeadSummary } from '@core/domain/lead';
import type { LeadFilter } from '@core/ipc/leads/schemas';
import { toLeadSummary } from '../domain/mappers';
import {
  countLeads,
  listLeadSummaries,
  type LeadSortKey,
  type SortDirection,
} from '../repositories/lead-summaries-repository';
import { readDb, type AppContext } from './context';

/** One page of the leads table. */
export async function listLeads(
  ctx: AppContext,
  input: {
    filters: LeadFilter;
    sort: LeadSortKey;
    direction: SortDirection;
    offset: number;
    limit: number;
  },
): Promise<{ rows: LeadSummary[]; total: number }> {
  const db = readDb(ctx);
  const { filters, sort, direction, offset, limit } = input;
  const rows = await listLeadSummaries(db, filters, sort, direction, offset, limit);
  return { rows: rows.map(toLeadSummary), total: await countLeads(db, filters) };
}
