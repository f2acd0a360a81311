import { assertNever } from '@core/domain/stages';
import { isPossibleMatch } from '@core/import/match-keys';
import type { RowIssue } from '@core/import/types';
import type { ImportSummary, ROW_OUTCOMES } from '@core/ipc/import-schemas';

export type RowOutcome = (typeof ROW_OUTCOMES)[number];
export type PreviewRow = ImportSummary['preview'][number];

/** How much of a run the summary keeps as samples (the counts cover everything). */
export const SUMMARY_LIMITS = {
  issues: 1000,
  preview: 50,
  duplicates: 500,
  possibleDuplicates: 500,
} as const;

/** Counts a batch row stores, for a resumed job to start from. */
export type StoredCounts = {
  rows: number;
  created: number;
  filled: number;
  overwritten: number;
  skipped: number;
  suppressed: number;
  invalid: number;
  duplicates: number;
  possibleDuplicates: number;
  warnings: number;
  warningRows: number;
};

export function emptySummary(): ImportSummary {
  return {
    rows: 0,
    created: 0,
    filled: 0,
    overwritten: 0,
    skipped: 0,
    createdDespiteDuplicate: 0,
    suppressed: 0,
    invalid: 0,
    empty: 0,
    warnings: 0,
    warningRows: 0,
    duplicatesInFile: 0,
    duplicatesInDatabase: 0,
    possibleDuplicates: 0,
    issues: [],
    issuesTotal: 0,
    preview: [],
    duplicates: [],
    possibleDuplicateRows: [],
  };
}

type CountKey = {
  [K in keyof ImportSummary]: ImportSummary[K] extends number ? K : never;
}[keyof ImportSummary];

/** Every count of a summary (its number fields). */
const COUNT_KEYS = Object.entries(emptySummary())
  .filter(([, value]) => typeof value === 'number')
  .map(([key]) => key as CountKey);

function append<T>(to: T[], from: readonly T[], limit: number): void {
  for (const item of from.slice(0, Math.max(0, limit - to.length))) to.push(item);
}

/** Collects the counts and samples of a run row by row. */
export class SummaryBuilder {
  readonly summary: ImportSummary;

  constructor(start: StoredCounts | null = null) {
    this.summary = emptySummary();
    if (start !== null) {
      Object.assign(this.summary, {
        rows: start.rows,
        created: start.created,
        filled: start.filled,
        overwritten: start.overwritten,
        skipped: start.skipped,
        suppressed: start.suppressed,
        invalid: start.invalid,
        // A resumed job cannot tell the earlier duplicates apart: counted as in the database.
        duplicatesInDatabase: start.duplicates,
        possibleDuplicates: start.possibleDuplicates,
        warnings: start.warnings,
        warningRows: start.warningRows,
      });
    }
  }

  /** Empty rows are counted, not listed: spreadsheets end in many of them. */
  addIssues(issues: readonly RowIssue[]): void {
    const s = this.summary;
    for (const issue of issues) {
      if (issue.code === 'empty_row') continue;
      if (issue.severity === 'warning') s.warnings += 1;
      s.issuesTotal += 1;
      if (s.issues.length < SUMMARY_LIMITS.issues) s.issues.push(issue);
    }
  }

  /** Counts a row without a lead (invalid or empty). */
  addRejected(outcome: 'invalid' | 'empty'): void {
    this.summary.rows += 1;
    this.summary[outcome] += 1;
  }

  /**
   * Counts a row with its outcome; `inFile` tells where its match (if any) was found, `warned`
   * whether it had a warning (it is kept, with bad values moved to its notes). A possible
   * match (similar name only) is counted and listed apart from certain ones.
   */
  addRow(preview: PreviewRow, inFile: boolean, warned = false): void {
    const s = this.summary;
    const { match } = preview;
    const possible = match !== null && isPossibleMatch(match.reason);
    s.rows += 1;
    if (warned) s.warningRows += 1;
    switch (preview.outcome) {
      case 'create':
        s.created += 1;
        if (match !== null && !possible) s.createdDespiteDuplicate += 1;
        break;
      case 'fill':
        s.filled += 1;
        break;
      case 'overwrite':
        s.overwritten += 1;
        break;
      case 'skip':
        s.skipped += 1;
        break;
      case 'suppressed':
        s.suppressed += 1;
        break;
      case 'invalid':
      case 'empty':
        s[preview.outcome] += 1;
        break;
      default:
        assertNever(preview.outcome);
    }
    if (possible) {
      s.possibleDuplicates += 1;
      if (s.possibleDuplicateRows.length < SUMMARY_LIMITS.possibleDuplicates) {
        s.possibleDuplicateRows.push(preview);
      }
    } else if (match !== null) {
      if (inFile) s.duplicatesInFile += 1;
      else s.duplicatesInDatabase += 1;
      if (s.duplicates.length < SUMMARY_LIMITS.duplicates) s.duplicates.push(preview);
    }
    if (s.preview.length < SUMMARY_LIMITS.preview) s.preview.push(preview);
  }

  /**
   * Adds what another builder collected (one chunk's planning) to this one: every count,
   * and its samples after this one's, up to the limits.
   */
  absorb(other: SummaryBuilder): void {
    const s = this.summary;
    const o = other.summary;
    for (const key of COUNT_KEYS) s[key] += o[key];
    append(s.issues, o.issues, SUMMARY_LIMITS.issues);
    append(s.preview, o.preview, SUMMARY_LIMITS.preview);
    append(s.duplicates, o.duplicates, SUMMARY_LIMITS.duplicates);
    append(s.possibleDuplicateRows, o.possibleDuplicateRows, SUMMARY_LIMITS.possibleDuplicates);
  }

  /** The counts as a batch row stores them. */
  counts() {
    const s = this.summary;
    return {
      rows_done: s.rows,
      created_count: s.created,
      filled_count: s.filled,
      overwritten_count: s.overwritten,
      skipped_count: s.skipped,
      suppressed_count: s.suppressed,
      invalid_count: s.invalid,
      duplicate_count: s.duplicatesInFile + s.duplicatesInDatabase,
      possible_duplicate_count: s.possibleDuplicates,
      warning_count: s.warnings,
      warning_row_count: s.warningRows,
    };
  }
}
