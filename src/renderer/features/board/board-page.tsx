import { useCallback, useRef, useState } from 'react';
import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadSummary } from '@core/domain/lead';
import { isOpenStage, STAGES, type SideStage, type Stage } from '@core/domain/stages';
import { useNow } from '../../shared/clock';
import { navigate, useHashQuery } from '../../shared/router';
import { errorText } from '../../shared/errors';
import { FilterBar } from '../../shared/filter-bar';
import {
  filtersFromQuery,
  filtersToQuery,
  toApiFilter,
  type LeadFilters,
} from '../../shared/lead-filters';
import { useLookups } from '../../shared/use-lookups';
import { ExportButton } from '../../shared/export/export-button';
import { useMoveLead } from '../../shared/moves/move-provider';
import { planMove } from '../../shared/moves/plan-move';
import { BoardColumn } from './board-column';
import { useEdgeScroll } from './edge-scroll';
import { sortsFromQuery, sortsToQuery, useBoard, type ColumnSort } from './use-board';
import classes from './board.module.css';

/** The board: filters, one column per stage, drag and drop and the "Move to…" menus. */
export function BoardPage() {
  const { t } = useTranslation();
  const now = useNow();
  const [query, setQuery] = useHashQuery('/pipeline');
  const filters = filtersFromQuery(query);
  const byScore = query.get('byScore');
  const sorts = sortsFromQuery(byScore);
  const { users } = useLookups();
  const { columns, error, reload, loadMore, moveLocally } = useBoard(filters, sorts);
  const requestMove = useMoveLead();
  const [expanded, setExpanded] = useState<Set<SideStage>>(() => new Set());
  const [dragging, setDragging] = useState<LeadSummary | null>(null);
  const draggingRef = useRef<LeadSummary | null>(null);
  const edgeScroll = useEdgeScroll(dragging !== null);

  const move = useCallback(
    async (lead: LeadSummary, to: Stage) => {
      if (planMove(lead.stage, to).kind !== 'refused') moveLocally(lead.id, to);
      const outcome = await requestMove(lead, to);
      if (outcome !== 'refused') await reload();
    },
    [moveLocally, reload, requestMove],
  );

  const onDragStart = useCallback((lead: LeadSummary) => {
    draggingRef.current = lead;
    setDragging(lead);
  }, []);
  const onDragEnd = useCallback(() => {
    draggingRef.current = null;
    setDragging(null);
  }, []);
  const onDrop = useCallback(
    (to: Stage) => {
      const lead = draggingRef.current;
      onDragEnd();
      if (lead && lead.stage !== to) void move(lead, to);
    },
    [move, onDragEnd],
  );
  const onOpen = useCallback((lead: LeadSummary) => navigate(`#/leads/${lead.id}`), []);
  const onMove = useCallback((lead: LeadSummary, to: Stage) => void move(lead, to), [move]);
  const onSort = useCallback(
    (stage: Stage, sort: ColumnSort) =>
      setQuery({ byScore: sortsToQuery({ ...sortsFromQuery(byScore), [stage]: sort }) }),
    [byScore, setQuery],
  );

  const toggle = (stage: SideStage) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(stage)) next.add(stage);
      return next;
    });

  const byStage = new Map(columns?.map((column) => [column.stage, column]));

  return (
    <Stack
      gap="sm"
      h="calc(100dvh - var(--app-shell-header-height, 56px) - 2 * var(--mantine-spacing-md))"
    >
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end" gap="lg">
          <Title order={2} size="h3">
            {t('ui.board.title')}
          </Title>
          <FilterBar
            filters={filters}
            users={users}
            onChange={(changes: Partial<LeadFilters>) => setQuery(filtersToQuery(changes))}
          />
        </Group>
        <Group gap="xs" wrap="nowrap">
          <ExportButton filters={toApiFilter(filters, false)} />
          <Button onClick={() => navigate('#/leads/new')}>{t('ui.board.newLead')}</Button>
        </Group>
      </Group>
      {error && <Alert color="red">{errorText(t, error)}</Alert>}
      <div className={classes.board} data-testid="board" {...edgeScroll}>
        {STAGES.map((stage) => {
          const column = byStage.get(stage) ?? { stage, count: 0, sumCents: 0, cards: [] };
          const side = isOpenStage(stage) ? null : stage;
          return (
            <BoardColumn
              key={stage}
              column={column}
              now={now}
              collapsed={side !== null && !expanded.has(side)}
              onToggle={side !== null ? () => toggle(side) : undefined}
              sort={sorts[stage] ?? 'recent'}
              onSort={onSort}
              dragging={dragging}
              onDrop={onDrop}
              onLoadMore={loadMore}
              onOpen={onOpen}
              onMove={onMove}
              onDragStart={onDragStart}
              onDragEnd={onDragEnd}
            />
          );
        })}
      </div>
    </Stack>
  );
}
