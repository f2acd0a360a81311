import { useCallback, useEffect, useState } from 'react';
import type { ImportSummary } from '@core/ipc/import-schemas';
import { useApi } from '../../api/client';
import { useImportJob } from './use-import-job';
import type { ImportWizard } from './use-import-wizard';

/** Quiet time after a change of options (e.g. clicking through actions) before checking again. */
export const DRY_RUN_DELAY_MS = 250;

/**
 * The preview's dry run: started when the preview is shown and again whenever an option
 * changes there; not repeated when the user comes back with unchanged choices.
 */
export function useDryRun(wizard: ImportWizard, active: boolean) {
  const api = useApi();
  const job = useImportJob();
  const { importOptions, inspection } = wizard;
  const key = importOptions && inspection ? JSON.stringify([inspection.path, importOptions]) : null;
  const [requested, setRequested] = useState<string | null>(null);
  const [result, setResult] = useState<{ key: string; summary: ImportSummary } | null>(null);
  const { start, reset } = job;

  const run = useCallback(() => {
    if (key === null || !importOptions || !inspection) return;
    setRequested(key);
    void start(
      () =>
        api.invoke('import.start', { path: inspection.path, options: importOptions, dryRun: true }),
      (finished) => {
        if (finished.status === 'done' && finished.summary) {
          setResult({ key, summary: finished.summary });
        }
      },
    );
  }, [api, start, key, importOptions, inspection]);

  useEffect(() => {
    if (!active || key === null || requested === key) return undefined;
    const timer = setTimeout(run, DRY_RUN_DELAY_MS);
    return () => clearTimeout(timer);
  }, [active, key, requested, run]);

  /** The user leaves the preview: a check still running is stopped, a finished one kept. */
  const leave = useCallback(() => {
    if (result?.key === requested && job.job?.status === 'done') return;
    setRequested(null);
    reset();
  }, [job.job?.status, requested, reset, result?.key]);

  /** Drops the check entirely: the database changed under it (an import ran). */
  const forget = useCallback(() => {
    setRequested(null);
    setResult(null);
    reset();
  }, [reset]);

  return {
    job: job.job,
    error: job.error,
    starting: job.starting,
    /** The last finished check, shown (dimmed) while a newer one runs. */
    summary: result?.summary ?? null,
    /** The shown check belongs to the current choices and nothing newer runs. */
    current: result !== null && result.key === key && job.job?.status === 'done',
    /** Checks again with the same choices (after an error, or when the database changed). */
    rerun: run,
    leave,
    forget,
  };
}
