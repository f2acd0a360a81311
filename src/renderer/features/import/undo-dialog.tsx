import { useState } from 'react';
import { Alert, Anchor, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '@core/ipc/contract';
import type { AppErrorData } from '@core/ipc/result';
import { useApi } from '../../api/client';
import { errorText } from '../../shared/errors';
import { useLanguage } from '../../shared/use-language';
import { formatCount } from '../../shared/format';

type UndoResult = ChannelOutput<'imports.undo'>;

/** A batch to undo (a finished import) or discard (an interrupted one). */
export type UndoTarget = {
  mode: 'undo' | 'discard';
  batchId: string;
  fileName: string;
  /** Leads the import created (they are removed). */
  created: number;
  /** Leads it filled or overwrote (their fields are restored). */
  updated: number;
};

/**
 * Asks before undoing or discarding a batch, saying how many leads go and come back, then
 * shows what happened, naming (with links) the leads kept because they changed since.
 */
export function UndoDialog({
  target,
  onClose,
  onDone,
}: {
  target: UndoTarget;
  onClose: () => void;
  /** Heard once the batch was undone or discarded. */
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const language = useLanguage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [result, setResult] = useState<UndoResult | null>(null);
  const undo = target.mode === 'undo';

  const run = async () => {
    setBusy(true);
    const answer = undo
      ? await api.invoke('imports.undo', { batchId: target.batchId })
      : await api.invoke('imports.discard', { batchId: target.batchId });
    setBusy(false);
    if (answer.ok) {
      setResult(answer.value);
      setError(null);
      onDone?.();
    } else {
      setError(answer.error);
    }
  };

  const count = (value: number) => formatCount(value, language);

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={
        result
          ? t(undo ? 'importHistory.undo.doneTitle' : 'importHistory.discard.doneTitle')
          : t(undo ? 'importHistory.undo.title' : 'importHistory.discard.title')
      }
    >
      {result ? (
        <Stack gap="sm">
          <Text size="sm" data-testid="undo-result">
            {t('importHistory.undo.result', {
              removed: count(result.removed),
              restored: count(result.restored),
            })}
          </Text>
          {result.kept.length > 0 && (
            <Alert color="yellow" title={t('importHistory.undo.keptTitle')}>
              <Stack gap="xs">
                <Text size="sm">{t('importHistory.undo.keptText')}</Text>
                <List size="sm" spacing={2}>
                  {result.kept.map((lead) => (
                    <List.Item key={lead.leadId}>
                      <Anchor href={`#/leads/${lead.leadId}`} size="sm" onClick={onClose}>
                        {lead.name}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('importHistory.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            {undo
              ? t('importHistory.undo.text', {
                  file: target.fileName,
                  created: count(target.created),
                  updated: count(target.updated),
                })
              : t('importHistory.discard.text', { file: target.fileName })}
          </Text>
          {undo && (
            <Text size="sm" c="dimmed">
              {t('importHistory.undo.keptHint')}
            </Text>
          )}
          {error && <Alert color="red">{errorText(t, error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => void run()}>
              {t(undo ? 'importHistory.undo.confirm' : 'importHistory.discard.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
