import { useCallback, useEffect, useRef, useState } from 'react';
import type { Stage } from '@core/domain/stages';
import type { BoardColumn } from '@core/ipc/contract';
import type { AppErrorData } from '@core/ipc/result';
import { useApi } from '../../api/client';
import { toApiFilter, type LeadFilters } from '../../shared/lead-filters';

export const PAGE_SIZE = 50;
const MAX_RELOAD = 500;

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

/** Board data: counts and sums from `board.load`, further cards per column from `board.column`. */
export function useBoard(filters: LeadFilters) {
  const api = useApi();
  const [columns, setColumns] = useState<BoardColumn[] | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const loadingMore = useRef(new Set<Stage>());
  const sequence = useRef(0);
  const loaded = useRef(PAGE_SIZE);
  const filterKey = JSON.stringify(toApiFilter(filters, false));

  const reload = useCallback(async () => {
    const mine = ++sequence.current;
    const result = await api.invoke('board.load', {
      filters: JSON.parse(filterKey) as ReturnType<typeof toApiFilter>,
      limit: Math.min(MAX_RELOAD, loaded.current),
    });
    if (mine !== sequence.current) return;
    if (result.ok) {
      setColumns(result.value.columns);
      setError(null);
    } else {
      setError(result.error);
    }
  }, [api, filterKey]);

  useEffect(() => {
    loaded.current = PAGE_SIZE;
    void reload();
  }, [reload]);

  useEffect(() => api.on('leads.changed', () => void reload()), [api, reload]);

  const loadMore = useCallback(
    async (stage: Stage, offset: number) => {
      if (loadingMore.current.has(stage)) return;
      loadingMore.current.add(stage);
      const mine = sequence.current;
      const result = await api.invoke('board.column', {
        stage,
        filters: JSON.parse(filterKey) as ReturnType<typeof toApiFilter>,
        offset,
        limit: PAGE_SIZE,
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
    [api, filterKey],
  );

  const moveLocally = useCallback((id: string, to: Stage) => {
    sequence.current += 1;
    setColumns((current) => (current ? moveCardLocally(current, id, to) : current));
  }, []);

  return { columns, error, reload, loadMore, moveLocally };
}
