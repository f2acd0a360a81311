import { parentPort, workerData } from 'node:worker_threads';
import { describeForLog } from '../log';
import type { ImportJobInput, ServiceMessage, WorkerMessage } from './job-protocol';
import { toFailure } from './job-protocol';
import { runImportJob } from './job-runner';
import { createOrderedIds } from './ordered-ids';

/**
 * Worker-thread entry of an import (built as `out/main/import-worker.js`): runs the job
 * with the input the service passed, posts its progress and its result or failure, and
 * stops between chunks when the service asks. The real clock and time-ordered ids of its
 * own: functions cannot cross threads. Failures cross as `JobFailure` data.
 */
const port = parentPort;
if (port === null) throw new Error('import-worker must run as a worker thread');

const controller = new AbortController();
port.on('message', (message: ServiceMessage) => {
  if (message.type === 'stop') controller.abort(message.reason);
});

const post = (message: WorkerMessage) => port.postMessage(message);

runImportJob({
  ...(workerData as ImportJobInput),
  now: Date.now,
  newId: createOrderedIds(Date.now),
  signal: controller.signal,
  onProgress: (progress) => post({ type: 'progress', progress }),
  // The service logs it where its host logs: the command line's stderr is the user's.
  log: (message, error) => post({ type: 'log', message, detail: describeForLog(error) }),
})
  .then(
    (summary) => post({ type: 'done', summary }),
    (error: unknown) => post({ type: 'failed', failure: toFailure(error) }),
  )
  .finally(() => port.close());
