import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TopicInterest as Topic } from '@core/scoring/score';

/** How many topics the detail shows; the rest are too weak to act on. */
const SHOWN = 6;

/** The lead's topic profile: what it reads about, as labelled bars with their share. */
export function TopicInterest({ topics }: { topics: Topic[] }) {
  const { t } = useTranslation();
  if (topics.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('scoreUi.topics.empty')}
      </Text>
    );
  }
  return (
    <Stack gap={6}>
      {topics.slice(0, SHOWN).map((topic) => {
        const percent = Math.round(topic.share * 100);
        return (
          <div key={topic.topic} data-testid="topic">
            <Group justify="space-between" gap={4} wrap="nowrap">
              <Text size="sm" truncate>
                {topic.topic}
              </Text>
              <Text size="sm" fw={600}>
                {percent} %
              </Text>
            </Group>
            <Progress value={percent} size="md" aria-label={`${topic.topic}: ${percent} %`} />
          </div>
        );
      })}
    </Stack>
  );
}
