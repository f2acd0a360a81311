import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CONTACT_ACTIVITY_KINDS,
  CONTENT_ACTIVITY_KINDS,
  ENGAGEMENT_ACTIVITY_KINDS,
  URL_ACTIVITY_KINDS,
  type ActivityKind,
} from '@core/domain/lead';
import { contract } from '@core/ipc/schemas';
import { toFieldIssues } from '@core/ipc/issues';
import type { FieldIssue } from '@core/ipc/result';
import { useApi } from '../../api/client';
import { useNow } from '../../shared/clock';
import { errorText, issuesByPath, issueText } from '../../shared/errors';
import { DateField } from '../../shared/date-field';
import { formatDateTimeText, parseDateTimeText } from '../../shared/format';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useLanguage } from '../../shared/use-language';
import { useContentItems } from './use-content-items';

const isContactKind = (kind: ActivityKind) =>
  (CONTACT_ACTIVITY_KINDS as readonly ActivityKind[]).includes(kind);

/**
 * Logs an activity: a sales contact (call, meeting, email, note — with a text) or tracked
 * behaviour (download or webinar with its content item, page visit or newsletter click with
 * the address, and so on). Only the fields that belong to the chosen kind are sent.
 */
export function ActivityForm({ leadId, onAdded }: { leadId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const now = useNow();
  const language = useLanguage();
  const content = useContentItems();
  const [kind, setKind] = useState<ActivityKind>('call');
  const [when, setWhen] = useState(() => formatDateTimeText(now, language));
  const [text, setText] = useState('');
  const [contentId, setContentId] = useState('');
  const [url, setUrl] = useState('');
  const [topic, setTopic] = useState('');
  const [issues, setIssues] = useState<Record<string, FieldIssue>>({});
  const [busy, setBusy] = useState(false);

  const withContent = CONTENT_ACTIVITY_KINDS.includes(kind);
  const withUrl = URL_ACTIVITY_KINDS.includes(kind);
  const item = withContent ? content.find((c) => c.id === contentId) : undefined;

  const submit = async () => {
    const occurredAt = parseDateTimeText(when);
    const input = {
      leadId,
      kind,
      occurredAt: occurredAt ?? -1,
      text,
      contentId: withContent && contentId !== '' ? contentId : null,
      topic,
      url: withUrl ? url : null,
    };
    const parsed = contract['activities.add'].input.safeParse(input);
    const found = parsed.success ? [] : toFieldIssues(parsed.error);
    // Ahead of the schema's complaint about the placeholder -1: the date is what is wrong.
    if (occurredAt === null) found.unshift({ path: ['occurredAt'], key: 'validation.date' });
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
    setUrl('');
    setTopic('');
    notifySuccess(t('ui.activity.added'));
    onAdded();
  };

  const message = (path: string) => issueText(t, issues[path]);
  const kinds = (list: readonly ActivityKind[]) =>
    list.map((k) => ({ value: k, label: t(`activityKinds.${k}`) }));

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
            data={[
              { group: t('scoreUi.activity.contact'), items: kinds(CONTACT_ACTIVITY_KINDS) },
              { group: t('scoreUi.activity.behaviour'), items: kinds(ENGAGEMENT_ACTIVITY_KINDS) },
            ]}
          />
          <DateField
            mode="dateTime"
            label={t('ui.activity.occurredAt')}
            value={when}
            onChange={setWhen}
            error={message('occurredAt')}
          />
        </Group>
        {withContent && (
          <NativeSelect
            label={t('scoreUi.activity.content')}
            value={contentId}
            onChange={(event) => setContentId(event.currentTarget.value)}
            error={message('contentId')}
            data={[
              { value: '', label: t('scoreUi.activity.noContent') },
              ...content.map((c) => ({
                value: c.id,
                label: [c.name, t(`contentTypes.${c.type}`), c.topic]
                  .filter((part) => part !== null && part !== '')
                  .join(' · '),
              })),
            ]}
          />
        )}
        {withUrl && (
          <TextInput
            label={t('scoreUi.activity.url')}
            value={url}
            onChange={(event) => setUrl(event.currentTarget.value)}
            error={message('url')}
            placeholder="https://"
          />
        )}
        <TextInput
          label={t('scoreUi.activity.topic')}
          value={topic}
          onChange={(event) => setTopic(event.currentTarget.value)}
          error={message('topic')}
          placeholder={item?.topic ?? undefined}
          description={
            item?.topic ? t('scoreUi.activity.topicOf', { topic: item.topic }) : undefined
          }
        />
        <Textarea
          label={t('ui.activity.text')}
          required={isContactKind(kind)}
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
