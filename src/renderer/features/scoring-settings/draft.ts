import { toFieldIssues } from '@core/ipc/issues';
import type { FieldIssue } from '@core/ipc/result';
import { scoringSettingsSchema } from '@core/ipc/scoring-schemas';
import {
  axisOf,
  BANT_ELEMENTS,
  HANDOVER_CRITERIA,
  type Condition,
  type ConditionKind,
  type Rule,
  type ScoreAxis,
  type ScoringSettings,
} from '@core/scoring/index';

/**
 * The model as the settings page edits it: a `ScoringSettings` whose numbers may be NaN
 * while a field holds text that is not a whole number. Validation turns NaN into a field
 * issue, so such a draft is never previewed or saved.
 */
export type Draft = ScoringSettings;

/** The condition a new rule of each kind starts with; the user adjusts it in the row. */
const NEW_CONDITIONS: { [K in ConditionKind]: () => Extract<Condition, { kind: K }> } = {
  field_present: () => ({ kind: 'field_present', field: 'job_title' }),
  buying_role: () => ({ kind: 'buying_role', role: 'decision_maker' }),
  company_size: () => ({ kind: 'company_size', min: 0, max: null }),
  industry: () => ({ kind: 'industry', industries: [] }),
  email_domain: () => ({ kind: 'email_domain', domain: 'company' }),
  email_domain_list: () => ({ kind: 'email_domain_list', domains: [] }),
  source_channel: () => ({ kind: 'source_channel', channels: [] }),
  activity: () => ({ kind: 'activity', activity: 'form_submitted' }),
  content_type: () => ({ kind: 'content_type', contentType: 'whitepaper' }),
  page_visit: () => ({ kind: 'page_visit', patterns: [] }),
};

const CONDITION_KINDS = Object.keys(NEW_CONDITIONS) as ConditionKind[];

/** The condition kinds a rule on each axis can have, for the "add rule" choice. */
export const CONDITION_KINDS_BY_AXIS: Record<ScoreAxis, ConditionKind[]> = {
  fit: CONDITION_KINDS.filter((kind) => axisOf(NEW_CONDITIONS[kind]()) === 'fit'),
  engagement: CONDITION_KINDS.filter((kind) => axisOf(NEW_CONDITIONS[kind]()) === 'engagement'),
};

/** A new enabled rule with 0 points, so adding it changes nothing until points are set. */
export function newRule(kind: ConditionKind, id: string): Rule {
  return { id, enabled: true, condition: NEW_CONDITIONS[kind](), points: 0, limit: null };
}

export type DraftCheck =
  { ok: true; settings: ScoringSettings } | { ok: false; issues: FieldIssue[] };

/** The contract's own check, run in the renderer before anything is sent. */
export function checkDraft(draft: Draft): DraftCheck {
  const parsed = scoringSettingsSchema.safeParse(draft);
  return parsed.success
    ? { ok: true, settings: parsed.data }
    : { ok: false, issues: toFieldIssues(parsed.error) };
}

/**
 * Server issues name paths inside the channel input (`settings.rules.3.points`); the page
 * shows them at the same places as its own.
 */
export function draftIssuesOf(issues: FieldIssue[] | undefined): FieldIssue[] {
  return (issues ?? []).map((issue) =>
    issue.path[0] === 'settings' ? { ...issue, path: issue.path.slice(1) } : issue,
  );
}

/** The first issue at a path or anywhere below it (a list field shows its entries' issues). */
export function issueAt(issues: FieldIssue[], path: (string | number)[]): FieldIssue | undefined {
  const prefix = path.join('.');
  return issues.find((issue) => {
    const joined = issue.path.join('.');
    return joined === prefix || joined.startsWith(`${prefix}.`);
  });
}

/** Handover and BANT choices in their canonical order, so ticking off and on is no change. */
export function canonical(settings: Draft): Draft {
  return {
    ...settings,
    handover: HANDOVER_CRITERIA.filter((c) => settings.handover.includes(c)),
    sqlBant: BANT_ELEMENTS.filter((e) => settings.sqlBant.includes(e)),
  };
}

/** Whether two models are the same for the user (NaN fields count as differing text). */
export function sameSettings(a: Draft, b: Draft): boolean {
  const text = (settings: Draft) =>
    JSON.stringify(canonical(settings), (_, value: unknown) =>
      typeof value === 'number' && Number.isNaN(value) ? 'NaN' : value,
    );
  return text(a) === text(b);
}
