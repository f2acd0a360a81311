import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language } from '@core/ipc/contract';
import type { ImportBatch } from '@core/ipc/import-schemas';
import { useApi } from '../../api/client';
import { navigate } from '../../shared/router';
import { errorText } from '../../shared/errors';
import { formatCount, formatDateTime } from '../../shared/format';
import { useLanguage } from '../../shared/use-language';
import { useImportJob } from './use-import-job';
import { ResumeDialog } from './resume-dialog';
import { UndoDialog, type UndoTarget } from './undo-dialog';
import { useImportHistory } from './use-import-history';

const STATUS_COLORS: Record<ImportBatch['status'], string> = {
  running: 'blue',
  interrupted: 'orange',
  done: 'teal',
  cancelled: 'gray',
  failed: 'red',
  undone: 'gray',
};

/**
 * "12 neu · 3 ergänzt · 2 fehlerhaft · 1 mit Warnung · 1 mögliche Dublette": the non-zero
 * outcomes of a batch, how many rows it kept despite a warning (apart from those it left
 * out) and how many of its rows were possible duplicates.
 */
export function batchCounts(t: TFunction, batch: ImportBatch, language: Language): string {
  const parts = (
    [
      ['created', batch.created],
      ['filled', batch.filled],
      ['overwritten', batch.overwritten],
      ['skipped', batch.skipped],
      ['suppressed', batch.suppressed],
      ['invalid', batch.invalid],
      ['warned', batch.warningRows],
      ['possible', batch.possibleDuplicates],
    ] as const
  )
    .filter(([, count]) => count > 0)
    .map(([key, count]) =>
      t(`importHistory.counts.${key}`, { count, n: formatCount(count, language) }),
    );
  return parts.length > 0 ? parts.join(' · ') : t('importHistory.counts.none');
}

function StatusCell({ batch }: { batch: ImportBatch }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap={2}>
      <Badge variant="light" color={STATUS_COLORS[batch.status]} tt="none">
        {t(`importHistory.statuses.${batch.status}`)}
      </Badge>
      {batch.status === 'running' && (
        <Text size="xs" c="dimmed">
          {batch.rowsTotal === null
            ? t('importUi.run.progressUnknown', { done: formatCount(batch.rowsDone, language) })
            : t('importHistory.rowsOf', {
                done: formatCount(batch.rowsDone, language),
                total: formatCount(batch.rowsTotal, language),
              })}
        </Text>
      )}
      {batch.status === 'undone' && batch.undoneAt !== null && (
        <Text size="xs" c="dimmed">
          {t(batch.undoneByName ? 'importHistory.undoneBy' : 'importHistory.undoneAt', {
            date: formatDateTime(batch.undoneAt, language),
            user: batch.undoneByName ?? '',
          })}
        </Text>
      )}
    </Stack>
  );
}

/** `#/imports`: every import with its outcome; undo, resume or discard from here. */
export function ImportHistoryPage() {
  const { t } = useTranslation();
  const api = useApi();
  const language = useLanguage();
  const { batches, error } = useImportHistory();
  const [undo, setUndo] = useState<UndoTarget | null>(null);
  const [resuming, setResuming] = useState<ImportBatch | null>(null);
  const resume = useImportJob();

  const startResume = (batch: ImportBatch) => {
    setResuming(batch);
    void resume.start(() => api.invoke('imports.resume', { batchId: batch.id }));
  };

  return (
    <Stack gap="sm" maw={1400}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">
            {t('importHistory.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('importHistory.subtitle')}
          </Text>
        </div>
        <Button onClick={() => navigate('#/import')}>{t('importHistory.newImport')}</Button>
      </Group>
      {error && <Alert color="red">{errorText(t, error)}</Alert>}
      <Paper withBorder radius="md">
        {batches && batches.length === 0 ? (
          <Stack align="center" gap="xs" p="xl">
            <Text c="dimmed" ta="center">
              {t('importHistory.empty')}
            </Text>
            <Button variant="light" onClick={() => navigate('#/import')}>
              {t('importHistory.newImport')}
            </Button>
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={1100}>
            <Table striped verticalSpacing="xs" fz="sm" aria-label={t('importHistory.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('importHistory.columns.date')}</Table.Th>
                  <Table.Th>{t('importHistory.columns.file')}</Table.Th>
                  <Table.Th>{t('importHistory.columns.user')}</Table.Th>
                  <Table.Th>{t('importHistory.columns.source')}</Table.Th>
                  <Table.Th>{t('importHistory.columns.campaign')}</Table.Th>
                  <Table.Th>{t('importHistory.columns.result')}</Table.Th>
                  <Table.Th>{t('importHistory.columns.status')}</Table.Th>
                  <Table.Th>{t('importHistory.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(batches ?? []).map((batch) => (
                  <Table.Tr key={batch.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(batch.importedAt, language)}
                    </Table.Td>
                    <Table.Td maw={260}>
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {batch.fileName}
                      </Text>
                      {batch.mappingName && (
                        <Text size="xs" c="dimmed">
                          {t('importHistory.mapping', { name: batch.mappingName })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{batch.userName ?? '–'}</Table.Td>
                    <Table.Td>{t(`channels.${batch.sourceChannel}`)}</Table.Td>
                    <Table.Td>{batch.campaignName ?? '–'}</Table.Td>
                    <Table.Td maw={320}>
                      <Text size="sm">{batchCounts(t, batch, language)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusCell batch={batch} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {batch.canUndo && (
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={t('importHistory.undo.buttonFor', {
                              file: batch.fileName,
                            })}
                            onClick={() =>
                              setUndo({
                                mode: 'undo',
                                batchId: batch.id,
                                fileName: batch.fileName,
                                created: batch.created,
                                updated: batch.filled + batch.overwritten,
                              })
                            }
                          >
                            {t('importHistory.undo.button')}
                          </Button>
                        )}
                        {batch.status === 'interrupted' && batch.canResume && (
                          <Button size="xs" variant="light" onClick={() => startResume(batch)}>
                            {t('importHistory.resume.button')}
                          </Button>
                        )}
                        {batch.status === 'interrupted' && (
                          <Button
                            size="xs"
                            variant="default"
                            color="red"
                            onClick={() =>
                              setUndo({
                                mode: 'discard',
                                batchId: batch.id,
                                fileName: batch.fileName,
                                created: batch.created,
                                updated: 0,
                              })
                            }
                          >
                            {t('importHistory.discard.button')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {undo && <UndoDialog key={undo.batchId} target={undo} onClose={() => setUndo(null)} />}
      {resuming && (
        <ResumeDialog
          resume={resume}
          fileName={resuming.fileName}
          onClose={() => setResuming(null)}
        />
      )}
    </Stack>
  );
}
