import type { Activity, LeadDetail, LeadSummary } from '@core/domain/lead';
import { formatCents, LOCALES, translate, translateDescribed } from '@core/i18n';
import type { Language } from '@core/ipc/contract';
import type { ContentItem } from '@core/scoring/content';
import { describeCondition } from '@core/scoring/rules';
import type { Contribution } from '@core/scoring/score';
import { cliText } from './messages';

/** Pads by visible characters (code points), so umlauts do not shift the columns. */
function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

/** Lays out a table; the columns named in `right` are right-aligned (numbers, money). */
export function table(
  header: readonly string[],
  body: readonly string[][],
  right: number[],
): string {
  const widths = header.map((h, i) =>
    Math.max([...h].length, ...body.map((r) => [...(r[i] ?? '')].length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        return right.includes(i)
          ? ' '.repeat(Math.max(0, width - [...cell].length)) + cell
          : pad(cell, width);
      })
      .join('  ')
      .trimEnd();
  return [line(header), ...body.map(line)].join('\n');
}

/**
 * The leads table of `leads list`: id, name, company, stage, score with temperature, owner,
 * expected value in the language's money format; score and value are right-aligned.
 */
export function formatLeadTable(rows: readonly LeadSummary[], language: Language): string {
  const t = (key: Parameters<typeof cliText>[1]) => cliText(language, key);
  const header = [
    t('colId'),
    t('colName'),
    t('colCompany'),
    t('colStage'),
    t('colScore'),
    t('colOwner'),
    t('colValue'),
  ];
  const body = rows.map((lead) => [
    lead.id,
    truncate(`${lead.firstName} ${lead.lastName}`.trim(), 32),
    truncate(lead.companyName ?? '', 36),
    translate(language, `stages.${lead.stage}`),
    `${lead.scoreTotal} ${translate(language, `scoring.temperatures.${lead.temperature}`)}`,
    lead.ownerName ?? '',
    lead.expectedValueCents === null ? '' : formatCents(lead.expectedValueCents, language),
  ]);
  return table(header, body, [4, 6]);
}

/** The content library of `content list`: id, name, type, topic, buying phase, audience. */
export function formatContentTable(items: readonly ContentItem[], language: Language): string {
  const t = (key: Parameters<typeof cliText>[1]) => cliText(language, key);
  const header = [
    t('colId'),
    t('colName'),
    t('colType'),
    t('colTopic'),
    t('colPhase'),
    t('colRole'),
  ];
  const body = items.map((item) => [
    item.id,
    truncate(item.archived ? `${item.name} ${t('archived')}` : item.name, 60),
    translate(language, `contentTypes.${item.type}`),
    item.topic ?? '',
    translate(language, `buyingPhases.${item.phase}`),
    item.targetRole === null ? '' : translate(language, `buyingRoles.${item.targetRole}`),
  ]);
  return table(header, body, []);
}

/** A signed whole number ("+15", "−20" with a plain minus, "0"). */
function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

/** "Score 72 (Passung 50, Engagement 22) – heiß", noting when BANT set the temperature. */
export function formatScoreSummary(score: LeadDetail['score'], language: Language): string {
  const axis = (name: 'fit' | 'engagement') => translate(language, `scoring.axes.${name}`);
  const temperature = translate(language, `scoring.temperatures.${score.temperature}`);
  const basis = score.temperatureBasis === 'bant' ? ` (${cliText(language, 'scoreByBant')})` : '';
  return (
    `${cliText(language, 'detailScore')} ${score.total} ` +
    `(${axis('fit')} ${score.fit}, ${axis('engagement')} ${score.engagement}) – ${temperature}${basis}`
  );
}

/**
 * One line of "why this score": value, the rule's condition in words, and for an activity
 * its date, content item or address, the decay applied and whether the rule's limit cut it.
 */
function contributionLine(contribution: Contribution, language: Language): string {
  const rule = translateDescribed(language, describeCondition(contribution.condition));
  const details: string[] = [];
  const source = contribution.source;
  if (source.kind === 'activity') {
    details.push(date(source.occurredAt, language));
    if (source.contentName !== null) details.push(`„${source.contentName}“`);
    else if (source.url !== null) details.push(source.url);
    if (contribution.decay < 1) {
      details.push(`${contribution.points} × ${Math.round(contribution.decay * 100)} %`);
    }
    if (contribution.capped) details.push(cliText(language, 'capped'));
  }
  const suffix = details.length > 0 ? `  (${details.join(', ')})` : '';
  return `${signed(contribution.value).padStart(5)}  ${rule}${suffix}`;
}

function date(epochMs: number, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium' }).format(epochMs);
}

/** What an activity was about, for the timeline: its text, content item, address and topic. */
function activityText(activity: Activity): string {
  return [
    activity.text,
    activity.contentName === null ? '' : `„${activity.contentName}“`,
    activity.url ?? '',
    activity.topic === null ? '' : `#${activity.topic}`,
  ]
    .filter((part) => part !== '')
    .join(' · ');
}

/** Date and time in the language's locale. */
export function dateTime(epochMs: number, language: Language): string {
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
  const lines = [
    `${salutation}${[lead.firstName, lead.lastName].filter(Boolean).join(' ')}  (${lead.id})`,
    '',
  ];
  if (lead.doNotContact) lines.splice(1, 0, `  ⊘ ${translate(language, 'dnc.tooltip')}`);
  for (const [label, value] of present) lines.push(`  ${pad(label, width)}  ${value}`);
  if (lead.notes.trim() !== '') lines.push('', `${t('detailNotes')}:`, `  ${lead.notes}`);
  const { score } = detail;
  lines.push('', `${formatScoreSummary(score, language)}:`);
  for (const axis of ['fit', 'engagement'] as const) {
    const contributions = score.contributions.filter((c) => c.axis === axis);
    if (contributions.length === 0) continue;
    lines.push(`  ${translate(language, `scoring.axes.${axis}`)}:`);
    for (const contribution of contributions) {
      lines.push(`  ${contributionLine(contribution, language)}`);
    }
  }
  if (score.topics.length > 0) {
    const topics = score.topics.map((topic) => `${topic.topic} ${Math.round(topic.share * 100)} %`);
    lines.push(`  ${t('detailTopics')}: ${topics.join(', ')}`);
  }
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
        `  ${dateTime(activity.occurredAt, language)}  ${translate(language, `activityKinds.${activity.kind}`)}: ${activityText(activity)}${by}`,
      );
    }
  }
  return lines.join('\n');
}
