import type { Logger as QueryLogger } from 'kysely';
import { Worker } from 'node:worker_threads';
import type { ImportSummary } from '@core/ipc/import-schemas';
import type { Logger } from '../log';
import {
  fromFailure,
  type ImportJobInput,
  type ImportProgress,
  type ServiceMessage,
  type StopReason,
  type WorkerMessage,
} from './job-protocol';
import { runImportJob } from './job-runner';
import { createOrderedIds } from './ordered-ids';
import { builtWorker, WORKER_LIMITS } from './worker-threads';

/** A job started by {@link launchImportJob}. */
export type LaunchedJob = {
  /** Settles when the job has ended; its batch is consistent by then. */
  done: Promise<ImportSummary>;
  /** Asks the job to stop before its next chunk. */
  stop(reason: StopReason): void;
  /** Whether it runs on a worker thread (built output) or in this thread (tests). */
  thread: 'worker' | 'main';
};

function onWorker(
  path: string,
  input: ImportJobInput,
  onProgress: (progress: ImportProgress) => void,
  log: Logger,
): LaunchedJob {
  const worker = new Worker(path, { workerData: input, resourceLimits: WORKER_LIMITS });
  const done = new Promise<ImportSummary>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'log') log(message.message, message.detail);
      else if (message.type === 'done') {
        settled = true;
        resolve(message.summary);
      } else {
        settled = true;
        reject(fromFailure(message.failure));
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`import worker exited with code ${code}`));
    });
  });
  return {
    done,
    stop(reason) {
      const message: ServiceMessage = { type: 'stop', reason };
      worker.postMessage(message);
    },
    thread: 'worker',
  };
}

/**
 * Starts an import job with its own database connection: on a worker thread when the
 * built worker exists (Electron, web, CLI), else in this thread with the given clock (the
 * tests run the TypeScript sources). Either way the app's own connection keeps serving
 * requests while the job runs, the rows get time-ordered ids (see `createOrderedIds`), a
 * failure arrives as the same error (see `JobFailure`), and technical details reach `log`.
 * `queryLog` observes the queries of a job in this thread (tests, benchmarks).
 */
export function launchImportJob(
  input: ImportJobInput,
  onProgress: (progress: ImportProgress) => void,
  now: () => number,
  log: Logger,
  queryLog?: QueryLogger,
): LaunchedJob {
  const path = builtWorker('import-worker.js');
  if (path !== null) return onWorker(path, input, onProgress, log);
  const controller = new AbortController();
  const newId = createOrderedIds(now);
  const params = { ...input, now, newId, signal: controller.signal, onProgress, log };
  return {
    done: runImportJob(queryLog === undefined ? params : { ...params, queryLog }),
    stop: (reason) => controller.abort(reason),
    thread: 'main',
  };
}
