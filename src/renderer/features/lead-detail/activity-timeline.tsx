import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Activity, ActivityKind } from '@core/domain/lead';
import { formatDateTime } from '../../shared/format';
import { useLanguage } from '../../shared/use-language';

const COLORS: Record<ActivityKind, string> = {
  call: 'teal',
  meeting: 'grape',
  email: 'blue',
  note: 'gray',
  form_submitted: 'indigo',
  newsletter_opened: 'cyan',
  newsletter_clicked: 'cyan',
  webinar_registered: 'violet',
  webinar_attended: 'violet',
  page_visit: 'lime',
  download: 'green',
  social: 'pink',
  unsubscribed: 'red',
  email_bounced: 'red',
  imported: 'yellow',
};

/** Every activity, newest first, with its content item, address and topic where it has one. */
export function ActivityTimeline({ activities }: { activities: Activity[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (activities.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('ui.activity.empty')}
      </Text>
    );
  }
  const sorted = [...activities].sort((a, b) => b.occurredAt - a.occurredAt);
  return (
    <Stack gap="xs">
      {sorted.map((activity) => (
        <Paper key={activity.id} withBorder radius="sm" p="xs" data-testid="activity">
          <Group justify="space-between" gap={4}>
            <Badge size="sm" variant="light" color={COLORS[activity.kind]}>
              {activity.kind === 'imported' && '⤓ '}
              {t(`activityKinds.${activity.kind}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {formatDateTime(activity.occurredAt, language)}
              {activity.createdByName ? ` · ${activity.createdByName}` : ''}
            </Text>
          </Group>
          {activity.contentName && (
            <Text size="sm" fw={600} mt={4}>
              {activity.contentName}
            </Text>
          )}
          {activity.url && (
            <Text size="xs" c="dimmed" mt={2} style={{ wordBreak: 'break-all' }}>
              {activity.url}
            </Text>
          )}
          {activity.topic && (
            <Text size="xs" c="dimmed" mt={2}>
              {t('scoreUi.activity.topicLine', { topic: activity.topic })}
            </Text>
          )}
          {activity.kind === 'imported' ? (
            <Text size="sm" mt={4}>
              {t('dnc.importedFrom', { file: activity.text })}
            </Text>
          ) : (
            activity.text !== '' && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {activity.text}
              </Text>
            )
          )}
        </Paper>
      ))}
    </Stack>
  );
}
