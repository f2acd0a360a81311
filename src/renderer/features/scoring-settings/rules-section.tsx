import { useState } from 'react';
import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { translateDescribed } from '@core/i18n/index';
import type { FieldIssue } from '@core/ipc/result';
import {
  axisOf,
  describeCondition,
  type ConditionKind,
  type Rule,
  type ScoreAxis,
} from '@core/scoring/index';
import { issueText } from '../../shared/errors';
import { useLanguage } from '../../shared/use-language';
import { ConditionFields } from './condition-fields';
import { CONDITION_KINDS_BY_AXIS, issueAt, newRule } from './draft';
import { IntegerInput } from './integer-input';

type Props = {
  axis: ScoreAxis;
  rules: Rule[];
  issues: FieldIssue[];
  /** Rules not in the stored model yet: their tested field, role or kind can still change. */
  isNew: (ruleId: string) => boolean;
  onChange: (rules: Rule[]) => void;
  newId: () => string;
};

type RowProps = {
  rule: Rule;
  index: number;
  issues: FieldIssue[];
  choosable: boolean;
  onChange: (rule: Rule) => void;
  onRemove: () => void;
};

function RuleRow({ rule, index, issues, choosable, onChange, onRemove }: RowProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = translateDescribed(language, describeCondition(rule.condition));
  const error = (...path: (string | number)[]) =>
    issueText(t, issueAt(issues, ['rules', index, ...path]));
  const engagement = axisOf(rule.condition) === 'engagement';
  return (
    <Table.Tr data-testid={`rule-${rule.id}`} opacity={rule.enabled ? 1 : 0.6}>
      <Table.Td>
        <Switch
          aria-label={t('settingsPage.rules.enabled', { rule: text })}
          checked={rule.enabled}
          onChange={(event) => onChange({ ...rule, enabled: event.currentTarget.checked })}
        />
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Text size="sm">{text}</Text>
          <ConditionFields
            condition={rule.condition}
            path={['rules', index, 'condition']}
            issues={issues}
            choosable={choosable}
            ruleText={text}
            onChange={(condition) => onChange({ ...rule, condition })}
          />
        </Stack>
      </Table.Td>
      <Table.Td>
        <IntegerInput
          size="xs"
          w={88}
          aria-label={t('settingsPage.rules.points', { rule: text })}
          value={rule.points}
          onChange={(points) => onChange({ ...rule, points: points ?? Number.NaN })}
          error={error('points')}
        />
      </Table.Td>
      {engagement && (
        <Table.Td>
          <IntegerInput
            size="xs"
            w={88}
            nullable
            aria-label={t('settingsPage.rules.limit', { rule: text })}
            placeholder={t('settingsPage.rules.unlimited')}
            value={rule.limit}
            onChange={(limit) => onChange({ ...rule, limit })}
            error={error('limit')}
          />
        </Table.Td>
      )}
      <Table.Td>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('settingsPage.rules.remove', { rule: text })}
          onClick={onRemove}
        >
          <span aria-hidden>×</span>
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The rules of one axis as rows (switch, condition in words with its parameters, points,
 * limit for engagement) and the "add rule" choice. Issues use indices into all rules.
 */
export function RulesSection({ axis, rules, issues, isNew, onChange, newId }: Props) {
  const { t } = useTranslation();
  const kinds = CONDITION_KINDS_BY_AXIS[axis];
  const [kind, setKind] = useState<ConditionKind>(kinds[0] ?? 'activity');
  const indexed = rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => axisOf(rule.condition) === axis);
  const replace = (id: string, next: Rule) =>
    onChange(rules.map((rule) => (rule.id === id ? next : rule)));
  const headingId = `rules-${axis}`;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId}>
        {t(`scoring.axes.${axis}`)}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`settingsPage.rules.${axis}Hint`)}
      </Text>
      {indexed.length === 0 ? (
        <Text size="sm">{t('settingsPage.rules.empty')}</Text>
      ) : (
        <Table verticalSpacing={6} horizontalSpacing="xs" layout="auto">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={56}>{t('settingsPage.rules.enabledColumn')}</Table.Th>
              <Table.Th>{t('settingsPage.rules.conditionColumn')}</Table.Th>
              <Table.Th w={100}>{t('settingsPage.rules.pointsColumn')}</Table.Th>
              {axis === 'engagement' && (
                <Table.Th w={100}>{t('settingsPage.rules.limitColumn')}</Table.Th>
              )}
              <Table.Th w={44} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {indexed.map(({ rule, index }) => (
              <RuleRow
                key={rule.id}
                rule={rule}
                index={index}
                issues={issues}
                choosable={isNew(rule.id)}
                onChange={(next) => replace(rule.id, next)}
                onRemove={() => onChange(rules.filter((r) => r.id !== rule.id))}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group gap="xs" align="flex-end" mt="sm">
        <NativeSelect
          size="xs"
          label={t('settingsPage.rules.addKind')}
          value={kind}
          data={kinds.map((k) => ({ value: k, label: t(`settingsPage.conditionKinds.${k}`) }))}
          onChange={(event) => setKind(event.currentTarget.value as ConditionKind)}
        />
        <Button
          size="xs"
          variant="light"
          onClick={() => onChange([...rules, newRule(kind, newId())])}
        >
          {t('settingsPage.rules.add')}
        </Button>
      </Group>
    </Paper>
  );
}
