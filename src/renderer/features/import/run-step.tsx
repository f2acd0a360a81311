import { useState } from 'react';
import { Alert, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../shared/router';
import { errorText } from '../../shared/errors';
import { useLanguage } from '../../shared/use-language';
import { UndoDialog, type UndoTarget } from './undo-dialog';
import { formatCount } from '../../shared/format';
import { OutcomeStats } from './outcome-stats';
import { WarningSplit } from './warning-split';
import { JobProgress, jobErrorText } from './job-progress';
import type { JobHandle } from './use-import-job';

type Props = {
  run: JobHandle;
  onBackToPreview: () => void;
  onAnother: () => void;
};

/** Step 5: the real import with progress and cancel, then its result and what to do next. */
export function RunStep({ run, onBackToPreview, onAnother }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [undo, setUndo] = useState<UndoTarget | null>(null);
  const [undone, setUndone] = useState(false);
  const { job } = run;

  if (run.error) {
    return (
      <Stack gap="md">
        <Alert color="red" title={t('importUi.run.notStarted')}>
          {errorText(t, run.error)}
        </Alert>
        <Group>
          <Button variant="default" onClick={onBackToPreview}>
            {t('importUi.run.backToPreview')}
          </Button>
        </Group>
      </Stack>
    );
  }

  if (!job || job.status === 'running') {
    return (
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <JobProgress
            job={job}
            label={job ? t(`importUi.run.phases.${job.phase}`) : t('importUi.run.starting')}
          />
          <Group justify="flex-end">
            <Button
              variant="default"
              color="red"
              disabled={!job}
              onClick={() => setConfirmCancel(true)}
            >
              {t('importUi.run.cancel')}
            </Button>
          </Group>
        </Stack>
        <Modal
          opened={confirmCancel && job?.status === 'running'}
          onClose={() => setConfirmCancel(false)}
          title={t('importUi.run.cancelTitle')}
        >
          <Stack gap="sm">
            <Text size="sm">{t('importUi.run.cancelText')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirmCancel(false)}>
                {t('importUi.run.keepRunning')}
              </Button>
              <Button
                color="red"
                onClick={() => {
                  setConfirmCancel(false);
                  void run.cancel();
                }}
              >
                {t('importUi.run.cancelConfirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      </Paper>
    );
  }

  if (job.status === 'cancelled' || job.status === 'failed') {
    const cancelled = job.status === 'cancelled';
    return (
      <Stack gap="md">
        <Alert
          color={cancelled ? 'yellow' : 'red'}
          title={t(cancelled ? 'importUi.run.cancelledTitle' : 'importUi.run.failedTitle')}
        >
          {cancelled ? t('importUi.run.cancelledText') : jobErrorText(t, job)}
        </Alert>
        <Group>
          <Button variant="default" onClick={onBackToPreview}>
            {t('importUi.run.backToPreview')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const summary = job.summary;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="md">
        <div>
          <Title order={3} size="h4" c="teal.8">
            {t('importUi.run.doneTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('importUi.run.doneText', { file: job.fileName })}
          </Text>
        </div>
        {summary && <OutcomeStats summary={summary} label={t('importUi.run.doneTitle')} />}
        {summary && <WarningSplit summary={summary} jobId={job.jobId} fileName={job.fileName} />}
        {summary && (
          <Text size="sm" data-testid="result-duplicates">
            {t('importUi.run.duplicates', {
              certain: formatCount(
                summary.duplicatesInFile + summary.duplicatesInDatabase,
                language,
              ),
              possible: formatCount(summary.possibleDuplicates, language),
            })}
          </Text>
        )}
        {undone && <Alert color="gray">{t('importUi.run.undone')}</Alert>}
        <Group gap="sm">
          <Button onClick={() => navigate('#/leads')}>{t('importUi.run.toLeads')}</Button>
          <Button variant="default" onClick={() => navigate('#/imports')}>
            {t('importUi.run.toHistory')}
          </Button>
          {job.batchId && summary && !undone && (
            <Button
              variant="default"
              color="red"
              onClick={() =>
                setUndo({
                  mode: 'undo',
                  batchId: job.batchId ?? '',
                  fileName: job.fileName,
                  created: summary.created,
                  updated: summary.filled + summary.overwritten,
                })
              }
            >
              {t('importUi.run.undo')}
            </Button>
          )}
          <Button variant="subtle" onClick={onAnother}>
            {t('importUi.run.another')}
          </Button>
        </Group>
      </Stack>
      {undo && (
        <UndoDialog target={undo} onClose={() => setUndo(null)} onDone={() => setUndone(true)} />
      )}
    </Paper>
  );
}
