import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '@core/ipc/result';
import { useApi } from '../../api/client';
import { useAppState } from '../../app/app-state';
import { errorText } from '../../shared/errors';
import { notifySuccess } from '../../shared/notify';
import { useLanguage } from '../../shared/use-language';
import { formatCount } from './import-format';

/** `/data/messe.csv` → `/data/messe-<suffix>.csv` (the left-out rows next to the file). */
export function siblingPath(path: string, suffix: string): string {
  const match = /^(.*?)(\.[^.\\/]*)?$/.exec(path);
  return `${match?.[1] ?? path}-${suffix}.csv`;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * "Ausgelassene Zeilen speichern…": the rows a dry run left out, with a reason column, to a
 * CSV the user chooses (a dialog, or a path in the browser).
 */
export function SaveRejectedButton({ jobId, sourcePath }: { jobId: string; sourcePath: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const language = useLanguage();
  const { state } = useAppState();
  const suggested = siblingPath(sourcePath, t('importUi.preview.rejectedSuffix'));
  const [asking, setAsking] = useState(false);
  const [path, setPath] = useState(suggested);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  const save = async (target: string) => {
    setBusy(true);
    const result = await api.invoke('import.saveRejected', { jobId, path: target });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setAsking(false);
    notifySuccess(
      t('importUi.preview.rejectedSaved', {
        count: result.value.rows,
        n: formatCount(result.value.rows, language),
        path: result.value.path,
      }),
    );
  };

  const start = async () => {
    if (!state.canPickFiles) {
      setAsking(true);
      return;
    }
    const picked = await api.invoke('files.pick', {
      purpose: 'rejected',
      defaultName: baseName(suggested),
    });
    if (!picked.ok) {
      if (picked.error.code === 'UNSUPPORTED') setAsking(true);
      else setError(picked.error);
      return;
    }
    if (picked.value.path) await save(picked.value.path);
  };

  return (
    <>
      <Button variant="default" size="xs" onClick={() => void start()} loading={busy && !asking}>
        {t('importUi.preview.saveRejected')}
      </Button>
      {error && !asking && <Alert color="red">{errorText(t, error)}</Alert>}
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('importUi.preview.saveRejectedTitle')}
        size="lg"
      >
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (path.trim()) void save(path.trim());
          }}
        >
          <Stack gap="sm">
            <TextInput
              label={t('importUi.preview.rejectedPath')}
              description={t('importUi.pathHint')}
              value={path}
              onChange={(event) => setPath(event.currentTarget.value)}
              spellCheck={false}
              data-autofocus
            />
            {error && <Alert color="red">{errorText(t, error)}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(false)}>
                {t('ui.common.cancel')}
              </Button>
              <Button type="submit" loading={busy} disabled={!path.trim()}>
                {t('ui.common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
