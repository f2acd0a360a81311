import { parentPort, workerData } from 'node:worker_threads';
import { type ProbeInput, type ProbeMessage, probeFile } from './file-probe';
import { toFailure } from './job-protocol';

/**
 * Worker-thread entry of a file probe (built as `out/main/probe-worker.js`, see
 * `launchProbe`): reads the start of the file, posts what it found or the failure as data,
 * and ends.
 */
const port = parentPort;
if (port === null) throw new Error('probe-worker must run as a worker thread');

const post = (message: ProbeMessage) => port.postMessage(message);

probeFile(workerData as ProbeInput)
  .then(
    (probe) => post({ type: 'done', probe }),
    (error: unknown) => post({ type: 'failed', failure: toFailure(error) }),
  )
  .finally(() => port.close());
