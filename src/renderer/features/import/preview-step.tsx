import {
  Alert,
  Box,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { ImportInspection } from '@core/ipc/import-schemas';
import { errorText } from '../../shared/errors';
import { useLanguage } from '../../shared/use-language';
import { PreviousImportAlert } from './file-step';
import { formatCount } from '../../shared/format';
import { JobProgress, jobErrorText } from './job-progress';
import { OutcomeStats } from './outcome-stats';
import { DuplicatesList, PossibleDuplicatesList } from './duplicate-lists';
import { IssuesList, StoredRowsTable } from './preview-tables';
import { SaveRejectedButton } from './save-rejected';
import { WarningSplit } from './warning-split';
import type { useDryRun } from './use-dry-run';
import type { ImportWizard } from './use-import-wizard';

type DryRun = ReturnType<typeof useDryRun>;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

type Props = {
  wizard: ImportWizard;
  inspection: ImportInspection;
  dry: DryRun;
  onBack: () => void;
  onImport: () => void;
};

/**
 * Step 4: a dry run's counts, the rows as stored, errors, duplicates and possible duplicates
 * with per-row choices.
 */
export function PreviewStep({ wizard, inspection, dry, onBack, onImport }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { summary } = dry;
  const failedJob = dry.job?.status === 'failed' ? dry.job : null;
  const repeatOpen = inspection.previousImport !== null && !wizard.confirmRepeat;
  const refused = summary !== null && !wizard.options.skipInvalid && summary.invalid > 0;
  const leftOut = summary ? summary.invalid + summary.skipped + summary.suppressed : 0;
  const canImport = dry.current && !repeatOpen && !refused;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3} size="h5">
            {t('importUi.preview.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('importUi.preview.hint', { file: inspection.fileName })}
          </Text>
        </div>
        {summary && !dry.current && !dry.error && !failedJob && (
          <Group gap={6} aria-live="polite">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t('importUi.preview.updating')}
            </Text>
          </Group>
        )}
      </Group>
      {dry.error && (
        <Alert color="red" title={t('importUi.preview.failed')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{errorText(t, dry.error)}</Text>
            <Button size="xs" variant="light" color="red" onClick={dry.rerun}>
              {t('importUi.preview.retry')}
            </Button>
          </Stack>
        </Alert>
      )}
      {failedJob && (
        <Alert color="red" title={t('importUi.preview.failed')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{jobErrorText(t, failedJob)}</Text>
            <Button size="xs" variant="light" color="red" onClick={dry.rerun}>
              {t('importUi.preview.retry')}
            </Button>
          </Stack>
        </Alert>
      )}
      {!summary && !dry.error && !failedJob && (
        <Paper withBorder radius="md" p="md">
          <JobProgress job={dry.job} label={t('importUi.preview.checking')} />
        </Paper>
      )}
      {summary && (
        <Box style={{ opacity: dry.current ? 1 : 0.6, transition: 'opacity 150ms' }}>
          <Stack gap="md">
            <Text size="sm" data-testid="preview-totals">
              {t('importUi.preview.totals', {
                rows: formatCount(summary.rows, language),
                warnings: formatCount(summary.warnings, language),
                inFile: formatCount(summary.duplicatesInFile, language),
                inDatabase: formatCount(summary.duplicatesInDatabase, language),
                possible: formatCount(summary.possibleDuplicates, language),
              })}
            </Text>
            <OutcomeStats summary={summary} label={t('importUi.preview.outcomesLabel')} />
            <WarningSplit
              summary={summary}
              jobId={dry.job && dry.current ? dry.job.jobId : null}
              fileName={inspection.fileName}
            />
            {refused && (
              <Alert color="red">
                {t('importUi.preview.refused', {
                  count: summary.invalid,
                  n: formatCount(summary.invalid, language),
                })}
              </Alert>
            )}
            {summary.preview.length > 0 && (
              <Section title={t('importUi.preview.rowsTitle')}>
                <StoredRowsTable
                  rows={summary.preview}
                  defaults={{
                    sourceChannel: wizard.options.sourceChannel,
                    campaignName: wizard.options.campaignName.trim() || null,
                  }}
                />
              </Section>
            )}
            <Section
              title={t('importUi.preview.issuesHeading', {
                n: formatCount(summary.issuesTotal, language),
              })}
            >
              <IssuesList issues={summary.issues} total={summary.issuesTotal} />
              {leftOut > 0 && dry.job && dry.current && (
                <Group>
                  <SaveRejectedButton jobId={dry.job.jobId} fileName={inspection.fileName} />
                </Group>
              )}
            </Section>
            <Section
              title={t('importUi.preview.duplicatesHeading', {
                n: formatCount(summary.duplicatesInFile + summary.duplicatesInDatabase, language),
              })}
            >
              <DuplicatesList
                rows={summary.duplicates}
                total={summary.duplicatesInFile + summary.duplicatesInDatabase}
                defaultAction={wizard.options.onDuplicate}
                overrides={wizard.overrides}
                onOverride={wizard.setOverride}
              />
            </Section>
            <Section
              title={t('importUi.preview.possibleHeading', {
                n: formatCount(summary.possibleDuplicates, language),
              })}
            >
              <PossibleDuplicatesList
                rows={summary.possibleDuplicateRows}
                total={summary.possibleDuplicates}
                overrides={wizard.overrides}
                onOverride={wizard.setOverride}
              />
            </Section>
          </Stack>
        </Box>
      )}
      {inspection.previousImport && (
        <Stack gap="xs">
          <PreviousImportAlert inspection={inspection} />
          <Checkbox
            label={t('importUi.preview.confirmRepeat')}
            checked={wizard.confirmRepeat}
            onChange={(event) => wizard.setConfirmRepeat(event.currentTarget.checked)}
          />
        </Stack>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onBack}>
          {t('ui.common.back')}
        </Button>
        <Button onClick={onImport} disabled={!canImport}>
          {t('importUi.preview.start')}
        </Button>
      </Group>
    </Stack>
  );
}
