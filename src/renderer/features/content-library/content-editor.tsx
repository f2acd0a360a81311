import { useState } from 'react';
import {
  Alert,
  Autocomplete,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BUYING_ROLES } from '@core/domain/lead';
import type { AppErrorData } from '@core/ipc/result';
import {
  BUYING_PHASES,
  CONTENT_TYPES,
  type BuyingPhase,
  type ContentItem,
  type ContentType,
} from '@core/scoring/index';
import { useApi } from '../../api/client';
import { errorText, issueText } from '../../shared/errors';
import { notifySuccess } from '../../shared/notify';
import {
  EMPTY_CONTENT_FORM,
  errorsFromIssues,
  formValuesFromItem,
  mergeContentForm,
  validateContentForm,
  type ContentFormErrors,
  type ContentFormValues,
} from './content-form';

type Props = {
  /** The item to edit, or null for a new one. */
  item: ContentItem | null;
  /** Existing topics, offered while typing one. */
  topics: string[];
  onClose: () => void;
  /** Fetches the stored item again after a conflict. */
  refetch: (id: string) => Promise<ContentItem | null>;
};

type Editing = { base: ContentFormValues; values: ContentFormValues; version: number | null };

/** Creates or edits one content item in a modal; a failed save keeps every input. */
export function ContentEditor({ item, topics, onClose, refetch }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const [editing, setEditing] = useState<Editing>(() => {
    const values = item ? formValuesFromItem(item) : EMPTY_CONTENT_FORM;
    return { base: values, values, version: item?.version ?? null };
  });
  const [errors, setErrors] = useState<ContentFormErrors>({});
  const [failure, setFailure] = useState<AppErrorData | null>(null);
  const [saving, setSaving] = useState(false);
  const values = editing.values;
  const set = (changes: Partial<ContentFormValues>) =>
    setEditing((current) => ({ ...current, values: { ...current.values, ...changes } }));
  const error = (field: keyof ContentFormValues) => issueText(t, errors[field]);

  const save = async () => {
    const checked = validateContentForm(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure(null);
      return;
    }
    setSaving(true);
    const result = item
      ? await api.invoke('content.update', {
          id: item.id,
          version: editing.version ?? item.version,
          fields: checked.fields,
        })
      : await api.invoke('content.create', { fields: checked.fields });
    setSaving(false);
    if (!result.ok) {
      setErrors(errorsFromIssues(result.error.issues));
      setFailure(result.error);
      return;
    }
    notifySuccess(t(item ? 'contentPage.saved' : 'contentPage.created'));
    onClose();
  };

  const reloadAfterConflict = async () => {
    if (!item) return;
    const stored = await refetch(item.id);
    if (!stored) return;
    const theirs = formValuesFromItem(stored);
    setEditing((current) => ({
      base: theirs,
      values: mergeContentForm(current.base, current.values, theirs),
      version: stored.version,
    }));
    setFailure(null);
  };

  const hasFieldErrors = Object.keys(errors).length > 0;

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(item ? 'contentPage.editTitle' : 'contentPage.newTitle')}
      size="lg"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          {failure?.code === 'CONFLICT' && (
            <Alert color="orange" title={t('contentPage.conflictTitle')}>
              <Stack gap="xs">
                <Text size="sm">{t('contentPage.conflictText')}</Text>
                <Group>
                  <Button size="xs" color="orange" onClick={() => void reloadAfterConflict()}>
                    {t('ui.common.reload')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          {failure && failure.code !== 'CONFLICT' && !hasFieldErrors && (
            <Alert color="red">{errorText(t, failure)}</Alert>
          )}
          {hasFieldErrors && <Alert color="red">{t('errors.VALIDATION')}</Alert>}
          <TextInput
            label={t('contentPage.fields.name')}
            required
            value={values.name}
            onChange={(event) => set({ name: event.currentTarget.value })}
            error={error('name')}
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('contentPage.fields.type')}
              value={values.type}
              data={CONTENT_TYPES.map((c) => ({ value: c, label: t(`contentTypes.${c}`) }))}
              onChange={(event) => set({ type: event.currentTarget.value as ContentType })}
              error={error('type')}
            />
            <Autocomplete
              label={t('contentPage.fields.topic')}
              value={values.topic}
              data={topics}
              onChange={(topic) => set({ topic })}
              error={error('topic')}
            />
            <NativeSelect
              label={t('contentPage.fields.phase')}
              value={values.phase}
              data={BUYING_PHASES.map((p) => ({ value: p, label: t(`buyingPhases.${p}`) }))}
              onChange={(event) => set({ phase: event.currentTarget.value as BuyingPhase })}
              error={error('phase')}
            />
            <NativeSelect
              label={t('contentPage.fields.targetRole')}
              value={values.targetRole}
              data={[
                { value: '', label: t('contentPage.anyRole') },
                ...BUYING_ROLES.map((r) => ({ value: r, label: t(`buyingRoles.${r}`) })),
              ]}
              onChange={(event) =>
                set({ targetRole: event.currentTarget.value as ContentFormValues['targetRole'] })
              }
              error={error('targetRole')}
            />
          </SimpleGrid>
          <TextInput
            label={t('contentPage.fields.url')}
            type="url"
            value={values.url}
            onChange={(event) => set({ url: event.currentTarget.value })}
            error={error('url')}
          />
          <Checkbox
            label={t('contentPage.fields.archived')}
            checked={values.archived}
            onChange={(event) => set({ archived: event.currentTarget.checked })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('ui.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
