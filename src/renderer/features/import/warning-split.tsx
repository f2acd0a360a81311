import { Alert, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '@core/ipc/import-schemas';
import { formatCount } from '../../shared/format';
import { useLanguage } from '../../shared/use-language';
import { SaveRejectedButton } from './save-rejected';

type Props = {
  summary: ImportSummary;
  /** A finished job whose rows can be saved; null while a dry run is out of date. */
  jobId: string | null;
  fileName: string;
};

/**
 * Rows left out apart from rows kept despite a warning: the first are lost to this import
 * (no name and no contact route, a text too long), the second arrive with their bad values
 * in the notes. A user who wants to see which rows were changed saves the second as CSV.
 */
export function WarningSplit({ summary, jobId, fileName }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (summary.invalid === 0 && summary.warningRows === 0) return null;
  return (
    <Stack gap="xs">
      {summary.invalid > 0 && (
        <Alert color="red" data-testid="split-rejected">
          {t('importUi.warnings.rejected', {
            count: summary.invalid,
            n: formatCount(summary.invalid, language),
          })}
        </Alert>
      )}
      {summary.warningRows > 0 && (
        <Alert color="yellow" data-testid="split-warned">
          <Group justify="space-between" gap="sm">
            <Text size="sm">
              {t('importUi.warnings.warned', {
                count: summary.warningRows,
                n: formatCount(summary.warningRows, language),
              })}
            </Text>
            {jobId !== null && (
              <SaveRejectedButton jobId={jobId} fileName={fileName} rows="warnings" />
            )}
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
