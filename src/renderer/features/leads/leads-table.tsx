import { Badge, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadSummary } from '@core/domain/lead';
import { daysSince, formatMoney, fullName } from '../../shared/format';
import { useLanguage } from '../../shared/use-language';
import type { Direction, SortKey } from './use-leads-list';

type Column = { key: SortKey; label: string; align?: 'right' };

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
    { key: 'name', label: t('ui.leads.columns.name') },
    { key: 'company', label: t('ui.leads.columns.company') },
    { key: 'stage', label: t('ui.leads.columns.stage') },
    { key: 'owner', label: t('ui.leads.columns.owner') },
    { key: 'source', label: t('ui.leads.columns.source') },
    { key: 'value', label: t('ui.leads.columns.value'), align: 'right' },
    { key: 'stageEnteredAt', label: t('ui.leads.columns.stageEnteredAt'), align: 'right' },
  ];
  return (
    <Table highlightOnHover striped stickyHeader verticalSpacing={6} fz="sm">
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => {
            const active = column.key === sort;
            return (
              <Table.Th
                key={column.key}
                ta={column.align}
                aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <UnstyledButton onClick={() => onSort(column.key)} fw={600} fz="sm">
                  {column.label} {active ? (direction === 'asc' ? '▲' : '▼') : ''}
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
              <Text fw={600} size="sm">
                {fullName(lead)}
              </Text>
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
