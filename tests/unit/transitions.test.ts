import { describe, expect, it } from 'vitest';
import { checkMove, moveRule } from '@core/domain/transitions';
import { OPEN_STAGES, STAGES, type Stage } from '@core/domain/stages';

describe('moveRule', () => {
  it('lets a lead move forward through the open funnel without a reason', () => {
    for (let i = 0; i < OPEN_STAGES.length; i++) {
      for (let j = i + 1; j < OPEN_STAGES.length; j++) {
        const rule = moveRule(OPEN_STAGES[i] as Stage, OPEN_STAGES[j] as Stage);
        expect(rule).toEqual({
          kind: 'allowed',
          reason: 'none',
          reasonKind: null,
          needsDealValue: false,
        });
      }
    }
  });

  it('asks for a reason when a lead is recycled to an earlier stage (SAL → MQL)', () => {
    expect(moveRule('sal', 'mql')).toMatchObject({
      kind: 'allowed',
      reason: 'required',
      reasonKind: 'recycle',
    });
    expect(moveRule('opportunity', 'suspect')).toMatchObject({
      reason: 'required',
      reasonKind: 'recycle',
    });
  });

  it('refuses the same stage', () => {
    for (const stage of STAGES) {
      expect(moveRule(stage, stage)).toEqual({ kind: 'refused', refusal: { code: 'same_stage' } });
    }
  });

  it('only lets leads accepted by sales be lost', () => {
    for (const from of ['suspect', 'lead', 'mql', 'nurture', 'disqualified'] as const) {
      expect(moveRule(from, 'lost')).toEqual({
        kind: 'refused',
        refusal: { code: 'lost_needs_sales_stage' },
      });
    }
    for (const from of ['sal', 'sql', 'opportunity'] as const) {
      expect(moveRule(from, 'lost')).toMatchObject({
        kind: 'allowed',
        reason: 'required',
        reasonKind: 'lost',
      });
    }
  });

  it('never loses or disqualifies a customer', () => {
    expect(moveRule('customer', 'lost')).toEqual({
      kind: 'refused',
      refusal: { code: 'customer_is_won' },
    });
    expect(moveRule('customer', 'disqualified')).toEqual({
      kind: 'refused',
      refusal: { code: 'customer_is_won' },
    });
    expect(moveRule('customer', 'opportunity')).toMatchObject({
      reason: 'required',
      reasonKind: 'reopen',
    });
  });

  it('treats leaving Disqualified or Lost as a reactivation with a reason', () => {
    expect(moveRule('disqualified', 'lead')).toMatchObject({
      reason: 'required',
      reasonKind: 'reactivate',
    });
    expect(moveRule('lost', 'nurture')).toMatchObject({
      reason: 'required',
      reasonKind: 'reactivate',
    });
    expect(moveRule('lost', 'customer')).toMatchObject({
      reason: 'required',
      needsDealValue: true,
    });
  });

  it('makes the nurture reason optional from the open funnel', () => {
    expect(moveRule('mql', 'nurture')).toMatchObject({ reason: 'optional', reasonKind: 'nurture' });
    expect(moveRule('nurture', 'mql')).toMatchObject({ reason: 'none' });
  });

  it('has a rule for every pair of stages', () => {
    for (const from of STAGES) {
      for (const to of STAGES) {
        expect(['allowed', 'refused']).toContain(moveRule(from, to).kind);
      }
    }
  });
});

describe('checkMove', () => {
  it('refuses Disqualified without a reason, also a blank one', () => {
    expect(checkMove('lead', 'disqualified', {})).toEqual({
      ok: false,
      refusal: { code: 'reason_required', reasonKind: 'disqualify' },
    });
    expect(checkMove('lead', 'disqualified', { reason: '   ' })).toMatchObject({ ok: false });
  });

  it('accepts Disqualified with a trimmed reason', () => {
    expect(checkMove('lead', 'disqualified', { reason: '  kein Bedarf ' })).toEqual({
      ok: true,
      reason: 'kein Bedarf',
      dealValueCents: null,
    });
  });

  it('needs a positive deal value for Customer', () => {
    expect(checkMove('opportunity', 'customer', {})).toEqual({
      ok: false,
      refusal: { code: 'deal_value_required' },
    });
    expect(checkMove('opportunity', 'customer', { dealValueCents: 0 })).toMatchObject({
      ok: false,
    });
    expect(checkMove('opportunity', 'customer', { dealValueCents: 400_000 })).toEqual({
      ok: true,
      reason: null,
      dealValueCents: 400_000,
    });
  });

  it('drops a deal value and a reason that the move does not use', () => {
    expect(checkMove('lead', 'mql', { reason: 'x', dealValueCents: 5 })).toEqual({
      ok: true,
      reason: null,
      dealValueCents: null,
    });
  });

  it('needs a reason to recycle an SAL back to MQL', () => {
    expect(checkMove('sal', 'mql', {})).toMatchObject({
      ok: false,
      refusal: { reasonKind: 'recycle' },
    });
    expect(checkMove('sal', 'mql', { reason: 'Vertrieb sieht keinen Bedarf' })).toMatchObject({
      ok: true,
    });
  });
});
