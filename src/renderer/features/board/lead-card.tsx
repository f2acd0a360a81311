import { memo } from 'react';
import { Avatar, Badge, Group, Paper, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadSummary } from '@core/domain/lead';
import type { Stage } from '@core/domain/stages';
import { DoNotContactMarker } from '../../shared/do-not-contact';
import { MoveMenu } from '../../shared/moves/move-menu';
import { daysSince, formatMoney, fullName } from '../../shared/format';
import { MqlReadyBadge, ScoreDelta, TemperatureBadge } from '../../shared/score-badges';
import { useLanguage } from '../../shared/use-language';
import classes from './board.module.css';

type Props = {
  lead: LeadSummary;
  now: number;
  onOpen: (lead: LeadSummary) => void;
  onMove: (lead: LeadSummary, to: Stage) => void;
  onDragStart: (lead: LeadSummary) => void;
  onDragEnd: () => void;
};

/**
 * One lead on the board: draggable, opens on click or Enter, moves by menu. Shows the score
 * with its temperature (word and colour), the "MQL-reif" marker and the red marker of a
 * "do not contact" lead.
 */
export const LeadCard = memo(function LeadCard({
  lead,
  now,
  onOpen,
  onMove,
  onDragStart,
  onDragEnd,
}: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = fullName(lead);
  const days = daysSince(lead.stageEnteredAt, now);
  return (
    <Paper
      role="article"
      aria-label={name}
      tabIndex={0}
      withBorder
      radius="md"
      p="xs"
      className={classes.card}
      draggable
      onDragStart={(event) => {
        event.dataTransfer?.setData('text/plain', lead.id);
        if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
        onDragStart(lead);
      }}
      onDragEnd={onDragEnd}
      onClick={() => onOpen(lead)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target === event.currentTarget) onOpen(lead);
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
        <div className={classes.cardTitle}>
          <Group gap={4} wrap="nowrap">
            <Text fw={600} size="sm" truncate>
              {name}
            </Text>
            {lead.doNotContact && <DoNotContactMarker />}
          </Group>
          <Text size="xs" c="dimmed" truncate>
            {lead.companyName ?? t('ui.card.noCompany')}
          </Text>
        </div>
        <MoveMenu current={lead.stage} variant="icon" onMove={(to) => onMove(lead, to)} />
      </Group>
      <Group justify="space-between" mt={6} gap={4} wrap="nowrap">
        <Group gap={6} wrap="nowrap" miw={0}>
          <Tooltip label={lead.ownerName ?? t('ui.card.noOwner')} withinPortal>
            <Avatar size={22} radius="xl" color="indigo" variant="light">
              {lead.ownerInitials ?? '–'}
            </Avatar>
          </Tooltip>
          <Badge size="xs" variant="light" color="gray" className={classes.channel}>
            {t(`channels.${lead.sourceChannel}`)}
          </Badge>
        </Group>
        <Text size="xs" fw={600} className={classes.value}>
          {formatMoney(lead.expectedValueCents, language)}
        </Text>
      </Group>
      <Group justify="space-between" mt={6} gap={4} wrap="nowrap">
        <Group gap={4} wrap="nowrap" data-testid="card-score">
          <Text size="xs" fw={700}>
            {t('scoreUi.cardScore', { score: lead.scoreTotal })}
          </Text>
          <TemperatureBadge temperature={lead.temperature} size="xs" />
          {lead.scoreDelta7d !== 0 && <ScoreDelta delta={lead.scoreDelta7d} size="xs" />}
        </Group>
        {lead.mqlReady && <MqlReadyBadge size="xs" />}
      </Group>
      <Text size="xs" c={days > 30 ? 'orange.8' : 'dimmed'} mt={4}>
        {t('ui.card.days', { count: days })}
      </Text>
    </Paper>
  );
});
