import { useCallback, useEffect, useRef, useState } from 'react';
import { isStage, STAGES, type Stage } from '@core/domain/stages';
import type { BoardColumn } from '@core/ipc/contract';
import type { AppErrorData } from '@core/ipc/result';
import type { COLUMN_SORTS } from '@core/ipc/board/schemas';
import { useApi } from '../../api/client';
import { toApiFilter, type LeadFilters } from '../../shared/lead-filters';

export const PAGE_SIZE = 50;
const MAX_RELOAD = 500;

/** Order of the cards in one column. */
export type ColumnSort = (typeof COLUMN_SORTS)[number];
/** The columns sorted by score; all others show the newest first. */
export type ColumnSorts = Partial<Record<Stage, ColumnSort>>;

/** Reads the hash query value `byScore=mql,sal` (stages sorted by score). */
export function sortsFromQuery(value: string | null): ColumnSorts {
  const sorts: ColumnSorts = {};
  for (const stage of (value ?? '').split(',')) {
    if (isStage(stage)) sorts[stage] = 'score';
  }
  return sorts;
}

/** The hash query value for `sorts`, in stage order; null when no column sorts by score. */
export function sortsToQuery(sorts: ColumnSorts): string | null {
  const stages = STAGES.filter((stage) => sorts[stage] === 'score');
  return stages.length > 0 ? stages.join(',') : null;
}

/** Pure: moves a card between columns and adjusts the counts (sums stay SQL's). */
export function moveCardLocally(columns: BoardColumn[], id: string, to: Stage): BoardColumn[] {
  const card = columns.flatMap((column) => column.cards).find((c) => c.id === id);
  if (!card || card.stage === to) return columns;
  return columns.map((column) => {
    if (column.stage === card.stage) {
      return {
        ...column,
        count: Math.max(0, column.count - 1),
        cards: column.cards.filter((c) => c.id !== id),
      };
    }
    if (column.stage === to) {
      return {
        ...column,
        count: column.count + 1,
        cards: [{ ...card, stage: to }, ...column.cards],
      };
    }
    return column;
  });
}

/**
 * Board data: counts and sums from `board.load`, further cards per column from
 * `board.column`, each column in its own order.
 */
export function useBoard(filters: LeadFilters, sorts: ColumnSorts) {
  const api = useApi();
  const [columns, setColumns] = useState<BoardColumn[] | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const loadingMore = useRef(new Set<Stage>());
  const sequence = useRef(0);
  const loaded = useRef(PAGE_SIZE);
  const requestKey = JSON.stringify({ filters: toApiFilter(filters, false), sorts });

  const reload = useCallback(async () => {
    const mine = ++sequence.current;
    const request = JSON.parse(requestKey) as {
      filters: ReturnType<typeof toApiFilter>;
      sorts: ColumnSorts;
    };
    const result = await api.invoke('board.load', {
      ...request,
      limit: Math.min(MAX_RELOAD, loaded.current),
    });
    if (mine !== sequence.current) return;
    if (result.ok) {
      setColumns(result.value.columns);
      setError(null);
    } else {
      setError(result.error);
    }
  }, [api, requestKey]);

  useEffect(() => {
    loaded.current = PAGE_SIZE;
    void reload();
  }, [reload]);

  useEffect(() => api.on('leads.changed', () => void reload()), [api, reload]);
  // A saved scoring model changes scores and temperatures of every card.
  useEffect(() => api.on('scoring.changed', () => void reload()), [api, reload]);

  const loadMore = useCallback(
    async (stage: Stage, offset: number) => {
      if (loadingMore.current.has(stage)) return;
      loadingMore.current.add(stage);
      const mine = sequence.current;
      const request = JSON.parse(requestKey) as {
        filters: ReturnType<typeof toApiFilter>;
        sorts: ColumnSorts;
      };
      const result = await api.invoke('board.column', {
        stage,
        filters: request.filters,
        offset,
        limit: PAGE_SIZE,
        sort: request.sorts[stage] ?? 'recent',
      });
      loadingMore.current.delete(stage);
      if (!result.ok || mine !== sequence.current) return;
      loaded.current = Math.max(loaded.current, offset + result.value.cards.length);
      setColumns(
        (current) =>
          current?.map((column) =>
            column.stage === stage && column.cards.length === offset
              ? { ...column, cards: [...column.cards, ...result.value.cards] }
              : column,
          ) ?? null,
      );
    },
    [api, requestKey],
  );

  const moveLocally = useCallback((id: string, to: Stage) => {
    sequence.current += 1;
    setColumns((current) => (current ? moveCardLocally(current, id, to) : current));
  }, []);

  return { columns, error, reload, loadMore, moveLocally };
}
