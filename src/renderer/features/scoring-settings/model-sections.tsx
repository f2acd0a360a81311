import {
  Checkbox,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Title,
  type CheckboxGroupProps,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '@core/ipc/result';
import {
  BANT_ELEMENTS,
  DEFAULT_SCORING_SETTINGS,
  HANDOVER_CRITERIA,
  MQL_MODES,
  type MqlMode,
} from '@core/scoring/index';
import { issueText } from '../../shared/errors';
import { issueAt, type Draft } from './draft';
import { IntegerInput } from './integer-input';

type Props = {
  draft: Draft;
  issues: FieldIssue[];
  onChange: (update: (draft: Draft) => Draft) => void;
};

type Threshold = keyof Draft['thresholds'];

function Choices<T extends string>({
  values,
  selected,
  text,
  onChange,
  ...rest
}: Omit<CheckboxGroupProps, 'value' | 'onChange' | 'children'> & {
  values: readonly T[];
  selected: T[];
  text: (value: T) => string;
  onChange: (selected: T[]) => void;
}) {
  return (
    <Checkbox.Group
      {...rest}
      value={selected}
      onChange={(next) => onChange(values.filter((v) => next.includes(v)))}
    >
      <Stack gap={6} mt="xs">
        {values.map((value) => (
          <Checkbox key={value} value={value} label={text(value)} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

/** MQL, warm and hot thresholds, the half-life of engagement points and the MQL mode. */
export function ThresholdsSection({ draft, issues, onChange }: Props) {
  const { t } = useTranslation();
  const error = (...path: string[]) => issueText(t, issueAt(issues, path));
  const threshold = (name: Threshold) => (
    <IntegerInput
      label={t(`settingsPage.thresholds.${name}`)}
      value={draft.thresholds[name]}
      onChange={(value) =>
        onChange((d) => ({
          ...d,
          thresholds: { ...d.thresholds, [name]: value ?? Number.NaN },
        }))
      }
      error={error('thresholds', name)}
    />
  );
  const noDecay = draft.halfLifeDays === null;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="model-thresholds">
      <Title order={3} size="h5" mb="sm" id="model-thresholds">
        {t('settingsPage.thresholds.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {threshold('mql')}
        {threshold('warm')}
        {threshold('hot')}
      </SimpleGrid>
      <Group align="flex-end" mt="sm" gap="md">
        <IntegerInput
          label={t('settingsPage.thresholds.halfLife')}
          description={t('settingsPage.thresholds.halfLifeHint')}
          disabled={noDecay}
          value={draft.halfLifeDays}
          nullable={noDecay}
          onChange={(value) => onChange((d) => ({ ...d, halfLifeDays: value ?? Number.NaN }))}
          error={error('halfLifeDays')}
          w={220}
        />
        <Checkbox
          mb={8}
          label={t('settingsPage.thresholds.noDecay')}
          checked={noDecay}
          onChange={(event) => {
            const off = event.currentTarget.checked;
            onChange((d) => ({
              ...d,
              halfLifeDays: off ? null : (DEFAULT_SCORING_SETTINGS.halfLifeDays ?? 30),
            }));
          }}
        />
      </Group>
      <Radio.Group
        mt="md"
        label={t('settingsPage.thresholds.mqlMode')}
        value={draft.mqlMode}
        onChange={(value) => onChange((d) => ({ ...d, mqlMode: value as MqlMode }))}
      >
        <Group gap="lg" mt="xs">
          {MQL_MODES.map((mode) => (
            <Radio key={mode} value={mode} label={t(`scoring.mqlModes.${mode}`)} />
          ))}
        </Group>
      </Radio.Group>
    </Paper>
  );
}

/** The SAL handover criteria and the BANT elements SQL needs. */
export function GatesSection({ draft, issues, onChange }: Props) {
  const { t } = useTranslation();
  const error = (...path: string[]) => issueText(t, issueAt(issues, path));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder radius="md" p="md">
        <Choices
          label={t('settingsPage.handover.title')}
          description={t('settingsPage.handover.hint')}
          values={HANDOVER_CRITERIA}
          selected={draft.handover}
          text={(c) => t(`scoring.handover.${c}`)}
          onChange={(handover) => onChange((d) => ({ ...d, handover }))}
          error={error('handover')}
        />
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Choices
          label={t('settingsPage.sqlBant.title')}
          description={t('settingsPage.sqlBant.hint')}
          values={BANT_ELEMENTS}
          selected={draft.sqlBant}
          text={(e) => t(`scoring.bant.${e}`)}
          onChange={(sqlBant) => onChange((d) => ({ ...d, sqlBant }))}
          error={error('sqlBant')}
        />
      </Paper>
    </SimpleGrid>
  );
}
