import { Badge, Button, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lead } from '@core/domain/lead';
import type { Stage } from '@core/domain/stages';
import { useNow } from '../../shared/clock';
import { daysSince, formatMoney, fullName } from '../../shared/format';
import { useLanguage } from '../../shared/use-language';
import { MoveMenu } from '../../shared/moves/move-menu';
import { DoNotContactBadge } from '../../shared/do-not-contact';

type Props = {
  lead: Lead | null;
  onBack: () => void;
  onMove: (to: Stage) => void;
};

/**
 * Title row of the detail view: name, stage badge, the red "Kontaktsperre" badge of a "do
 * not contact" lead, days in stage and "Move to…".
 */
export function LeadHeader({ lead, onBack, onMove }: Props) {
  const { t } = useTranslation();
  const now = useNow();
  const language = useLanguage();
  return (
    <Group justify="space-between" align="center">
      <Group gap="sm" align="center">
        <Button variant="subtle" size="xs" onClick={onBack}>
          ← {t('ui.common.back')}
        </Button>
        <Title order={2} size="h3">
          {lead ? fullName(lead) : t('ui.detail.newTitle')}
        </Title>
        {lead && (
          <>
            <Badge size="lg" variant="filled" data-testid="stage-badge">
              {t(`stages.${lead.stage}`)}
            </Badge>
            {lead.doNotContact && <DoNotContactBadge />}
            <Text size="sm" c="dimmed">
              {t('ui.card.days', { count: daysSince(lead.stageEnteredAt, now) })}
            </Text>
            {lead.dealValueCents !== null && (
              <Text size="sm" c="dimmed">
                {t('ui.detail.dealValue', { value: formatMoney(lead.dealValueCents, language) })}
              </Text>
            )}
          </>
        )}
      </Group>
      {lead && <MoveMenu current={lead.stage} variant="button" onMove={onMove} />}
    </Group>
  );
}
