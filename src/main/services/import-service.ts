import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { applyMapping } from '@core/import/mapping';
import { csvLine, UTF8_BOM } from '@core/formats/csv-writer';
import { LOCALES, translate } from '@core/i18n';
import type { ImportJob, ImportOptions, SavedRowList } from '@core/ipc/import-schemas';
import { AppError, validationError } from '../errors';
import { convertRecord, readOptionsOf } from '../import/job-runner';
import { launchProbe } from '../import/file-probe';
import { hashFile, openRecordSource } from '../formats/record-source';
import { insertBatch } from '../repositories/import-repository';
import { findPreviousImport } from '../repositories/import-lookup-repository';
import { findUser } from '../repositories/users-repository';
import {
  languageOf,
  readDb,
  requireSession,
  selectedUserId,
  write,
  type AppContext,
} from './context';
import {
  readableFile,
  writeRequestedFile,
  type WriteRequest,
  type WrittenFile,
} from './file-access';
import { cancelJob, exclusiveStart, finishedJobInput, jobSnapshot, startJob } from './import-jobs';

/**
 * The import use cases: start (checks, batch row, job), status, cancel and the rejected
 * rows of a finished job. The jobs themselves are tracked in import-jobs.ts.
 */

function formatDate(ms: number, ctx: AppContext): string {
  return new Intl.DateTimeFormat(LOCALES[languageOf(ctx)], {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(ms);
}

/** The user a real import is recorded under: the one chosen for this file, or NO_USER. */
export async function importingUser(ctx: AppContext): Promise<string> {
  const session = requireSession(ctx);
  const userId = selectedUserId(ctx, session);
  if (userId === null || (await findUser(session.db, userId)) === undefined) {
    throw new AppError('NO_USER');
  }
  return userId;
}

/**
 * Starts an import (or, with `dryRun`, a check that writes nothing) and returns its job at
 * once, status running. Checked first: no other import runs here (IMPORT_RUNNING), the
 * user (NO_USER, real imports), the owner, that the file can be read (FILE_UNREADABLE) and
 * that the same bytes were not imported before without undo (IMPORT_REPEATED with the
 * file and date, unless `options.confirmRepeat`). A real import gets its batch row here.
 */
export async function startImport(
  ctx: AppContext,
  path: string,
  options: ImportOptions,
  dryRun: boolean,
): Promise<ImportJob> {
  return exclusiveStart(ctx, async () => {
    const db = readDb(ctx);
    const absolute = readableFile(ctx, path);
    const userId = dryRun ? null : await importingUser(ctx);
    if (options.ownerId !== null && (await findUser(db, options.ownerId)) === undefined) {
      throw validationError([{ path: ['options', 'ownerId'], key: 'validation.invalid' }]);
    }
    const source = await launchProbe({
      path: absolute,
      options: readOptionsOf(options),
      records: 0,
    });
    let batchId: string | null = null;
    if (userId !== null) {
      const contentHash = await hashFile(absolute);
      const previous = await findPreviousImport(db, contentHash);
      if (previous !== undefined && !options.confirmRepeat) {
        throw new AppError('IMPORT_REPEATED', 'errors.IMPORT_REPEATED', {
          file: previous.file_name,
          date: formatDate(previous.started_at, ctx),
        });
      }
      const id = ctx.newId();
      const now = ctx.now();
      await write(ctx, (trx) =>
        insertBatch(trx, {
          id,
          file_name: source.fileName,
          file_path: absolute,
          file_size: source.size,
          content_hash: contentHash,
          format: source.format,
          options: JSON.stringify(options),
          mapping_name: options.mappingName,
          source_channel: options.sourceChannel,
          campaign_id: null,
          owner_id: options.ownerId,
          status: 'running',
          started_at: now,
          started_by: userId,
          heartbeat_at: now,
        }),
      );
      batchId = id;
    }
    const session = requireSession(ctx);
    return startJob(
      ctx,
      {
        dbPath: session.path,
        busyTimeoutMs: ctx.busyTimeoutMs,
        path: absolute,
        options,
        dryRun,
        batchId,
        userId,
        language: languageOf(ctx),
        fromRecord: 0,
      },
      { fileName: source.fileName, size: source.size },
    );
  });
}

/** Where a job stands (NOT_FOUND for an unknown or long-forgotten job). */
export async function importStatus(ctx: AppContext, jobId: string): Promise<ImportJob> {
  return jobSnapshot(ctx, jobId);
}

/**
 * Stops a running job before its next chunk and waits for it: a real import's batch is
 * discarded (nothing of it stays), status cancelled. A finished job is returned as it is.
 */
export async function cancelImport(ctx: AppContext, jobId: string): Promise<ImportJob> {
  return cancelJob(ctx, jobId);
}

/**
 * Writes the rows a finished job left out for errors as CSV for Excel (UTF-8 with BOM, `;`):
 * the file's own columns plus a reason column ("Grund"/"Reason") with every error of the row
 * in the user's language; `csvLine` neutralises formulas in every cell, the header's too.
 * Only invalid rows: suppressed people must not come back, skipped duplicates were the
 * user's choice, empty rows carry nothing. With `rows: 'warnings'` it writes instead the rows
 * that were imported despite a warning (a value kept in the notes, a name taken from another
 * field), with a "Warnung"/"Warning" column, so the user can check what was changed. Re-reads the file, so memory stays bounded. The
 * file goes through {@link writeRequestedFile} (never onto a database, an existing file only
 * with `overwrite`, whole or not at all; a download in the browser). Returns the number of
 * rows written, the path (browser: the file name) and the download.
 */
export async function saveRejected(
  ctx: AppContext,
  jobId: string,
  target: WriteRequest & { rows?: SavedRowList },
): Promise<{ rows: number } & WrittenFile> {
  const input = finishedJobInput(ctx, jobId);
  const language = languageOf(ctx);
  const { options } = input;
  const warnings = target.rows === 'warnings';
  const written = await writeRequestedFile(ctx, target, async (out) => {
    const source = await openRecordSource(input.path, readOptionsOf(options));
    let rows = 0;
    try {
      const { headers } = source;
      const columns = applyMapping(headers, options.mapping);
      const reason = translate(
        language,
        warnings ? 'importJob.warningColumn' : 'importJob.reasonColumn',
      );
      await writeText(out, UTF8_BOM + csvLine([...headers, reason], ';'));
      for await (const records of source.records()) {
        let text = '';
        for (const raw of records) {
          const converted = convertRecord(raw, headers, columns, language);
          // A left-out row lists all its issues (a bad email may be why it has no contact route).
          const listed = warnings
            ? converted.issues.filter((issue) => issue.severity === 'warning')
            : converted.issues;
          const kept = converted.lead !== null;
          const failed = converted.issues.some((issue) => issue.severity === 'error');
          if (warnings ? !kept || listed.length === 0 : kept || !failed) continue;
          const reasons = listed.map((issue) =>
            translate(language, `importIssues.${issue.code}`, {
              value: issue.value,
              column: issue.column ?? '',
            }),
          );
          const cells = headers.map((_, index) => raw.cells[index] ?? '');
          text += csvLine([...cells, reasons.join('; ')], ';');
          rows += 1;
        }
        await writeText(out, text);
      }
    } finally {
      await source.close();
    }
    return rows;
  });
  return { rows: written.value, path: written.path, download: written.download };
}

/** Writes text to the stream, waiting while it is behind. */
async function writeText(out: Writable, text: string): Promise<void> {
  if (text === '' || out.write(text)) return;
  await Promise.race([once(out, 'drain'), once(out, 'close')]);
}
