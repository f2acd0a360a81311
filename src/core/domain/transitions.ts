import { assertNever, funnelIndex, isOpenStage, type Stage } from './stages';

/** Why a reason is asked for; the UI words its prompt by it. */
export type ReasonKind = 'disqualify' | 'lost' | 'recycle' | 'reactivate' | 'reopen' | 'nurture';

/** A move the rules refuse, with what is missing. Each code has a message in the i18n catalog. */
export type Refusal =
  | { code: 'same_stage' }
  | { code: 'lost_needs_sales_stage' }
  | { code: 'customer_is_won' }
  | { code: 'reason_required'; reasonKind: ReasonKind }
  | { code: 'deal_value_required' };

/** What a move from one stage to another needs before it may happen. */
export type MoveRule =
  | { kind: 'refused'; refusal: Refusal }
  | {
      kind: 'allowed';
      reason: 'required' | 'optional' | 'none';
      reasonKind: ReasonKind | null;
      needsDealValue: boolean;
    };

/** What the user supplied with a move. */
export type MoveInput = {
  reason?: string | null;
  dealValueCents?: number | null;
};

export type MoveCheck =
  | { ok: true; reason: string | null; dealValueCents: number | null }
  | { ok: false; refusal: Refusal };

const refused = (refusal: Refusal): MoveRule => ({ kind: 'refused', refusal });
const allowed = (
  reason: 'required' | 'optional' | 'none',
  reasonKind: ReasonKind | null = null,
  needsDealValue = false,
): MoveRule => ({ kind: 'allowed', reason, reasonKind, needsDealValue });

/**
 * The transition rules of the funnel, independent of the input:
 * - forward in the open funnel is free, backward ("recycling", e.g. SAL → MQL) needs a reason;
 * - Disqualified needs a reason; Lost needs a reason and is only reachable once sales
 *   accepted the lead (SAL, SQL, Opportunity) — earlier leads are disqualified instead;
 * - Customer needs a deal value; a customer cannot be lost or disqualified, and reopening
 *   one needs a reason;
 * - leaving Disqualified or Lost is a reactivation and needs a reason.
 */
export function moveRule(from: Stage, to: Stage): MoveRule {
  if (from === to) return refused({ code: 'same_stage' });
  if (from === 'customer' && (to === 'lost' || to === 'disqualified')) {
    return refused({ code: 'customer_is_won' });
  }
  const leavingClosed = from === 'disqualified' || from === 'lost';
  switch (to) {
    case 'disqualified':
      return allowed('required', 'disqualify');
    case 'lost':
      if (from === 'sal' || from === 'sql' || from === 'opportunity') {
        return allowed('required', 'lost');
      }
      return refused({ code: 'lost_needs_sales_stage' });
    case 'customer':
      return leavingClosed ? allowed('required', 'reactivate', true) : allowed('none', null, true);
    case 'nurture':
      return leavingClosed ? allowed('required', 'reactivate') : allowed('optional', 'nurture');
    case 'suspect':
    case 'lead':
    case 'mql':
    case 'sal':
    case 'sql':
    case 'opportunity':
      if (leavingClosed) return allowed('required', 'reactivate');
      if (from === 'customer') return allowed('required', 'reopen');
      if (isOpenStage(from) && funnelIndex(to) < funnelIndex(from)) {
        return allowed('required', 'recycle');
      }
      return allowed('none');
    default:
      return assertNever(to);
  }
}

/**
 * Checks a concrete move with its input against {@link moveRule}. The returned reason is
 * trimmed (null when empty or not asked for) and the deal value is kept only for Customer.
 */
export function checkMove(from: Stage, to: Stage, input: MoveInput): MoveCheck {
  const rule = moveRule(from, to);
  if (rule.kind === 'refused') return { ok: false, refusal: rule.refusal };
  const reason = input.reason?.trim() ? input.reason.trim() : null;
  if (rule.reason === 'required' && reason === null) {
    return {
      ok: false,
      refusal: { code: 'reason_required', reasonKind: rule.reasonKind ?? 'recycle' },
    };
  }
  const value = input.dealValueCents ?? null;
  if (rule.needsDealValue && (value === null || value <= 0)) {
    return { ok: false, refusal: { code: 'deal_value_required' } };
  }
  return {
    ok: true,
    reason: rule.reason === 'none' ? null : reason,
    dealValueCents: rule.needsDealValue ? value : null,
  };
}
