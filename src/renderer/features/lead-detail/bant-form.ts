import type { z } from 'zod';
import { parseAmountToCents } from '@core/i18n/index';
import type { Language } from '@core/ipc/contract';
import { toFieldIssues } from '@core/ipc/issues';
import type { FieldIssue } from '@core/ipc/result';
import { bantInputSchema } from '@core/ipc/scoring-schemas';
import type { Authority, Bant, BudgetStatus, NeedStatus } from '@core/scoring/bant';
import { centsToInput, formatMonthText, parseMonthText } from '../../shared/format';

/** The BANT panel as typed text; amounts stay text until Save, so nothing typed is lost. */
export type BantFormValues = {
  budgetStatus: BudgetStatus;
  /** The amount, or the lower end of a range. */
  budget: string;
  budgetMax: string;
  authority: Authority;
  deciderName: string;
  need: NeedStatus;
  needText: string;
  /** The planned month as typed or picked (`09.2026`), or ''. */
  timing: string;
};

export type BantField = keyof BantFormValues;
export type BantErrors = Partial<Record<BantField, FieldIssue>>;
export type BantInput = z.output<typeof bantInputSchema>;

export function bantFormValues(bant: Bant, language: Language): BantFormValues {
  return {
    budgetStatus: bant.budgetStatus,
    budget: centsToInput(bant.budgetCents, language),
    budgetMax: centsToInput(bant.budgetMaxCents, language),
    authority: bant.authority,
    deciderName: bant.deciderName ?? '',
    need: bant.need,
    needText: bant.needText,
    timing: formatMonthText(bant.timing, language),
  };
}

const FIELD_OF_PATH: Record<string, BantField> = {
  budgetStatus: 'budgetStatus',
  budgetCents: 'budget',
  budgetMaxCents: 'budgetMax',
  authority: 'authority',
  deciderName: 'deciderName',
  need: 'need',
  needText: 'needText',
  timing: 'timing',
  budget: 'budget',
  budgetMax: 'budgetMax',
};

/** Issues of the client check or of `bant.update` (paths under `bant.`) by form field. */
export function bantErrorsFromIssues(issues: FieldIssue[] | undefined): BantErrors {
  const errors: BantErrors = {};
  for (const issue of issues ?? []) {
    const path = issue.path[0] === 'bant' ? issue.path.slice(1) : issue.path;
    const field = typeof path[0] === 'string' ? FIELD_OF_PATH[path[0]] : undefined;
    if (field && !errors[field]) errors[field] = issue;
  }
  return errors;
}

/** A typed month as `YYYY-MM`; unreadable text is passed on for the schema to name. */
function monthOrText(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' ? '' : (parseMonthText(trimmed) ?? trimmed);
}

export type BantValidation = { ok: true; bant: BantInput } | { ok: false; errors: BantErrors };

/**
 * Client-side check with the contract's `bantInputSchema`. Amounts are read the German way
 * ("12.500,50"); they count only for the statuses that use them, so switching the status
 * to "Kein Budget" clears them on save.
 */
export function validateBantForm(values: BantFormValues): BantValidation {
  const issues: FieldIssue[] = [];
  const amount = (text: string, field: BantField, used: boolean): number | null => {
    if (!used || text.trim() === '') return null;
    const cents = parseAmountToCents(text);
    if (cents === null) issues.push({ path: [field], key: 'validation.amount' });
    return cents;
  };
  const withAmount = values.budgetStatus === 'amount' || values.budgetStatus === 'range';
  const input = {
    budgetStatus: values.budgetStatus,
    budgetCents: amount(values.budget, 'budget', withAmount),
    budgetMaxCents: amount(values.budgetMax, 'budgetMax', values.budgetStatus === 'range'),
    authority: values.authority,
    deciderName: values.authority === 'decides' ? '' : values.deciderName,
    need: values.need,
    needText: values.needText,
    timing: monthOrText(values.timing),
  };
  const parsed = bantInputSchema.safeParse(input);
  const all = parsed.success ? issues : [...issues, ...toFieldIssues(parsed.error)];
  if (all.length > 0 || !parsed.success) return { ok: false, errors: bantErrorsFromIssues(all) };
  return { ok: true, bant: parsed.data };
}
