import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Radio, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadFilter } from '@core/ipc/leads/schemas';
import { EXPORT_FORMATS } from '@core/ipc/import-schemas';
import type { AppErrorData } from '@core/ipc/result';
import { useApi } from '../../api/client';
import { useAppState } from '../app-state';
import { useNow } from '../clock';
import { errorText } from '../errors';
import { useFileOutput } from '../file-output';
import { notifySuccess } from '../notify';
import { useLanguage } from '../use-language';
import { formatCount } from '../format';

export type ExportFormat = (typeof EXPORT_FORMATS)[number];
type Scope = 'filtered' | 'all';

function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** "leads-2026-02-10.csv": today's local date, so several exports do not overwrite each other. */
export function defaultExportName(now: number, format: ExportFormat, prefix: string): string {
  const date = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${prefix}-${day}.${format}`;
}

/** Leads the filter shows (null: all), counted by the same query the table uses. */
function useLeadCount(filters: LeadFilter | null): number | null {
  const api = useApi();
  const [count, setCount] = useState<{ key: string; total: number } | null>(null);
  const key = JSON.stringify(filters ?? {});
  useEffect(() => {
    let alive = true;
    void api
      .invoke('leads.list', { filters: JSON.parse(key) as LeadFilter, offset: 0, limit: 1 })
      .then((result) => {
        if (alive && result.ok) setCount({ key, total: result.value.total });
      });
    return () => {
      alive = false;
    };
  }, [api, key]);
  return count?.key === key ? count.total : null;
}

type Props = {
  /** The filters of the table or board the dialog was opened from. */
  filters: LeadFilter;
  onClose: () => void;
};

/**
 * Export to CSV (German-Excel-friendly by default) or XLSX, the current filter or all leads:
 * through the save dialog, or in the browser as a download.
 */
export function ExportDialog({ filters, onClose }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const language = useLanguage();
  const now = useNow();
  const { state } = useAppState();
  const filtered = Object.keys(filters).length > 0;
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [delimiter, setDelimiter] = useState<';' | ','>(';');
  const [scope, setScope] = useState<Scope>(filtered ? 'filtered' : 'all');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const filteredCount = useLeadCount(filters);
  const allCount = useLeadCount(null);
  const output = useFileOutput();
  const count = (value: number | null) => (value === null ? '…' : formatCount(value, language));

  const run = async () => {
    setBusy(true);
    const result = await output.save({
      purpose: format === 'csv' ? 'export-csv' : 'export-xlsx',
      defaultName: defaultExportName(now, format, t('exportUi.filePrefix')),
      write: (path, overwrite) =>
        api.invoke('export.run', {
          path,
          overwrite,
          format,
          delimiter,
          filters: scope === 'filtered' && filtered ? filters : null,
        }),
    });
    setBusy(false);
    if (result === null) return;
    if (!result.ok) {
      setError(result.error);
      return;
    }
    notifySuccess(
      t('exportUi.done', {
        count: result.value.rows,
        n: formatCount(result.value.rows, language),
        path: result.value.path,
      }),
    );
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t('exportUi.title')} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <Stack gap="md">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="export-format-label">
              {t('exportUi.format')}
            </Text>
            <SegmentedControl
              aria-labelledby="export-format-label"
              value={format}
              onChange={(value) => {
                if (isExportFormat(value)) setFormat(value);
              }}
              data={EXPORT_FORMATS.map((value) => ({
                value,
                label: t(`exportUi.formats.${value}`),
              }))}
            />
          </Stack>
          {format === 'csv' && (
            <Radio.Group
              label={t('exportUi.delimiter')}
              value={delimiter}
              onChange={(value) => setDelimiter(value === ',' ? ',' : ';')}
            >
              <Stack gap={6} mt={6}>
                <Radio value=";" label={t('exportUi.delimiters.semicolon')} />
                <Radio value="," label={t('exportUi.delimiters.comma')} />
              </Stack>
            </Radio.Group>
          )}
          <Radio.Group
            label={t('exportUi.scope')}
            value={scope}
            onChange={(value) => setScope(value === 'filtered' ? 'filtered' : 'all')}
          >
            <Stack gap={6} mt={6}>
              {filtered && (
                <Radio
                  value="filtered"
                  label={t('exportUi.scopeFiltered', {
                    count: filteredCount ?? 0,
                    n: count(filteredCount),
                  })}
                />
              )}
              <Radio
                value="all"
                label={t('exportUi.scopeAll', { count: allCount ?? 0, n: count(allCount) })}
              />
            </Stack>
          </Radio.Group>
          {error && <Alert color="red">{errorText(t, error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {state.fileAccess === 'transfers' ? t('exportUi.download') : t('exportUi.saveAs')}
            </Button>
          </Group>
        </Stack>
      </form>
      {output.dialog}
    </Modal>
  );
}
