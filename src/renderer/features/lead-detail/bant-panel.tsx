import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '@core/domain/lead';
import { AUTHORITIES, BUDGET_STATUSES, NEED_STATUSES } from '@core/scoring/bant';
import { DateField } from '../../shared/date-field';
import { errorText, issueText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { notifySuccess } from '../../shared/notify';
import { useLanguage } from '../../shared/use-language';
import type { BantField, BantFormValues } from './bant-form';
import { useBantEditor } from './use-bant-editor';

type Props = {
  leadId: string;
  detail: LeadDetail;
  /** The detail as `bant.update` returned it, with the new score, temperature and gates. */
  onSaved: (detail: LeadDetail) => void;
  /** Reloads the lead after a conflict; resolves to the fresh detail. */
  onReload: () => Promise<LeadDetail | null>;
};

/**
 * Budget, Authority, Need and Timing as sales learned them. Saved with the BANT version the
 * user started from; a colleague's save in between is a conflict that keeps the typed text.
 */
export function BantPanel({ leadId, detail, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const editor = useBantEditor(leadId, detail);
  const [shown, setShown] = useState(detail);

  // Take newer stored BANT (a colleague, the CLI) unless the user is typing.
  if (detail !== shown) {
    setShown(detail);
    if (!editor.dirty && detail.bantVersion !== editor.version) editor.adopt(detail, false);
  }

  const { values, errors, failure } = editor;
  const error = (field: BantField) => issueText(t, errors[field]);
  const change = (changes: Partial<BantFormValues>) => editor.change(changes);

  const save = async () => {
    const saved = await editor.save();
    if (!saved) return;
    notifySuccess(t('scoreUi.bant.saved'));
    onSaved(saved);
  };

  const reloadAfterConflict = async () => {
    const fresh = await onReload();
    if (fresh) editor.adopt(fresh, true);
  };

  const select = <F extends 'budgetStatus' | 'authority' | 'need'>(
    field: F,
    label: string,
    options: readonly BantFormValues[F][],
    text: (option: BantFormValues[F]) => string,
  ) => (
    <NativeSelect
      label={label}
      value={values[field]}
      onChange={(event) =>
        change({ [field]: event.currentTarget.value } as Partial<BantFormValues>)
      }
      data={options.map((option) => ({ value: option, label: text(option) }))}
      error={error(field)}
    />
  );
  const amount = (field: 'budget' | 'budgetMax', label: string) => (
    <TextInput
      label={label}
      value={values[field]}
      onChange={(event) => change({ [field]: event.currentTarget.value })}
      error={error(field)}
      inputMode="decimal"
      required
    />
  );

  return (
    <Paper withBorder radius="md" p="md" aria-labelledby="bant-title" component="section">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <Group justify="space-between" align="baseline">
            <Title order={3} size="h5" id="bant-title">
              {t('scoreUi.bant.title')}
            </Title>
            {detail.bant.updatedAt !== null && (
              <Text size="xs" c="dimmed">
                {t('scoreUi.bant.updated', {
                  date: formatDateTime(detail.bant.updatedAt, language),
                })}
              </Text>
            )}
          </Group>
          {failure?.code === 'CONFLICT' && (
            <Alert color="orange" title={t('ui.detail.conflictTitle')}>
              <Group justify="space-between" align="center">
                <span>{errorText(t, failure)}</span>
                <Button size="xs" color="orange" onClick={() => void reloadAfterConflict()}>
                  {t('ui.common.reload')}
                </Button>
              </Group>
            </Alert>
          )}
          {failure && failure.code !== 'CONFLICT' && (
            <Alert color="red">{errorText(t, failure)}</Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="xs">
            {select('budgetStatus', t('scoreUi.bant.budget'), BUDGET_STATUSES, (status) =>
              t(`scoring.budgetStatuses.${status}`),
            )}
            {values.budgetStatus === 'amount' && amount('budget', t('scoreUi.bant.amount'))}
            {values.budgetStatus === 'range' && (
              <>
                {amount('budget', t('scoreUi.bant.from'))}
                {amount('budgetMax', t('scoreUi.bant.to'))}
              </>
            )}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="xs">
            {select('authority', t('scoreUi.bant.authority'), AUTHORITIES, (authority) =>
              t(`scoring.authorities.${authority}`),
            )}
            {values.authority !== 'decides' && (
              <TextInput
                label={t('scoreUi.bant.decider')}
                value={values.deciderName}
                onChange={(event) => change({ deciderName: event.currentTarget.value })}
                error={error('deciderName')}
              />
            )}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="xs">
            {select('need', t('scoreUi.bant.need'), NEED_STATUSES, (need) =>
              t(`scoring.needs.${need}`),
            )}
            <DateField
              mode="month"
              label={t('scoreUi.bant.timing')}
              value={values.timing}
              onChange={(timing) => change({ timing })}
              error={error('timing')}
            />
          </SimpleGrid>
          <Textarea
            label={t('scoreUi.bant.needText')}
            value={values.needText}
            onChange={(event) => change({ needText: event.currentTarget.value })}
            error={error('needText')}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button type="submit" size="xs" loading={editor.saving}>
              {t('scoreUi.bant.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
