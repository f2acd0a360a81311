import { useRef, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  FileButton,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportInspection } from '@core/ipc/import-schemas';
import type { AppErrorData } from '@core/ipc/result';
import {
  CSV_DELIMITERS,
  TEXT_ENCODINGS,
  type CsvDelimiter,
  type TextEncoding,
} from '@core/formats/types';
import { IMPORT_FORMATS, type ImportFormat } from '@core/formats/types';
import { useApi } from '../../api/client';
import { useFileTransfers } from '../../api/file-transfers';
import { useAppState } from '../../shared/app-state';
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

/** File types offered first in the browser's file chooser (the content decides the format). */
const IMPORT_ACCEPT = '.csv,.txt,.tsv,.xlsx,.xlsm,.vcf,.vcard';

/**
 * Choosing the file: the native dialog (a path), or in the browser a file chooser that
 * uploads the file to main (which can then read only that upload). Either way the wizard
 * inspects what it got.
 */
function ChooseFile({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
  const api = useApi();
  const transfers = useFileTransfers();
  const { state } = useAppState();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const reset = useRef<() => void>(null);

  const pick = async () => {
    const result = await api.invoke('files.pick', { purpose: 'import' });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    if (result.value.path !== null) await wizard.inspect(result.value.path);
  };

  const upload = async (file: File | null) => {
    reset.current?.();
    if (file === null) return;
    if (transfers === null) {
      setError({ code: 'UNSUPPORTED', key: 'errors.UNSUPPORTED', message: 'no transfers' });
      return;
    }
    setUploading(true);
    const result = await transfers.upload(file);
    setUploading(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    await wizard.inspect(result.value.file);
  };

  return (
    <>
      <Group>
        {state.fileAccess === 'transfers' ? (
          <FileButton
            onChange={(file) => void upload(file)}
            accept={IMPORT_ACCEPT}
            resetRef={reset}
            inputProps={{ 'aria-label': t('importUi.file.upload') }}
          >
            {(props) => (
              <Button {...props} loading={uploading || wizard.inspecting}>
                {t('importUi.file.pick')}
              </Button>
            )}
          </FileButton>
        ) : (
          <Button onClick={() => void pick()} loading={wizard.inspecting}>
            {t('importUi.file.pick')}
          </Button>
        )}
      </Group>
      {error && <Alert color="red">{errorText(t, error)}</Alert>}
    </>
  );
}

/** Step 1: choose the file, see how it was read. */
export function FileStep({ wizard, onNext }: { wizard: ImportWizard; onNext: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { inspection } = wizard;

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
          <ChooseFile wizard={wizard} />
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
