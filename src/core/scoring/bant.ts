import { assertNever } from '../domain/stages';

/** Budget as sales learned it: a single amount, a range, none at all, or not asked yet. */
export const BUDGET_STATUSES = ['unknown', 'none', 'amount', 'range'] as const;
export type BudgetStatus = (typeof BUDGET_STATUSES)[number];

/** Whether the contact decides the purchase themselves. */
export const AUTHORITIES = ['unknown', 'decides', 'influences', 'none'] as const;
export type Authority = (typeof AUTHORITIES)[number];

export const NEED_STATUSES = ['unknown', 'confirmed', 'not_confirmed'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/** The four BANT elements, in their usual order. */
export const BANT_ELEMENTS = ['budget', 'authority', 'need', 'timing'] as const;
export type BantElement = (typeof BANT_ELEMENTS)[number];

/**
 * The sales qualification of a lead (domain README, "BANT"). Amounts are integer cents;
 * `timing` is the expected purchase month `YYYY-MM`.
 */
export type Bant = {
  budgetStatus: BudgetStatus;
  /** The amount, or the lower end of the range. */
  budgetCents: number | null;
  /** The upper end of the range; null for a single amount. */
  budgetMaxCents: number | null;
  authority: Authority;
  /** Who decides when the contact does not (Frau Petersen's boss). */
  deciderName: string | null;
  need: NeedStatus;
  needText: string;
  timing: string | null;
  updatedAt: number | null;
  updatedBy: string | null;
};

/** A lead nobody has qualified yet. */
export const EMPTY_BANT: Bant = {
  budgetStatus: 'unknown',
  budgetCents: null,
  budgetMaxCents: null,
  authority: 'unknown',
  deciderName: null,
  need: 'unknown',
  needText: '',
  timing: null,
  updatedAt: null,
  updatedBy: null,
};

/**
 * Whether one BANT element is clarified well enough for a sales qualified lead:
 * - budget: an amount above 0 or a range (a stated "no budget" is an answer, not a budget);
 * - authority: the contact decides, or the person who decides is known by name;
 * - need: confirmed;
 * - timing: a purchase month is set.
 */
export function isBantElementMet(bant: Bant, element: BantElement): boolean {
  switch (element) {
    case 'budget':
      if (bant.budgetStatus === 'amount') return (bant.budgetCents ?? 0) > 0;
      if (bant.budgetStatus === 'range') {
        return bant.budgetCents !== null && bant.budgetMaxCents !== null;
      }
      return false;
    case 'authority':
      return bant.authority === 'decides' || (bant.deciderName ?? '').trim() !== '';
    case 'need':
      return bant.need === 'confirmed';
    case 'timing':
      return bant.timing !== null;
    default:
      return assertNever(element);
  }
}

/** The required elements that are not met yet, in BANT order. */
export function missingBantElements(bant: Bant, required: readonly BantElement[]): BantElement[] {
  return BANT_ELEMENTS.filter(
    (element) => required.includes(element) && !isBantElementMet(bant, element),
  );
}

/** True when sales has answered anything at all. */
export function isBantAnswered(bant: Bant): boolean {
  return (
    bant.budgetStatus !== 'unknown' ||
    bant.authority !== 'unknown' ||
    bant.need !== 'unknown' ||
    bant.timing !== null
  );
}
