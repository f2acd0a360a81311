import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportJob } from '@core/ipc/import-schemas';
import type { AppErrorData, Result } from '@core/ipc/result';
import { useApi } from '../../api/client';
import { useEvery } from '../../shared/clock';

/** How often a running job is asked for its state besides the pushed progress events. */
export const STATUS_POLL_MS = 1000;

/**
 * Whether `next` may replace `current`: a finished state is final, and among running states
 * the one further along wins (a poll answer can overtake a later event).
 */
function supersedes(current: ImportJob | null, next: ImportJob): boolean {
  if (current === null || current.jobId !== next.jobId) return true;
  if (current.status !== 'running') return false;
  if (next.status !== 'running') return true;
  return next.rowsDone >= current.rowsDone && next.bytesDone >= current.bytesDone;
}

export type JobHandle = {
  /** The job as last reported; null before one was started. */
  job: ImportJob | null;
  /** Why the job could not be started, or why asking for it failed. */
  error: AppErrorData | null;
  /** Waiting for main to accept the start. */
  starting: boolean;
  /**
   * Starts (or adopts, e.g. a resumed one) a job; any job this handle still runs is
   * cancelled. `onSettled` hears once how it ended (done, cancelled or failed).
   */
  start: (
    begin: () => Promise<Result<ImportJob>>,
    onSettled?: (job: ImportJob) => void,
  ) => Promise<ImportJob | null>;
  cancel: () => Promise<void>;
  reset: () => void;
};

/**
 * Follows one import job (a dry run or a real import) from start to end: main pushes
 * `import.progress` several times a second; a slow status poll covers a missed event.
 */
export function useImportJob(): JobHandle {
  const api = useApi();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [starting, setStarting] = useState(false);
  const current = useRef<ImportJob | null>(null);
  /** Events that arrived before main's answer to the start named the job. */
  const early = useRef(new Map<string, ImportJob>());
  const awaiting = useRef(false);
  const settled = useRef<((job: ImportJob) => void) | null>(null);
  const generation = useRef(0);

  const accept = useCallback((next: ImportJob) => {
    if (!supersedes(current.current, next)) return;
    current.current = next;
    setJob(next);
    if (next.status !== 'running' && settled.current) {
      const notify = settled.current;
      settled.current = null;
      notify(next);
    }
  }, []);

  useEffect(
    () =>
      api.on('import.progress', (event) => {
        if (current.current?.jobId === event.jobId) accept(event);
        else if (awaiting.current) early.current.set(event.jobId, event);
      }),
    [api, accept],
  );

  // A dry run nobody looks at any more is stopped; a real import goes on without the page.
  useEffect(
    () => () => {
      const left = current.current;
      if (left?.dryRun && left.status === 'running') {
        void api.invoke('import.cancel', { jobId: left.jobId });
      }
    },
    [api],
  );

  const running = job?.status === 'running' ? job.jobId : null;
  useEvery(
    STATUS_POLL_MS,
    running === null
      ? null
      : () => {
          void api.invoke('import.status', { jobId: running }).then((result) => {
            if (result.ok) accept(result.value);
          });
        },
  );

  const stopCurrent = useCallback(async () => {
    const previous = current.current;
    current.current = null;
    settled.current = null;
    if (previous?.status === 'running') {
      await api.invoke('import.cancel', { jobId: previous.jobId });
    }
  }, [api]);

  const start = useCallback(
    async (begin: () => Promise<Result<ImportJob>>, onSettled?: (job: ImportJob) => void) => {
      const mine = ++generation.current;
      await stopCurrent();
      if (mine !== generation.current) return null;
      settled.current = onSettled ?? null;
      early.current.clear();
      setJob(null);
      setError(null);
      setStarting(true);
      awaiting.current = true;
      const result = await begin();
      awaiting.current = false;
      if (mine !== generation.current) {
        // Overtaken by a newer start while main answered: this job is nobody's any more.
        if (result.ok && result.value.status === 'running') {
          void api.invoke('import.cancel', { jobId: result.value.jobId });
        }
        return null;
      }
      setStarting(false);
      if (!result.ok) {
        setError(result.error);
        return null;
      }
      const pushed = early.current.get(result.value.jobId);
      early.current.clear();
      accept(result.value);
      if (pushed) accept(pushed);
      return current.current;
    },
    [api, accept, stopCurrent],
  );

  const cancel = useCallback(async () => {
    const target = current.current;
    if (target?.status !== 'running') return;
    const result = await api.invoke('import.cancel', { jobId: target.jobId });
    if (result.ok) accept(result.value);
    else setError(result.error);
  }, [api, accept]);

  const reset = useCallback(() => {
    generation.current += 1;
    void stopCurrent();
    early.current.clear();
    setJob(null);
    setError(null);
    setStarting(false);
  }, [stopCurrent]);

  return { job, error, starting, start, cancel, reset };
}
