import { translate, type KeysUnder } from '@core/i18n';
import type { ChannelOutput, Language } from '@core/ipc/contract';
import type { ImportJob, ImportSummary } from '@core/ipc/import-schemas';
import { dateTime, table } from './format';

/** A text of the import commands (core catalog, section `importCli`). */
export const importText = (
  language: Language,
  key: KeysUnder<'importCli'>,
  params: Record<string, string | number> = {},
) => translate(language, `importCli.${key}`, params);

const t = importText;

type Issue = ImportSummary['issues'][number];

/** Listed issues, one line each with its row; a left-out row's are all errors to the user. */
function issueLines(issues: readonly Issue[], language: Language, rejected: boolean): string[] {
  return issues.map((issue) => {
    const message = translate(language, `importIssues.${issue.code}`, {
      value: issue.value,
      column: issue.column ?? '',
    });
    const key = rejected || issue.severity === 'error' ? 'errorLine' : 'warningLine';
    return `  ${t(language, key, { row: issue.row, message })}`;
  });
}

/**
 * Every listed issue in two parts: those of the rows left out (a row with an error is left
 * out, its warnings are listed with it), then the warnings of the rows that were imported.
 */
function issueSections(summary: ImportSummary, language: Language): string[] {
  const rejectedRows = new Set(
    summary.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.row),
  );
  const rejected = summary.issues.filter((issue) => rejectedRows.has(issue.row));
  const warned = summary.issues.filter((issue) => !rejectedRows.has(issue.row));
  const lines: string[] = [];
  if (rejected.length > 0) {
    lines.push(t(language, 'rejectedHeading'), ...issueLines(rejected, language, true));
  }
  if (warned.length > 0) {
    lines.push(t(language, 'warningsHeading'), ...issueLines(warned, language, false));
  }
  const more = summary.issuesTotal - summary.issues.length;
  if (more > 0) lines.push(`  ${t(language, 'moreIssues', { count: more })}`);
  return lines;
}

type PreviewRow = ImportSummary['preview'][number];

/** One possible duplicate: the row, whom it resembles, what happens to it. */
function possibleLine(item: PreviewRow, language: Language): string {
  const { match, lead } = item;
  const name = `${lead.firstName} ${lead.lastName}`.trim();
  const matched = match?.name ?? '';
  const other =
    match === null || match.leadId !== null
      ? matched
      : t(language, 'possibleInFile', { name: matched, row: match.row ?? 0 });
  const outcome = translate(language, `importUi.outcomes.${item.outcome}`);
  return `  ${t(language, 'possibleLine', { row: item.row, name, other, outcome })}`;
}

/** Every listed possible duplicate, and how to decide them otherwise. */
function possibleLines(summary: ImportSummary, language: Language): string[] {
  if (summary.possibleDuplicates === 0) return [];
  const lines = summary.possibleDuplicateRows.map((item) => possibleLine(item, language));
  const more = summary.possibleDuplicates - summary.possibleDuplicateRows.length;
  if (more > 0) lines.push(`  ${t(language, 'moreIssues', { count: more })}`);
  lines.push(`  ${t(language, 'possibleHint')}`);
  return lines;
}

/** The summary of a finished import or dry run, with every listed issue. */
export function summaryLines(job: ImportJob, summary: ImportSummary, language: Language): string[] {
  const file = job.fileName;
  const heading = job.dryRun
    ? t(language, 'dryRun', { file })
    : t(language, 'done', { file, id: job.batchId ?? '' });
  const duplicates = summary.duplicatesInFile + summary.duplicatesInDatabase;
  const created =
    summary.createdDespiteDuplicate > 0
      ? t(language, 'createdDespite', {
          count: summary.created,
          despite: summary.createdDespiteDuplicate,
        })
      : t(language, 'created', { count: summary.created });
  const lines = [
    heading,
    t(language, 'rows', { count: summary.rows }),
    created,
    t(language, 'filled', { count: summary.filled }),
    t(language, 'overwritten', { count: summary.overwritten }),
    t(language, 'skipped', { count: summary.skipped }),
    t(language, 'suppressed', { count: summary.suppressed }),
    t(language, 'duplicates', {
      count: duplicates,
      inFile: summary.duplicatesInFile,
      inDatabase: summary.duplicatesInDatabase,
    }),
    t(language, 'possibleDuplicates', { count: summary.possibleDuplicates }),
    ...possibleLines(summary, language),
    t(language, 'warningRows', { count: summary.warningRows }),
    t(language, 'invalid', { count: summary.invalid }),
  ];
  if (summary.empty > 0) lines.push(t(language, 'empty', { count: summary.empty }));
  lines.push(...issueSections(summary, language));
  return lines;
}

type Batch = ChannelOutput<'imports.list'>[number];

/** The import history as a table. */
export function batchTable(batches: readonly Batch[], language: Language): string {
  const header = [
    t(language, 'colId'),
    t(language, 'colFile'),
    t(language, 'colDate'),
    t(language, 'colUser'),
    t(language, 'colStatus'),
    t(language, 'colCreated'),
    t(language, 'colFilled'),
    t(language, 'colOverwritten'),
    t(language, 'colSkipped'),
    t(language, 'colInvalid'),
    t(language, 'colPossible'),
    t(language, 'colWarnings'),
  ];
  const body = batches.map((batch) => [
    batch.id,
    batch.fileName,
    dateTime(batch.importedAt, language),
    batch.userName ?? '',
    t(language, `status.${batch.status}`),
    String(batch.created),
    String(batch.filled),
    String(batch.overwritten),
    String(batch.skipped),
    String(batch.invalid),
    String(batch.possibleDuplicates),
    String(batch.warningRows),
  ]);
  return table(header, body, [5, 6, 7, 8, 9, 10, 11]);
}
