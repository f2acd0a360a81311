import { List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '@core/domain/lead';

function Checklist({
  title,
  missing,
  testId,
}: {
  title: string;
  missing: string[];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId}>
      <Text size="sm" fw={700}>
        {title}
      </Text>
      {missing.length === 0 ? (
        <Text size="sm" c="teal.8" fw={600}>
          ✓ {t('scoreUi.readiness.allMet')}
        </Text>
      ) : (
        <>
          <Text size="sm" c="red.8">
            {t('scoreUi.readiness.missing')}
          </Text>
          <List
            size="sm"
            spacing={2}
            icon={
              <ThemeIcon size={16} radius="xl" color="red" variant="light" aria-hidden>
                ✗
              </ThemeIcon>
            }
          >
            {missing.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        </>
      )}
    </div>
  );
}

/**
 * What the lead still lacks for the handover to sales (SAL) and for SQL, from the SLA's
 * handover criteria and the required BANT elements.
 */
export function ReadinessPanel({ gates }: { gates: LeadDetail['gates'] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="readiness-title">
      <Title order={3} size="h5" mb="sm" id="readiness-title">
        {t('scoreUi.readiness.title')}
      </Title>
      <Stack gap="sm">
        <Checklist
          title={t('scoreUi.readiness.handover')}
          missing={gates.handover.map((c) => t(`scoring.handover.${c}`))}
          testId="readiness-handover"
        />
        <Checklist
          title={t('scoreUi.readiness.sql')}
          missing={gates.bant.map((e) => t(`scoring.bant.${e}`))}
          testId="readiness-sql"
        />
      </Stack>
    </Paper>
  );
}
