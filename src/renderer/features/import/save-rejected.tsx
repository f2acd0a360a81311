import { useState } from 'react';
import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '@core/ipc/result';
import { useApi } from '../../api/client';
import { errorText } from '../../shared/errors';
import { useFileOutput } from '../../shared/file-output';
import { notifySuccess } from '../../shared/notify';
import { useLanguage } from '../../shared/use-language';
import { formatCount } from '../../shared/format';

/** `messe.csv` → `messe-<suffix>.csv`: the name suggested for the left-out rows. */
export function rejectedFileName(fileName: string, suffix: string): string {
  const match = /^(.*?)(\.[^.]*)?$/.exec(fileName);
  return `${match?.[1] || fileName}-${suffix}.csv`;
}

/**
 * "Ausgelassene Zeilen speichern…": the rows a dry run left out, with a reason column, to a
 * CSV the user chooses in the save dialog, or in the browser as a download. With `rows`
 * "warnings": the rows kept despite a warning, with a warning column.
 */
export function SaveRejectedButton({
  jobId,
  fileName,
  rows,
}: {
  jobId: string;
  fileName: string;
  rows?: 'warnings';
}) {
  const { t } = useTranslation();
  const api = useApi();
  const language = useLanguage();
  const output = useFileOutput();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  const save = async () => {
    setBusy(true);
    const result = await output.save({
      purpose: 'rejected',
      defaultName: rejectedFileName(
        fileName,
        t(rows ? 'importUi.warnings.suffix' : 'importUi.preview.rejectedSuffix'),
      ),
      write: (path, overwrite) =>
        api.invoke('import.saveRejected', { jobId, path, overwrite, ...(rows && { rows }) }),
    });
    setBusy(false);
    if (result === null) return;
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    notifySuccess(
      t(rows ? 'importUi.warnings.saved' : 'importUi.preview.rejectedSaved', {
        count: result.value.rows,
        n: formatCount(result.value.rows, language),
        path: result.value.path,
      }),
    );
  };

  return (
    <>
      <Button variant="default" size="xs" onClick={() => void save()} loading={busy}>
        {t(rows ? 'importUi.warnings.save' : 'importUi.preview.saveRejected')}
      </Button>
      {error && <Alert color="red">{errorText(t, error)}</Alert>}
      {output.dialog}
    </>
  );
}
