import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '@core/domain/stages';
import { useApi } from '../../api/client';
import { errorText } from '../errors';
import { centsToInput, fullName } from '../format';
import { notifyError, notifySuccess } from '../notify';
import { useLanguage } from '../use-language';
import { MoveDialog, type MoveDialogRequest, type MoveDialogResult } from './move-dialog';
import { planMove, type MovableLead } from './plan-move';

/** How a requested move ended; `moved` only when main recorded it. */
export type MoveOutcome = 'moved' | 'refused' | 'cancelled' | 'failed';

type RequestMove = (lead: MovableLead, to: Stage) => Promise<MoveOutcome>;

const MoveContext = createContext<RequestMove | null>(null);

/**
 * Owns the one move dialog of the app. Board drops, the board's "Move to…" menus and the
 * detail view all move leads through {@link useMoveLead}, so they follow the same rules.
 */
export function MoveProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { t } = useTranslation();
  const language = useLanguage();
  const [dialog, setDialog] = useState<MoveDialogRequest | null>(null);
  const answer = useRef<((result: MoveDialogResult | null) => void) | null>(null);

  const ask = useCallback((request: MoveDialogRequest) => {
    setDialog(request);
    return new Promise<MoveDialogResult | null>((resolve) => {
      answer.current = resolve;
    });
  }, []);

  const finish = (result: MoveDialogResult | null) => {
    setDialog(null);
    answer.current?.(result);
    answer.current = null;
  };

  const requestMove = useCallback<RequestMove>(
    async (lead, to) => {
      const name = fullName(lead);
      const plan = planMove(lead.stage, to);
      if (plan.kind === 'refused') {
        notifyError(t(plan.messageKey), t('ui.move.refusedTitle', { name }));
        return 'refused';
      }
      let extra: MoveDialogResult = { reason: null, dealValueCents: null };
      if (plan.kind === 'ask') {
        const result = await ask({
          leadName: name,
          from: lead.stage,
          to,
          reason: plan.reason,
          reasonKind: plan.reasonKind,
          needsDealValue: plan.needsDealValue,
          dealValueText: centsToInput(lead.expectedValueCents, language),
        });
        if (!result) return 'cancelled';
        extra = result;
      }
      const result = await api.invoke('leads.move', {
        id: lead.id,
        version: lead.version,
        to,
        reason: extra.reason,
        ...(extra.dealValueCents !== null ? { dealValueCents: extra.dealValueCents } : {}),
      });
      if (!result.ok) {
        notifyError(errorText(t, result.error), t('ui.move.failedTitle', { name }));
        return 'failed';
      }
      notifySuccess(t('ui.move.moved', { name, stage: t(`stages.${to}`) }));
      return 'moved';
    },
    [api, ask, language, t],
  );

  return (
    <MoveContext.Provider value={requestMove}>
      {children}
      {dialog && (
        <MoveDialog
          request={dialog}
          onConfirm={(result) => finish(result)}
          onCancel={() => finish(null)}
        />
      )}
    </MoveContext.Provider>
  );
}

/** Moves a lead by the transition rules: refuses, asks, sends, and reports the outcome. */
export function useMoveLead(): RequestMove {
  const requestMove = useContext(MoveContext);
  if (!requestMove) throw new Error('useMoveLead outside MoveProvider');
  return requestMove;
}
