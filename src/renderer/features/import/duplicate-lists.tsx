import { Anchor, NativeSelect, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '@core/ipc/import-schemas';
import {
  DUPLICATE_ACTIONS,
  type DuplicateAction,
  POSSIBLE_DUPLICATE_ACTION,
} from '@core/import/types';
import { formatCount, formatPhone, fullName } from '../../shared/format';
import { useLanguage } from '../../shared/use-language';
import { dash, OutcomeBadge, PagedList, Secondary } from './preview-tables';

/** The preview's lists of matched rows: certain duplicates and possible ones, each decidable. */

type PreviewRow = ImportSummary['preview'][number];
type Match = NonNullable<PreviewRow['match']>;

export function isDuplicateAction(value: string): value is DuplicateAction {
  return (DUPLICATE_ACTIONS as readonly string[]).includes(value);
}

/**
 * What to do with one matched row: a choice of the duplicate actions, or the badge of a
 * row that is left out for the suppression list (no choice there). `possible`: the row only
 * resembles the other record, so creating it is no "anyway".
 */
export function RowAction({
  row,
  outcome,
  action,
  onChange,
  possible = false,
}: {
  row: number;
  outcome: PreviewRow['outcome'];
  action: DuplicateAction;
  onChange: (row: number, action: DuplicateAction) => void;
  possible?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (outcome === 'suppressed') return <OutcomeBadge outcome="suppressed" />;
  return (
    <NativeSelect
      size="xs"
      aria-label={t('importUi.preview.actionFor', { row: formatCount(row, language) })}
      value={action}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isDuplicateAction(value)) onChange(row, value);
      }}
      data={DUPLICATE_ACTIONS.map((option) => ({
        value: option,
        label: t(
          possible && option === 'create'
            ? 'importUi.actions.createSeparate'
            : `importUi.actions.${option}`,
        ),
      }))}
    />
  );
}

type DuplicatesProps = {
  rows: PreviewRow[];
  /** All matches of the file; the list holds the first 500. */
  total: number;
  defaultAction: DuplicateAction;
  overrides: Record<number, DuplicateAction>;
  onOverride: (row: number, action: DuplicateAction) => void;
};

