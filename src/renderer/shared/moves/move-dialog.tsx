import { useState } from 'react';
import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Stage } from '@core/domain/stages';
import { checkMove, type ReasonKind } from '@core/domain/transitions';
import { parseAmountToCents } from '@core/i18n/index';

export type MoveDialogRequest = {
  leadName: string;
  from: Stage;
  to: Stage;
  reason: 'required' | 'optional' | 'none';
  reasonKind: ReasonKind | null;
  needsDealValue: boolean;
  /** Prefill of the deal value field, as typed text. */
  dealValueText: string;
};

export type MoveDialogResult = { reason: string | null; dealValueCents: number | null };

type Props = {
  request: MoveDialogRequest;
  onConfirm: (result: MoveDialogResult) => void;
  onCancel: () => void;
};

/** Asks for what a move needs (a reason, a deal value) before it is sent. */
export function MoveDialog({ request, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [dealValue, setDealValue] = useState(request.dealValueText);
  const [errors, setErrors] = useState<{ reason?: string; dealValue?: string }>({});

  const submit = () => {
    const cents = request.needsDealValue ? parseAmountToCents(dealValue) : null;
    const next: typeof errors = {};
    if (request.needsDealValue) {
      if (dealValue.trim() !== '' && cents === null) next.dealValue = t('validation.amount');
      else if (cents !== null && cents < 0) next.dealValue = t('validation.negative');
    }
    const check = checkMove(request.from, request.to, { reason, dealValueCents: cents });
    if (!check.ok && check.refusal.code === 'reason_required') {
      next.reason = t('validation.required');
    }
    if (!check.ok && check.refusal.code === 'deal_value_required' && !next.dealValue) {
      next.dealValue = t('refusal.deal_value_required');
    }
    setErrors(next);
    if (Object.keys(next).length > 0 || !check.ok) return;
    onConfirm({ reason: check.reason, dealValueCents: check.dealValueCents });
  };

  return (
    <Modal
      opened
      onClose={onCancel}
      title={t('ui.move.title', { name: request.leadName, stage: t(`stages.${request.to}`) })}
      centered
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          {request.reasonKind && request.reason !== 'none' && (
            <Textarea
              label={t(`reasonPrompt.${request.reasonKind}`)}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={errors.reason}
              required={request.reason === 'required'}
              autosize
              minRows={2}
              data-autofocus
            />
          )}
          {request.needsDealValue && (
            <TextInput
              label={t('ui.move.dealValue')}
              description={t('ui.move.dealValueHint')}
              value={dealValue}
              onChange={(event) => setDealValue(event.currentTarget.value)}
              error={errors.dealValue}
              required
              inputMode="decimal"
            />
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onCancel}>
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit">{t('ui.move.confirm')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
