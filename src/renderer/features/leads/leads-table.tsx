import { Badge, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadSummary } from '@core/domain/lead';
import { daysSince, formatMoney, fullName } from '../../shared/format';
import { MqlReadyBadge, ScoreDelta, TemperatureBadge } from '../../shared/score-badges';
import { useLanguage } from '../../shared/use-language';
import { DoNotContactMarker } from '../../shared/do-not-contact';
import type { Direction, SortKey } from './use-leads-list';

/** A header; `key` null: the column cannot be sorted (temperature follows the score). */
type Column = { key: SortKey | null; id: string; label: string; align?: 'right' };

type Props = {
  rows: LeadSummary[];
  now: number;
  sort: SortKey;
  direction: Direction;
  onSort: (key: SortKey) => void;
  onOpen: (lead: LeadSummary) => void;
};

/** Sortable leads table; sorting happens in SQL, the headers only ask for it. */
export function LeadsTable({ rows, now, sort, direction, onSort, onOpen }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns: Column[] = [
    { key: 'name', id: 'name', label: t('ui.leads.columns.name') },
    { key: 'company', id: 'company', label: t('ui.leads.columns.company') },
    { key: 'stage', id: 'stage', label: t('ui.leads.columns.stage') },
    { key: 'score', id: 'score', label: t('scoreUi.columns.score'), align: 'right' },
    { key: null, id: 'temperature', label: t('scoreUi.columns.temperature') },
    { key: 'owner', id: 'owner', label: t('ui.leads.columns.owner') },
    { key: 'source', id: 'source', label: t('ui.leads.columns.source') },
    { key: 'value', id: 'value', label: t('ui.leads.columns.value'), align: 'right' },
    {
      key: 'stageEnteredAt',
      id: 'stageEnteredAt',
      label: t('ui.leads.columns.stageEnteredAt'),
      align: 'right',
    },
  ];
  return (
    <Table highlightOnHover striped stickyHeader verticalSpacing={6} fz="sm">
      <Table.Thead>
        <Table.Tr>
          {columns.map(({ key, id, label, align }) => {
            if (key === null) {
              return (
                <Table.Th key={id} ta={align}>
                  {label}
                </Table.Th>
              );
            }
            const active = key === sort;
            return (
              <Table.Th
                key={id}
                ta={align}
                aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <UnstyledButton onClick={() => onSort(key)} fw={600} fz="sm">
                  {label} {active ? (direction === 'asc' ? '▲' : '▼') : ''}
                </UnstyledButton>
              </Table.Th>
            );
          })}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((lead) => (
          <Table.Tr
            key={lead.id}
            onClick={() => onOpen(lead)}
            onKeyDown={(event) => event.key === 'Enter' && onOpen(lead)}
            tabIndex={0}
            style={{ cursor: 'pointer' }}
          >
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Text fw={600} size="sm">
                  {fullName(lead)}
                </Text>
                {lead.doNotContact && <DoNotContactMarker />}
              </Group>
              {lead.email && (
                <Text size="xs" c="dimmed">
                  {lead.email}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{lead.companyName ?? '–'}</Table.Td>
            <Table.Td>
              <Badge variant="light" size="sm" miw="max-content">
                {t(`stages.${lead.stage}`)}
              </Badge>
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              <Text span size="sm" fw={600}>
                {lead.scoreTotal}
              </Text>
              {lead.scoreDelta7d !== 0 && (
                <>
                  {' '}
                  <ScoreDelta delta={lead.scoreDelta7d} size="xs" />
                </>
              )}
              {lead.mqlReady && (
                <>
                  {' '}
                  <MqlReadyBadge size="xs" />
                </>
              )}
            </Table.Td>
            <Table.Td>
              <TemperatureBadge temperature={lead.temperature} />
            </Table.Td>
            <Table.Td>{lead.ownerName ?? '–'}</Table.Td>
            <Table.Td>{t(`channels.${lead.sourceChannel}`)}</Table.Td>
            <Table.Td ta="right">{formatMoney(lead.expectedValueCents, language)}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {t('ui.leads.days', { count: daysSince(lead.stageEnteredAt, now) })}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
