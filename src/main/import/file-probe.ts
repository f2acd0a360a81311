import { Worker } from 'node:worker_threads';
import type { RawRecord } from '@core/formats/types';
import type { ReadOptions } from '@core/ipc/import-schemas';
import { fromFailure, type JobFailure } from './job-protocol';
import { openRecordSource, type RecordSource } from '../formats/record-source';
import { builtWorker, WORKER_LIMITS } from './worker-threads';

/**
 * Reading the start of a file the way an import will (the wizard's inspection, the check
 * before a job starts), on a worker thread of its own when the built worker exists. Opening
 * a workbook reads its whole shared strings table (up to 64 MB of text, parsed string by
 * string); on the thread that serves the UI that work would grow its young generation to
 * 128 MB and keep it, and block the window while it runs. A short-lived worker with the
 * import's heap limits does it and takes its memory along when it ends.
 */

/** What reading the start of a file finds: how it reads, its columns and first records. */
export type FileProbe = Pick<
  RecordSource,
  | 'format'
  | 'fileName'
  | 'size'
  | 'encoding'
  | 'delimiter'
  | 'sheets'
  | 'sheet'
  | 'hasHeader'
  | 'headers'
> & { records: RawRecord[] };

export type ProbeInput = {
  path: string;
  options: ReadOptions;
  /** Data records to read (0: only open the file). */
  records: number;
};

/** Messages of a probe's worker thread. */
export type ProbeMessage =
  { type: 'done'; probe: FileProbe } | { type: 'failed'; failure: JobFailure };

/** Opens the file as an import would and reads its first data records. */
export async function probeFile(input: ProbeInput): Promise<FileProbe> {
  const source = await openRecordSource(input.path, input.options);
  try {
    let records: RawRecord[] = [];
    if (input.records > 0) {
      for await (const batch of source.records({ batchSize: input.records })) {
        records = batch;
        break;
      }
    }
    const { format, fileName, size, encoding, delimiter, sheets, sheet, hasHeader, headers } =
      source;
    return {
      format,
      fileName,
      size,
      encoding,
      delimiter,
      sheets,
      sheet,
      hasHeader,
      headers,
      records,
    };
  } finally {
    await source.close();
  }
}

/**
 * {@link probeFile} on a worker thread (with the import's heap limits) when the built worker
 * exists, else in this thread. A failure arrives as the same error (see `JobFailure`).
 */
export function launchProbe(input: ProbeInput): Promise<FileProbe> {
  const path = builtWorker('probe-worker.js');
  if (path === null) return probeFile(input);
  const worker = new Worker(path, { workerData: input, resourceLimits: WORKER_LIMITS });
  return new Promise<FileProbe>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: ProbeMessage) => {
      settled = true;
      if (message.type === 'done') resolve(message.probe);
      else reject(fromFailure(message.failure));
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`probe worker exited with code ${code}`));
    });
  });
}
