import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Pagination,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
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
import { LeadsTable } from './leads-table';
import { PAGE_SIZES, tableQueryFrom, useLeadsList, type SortKey } from './use-leads-list';

/** All leads in a table: filters, sorting and paging in SQL, all kept in the hash. */
export function LeadsPage() {
  const { t } = useTranslation();
  const now = useNow();
  const [query, setQuery] = useHashQuery('/leads');
  const filters = filtersFromQuery(query);
  const table = tableQueryFrom(query);
  const { users } = useLookups();
  const { rows, total, error } = useLeadsList(filters, table);
  const pages = Math.max(1, Math.ceil(total / table.size));

  const sortBy = (key: SortKey) => {
    const direction = table.sort === key && table.direction === 'asc' ? 'desc' : 'asc';
    setQuery({ sort: key, dir: direction, page: null });
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end" gap="lg">
          <Title order={2} size="h3">
            {t('ui.leads.title')}
          </Title>
          <FilterBar
            filters={filters}
            users={users}
            withStage
            onChange={(changes: Partial<LeadFilters>) =>
              setQuery({ ...filtersToQuery(changes), page: null })
            }
          />
        </Group>
        <Group gap="xs" wrap="nowrap">
          <ExportButton filters={toApiFilter(filters, true)} />
          <Button onClick={() => navigate('#/leads/new')}>{t('ui.board.newLead')}</Button>
        </Group>
      </Group>
      {error && <Alert color="red">{errorText(t, error)}</Alert>}
      <Paper withBorder radius="md">
        {rows && rows.length === 0 ? (
          <Text c="dimmed" ta="center" p="xl">
            {t('ui.leads.empty')}
          </Text>
        ) : (
          <LeadsTable
            rows={rows ?? []}
            now={now}
            sort={table.sort}
            direction={table.direction}
            onSort={sortBy}
            onOpen={(lead) => navigate(`#/leads/${lead.id}`)}
          />
        )}
      </Paper>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('ui.leads.total', { count: total })}
        </Text>
        <Group gap="sm">
          <Pagination
            total={pages}
            value={Math.min(table.page, pages)}
            onChange={(page) => setQuery({ page: String(page) })}
            size="sm"
            getControlProps={(control) => ({
              'aria-label': t(`ui.leads.pager.${control}`),
            })}
          />
          <NativeSelect
            aria-label={t('ui.leads.pageSize')}
            value={String(table.size)}
            onChange={(event) => setQuery({ size: event.currentTarget.value, page: null })}
            data={PAGE_SIZES.map((size) => ({
              value: String(size),
              label: t('ui.leads.perPage', { count: size }),
            }))}
            size="xs"
          />
        </Group>
      </Group>
    </Stack>
  );
}
