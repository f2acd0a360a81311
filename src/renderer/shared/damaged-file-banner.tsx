import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/client';
import { useAppState } from './app-state';
import { errorText } from './errors';
import { notifyError } from './notify';

/** The folder part of a path, for Windows and POSIX paths alike. */
function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : path;
}

/**
 * Stays on screen while the open file is damaged (main has switched it to read-only): what
 * happened, what to keep and what to do. Opening a backup means closing this file for now;
 * the start screen then opens another one. When backups exist, "open the newest backup"
 * belongs next to that button.
 */
export function DamagedFileBanner() {
  const { t } = useTranslation();
  const api = useApi();
  const { state, setState } = useAppState();
  const database = state.database;
  if (database === null || !database.damaged) return null;

  const openOther = async () => {
    const result = await api.invoke('database.close', {});
    if (result.ok) setState(result.value);
    else notifyError(errorText(t, result.error));
  };

  return (
    <Alert color="red" variant="filled" title={t('damagedFile.title')} role="alert" mb="md">
      <Text size="sm" mb="sm">
        {t('damagedFile.text', { file: database.fileName, folder: folderOf(database.path) })}
      </Text>
      <Group>
        <Button size="xs" variant="white" color="red" onClick={() => void openOther()}>
          {t('damagedFile.openOther')}
        </Button>
      </Group>
    </Alert>
  );
}
