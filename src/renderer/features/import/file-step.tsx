import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
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
import type { AppErrorData } from '@core/ipc/result';
import {
  CSV_DELIMITERS,
  IMPORT_FORMATS,
  TEXT_ENCODINGS,
  type CsvDelimiter,
  type ImportFormat,
  type TextEncoding,
} from '@core/import/types';
import { useApi } from '../../api/client';
import { useAppState } from '../../app/app-state';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { useLanguage } from '../../shared/use-language';
import { delimiterName, formatBytes } from './import-format';
import type { ImportWizard } from './use-import-wizard';

/** Sample rows shown in the file step; the mapping step shows values per column. */
const SAMPLE_ROWS = 5;

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** "Already imported on …": shown from the first step, confirmed in the preview. */
export function PreviousImportAlert({ inspection }: { inspection: ImportInspection }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const previous = inspection.previousImport;
  if (!previous) return null;
  return (
    <Alert color="yellow" title={t('importUi.file.previousTitle')}>
      {t(previous.userName ? 'importUi.file.previousBy' : 'importUi.file.previous', {
        file: previous.fileName,
        date: formatDateTime(previous.importedAt, language),
        user: previous.userName ?? '',
      })}
    </Alert>
  );
}

/** The first rows of the file exactly as read, one column per header. */
function SampleTable({ inspection }: { inspection: ImportInspection }) {
  const { t } = useTranslation();
  const rows = inspection.sampleRows.slice(0, SAMPLE_ROWS);
  return (
    <Table.ScrollContainer minWidth={Math.min(1400, inspection.headers.length * 140)}>
      <Table
        withTableBorder
        withColumnBorders
        striped
        fz="xs"
        verticalSpacing={4}
        aria-label={t('importUi.file.sampleTitle')}
      >
        <Table.Thead>
          <Table.Tr>
            {inspection.headers.map((header) => (
              <Table.Th key={header} style={{ whiteSpace: 'nowrap' }}>
                {header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((cells, rowIndex) => (
            <Table.Tr key={rowIndex}>
              {inspection.headers.map((header, index) => (
                <Table.Td key={header} maw={240}>
                  <Text size="xs" truncate="end" title={cells[index] ?? ''}>
                    {cells[index] ?? ''}
                  </Text>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** How the file was read, each setting overridable (the file is read again on change). */
function ReadSettings({
  wizard,
  inspection,
}: {
  wizard: ImportWizard;
  inspection: ImportInspection;
}) {
  const { t } = useTranslation();
  const text = inspection.format === 'csv';
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <NativeSelect
        size="xs"
        w={170}
        label={t('importUi.file.format')}
        value={inspection.format}
        data={IMPORT_FORMATS.map((format) => ({
          value: format,
          label: t(`importUi.formats.${format}`),
        }))}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isOneOf<ImportFormat>(IMPORT_FORMATS, value)) wizard.reread({ format: value });
        }}
      />
      {inspection.encoding !== null && (
        <NativeSelect
          size="xs"
          w={200}
          label={t('importUi.file.encoding')}
          value={inspection.encoding}
          data={TEXT_ENCODINGS.map((encoding) => ({
            value: encoding,
            label: t(`importUi.encodings.${encoding}`),
          }))}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isOneOf<TextEncoding>(TEXT_ENCODINGS, value)) wizard.reread({ encoding: value });
          }}
        />
      )}
      {text && inspection.delimiter !== null && (
        <NativeSelect
          size="xs"
          w={200}
          label={t('importUi.file.delimiter')}
          value={inspection.delimiter}
          data={CSV_DELIMITERS.map((delimiter) => ({
            value: delimiter,
            label: t(`importUi.delimiters.${delimiterName(delimiter)}`),
          }))}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isOneOf<CsvDelimiter>(CSV_DELIMITERS, value)) wizard.reread({ delimiter: value });
          }}
        />
      )}
      {inspection.format === 'xlsx' && inspection.sheets.length > 0 && (
        <NativeSelect
          size="xs"
          w={220}
          label={t('importUi.file.sheet')}
          value={inspection.sheet ?? inspection.sheets[0]}
          data={inspection.sheets}
          onChange={(event) => wizard.reread({ sheet: event.currentTarget.value })}
        />
      )}
      {inspection.format !== 'vcard' && (
        <Checkbox
          mb={6}
          size="sm"
          label={t('importUi.file.hasHeader')}
          checked={inspection.hasHeader}
          onChange={(event) => wizard.reread({ hasHeader: event.currentTarget.checked })}
        />
      )}
    </Group>
  );
}

/** Step 1: choose the file (dialog, or a path in the browser), see how it was read. */
export function FileStep({ wizard, onNext }: { wizard: ImportWizard; onNext: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const language = useLanguage();
  const { state } = useAppState();
  // The browser has no file dialog; main also says so with UNSUPPORTED.
  const [dialogMissing, setDialogMissing] = useState(!state.canPickFiles);
  const [pickError, setPickError] = useState<AppErrorData | null>(null);
  const { inspection } = wizard;

  const pick = async () => {
    const result = await api.invoke('files.pick', { purpose: 'import' });
    if (!result.ok) {
      if (result.error.code === 'UNSUPPORTED') setDialogMissing(true);
      else setPickError(result.error);
      return;
    }
    setPickError(null);
    if (result.value.path === null) return;
    wizard.setPath(result.value.path);
    await wizard.inspect(result.value.path);
  };

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('importUi.file.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('importUi.file.hint')}
          </Text>
          {dialogMissing ? (
            <form
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                if (wizard.path.trim()) void wizard.inspect(wizard.path.trim());
              }}
            >
              <Group align="flex-end" gap="xs" wrap="nowrap">
                <TextInput
                  label={t('importUi.file.path')}
                  description={t('importUi.file.pathHint')}
                  placeholder={t('importUi.file.pathPlaceholder')}
                  value={wizard.path}
                  onChange={(event) => wizard.setPath(event.currentTarget.value)}
                  spellCheck={false}
                  style={{ flex: 1 }}
                />
                <Button type="submit" loading={wizard.inspecting} disabled={!wizard.path.trim()}>
                  {t('importUi.file.read')}
                </Button>
              </Group>
            </form>
          ) : (
            <Group>
              <Button onClick={() => void pick()} loading={wizard.inspecting}>
                {t('importUi.file.pick')}
              </Button>
            </Group>
          )}
          {pickError && <Alert color="red">{errorText(t, pickError)}</Alert>}
          {wizard.inspectError && (
            <Alert color="red" title={t('importUi.file.unreadable')}>
              {errorText(t, wizard.inspectError)}
            </Alert>
          )}
        </Stack>
      </Paper>
      {inspection && (
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Group gap="xs" align="baseline">
              <Text fw={700}>{inspection.fileName}</Text>
              <Text size="sm" c="dimmed">
                {formatBytes(inspection.size, language)}
              </Text>
            </Group>
            <ReadSettings wizard={wizard} inspection={inspection} />
            <PreviousImportAlert inspection={inspection} />
            <Text size="sm" fw={600}>
              {t('importUi.file.sampleTitle')}
            </Text>
            {inspection.sampleRows.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('importUi.file.noRows')}
              </Text>
            ) : (
              <SampleTable inspection={inspection} />
            )}
          </Stack>
        </Paper>
      )}
      <Group justify="flex-end">
        <Button onClick={onNext} disabled={!inspection || wizard.inspecting}>
          {t('importUi.next')}
        </Button>
      </Group>
    </Stack>
  );
}
