import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StageChange } from '@core/domain/lead';
import { formatDateTime } from '../../shared/format';
import { useLanguage } from '../../shared/use-language';

/**
 * Every recorded stage change, newest first: from → to, when, who, why, how — and for a
 * promotion "durch Scoring" the score that triggered it.
 */
export function StageHistory({ history }: { history: StageChange[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (history.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('ui.detail.historyEmpty')}
      </Text>
    );
  }
  const sorted = [...history].sort((a, b) => b.changedAt - a.changedAt);
  return (
    <Timeline bulletSize={12} lineWidth={2} active={0}>
      {sorted.map((change) => (
        <Timeline.Item
          key={change.id}
          title={
            change.fromStage
              ? t('ui.detail.changeTitle', {
                  from: t(`stages.${change.fromStage}`),
                  to: t(`stages.${change.toStage}`),
                })
              : t('ui.detail.createdIn', { to: t(`stages.${change.toStage}`) })
          }
        >
          <Text size="xs" c="dimmed">
            {[
              formatDateTime(change.changedAt, language),
              // Scoring and imports act for nobody in particular: no "Unbekannt" for them.
              change.changedByName ??
                (change.origin === 'user' ? t('ui.detail.unknownUser') : null),
              t(`origins.${change.origin}`),
              change.score !== null ? t('scoreUi.history.score', { score: change.score }) : null,
            ]
              .filter((part) => part !== null)
              .join(' · ')}
          </Text>
          {change.reason && (
            <Text size="sm" mt={2}>
              {t('ui.detail.reason', { reason: change.reason })}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
