import { Alert, Box, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '@core/ipc/result';
import { SCORE_BUCKETS, TEMPERATURES } from '@core/scoring/index';
import { errorText } from '../../shared/errors';
import type { Preview } from './use-scoring-preview';

type Props = {
  preview: Preview | null;
  pending: boolean;
  /** The draft has errors: nothing is previewed until they are fixed. */
  invalid: boolean;
  error: AppErrorData | null;
};

/** "< 10", "10–19", …, "≥ 100" for the buckets of {@link SCORE_BUCKETS}. */
export function bucketLabel(t: TFunction, index: number): string {
  const min = SCORE_BUCKETS[index] ?? 0;
  const next = SCORE_BUCKETS[index + 1];
  if (index === 0) return t('settingsPage.preview.bucketBelow', { max: next ?? 0 });
  if (next === undefined) return t('settingsPage.preview.bucketAbove', { min });
  return t('settingsPage.preview.bucketRange', { min, max: next - 1 });
}

function Bar({ count, max, color }: { count: number; max: number; color: string }) {
  const width = max === 0 ? 0 : Math.round((count / max) * 100);
  return (
    <Group gap={6} wrap="nowrap">
      <Box w={110} h={10} bg="gray.1" style={{ borderRadius: 3 }} aria-hidden>
        <Box w={`${width}%`} h="100%" bg={color} style={{ borderRadius: 3 }} />
      </Box>
      <Text size="xs" ta="right" w={40} ff="monospace">
        {count}
      </Text>
    </Group>
  );
}

function Status({ pending, invalid }: { pending: boolean; invalid: boolean }) {
  const { t } = useTranslation();
  if (invalid) {
    return (
      <Text size="sm" c="orange.8">
        {t('settingsPage.preview.paused')}
      </Text>
    );
  }
  if (!pending) return null;
  return (
    <Group gap={6}>
      <Loader size={14} />
      <Text size="sm" c="dimmed">
        {t('settingsPage.preview.calculating')}
      </Text>
    </Group>
  );
}

/**
 * What saving the draft would do, as numbers in words and a bar chart of the score
 * distribution now and with the draft. Each bar carries its count as text.
 */
export function PreviewPanel({ preview, pending, invalid, error }: Props) {
  const { t } = useTranslation();
  const maxBucket = preview ? Math.max(...preview.current.buckets, ...preview.draft.buckets, 0) : 0;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="preview-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="preview-title">
          {t('settingsPage.preview.title')}
        </Title>
        <div aria-live="polite">
          <Status pending={pending} invalid={invalid} />
        </div>
        {error && <Alert color="red">{errorText(t, error)}</Alert>}
        {!preview ? (
          !pending && !invalid && <Text size="sm">{t('settingsPage.preview.none')}</Text>
        ) : (
          <Stack gap="sm" opacity={pending || invalid ? 0.6 : 1} data-testid="preview">
            <Text size="sm" c="dimmed">
              {t('settingsPage.preview.leads', { count: preview.leads })}
            </Text>
            <Stack gap={4}>
              <Text fw={600} data-testid="preview-become-mql">
                {t('settingsPage.preview.becomeMql', { count: preview.becomeMql })}
              </Text>
              <Text fw={600} data-testid="preview-stop-mql">
                {t('settingsPage.preview.stopMql', { count: preview.stopMql })}
              </Text>
              <Text fw={600} data-testid="preview-promoted">
                {t('settingsPage.preview.promoted', { count: preview.promoted })}
              </Text>
            </Stack>
            <Table withTableBorder verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settingsPage.preview.group')}</Table.Th>
                  <Table.Th ta="right">{t('settingsPage.preview.now')}</Table.Th>
                  <Table.Th ta="right">{t('settingsPage.preview.draft')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th scope="row">{t('settingsPage.preview.atMql')}</Table.Th>
                  <Table.Td ta="right">{preview.current.atMql}</Table.Td>
                  <Table.Td ta="right">{preview.draft.atMql}</Table.Td>
                </Table.Tr>
                {TEMPERATURES.map((temperature) => (
                  <Table.Tr key={temperature}>
                    <Table.Th scope="row">{t(`scoring.temperatures.${temperature}`)}</Table.Th>
                    <Table.Td ta="right">{preview.current.temperatures[temperature]}</Table.Td>
                    <Table.Td ta="right">{preview.draft.temperatures[temperature]}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Table verticalSpacing={2} fz="sm" data-testid="distribution">
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                {t('settingsPage.preview.distribution')}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settingsPage.preview.bucket')}</Table.Th>
                  <Table.Th>{t('settingsPage.preview.now')}</Table.Th>
                  <Table.Th>{t('settingsPage.preview.draft')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {SCORE_BUCKETS.map((_, index) => (
                  <Table.Tr key={index}>
                    <Table.Th scope="row" fw={400} style={{ whiteSpace: 'nowrap' }}>
                      {bucketLabel(t, index)}
                    </Table.Th>
                    <Table.Td>
                      <Bar
                        count={preview.current.buckets[index] ?? 0}
                        max={maxBucket}
                        color="gray.5"
                      />
                    </Table.Td>
                    <Table.Td>
                      <Bar
                        count={preview.draft.buckets[index] ?? 0}
                        max={maxBucket}
                        color="indigo.6"
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