/** "Dubletten": what each row matched and a per-row choice of what to do with it. */
export function DuplicatesList({
  rows,
  total,
  defaultAction,
  overrides,
  onOverride,
}: DuplicatesProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <PagedList
      kind="duplicates"
      items={rows}
      total={total}
      minWidth={900}
      head={
        <>
          <Table.Th w={80} ta="right">
            {t('importUi.columns.row')}
          </Table.Th>
          <Table.Th>{t('importUi.columns.imported')}</Table.Th>
          <Table.Th>{t('importUi.columns.matchedBy')}</Table.Th>
          <Table.Th>{t('importUi.columns.existing')}</Table.Th>
          <Table.Th w={230}>{t('importUi.columns.action')}</Table.Th>
        </>
      }
      row={({ row, lead, outcome, match }) => {
        const action: DuplicateAction =
          overrides[row] ?? (isDuplicateAction(outcome) ? outcome : defaultAction);
        return (
          <Table.Tr key={row}>
            <Table.Td ta="right">{formatCount(row, language)}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={600}>
                {fullName(lead)}
              </Text>
              {lead.email && (
                <Text size="xs" c="dimmed">
                  {lead.email}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{match ? t(`importUi.reasons.${match.reason}`) : dash}</Table.Td>
            <Table.Td>
              {match === null ? (
                dash
              ) : match.leadId === null ? (
                <Text size="sm">
                  {t('importUi.preview.inFile', {
                    row: formatCount(match.row ?? 0, language),
                  })}
                </Text>
              ) : (
                <>
                  <Anchor href={`#/leads/${match.leadId}`} size="sm" fw={600}>
                    {match.name}
                  </Anchor>
                  {(match.companyName || match.email) && (
                    <Text size="xs" c="dimmed">
                      {[match.companyName, match.email].filter(Boolean).join(' · ')}
                    </Text>
                  )}
                </>
              )}
            </Table.Td>
            <Table.Td>
              <RowAction row={row} outcome={outcome} action={action} onChange={onOverride} />
            </Table.Td>
          </Table.Tr>
        );
      }}
    />
  );
}

type PossibleProps = {
  rows: PreviewRow[];
  /** All possible duplicates of the file; the list holds the first 500. */
  total: number;
  overrides: Record<number, DuplicateAction>;
  onOverride: (row: number, action: DuplicateAction) => void;
};

/** Email and numbers of one side of a possible duplicate, one quiet line each. */
function ContactLines({
  email,
  phone,
  mobile,
}: {
  email: string | null;
  phone: string | null;
  mobile: string | null;
}) {
  const { t } = useTranslation();
  if (email === null && phone === null && mobile === null) {
    return <Secondary>{t('importUi.preview.noContact')}</Secondary>;
  }
  return (
    <>
      {email && <Secondary>{email}</Secondary>}
      {phone && <Secondary>{formatPhone(phone)}</Secondary>}
      {mobile && (
        <Secondary>{t('importUi.preview.mobile', { number: formatPhone(mobile) })}</Secondary>
      )}
    </>
  );
}

/** The record a possible duplicate resembles: a stored lead (linked) or an earlier row. */
function MatchedRecord({ match }: { match: Match }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      {match.leadId === null ? (
        <Text size="sm" fw={600}>
          {match.name}{' '}
          <Text span size="xs" c="dimmed" fw={400}>
            ({t('importUi.preview.inFile', { row: formatCount(match.row ?? 0, language) })})
          </Text>
        </Text>
      ) : (
        <Anchor href={`#/leads/${match.leadId}`} size="sm" fw={600}>
          {match.name}
        </Anchor>
      )}
      <Secondary>{match.companyName ?? dash}</Secondary>
      <ContactLines email={match.email} phone={match.phone} mobile={match.mobile} />
    </>
  );
}

/**
 * "Mögliche Dubletten – bitte prüfen": rows that resemble a lead or an earlier row only by a
 * similar name at the same company, both records side by side with the reason, each with
 * its own choice; without one a row becomes a lead of its own.
 */
export function PossibleDuplicatesList({ rows, total, overrides, onOverride }: PossibleProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <PagedList
      kind="possible"
      items={rows}
      total={total}
      minWidth={900}
      hint={t('importUi.preview.possibleHint')}
      head={
        <>
          <Table.Th w={80} ta="right">
            {t('importUi.columns.row')}
          </Table.Th>
          <Table.Th>{t('importUi.columns.imported')}</Table.Th>
          <Table.Th>{t('importUi.columns.existing')}</Table.Th>
          <Table.Th>{t('importUi.columns.matchedBy')}</Table.Th>
          <Table.Th w={230}>{t('importUi.columns.action')}</Table.Th>
        </>
      }
      row={({ row, lead, outcome, match }) => {
        const action: DuplicateAction =
          overrides[row] ?? (isDuplicateAction(outcome) ? outcome : POSSIBLE_DUPLICATE_ACTION);
        return (
          <Table.Tr key={row}>
            <Table.Td ta="right">{formatCount(row, language)}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={600}>
                {fullName(lead)}
              </Text>
              <Secondary>{lead.company?.name ?? dash}</Secondary>
              <ContactLines email={lead.email} phone={lead.phone} mobile={lead.mobile} />
            </Table.Td>
            <Table.Td>{match ? <MatchedRecord match={match} /> : dash}</Table.Td>
            <Table.Td>{match ? t(`importUi.reasons.${match.reason}`) : dash}</Table.Td>
            <Table.Td>
              <RowAction
                row={row}
                outcome={outcome}
                action={action}
                onChange={onOverride}
                possible
              />
            </Table.Td>
          </Table.Tr>
        );
      }}
    />
  );
}
