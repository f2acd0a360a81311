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
};

/** Logged calls, meetings, emails and notes, newest first. */
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
        <Paper key={activity.id} withBorder radius="sm" p="xs">
          <Group justify="space-between" gap={4}>
            <Badge size="sm" variant="light" color={COLORS[activity.kind]}>
              {t(`activityKinds.${activity.kind}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {formatDateTime(activity.occurredAt, language)}
              {activity.createdByName ? ` · ${activity.createdByName}` : ''}
            </Text>
          </Group>
          <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
            {activity.text}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
