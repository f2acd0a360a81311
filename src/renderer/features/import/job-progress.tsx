import { Group, Progress, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '@core/ipc/import-schemas';
import { useLanguage } from '../../shared/use-language';
import { jobProgressText, jobShare } from './import-format';

/**
 * The job's failure as text in the user's language. A job's error carries no parameters:
 * the file name fills `{{file}}` and the logged message `{{detail}}`.
 */
export function jobErrorText(t: TFunction, job: ImportJob): string {
  if (!job.error) return '';
  return t(job.error.key, {
    defaultValue: job.error.message,
    file: job.fileName,
    detail: job.error.message,
  });
}

/** Progress of a job: a bar with rows done of the (estimated) total and the percentage. */
export function JobProgress({ job, label }: { job: ImportJob | null; label: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const share = job ? jobShare(job) : 0;
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="job-progress-text">
          {job ? jobProgressText(t, job, language) : t('importUi.run.starting')}
        </Text>
      </Group>
      <Progress
        value={share * 100}
        size="lg"
        animated={job?.status !== 'done'}
        striped
        aria-label={label}
      />
    </Stack>
  );
}
