import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '@core/ipc/import-schemas';
import { useLanguage } from '../../shared/use-language';
import { formatCount } from '../../shared/format';

type Outcome = {
  key: 'create' | 'fill' | 'overwrite' | 'skip' | 'suppressed' | 'invalid' | 'empty';
  count: number;
  color: string;
};

/** Counts per outcome, in the order a user reads them: what is new, changed, left out. */
export function outcomesOf(summary: ImportSummary): Outcome[] {
  return [
    { key: 'create', count: summary.created, color: 'teal.8' },
    { key: 'fill', count: summary.filled, color: 'indigo.7' },
    { key: 'overwrite', count: summary.overwritten, color: 'indigo.7' },
    { key: 'skip', count: summary.skipped, color: 'gray.7' },
    { key: 'suppressed', count: summary.suppressed, color: 'orange.8' },
    { key: 'invalid', count: summary.invalid, color: 'red.8' },
    { key: 'empty', count: summary.empty, color: 'gray.7' },
  ];
}

/** One stat card per outcome of a dry run or a finished import. */
export function OutcomeStats({ summary, label }: { summary: ImportSummary; label: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm" role="list" aria-label={label}>
      {outcomesOf(summary).map(({ key, count, color }) => (
        <Paper
          key={key}
          withBorder
          radius="md"
          p="sm"
          role="listitem"
          aria-label={`${t(`importUi.outcomes.${key}`)}: ${formatCount(count, language)}`}
          data-testid={`outcome-${key}`}
        >
          <Text fz={26} fw={700} c={count > 0 ? color : 'gray.5'} lh={1.3}>
            {formatCount(count, language)}
          </Text>
          <Text size="xs" c="dimmed" fw={600}>
            {t(`importUi.outcomes.${key}`)}
          </Text>
          {key === 'create' && summary.createdDespiteDuplicate > 0 && (
            <Text size="xs" c="dimmed">
              {t('importUi.preview.despiteDuplicate', {
                n: formatCount(summary.createdDespiteDuplicate, language),
              })}
            </Text>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}
