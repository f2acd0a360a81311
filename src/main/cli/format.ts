import type { LeadDetail, LeadSummary } from '@core/domain/lead';
import { formatCents, LOCALES, translate } from '@core/i18n';
import type { Language } from '@core/ipc/contract';
import { cliText } from './messages';

/** Pads by visible characters (code points), so umlauts do not shift the columns. */
function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

/**
 * The leads table of `leads list`: id, name, company, stage, owner, expected value in the
 * language's money format; the value column is right-aligned.
 */
export function formatLeadTable(rows: readonly LeadSummary[], language: Language): string {
  const t = (key: Parameters<typeof cliText>[1]) => cliText(language, key);
  const header = [
    t('colId'),
    t('colName'),
    t('colCompany'),
    t('colStage'),
    t('colOwner'),
    t('colValue'),
  ];
  const body = rows.map((lead) => [
    lead.id,
    truncate(`${lead.firstName} ${lead.lastName}`, 32),
    truncate(lead.companyName ?? '', 36),
    translate(language, `stages.${lead.stage}`),
    lead.ownerName ?? '',
    lead.expectedValueCents === null ? '' : formatCents(lead.expectedValueCents, language),
  ]);
  const widths = header.map((h, i) =>
    Math.max([...h].length, ...body.map((r) => [...(r[i] ?? '')].length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        return i === cells.length - 1 ? cell.padStart(width) : pad(cell, width);
      })
      .join('  ')
      .trimEnd();
  return [line(header), ...body.map(line)].join('\n');
}

function dateTime(epochMs: number, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(epochMs);
}

/** A readable view of one lead for `leads show` without --json. */
export function formatLeadDetail(detail: LeadDetail, language: Language): string {
  const { lead } = detail;
  const t = (key: Parameters<typeof cliText>[1]) => cliText(language, key);
  const money = (cents: number | null) => (cents === null ? null : formatCents(cents, language, 2));
  const salutation =
    lead.salutation === 'none' ? '' : `${translate(language, `salutations.${lead.salutation}`)} `;
  const company = lead.company
    ? [lead.company.name, [lead.company.postalCode, lead.company.city].filter(Boolean).join(' ')]
        .filter(Boolean)
        .join(', ')
    : null;
  const fields: [string, string | null][] = [
    [t('detailStage'), translate(language, `stages.${lead.stage}`)],
    [t('detailCompany'), company],
    [t('detailJob'), lead.jobTitle],
    [t('detailRole'), translate(language, `buyingRoles.${lead.buyingRole}`)],
    [t('detailEmail'), lead.email],
    [t('detailPhone'), lead.phone],
    [t('detailMobile'), lead.mobile],
    [t('detailSource'), translate(language, `channels.${lead.sourceChannel}`)],
    [t('detailExpected'), money(lead.expectedValueCents)],
    [t('detailClose'), lead.expectedCloseDate],
    [t('detailDeal'), money(lead.dealValueCents)],
    [t('detailVersion'), String(lead.version)],
  ];
  const present = fields.filter((f): f is [string, string] => f[1] !== null && f[1] !== '');
  const width = Math.max(...present.map(([label]) => [...label].length));
  const lines = [`${salutation}${lead.firstName} ${lead.lastName}  (${lead.id})`, ''];
  for (const [label, value] of present) lines.push(`  ${pad(label, width)}  ${value}`);
  if (lead.notes.trim() !== '') lines.push('', `${t('detailNotes')}:`, `  ${lead.notes}`);
  lines.push('', `${t('detailHistory')}:`);
  for (const change of detail.history) {
    const from = change.fromStage ? `${translate(language, `stages.${change.fromStage}`)} → ` : '';
    const reason = change.reason ? ` – ${change.reason}` : '';
    const by = change.changedByName ? ` (${change.changedByName})` : '';
    lines.push(
      `  ${dateTime(change.changedAt, language)}  ${from}${translate(language, `stages.${change.toStage}`)}${reason}${by}`,
    );
  }
  if (detail.activities.length > 0) {
    lines.push('', `${t('detailActivities')}:`);
    for (const activity of detail.activities) {
      const by = activity.createdByName ? ` (${activity.createdByName})` : '';
      lines.push(
        `  ${dateTime(activity.occurredAt, language)}  ${translate(language, `activityKinds.${activity.kind}`)}: ${activity.text}${by}`,
      );
    }
  }
  return lines.join('\n');
}
