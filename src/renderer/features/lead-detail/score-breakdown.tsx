import { useState } from 'react';
import { Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { translateDescribed } from '@core/i18n/index';
import type { Language } from '@core/ipc/contract';
import { describeCondition, SCORE_AXES, type ScoreAxis } from '@core/scoring/rules';
import type { Contribution, ScoreResult } from '@core/scoring/score';
import { formatDate } from '../../shared/format';
import { useLanguage } from '../../shared/use-language';

/** Biggest value first; among equal values the bigger rule, then the newer activity. */
export function byValue(a: Contribution, b: Contribution): number {
  const time = (c: Contribution) => (c.source.kind === 'activity' ? c.source.occurredAt : 0);
  return b.value - a.value || b.points - a.points || time(b) - time(a);
}

/** Whole points with their sign ("+15", "-10", "0"). */
export function signedPoints(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'de-DE', {
    signDisplay: 'exceptZero',
  }).format(value);
}

/**
 * Where a line comes from: the lead's data, or the activity — its kind (unless the rule
 * already names it), its date, and its content item or else its address.
 */
function sourceText(t: TFunction, c: Contribution, language: Language): string {
  if (c.source.kind === 'field') return t('scoreUi.why.fromLead');
  const date = formatDate(c.source.occurredAt, language);
  const parts = [
    c.condition.kind === 'activity'
      ? t('scoreUi.why.on', { date })
      : t('scoreUi.why.activity', { kind: t(`activityKinds.${c.source.activityKind}`), date }),
  ];
  if (c.source.contentName) parts.push(`„${c.source.contentName}“`);
  else if (c.source.url) parts.push(c.source.url);
  return parts.join(' · ');
}

function calculationText(t: TFunction, c: Contribution): string {
  if (c.capped) return t('scoreUi.why.capped');
  if (c.axis === 'fit') return t('scoreUi.points', { count: c.points });
  const percent = Math.round(c.decay * 100);
  if (percent >= 100) return t('scoreUi.why.full', { points: c.points });
  return t('scoreUi.why.decayed', { value: c.value, points: c.points, percent });
}

function AxisLines({
  axis,
  total,
  lines,
}: {
  axis: ScoreAxis;
  total: number;
  lines: Contribution[];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState(true);
  const axisName = t(`scoring.axes.${axis}`);
  return (
    <section aria-label={axisName} data-testid={`axis-${axis}`}>
      <UnstyledButton
        onClick={() => setOpen((current) => !current)}
        aria-expanded={open}
        aria-label={t(open ? 'scoreUi.why.collapse' : 'scoreUi.why.expand', { axis: axisName })}
        w="100%"
      >
        <Group justify="space-between" py={4}>
          <Text fw={700} size="sm">
            {open ? '▾' : '▸'} {axisName}
          </Text>
          <Text fw={700} size="sm" data-testid="axis-total" data-value={total}>
            {t('scoreUi.points', { count: total })}
          </Text>
        </Group>
      </UnstyledButton>
      {open &&
        (lines.length === 0 ? (
          <Text size="sm" c="dimmed" pl="md">
            {t('scoreUi.why.empty')}
          </Text>
        ) : (
          <Table verticalSpacing={4} fz="sm" withRowBorders>
            <Table.Tbody>
              {lines.map((c, index) => (
                <Table.Tr
                  key={`${c.ruleId}-${c.source.kind === 'activity' ? c.source.activityId : index}`}
                  data-testid="contribution"
                  c={c.capped ? 'dimmed' : undefined}
                >
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {translateDescribed(language, describeCondition(c.condition))}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {sourceText(t, c, language)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="xs" c="dimmed">
                      {calculationText(t, c)}
                    </Text>
                  </Table.Td>
                  <Table.Td
                    ta="right"
                    fw={700}
                    c={c.value < 0 ? 'red.8' : undefined}
                    data-testid="contribution-value"
                    data-value={c.value}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {signedPoints(c.value, language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Td colSpan={2}>
                  <Text size="sm" fw={700}>
                    {t('scoreUi.why.sum')} {axisName}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {total}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        ))}
    </section>
  );
}

/**
 * "Why this score": every contribution as a line, grouped by axis and sorted by value — the
 * rule in words, where it came from (the lead's data, or an activity with its date and
 * content), the decay applied and the points counted. The lines of an axis add up to the
 * axis total shown above them (core guarantees it).
 */
export function ScoreBreakdown({ score }: { score: ScoreResult }) {
  return (
    <Stack gap="xs">
      {SCORE_AXES.map((axis) => (
        <AxisLines
          key={axis}
          axis={axis}
          total={score[axis]}
          lines={score.contributions.filter((c) => c.axis === axis).sort(byValue)}
        />
      ))}
    </Stack>
  );
}
