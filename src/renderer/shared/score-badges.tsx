import { Badge, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Temperature } from '@core/scoring/score';

/** Colour per temperature; the badge always carries the word too, never colour alone. */
export const TEMPERATURE_COLORS: Record<Temperature, string> = {
  cold: 'blue',
  warm: 'orange',
  hot: 'red',
};

/** "kalt" / "warm" / "heiß" as a coloured badge. */
export function TemperatureBadge({
  temperature,
  size = 'sm',
}: {
  temperature: Temperature;
  size?: 'xs' | 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  return (
    <Badge
      size={size}
      variant="light"
      color={TEMPERATURE_COLORS[temperature]}
      // "heiß", not "HEISS": the word is read, not shouted.
      tt="none"
      data-testid="temperature"
      data-temperature={temperature}
    >
      {t(`scoring.temperatures.${temperature}`)}
    </Badge>
  );
}

/** The change of the total over 7 days: ▲ 12 (green), ▼ 5 (red) or ± 0. */
export function ScoreDelta({ delta, size = 'sm' }: { delta: number; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const text =
    delta > 0
      ? t('scoreUi.deltaUp', { count: delta })
      : delta < 0
        ? t('scoreUi.deltaDown', { count: -delta })
        : t('scoreUi.deltaNone');
  return (
    <Text
      span
      size={size}
      fw={600}
      c={delta > 0 ? 'teal.8' : delta < 0 ? 'red.8' : 'dimmed'}
      title={t('scoreUi.delta')}
      data-testid="score-delta"
    >
      {text}
    </Text>
  );
}

/** The "MQL-reif" marker of a lead that reached the threshold but was left where it is. */
export function MqlReadyBadge({ size = 'sm' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('scoreUi.mqlReadyHint')} withinPortal multiline w={260}>
      <Badge size={size} variant="filled" color="grape" data-testid="mql-ready">
        {t('scoreUi.mqlReady')}
      </Badge>
    </Tooltip>
  );
}
