import type { TFunction } from 'i18next';
import { LOCALES } from '@core/i18n/index';
import type { Language } from '@core/ipc/contract';
import type { ImportJob } from '@core/ipc/import-schemas';
import type { CsvDelimiter } from '@core/formats/types';
import { assertNever } from '@core/domain/stages';
import { formatCount } from '../../shared/format';

/** A share 0…1 as percent ("42 %"). */
export function formatPercent(share: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(share);
}

/** A file size for people ("1,2 MB", "830 Byte"). */
export function formatBytes(bytes: number, language: Language): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'unit',
    unit: units[unit],
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** The catalog key part of a delimiter (`importUi.delimiters.<name>`). */
export function delimiterName(delimiter: CsvDelimiter): 'semicolon' | 'comma' | 'tab' | 'pipe' {
  switch (delimiter) {
    case ';':
      return 'semicolon';
    case ',':
      return 'comma';
    case '\t':
      return 'tab';
    case '|':
      return 'pipe';
    default:
      return assertNever(delimiter);
  }
}

/**
 * How far a job is, 0…1: by rows once the total is known (or estimated), else by bytes read;
 * a finished job is complete whatever the estimate said.
 */
export function jobShare(job: ImportJob): number {
  if (job.status !== 'running') return 1;
  if (job.rowsTotal !== null && job.rowsTotal > 0) {
    return Math.min(1, job.rowsDone / job.rowsTotal);
  }
  return job.bytesTotal > 0 ? Math.min(1, job.bytesDone / job.bytesTotal) : 0;
}

/** "1.234 von 5.000 Zeilen (25 %)" or, before an estimate exists, "1.234 Zeilen". */
export function jobProgressText(t: TFunction, job: ImportJob, language: Language): string {
  const done = formatCount(job.rowsDone, language);
  if (job.rowsTotal === null) return t('importUi.run.progressUnknown', { done });
  return t('importUi.run.progress', {
    done,
    total: formatCount(Math.max(job.rowsTotal, job.rowsDone), language),
    percent: formatPercent(jobShare(job), language),
  });
}
