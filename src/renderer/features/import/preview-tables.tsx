import { useState, type ReactNode } from 'react';
import { Badge, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SourceChannel } from '@core/domain/channels';
import { formatCents } from '@core/i18n/index';
import type { Language } from '@core/ipc/contract';
import type { ImportSummary } from '@core/ipc/import-schemas';
import { formatCount, formatIsoDay, formatPhone, fullName } from '../../shared/format';
import { useLanguage } from '../../shared/use-language';

type PreviewRow = ImportSummary['preview'][number];
type Issue = ImportSummary['issues'][number];

/** Rows per page of the issue and duplicate lists. */
export const LIST_PAGE_SIZE = 25;

const OUTCOME_COLORS: Record<PreviewRow['outcome'], string> = {
  create: 'teal',
  fill: 'indigo',
  overwrite: 'violet',
  skip: 'gray',
  suppressed: 'orange',
  invalid: 'red',
  empty: 'gray',
};

export function OutcomeBadge({ outcome }: { outcome: PreviewRow['outcome'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={OUTCOME_COLORS[outcome]} tt="none" style={{ flexShrink: 0 }}>
      {t(`importUi.outcomesShort.${outcome}`)}
    </Badge>
  );
}

function personName(t: TFunction, lead: PreviewRow['lead']): string {
  const salutation = lead.salutation ? `${t(`salutations.${lead.salutation}`)} ` : '';
  return `${salutation}${fullName(lead)}`;
}

/** What the whole file gets where a row says nothing itself. */
export type FileDefaults = {
  sourceChannel: SourceChannel | null;
  campaignName: string | null;
};

export const dash = '–';

/** A page of a long list with its pager; the page resets when the list changes length. */
function usePage<T>(items: T[]) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(items.length / LIST_PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = items.slice((current - 1) * LIST_PAGE_SIZE, current * LIST_PAGE_SIZE);
  return { page: current, pages, shown, setPage };
}

function Pager({
  page,
  pages,
  onChange,
  label,
}: {
  page: number;
  pages: number;
  onChange: (page: number) => void;
  label: string;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <Pagination
      size="sm"
      total={pages}
      value={page}
      onChange={onChange}
      aria-label={label}
      getControlProps={(control) => ({ 'aria-label': t(`ui.leads.pager.${control}`) })}
    />
  );
}

/** A second, quieter line under a cell's main value. */
export function Secondary({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed">
      {children}
    </Text>
  );
}

/** The three paged lists of the preview: issues, duplicates, possible duplicates. */
type ListKind = 'issues' | 'duplicates' | 'possible';

/**
 * The footer of a paged list: how many items there are, or how many of how many are listed
 * when the summary kept only the first ones.
 */
function countText(
  t: TFunction,
  language: Language,
  kind: ListKind,
  listed: number,
  total: number,
) {
  return total > listed
    ? t(`importUi.preview.${kind}Shown`, {
        shown: formatCount(listed, language),
        total: formatCount(total, language),
      })
    : t(`importUi.preview.${kind}Count`, { count: total, n: formatCount(total, language) });
}

type PagedListProps<T> = {
  kind: ListKind;
  items: T[];
  /** All items of the file; the summary lists only the first ones. */
  total: number;
  minWidth: number;
  fixedLayout?: boolean;
  /** A line above the table. */
  hint?: string;
  /** The header cells. */
  head: ReactNode;
  /** One table row per item. */
  row: (item: T, index: number) => ReactNode;
};

/**
 * A list of the preview as a paged table with its title as accessible name, its count and
 * pager below, or the "none" text when it is empty.
 */
export function PagedList<T>({
  kind,
  items,
  total,
  minWidth,
  fixedLayout = false,
  hint,
  head,
  row,
}: PagedListProps<T>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { page, pages, shown, setPage } = usePage(items);
  const title = t(`importUi.preview.${kind}Title`);
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t(`importUi.preview.${kind}None`)}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {hint !== undefined && (
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      )}
      <Table.ScrollContainer minWidth={minWidth}>
        <Table
          striped
          fz="sm"
          verticalSpacing={6}
          layout={fixedLayout ? 'fixed' : undefined}
          aria-label={title}
        >
          <Table.Thead>
            <Table.Tr>{head}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>{shown.map(row)}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {countText(t, language, kind, items.length, total)}
        </Text>
        <Pager page={page} pages={pages} onChange={setPage} label={title} />
      </Group>
    </Stack>
  );
}

function Cell({ children, nowrap = false }: { children: ReactNode; nowrap?: boolean }) {
  return <Table.Td style={nowrap ? { whiteSpace: 'nowrap' } : undefined}>{children}</Table.Td>;
}

