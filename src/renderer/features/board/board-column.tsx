import { useEffect, useRef, useState } from 'react';
import { ActionIcon, Group, Loader, SegmentedControl, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { LeadSummary } from '@core/domain/lead';
import type { Stage } from '@core/domain/stages';
import type { BoardColumn as Column } from '@core/ipc/contract';
import { formatMoney } from '../../shared/format';
import { useLanguage } from '../../shared/use-language';
import { LeadCard } from './lead-card';
import type { ColumnSort } from './use-board';
import classes from './board.module.css';

type Props = {
  column: Column;
  now: number;
  collapsed: boolean;
  onToggle?: () => void;
  /** Order of the cards: newest first, or highest score first. */
  sort: ColumnSort;
  onSort: (stage: Stage, sort: ColumnSort) => void;
  /** The card being dragged, if any; the column highlights when it would accept it. */
  dragging: LeadSummary | null;
  onDrop: (to: Stage) => void;
  onLoadMore: (stage: Stage, offset: number) => void;
  onOpen: (lead: LeadSummary) => void;
  onMove: (lead: LeadSummary, to: Stage) => void;
  onDragStart: (lead: LeadSummary) => void;
  onDragEnd: () => void;
};

const CARD_ESTIMATE = 128;

/**
 * One stage column: header with count, € sum and the order toggle (newest / score),
 * virtualized cards, drop target.
 */
export function BoardColumn(props: Props) {
  const { column, collapsed, dragging, onDrop } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const [over, setOver] = useState(false);
  const stageName = t(`stages.${column.stage}`);
  const accepts = dragging !== null && dragging.stage !== column.stage;

  return (
    <section
      role="region"
      aria-label={stageName}
      className={[
        classes.column,
        collapsed ? classes.collapsed : '',
        over && accepts ? classes.dropTarget : '',
      ].join(' ')}
      data-stage={column.stage}
      data-drop-target={over && accepts ? 'true' : undefined}
      onDragOver={(event) => {
        if (!accepts) return;
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
        if (!over) setOver(true);
      }}
      onDragLeave={(event) => {
        const next = event.relatedTarget as Node | null;
        if (!next || !event.currentTarget.contains(next)) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        onDrop(column.stage);
      }}
    >
      {collapsed ? (
        <CollapsedBody {...props} stageName={stageName} accepts={accepts} />
      ) : (
        <>
          <div className={classes.columnHeader}>
            <Group justify="space-between" wrap="nowrap" gap={4}>
              <Text fw={700} size="sm" truncate>
                {stageName}
              </Text>
              {props.onToggle && (
                <ToggleButton stageName={stageName} collapsed={false} onToggle={props.onToggle} />
              )}
            </Group>
            <Group justify="space-between" gap={4} wrap="nowrap">
              <Text size="xs" c="dimmed" data-testid="column-count">
                {t('ui.board.count', { count: column.count })}
              </Text>
              <Text size="xs" fw={600} data-testid="column-sum">
                {formatMoney(column.sumCents, language)}
              </Text>
            </Group>
            <SegmentedControl
              size="xs"
              fullWidth
              mt={4}
              aria-label={t('scoreUi.board.sort', { stage: stageName })}
              value={props.sort}
              onChange={(value) =>
                props.onSort(column.stage, value === 'score' ? 'score' : 'recent')
              }
              data={[
                { value: 'recent', label: t('scoreUi.board.recent') },
                { value: 'score', label: t('scoreUi.board.score') },
              ]}
            />
          </div>
          <CardList {...props} />
        </>
      )}
    </section>
  );
}

function ToggleButton(props: { stageName: string; collapsed: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <ActionIcon
      variant="subtle"
      color="gray"
      size="sm"
      onClick={props.onToggle}
      aria-expanded={!props.collapsed}
      aria-label={t(props.collapsed ? 'ui.board.expand' : 'ui.board.collapse', {
        stage: props.stageName,
      })}
    >
      {props.collapsed ? '▸' : '▾'}
    </ActionIcon>
  );
}

/** A side stage folded to a narrow strip: name, count and sum run vertically; still a drop target. */
function CollapsedBody({
  column,
  onToggle,
  stageName,
  accepts,
}: Props & { stageName: string; accepts: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      {onToggle && (
        <div className={classes.collapsedHeader}>
          <ToggleButton stageName={stageName} collapsed onToggle={onToggle} />
        </div>
      )}
      <div className={classes.collapsedBody} title={t('ui.board.collapsedHint')}>
        <Text fw={700} size="sm" className={classes.verticalText}>
          {stageName}
        </Text>
        <Text size="xs" c="dimmed" className={classes.verticalText} data-testid="column-count">
          {t('ui.board.count', { count: column.count })}
        </Text>
        <Text size="xs" fw={600} className={classes.verticalText} data-testid="column-sum">
          {formatMoney(column.sumCents, language)}
        </Text>
        {accepts && (
          <Text size="xs" fw={700} c="blue" className={classes.verticalText}>
            {t('ui.board.dropHere')}
          </Text>
        )}
      </div>
    </>
  );
}

function CardList({ column, now, onLoadMore, onOpen, onMove, onDragStart, onDragEnd }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const cards = column.cards;
  const hasMore = cards.length < column.count;
  // The virtualizer returns functions React Compiler cannot memoize; that is expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_ESTIMATE,
    overscan: 6,
    gap: 6,
    getItemKey: (index) => cards[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && lastIndex >= cards.length - 8) onLoadMore(column.stage, cards.length);
  }, [hasMore, lastIndex, cards.length, column.stage, onLoadMore]);

  if (cards.length === 0) {
    return (
      <div className={classes.list}>
        <Text size="xs" c="dimmed" ta="center" mt="md">
          {t('ui.board.empty')}
        </Text>
      </div>
    );
  }
  return (
    <div ref={scrollRef} className={classes.list}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const lead = cards[item.index];
          if (!lead) return null;
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                translate: `0 ${item.start}px`,
              }}
            >
              <LeadCard
                lead={lead}
                now={now}
                onOpen={onOpen}
                onMove={onMove}
                onDragStart={onDragStart}
                onDragEnd={onDragEnd}
              />
            </div>
          );
        })}
      </div>
      {hasMore && (
        <Group justify="center" py="xs">
          <Loader size="xs" />
        </Group>
      )}
    </div>
  );
}
