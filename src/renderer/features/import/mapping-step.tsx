import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportInspection } from '@core/ipc/import-schemas';
import { MAPPING_PRESETS } from '@core/import/mapping';
import { IMPORT_FIELDS, type ImportField } from '@core/import/types';
import { errorText } from '../../shared/errors';
import { notifySuccess } from '../../shared/notify';
import { fieldsTakenElsewhere, mappedCount, mappingProblems } from './mapping-rules';
import type { ImportWizard } from './use-import-wizard';
import { useSavedMappings } from './use-saved-mappings';

const SAMPLE_VALUES = 3;

/** Up to three different, non-empty values of a column from the sample rows. */
function sampleValues(inspection: ImportInspection, column: number): string[] {
  const values: string[] = [];
  for (const row of inspection.sampleRows) {
    const value = row[column]?.trim() ?? '';
    if (value !== '' && !values.includes(value)) values.push(value);
    if (values.length === SAMPLE_VALUES) break;
  }
  return values;
}

function isImportField(value: string): value is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(value);
}

type Props = {
  wizard: ImportWizard;
  inspection: ImportInspection;
  onBack: () => void;
  onNext: () => void;
};

/** Step 2: one row per column of the file, the field it goes to, presets and saved mappings. */
export function MappingStep({ wizard, inspection, onBack, onNext }: Props) {
  const { t } = useTranslation();
  const saved = useSavedMappings();
  const [loaded, setLoaded] = useState('');
  const [saveName, setSaveName] = useState(wizard.mappingName ?? '');
  const { mapping } = wizard;
  const problems = mappingProblems(mapping);
  const preset = MAPPING_PRESETS.find((candidate) => candidate.id === inspection.presetId);
  const loadedSaved = loaded.startsWith('saved:')
    ? saved.mappings.find((entry) => `saved:${entry.id}` === loaded)
    : undefined;

  const load = (value: string) => {
    setLoaded(value);
    const presetChoice = MAPPING_PRESETS.find((entry) => `preset:${entry.id}` === value);
    if (presetChoice) {
      wizard.loadMapping(presetChoice.mapping, null);
      return;
    }
    const savedChoice = saved.mappings.find((entry) => `saved:${entry.id}` === value);
    if (savedChoice) {
      wizard.loadMapping(savedChoice.mapping, savedChoice.name);
      setSaveName(savedChoice.name);
    }
  };

  const save = async () => {
    const name = saveName.trim();
    if (!name) return;
    const stored = await saved.save(name, mapping);
    if (stored) {
      wizard.setMappingName(stored.name);
      setLoaded(`saved:${stored.id}`);
      notifySuccess(t('importUi.mapping.saved', { name: stored.name }));
    }
  };

  const remove = async () => {
    if (!loadedSaved) return;
    if (await saved.remove(loadedSaved.id)) {
      notifySuccess(t('importUi.mapping.deleted', { name: loadedSaved.name }));
      if (wizard.mappingName === loadedSaved.name) wizard.setMappingName(null);
      setLoaded('');
    }
  };

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={3} size="h5">
                {t('importUi.mapping.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('importUi.mapping.hint')}
              </Text>
            </div>
            {preset && (
              <Badge variant="light" color="teal" size="lg" tt="none">
                {t('importUi.mapping.detected', { name: t(preset.nameKey) })}
              </Badge>
            )}
          </Group>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <NativeSelect
              size="xs"
              w={300}
              label={t('importUi.mapping.load')}
              value={loaded}
              onChange={(event) => load(event.currentTarget.value)}
              data={[
                { value: '', label: t('importUi.mapping.loadPlaceholder') },
                {
                  group: t('importUi.mapping.presets'),
                  items: MAPPING_PRESETS.map((entry) => ({
                    value: `preset:${entry.id}`,
                    label: t(entry.nameKey),
                  })),
                },
                ...(saved.mappings.length > 0
                  ? [
                      {
                        group: t('importUi.mapping.savedGroup'),
                        items: saved.mappings.map((entry) => ({
                          value: `saved:${entry.id}`,
                          label: entry.name,
                        })),
                      },
                    ]
                  : []),
              ]}
            />
            {loadedSaved && (
              <Button size="xs" variant="subtle" color="red" onClick={() => void remove()}>
                {t('importUi.mapping.delete', { name: loadedSaved.name })}
              </Button>
            )}
            <form
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                void save();
              }}
            >
              <Group gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  size="xs"
                  w={220}
                  label={t('importUi.mapping.saveName')}
                  value={saveName}
                  onChange={(event) => setSaveName(event.currentTarget.value)}
                  maxLength={100}
                />
                <Button size="xs" variant="default" type="submit" disabled={!saveName.trim()}>
                  {t('importUi.mapping.save')}
                </Button>
              </Group>
            </form>
          </Group>
          {saved.error && <Alert color="red">{errorText(t, saved.error)}</Alert>}
        </Stack>
      </Paper>
      {problems.noName && (
        <Alert color="yellow" title={t('importUi.mapping.noNameTitle')}>
          {t('importUi.mapping.noName')}
        </Alert>
      )}
      {problems.twice.map(({ field, columns }) => (
        <Alert key={field} color="yellow">
          {t('importUi.mapping.twice', {
            field: t(`importFields.${field}`),
            columns: columns.map((column) => `„${column}“`).join(', '),
          })}
        </Alert>
      ))}
      <Paper withBorder radius="md">
        <Table
          striped
          verticalSpacing={6}
          fz="sm"
          aria-label={t('importUi.mapping.title')}
          layout="fixed"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="28%">{t('importUi.mapping.column')}</Table.Th>
              <Table.Th>{t('importUi.mapping.samples')}</Table.Th>
              <Table.Th w={280}>{t('importUi.mapping.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inspection.headers.map((header, index) => {
              const taken = fieldsTakenElsewhere(mapping, header);
              const values = sampleValues(inspection, index);
              const field = mapping[header] ?? null;
              return (
                <Table.Tr key={header}>
                  <Table.Td>
                    <Text size="sm" fw={600} truncate="end" title={header}>
                      {header}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {values.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('importUi.mapping.noValues')}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed" truncate="end" title={values.join(' · ')}>
                        {values.join(' · ')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      size="xs"
                      aria-label={t('importUi.mapping.fieldFor', { column: header })}
                      value={field ?? ''}
                      onChange={(event) => {
                        const value = event.currentTarget.value;
                        wizard.setField(header, isImportField(value) ? value : null);
                      }}
                      data={[
                        { value: '', label: t('importUi.mapping.skip') },
                        ...IMPORT_FIELDS.map((option) => ({
                          value: option,
                          label: t(`importFields.${option}`),
                          disabled: taken.has(option) && option !== field,
                        })),
                      ]}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('importUi.mapping.count', {
            count: inspection.headers.length,
            mapped: mappedCount(mapping),
          })}
        </Text>
        <Group gap="sm">
          <Button variant="default" onClick={onBack}>
            {t('ui.common.back')}
          </Button>
          <Button onClick={onNext} disabled={mappedCount(mapping) === 0}>
            {t('importUi.next')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
