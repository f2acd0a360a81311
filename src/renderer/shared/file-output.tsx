import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FilePickPurpose, Download } from '@core/ipc/import-schemas';
import type { Result } from '@core/ipc/result';
import { useApi } from '../api/client';
import { useFileTransfers } from '../api/file-transfers';
import { useAppState } from './app-state';

type Written = { path: string; download: Download | null };

export type SaveRequest<T extends Written> = {
  /** Which save dialog (Electron). */
  purpose: Exclude<FilePickPurpose, 'import'>;
  /** The suggested file name: the dialog's default, the browser's download name. */
  defaultName: string;
  /** Writes the file: the channel call with its target path and `overwrite`. */
  write: (path: string, overwrite: boolean) => Promise<Result<T>>;
};

/**
 * Saving a file the user asked for (an export, the rejected rows). With paths (Electron) the
 * native save dialog chooses where; a file that exists is replaced only after the user said
 * so — in the dialog, or in "Datei ersetzen?" here when main answers FILE_EXISTS — and then
 * written again with `overwrite`. In the browser main writes a download under the suggested
 * name and the browser saves it. `save` resolves to the channel's result, or null when the
 * user cancelled; `dialog` must be rendered.
 */
export function useFileOutput(): {
  save<T extends Written>(request: SaveRequest<T>): Promise<Result<T> | null>;
  dialog: ReactNode;
} {
  const { t } = useTranslation();
  const api = useApi();
  const transfers = useFileTransfers();
  const { state } = useAppState();
  const [question, setQuestion] = useState<string | null>(null);
  const answer = useRef<(replace: boolean) => void>(() => undefined);

  const ask = useCallback(
    (file: string) =>
      new Promise<boolean>((resolve) => {
        answer.current = (replace) => {
          setQuestion(null);
          resolve(replace);
        };
        setQuestion(file);
      }),
    [],
  );

  const save = useCallback(
    async <T extends Written>(request: SaveRequest<T>): Promise<Result<T> | null> => {
      let path = request.defaultName;
      let overwrite = false;
      if (state.fileAccess === 'paths') {
        const picked = await api.invoke('files.pick', {
          purpose: request.purpose,
          defaultName: request.defaultName,
        });
        if (!picked.ok) return picked;
        if (picked.value.path === null) return null;
        path = picked.value.path;
        overwrite = picked.value.replaceConfirmed;
      }
      let result = await request.write(path, overwrite);
      if (!result.ok && result.error.code === 'FILE_EXISTS') {
        const file = String(result.error.params?.file ?? path);
        if (!(await ask(file))) return null;
        result = await request.write(path, true);
      }
      if (result.ok && result.value.download !== null) transfers?.download(result.value.download);
      return result;
    },
    [api, ask, state.fileAccess, transfers],
  );

  const dialog = (
    <Modal
      opened={question !== null}
      onClose={() => answer.current(false)}
      title={t('files.replaceTitle')}
      size="md"
    >
      <Stack gap="md">
        <Text size="sm">{t('files.replaceText', { file: question ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => answer.current(false)} data-autofocus>
            {t('ui.common.cancel')}
          </Button>
          <Button color="red" onClick={() => answer.current(true)}>
            {t('files.replace')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );

  return { save, dialog };
}
