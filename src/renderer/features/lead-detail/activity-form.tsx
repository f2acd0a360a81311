import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_KINDS, type ActivityKind } from '@core/domain/lead';
import { LOCALES } from '@core/i18n/index';
import { contract } from '@core/ipc/schemas';
import { toFieldIssues } from '@core/ipc/issues';
import type { FieldIssue } from '@core/ipc/result';
import { useApi } from '../../api/client';
import { useNow } from '../../app/clock';
import { errorText, issuesByPath, issueText } from '../../shared/errors';
import { fromLocalDateTimeInput, toLocalDateTimeInput } from '../../shared/format';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useLanguage } from '../../shared/use-language';

/** Logs a call, meeting, email or note with date, time and text. */
export function ActivityForm({ leadId, onAdded }: { leadId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const now = useNow();
  const language = useLanguage();
  const [kind, setKind] = useState<ActivityKind>('call');
  const [when, setWhen] = useState(() => toLocalDateTimeInput(now));
  const [text, setText] = useState('');
  const [issues, setIssues] = useState<Record<string, FieldIssue>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const occurredAt = fromLocalDateTimeInput(when);
    const input = { leadId, kind, occurredAt: occurredAt ?? -1, text };
    const parsed = contract['activities.add'].input.safeParse(input);
    const found = parsed.success ? [] : toFieldIssues(parsed.error);
    if (occurredAt === null) found.push({ path: ['occurredAt'], key: 'validation.date' });
    if (found.length > 0) {
      setIssues(issuesByPath(found));
      return;
    }
    setBusy(true);
    const result = await api.invoke('activities.add', input);
    setBusy(false);
    if (!result.ok) {
      setIssues(issuesByPath(result.error.issues));
      if (!result.error.issues?.length) notifyError(errorText(t, result.error));
      return;
    }
    setIssues({});
    setText('');
    notifySuccess(t('ui.activity.added'));
    onAdded();
  };

  const message = (path: string) => {
    return issueText(t, issues[path]);
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="xs">
        <Group grow gap="xs" align="flex-start">
          <NativeSelect
            label={t('ui.activity.kind')}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as ActivityKind)}
            data={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activityKinds.${k}`) }))}
          />
          <TextInput
            type="datetime-local"
            lang={LOCALES[language]}
            label={t('ui.activity.occurredAt')}
            value={when}
            onChange={(event) => setWhen(event.currentTarget.value)}
            error={message('occurredAt')}
          />
        </Group>
        <Textarea
          label={t('ui.activity.text')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={message('text')}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={busy}>
            {t('ui.activity.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
