import { Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '@core/domain/lead';
import { MqlReadyBadge, ScoreDelta, TemperatureBadge } from '../../shared/score-badges';
import { ScoreBreakdown } from './score-breakdown';
import { TopicInterest } from './topic-interest';

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.1} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

/**
 * The lead's score at a glance — fit, engagement and total, the temperature (word, colour and
 * whether BANT or the score decided it), the 7-day change, "MQL-reif" — then why it is what
 * it is, and what the lead reads about.
 */
export function ScorePanel({ score }: { score: LeadDetail['score'] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="score-title">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm">
            <Group justify="space-between" align="center">
              <Title order={3} size="h5" id="score-title">
                {t('scoreUi.title')}
              </Title>
              <Group gap="xs">
                <TemperatureBadge temperature={score.temperature} size="lg" />
                <Text size="xs" c="dimmed" data-testid="temperature-basis">
                  {t(`scoreUi.basis.${score.temperatureBasis}`)}
                </Text>
                {score.mqlReady && <MqlReadyBadge />}
              </Group>
            </Group>
            <Group gap="xl" align="flex-end">
              <Figure label={t('scoring.axes.fit')} value={score.fit} testId="score-fit" />
              <Figure
                label={t('scoring.axes.engagement')}
                value={score.engagement}
                testId="score-engagement"
              />
              <Figure label={t('scoring.total')} value={score.total} testId="score-total" />
              <div>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t('scoreUi.delta')}
                </Text>
                <ScoreDelta delta={score.delta7d} />
              </div>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Title order={4} size="h6" mb="xs">
            {t('scoreUi.topics.title')}
          </Title>
          <TopicInterest topics={score.topics} />
        </Grid.Col>
      </Grid>
      <Title order={4} size="h6" mt="md" mb={4}>
        {t('scoreUi.why.title')}
      </Title>
      <ScoreBreakdown score={score} />
    </Paper>
  );
}
