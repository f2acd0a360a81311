import { useCallback, useEffect, useRef, useState } from 'react';
import type { LeadSummary } from '@core/domain/lead';
import type { AppErrorData } from '@core/ipc/result';
import { LEAD_SORT_KEYS } from '@core/ipc/leads/schemas';
import { useApi } from '../../api/client';
import { toApiFilter, type LeadFilters } from '../../shared/lead-filters';

export type SortKey = (typeof LEAD_SORT_KEYS)[number];
export type Direction = 'asc' | 'desc';

export const PAGE_SIZES = [25, 50, 100, 200] as const;

/** Table paging and sorting as kept in the hash query. */
export type TableQuery = { sort: SortKey; direction: Direction; page: number; size: number };

export function tableQueryFrom(query: URLSearchParams): TableQuery {
  const sort = query.get('sort') ?? '';
  const size = Number(query.get('size'));
  const page = Number(query.get('page'));
  return {
    sort: (LEAD_SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : 'updatedAt',
    direction: query.get('dir') === 'asc' ? 'asc' : 'desc',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : 50,
  };
}

/** One page of leads, sorted and filtered in SQL by `leads.list`. */
export function useLeadsList(filters: LeadFilters, table: TableQuery) {
  const api = useApi();
  const [rows, setRows] = useState<LeadSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<AppErrorData | null>(null);
  const sequence = useRef(0);
  const key = JSON.stringify({ f: toApiFilter(filters, true), ...table });

  const load = useCallback(() => {
    const mine = ++sequence.current;
    const parsed = JSON.parse(key) as TableQuery & { f: ReturnType<typeof toApiFilter> };
    const request = {
      filters: parsed.f,
      sort: parsed.sort,
      direction: parsed.direction,
      offset: (parsed.page - 1) * parsed.size,
      limit: parsed.size,
    };
    return api.invoke('leads.list', request).then((result) => {
      if (mine !== sequence.current) return;
      if (result.ok) {
        setRows(result.value.rows);
        setTotal(result.value.total);
        setError(null);
      } else {
        setError(result.error);
      }
    });
  }, [api, key]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => api.on('leads.changed', () => void load()), [api, load]);

  return { rows, total, error };
}