/** The first rows exactly as they will be stored: formatted like everywhere else in the app. */
export function StoredRowsTable({
  rows,
  defaults,
}: {
  rows: PreviewRow[];
  defaults: FileDefaults;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table
        striped
        fz="sm"
        verticalSpacing={6}
        aria-label={t('importUi.preview.rowsTitle')}
        data-testid="preview-rows"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right">{t('importUi.columns.row')}</Table.Th>
            <Table.Th>{t('importUi.columns.outcome')}</Table.Th>
            <Table.Th>{t('importUi.columns.name')}</Table.Th>
            <Table.Th>{t('importUi.columns.company')}</Table.Th>
            <Table.Th>{t('importUi.columns.contact')}</Table.Th>
            <Table.Th>{t('importUi.columns.stage')}</Table.Th>
            <Table.Th>{t('importUi.columns.source')}</Table.Th>
            <Table.Th ta="right">{t('importUi.columns.value')}</Table.Th>
            <Table.Th>{t('importUi.columns.closeDate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ row, lead, outcome }) => {
            const channel = lead.sourceChannel ?? defaults.sourceChannel;
            const campaign = lead.campaignName ?? defaults.campaignName;
            const place = `${lead.company?.postalCode ?? ''} ${lead.company?.city ?? ''}`.trim();
            return (
              <Table.Tr key={row}>
                <Table.Td ta="right">{formatCount(row, language)}</Table.Td>
                <Cell nowrap>
                  <OutcomeBadge outcome={outcome} />
                </Cell>
                <Cell>
                  <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {personName(t, lead)}
                  </Text>
                  {lead.jobTitle && <Secondary>{lead.jobTitle}</Secondary>}
                </Cell>
                <Cell>
                  <Text size="sm">{lead.company?.name ?? dash}</Text>
                  {place && <Secondary>{place}</Secondary>}
                </Cell>
                <Cell nowrap>
                  <Text size="sm">{lead.email ?? dash}</Text>
                  {lead.phone && <Secondary>{formatPhone(lead.phone)}</Secondary>}
                  {lead.mobile && (
                    <Secondary>
                      {t('importUi.preview.mobile', { number: formatPhone(lead.mobile) })}
                    </Secondary>
                  )}
                </Cell>
                <Cell nowrap>{lead.stage ? t(`stages.${lead.stage}`) : dash}</Cell>
                <Cell>
                  <Text size="sm">{channel ? t(`channels.${channel}`) : dash}</Text>
                  {campaign && <Secondary>{campaign}</Secondary>}
                </Cell>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {lead.expectedValueCents === null
                    ? dash
                    : formatCents(
                        lead.expectedValueCents,
                        language,
                        lead.expectedValueCents % 100 === 0 ? 0 : 2,
                      )}
                </Table.Td>
                <Cell nowrap>
                  {lead.expectedCloseDate ? formatIsoDay(lead.expectedCloseDate, language) : dash}
                </Cell>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The text of one issue, with its column and value filled in. */
export function issueMessage(t: TFunction, issue: Issue): string {
  return t(`importIssues.${issue.code}`, { column: issue.column ?? '', value: issue.value });
}

/** "Fehler und Warnungen": row, column, value and message, paged. */
export function IssuesList({ issues, total }: { issues: Issue[]; total: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <PagedList
      kind="issues"
      items={issues}
      total={total}
      minWidth={800}
      fixedLayout
      head={
        <>
          <Table.Th w={80} ta="right">
            {t('importUi.columns.row')}
          </Table.Th>
          <Table.Th w={110}>{t('importUi.columns.severity')}</Table.Th>
          <Table.Th w="18%">{t('importUi.columns.column')}</Table.Th>
          <Table.Th w="22%">{t('importUi.columns.cell')}</Table.Th>
          <Table.Th>{t('importUi.columns.message')}</Table.Th>
        </>
      }
      row={(issue, index) => (
        <Table.Tr key={`${issue.row}-${issue.column ?? ''}-${issue.code}-${index}`}>
          <Table.Td ta="right">{formatCount(issue.row, language)}</Table.Td>
          <Table.Td>
            <Badge variant="light" color={issue.severity === 'error' ? 'red' : 'yellow'} tt="none">
              {t(`importUi.severity.${issue.severity}`)}
            </Badge>
          </Table.Td>
          <Table.Td>
            <Text size="sm" truncate="end" title={issue.column ?? ''}>
              {issue.column ?? dash}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" ff="monospace" truncate="end" title={issue.value}>
              {issue.value === '' ? dash : issue.value}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {issueMessage(t, issue)}
            </Text>
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}
