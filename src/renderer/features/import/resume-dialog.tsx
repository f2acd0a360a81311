import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/errors';
import { OutcomeStats } from './outcome-stats';
import { JobProgress, jobErrorText } from './job-progress';
import type { JobHandle } from './use-import-job';

/** Follows a resumed import to its end; closing it lets the import go on in the background. */
export function ResumeDialog({
  resume,
  fileName,
  onClose,
}: {
  resume: JobHandle;
  fileName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { job, error } = resume;
  const running = !error && (!job || job.status === 'running');
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('importHistory.resume.title', { file: fileName })}
      closeOnClickOutside={!running}
    >
      <Stack gap="md">
        {error && <Alert color="red">{errorText(t, error)}</Alert>}
        {running && (
          <JobProgress
            job={job}
            label={job ? t(`importUi.run.phases.${job.phase}`) : t('importUi.run.starting')}
          />
        )}
        {job?.status === 'done' && job.summary && (
          <>
            <Text size="sm">{t('importHistory.resume.done')}</Text>
            <OutcomeStats summary={job.summary} label={t('importHistory.resume.done')} />
          </>
        )}
        {job && (job.status === 'failed' || job.status === 'cancelled') && (
          <Alert color="red">
            {job.status === 'failed' ? jobErrorText(t, job) : t('importUi.run.cancelledText')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant={running ? 'default' : 'filled'} onClick={onClose}>
            {running ? t('importHistory.resume.background') : t('importHistory.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
