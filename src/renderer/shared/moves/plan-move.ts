import type { Stage } from '@core/domain/stages';
import type { TranslationKey } from '@core/i18n';
import { moveRule, type ReasonKind } from '@core/domain/transitions';

/** What the UI must do for a requested move, decided by the core transition rules. */
export type MovePlan =
  | { kind: 'refused'; messageKey: TranslationKey }
  | { kind: 'direct' }
  | {
      kind: 'ask';
      reason: 'required' | 'optional' | 'none';
      reasonKind: ReasonKind | null;
      needsDealValue: boolean;
    };

export function planMove(from: Stage, to: Stage): MovePlan {
  const rule = moveRule(from, to);
  if (rule.kind === 'refused')
    return { kind: 'refused', messageKey: `refusal.${rule.refusal.code}` };
  if (rule.reason === 'none' && !rule.needsDealValue) return { kind: 'direct' };
  return {
    kind: 'ask',
    reason: rule.reason,
    reasonKind: rule.reasonKind,
    needsDealValue: rule.needsDealValue,
  };
}

/** The lead as a move needs it: where it is, which version the user saw, its value. */
export type MovableLead = {
  id: string;
  firstName: string;
  lastName: string;
  stage: Stage;
  version: number;
  expectedValueCents: number | null;
};
