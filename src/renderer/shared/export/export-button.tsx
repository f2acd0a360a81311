import { useState } from 'react';
import { ActionIcon, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadFilter } from '@core/ipc/leads/schemas';
import { ExportDialog } from './export-dialog';

/** A tray with an arrow into it: the usual "download / export" sign. */
function ExportIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M12 4v11" />
      <path d="m7 10 5 5 5-5" />
      <path d="M4 17v2a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-2" />
    </svg>
  );
}

/**
 * "Exportieren" beside a filter bar, as an icon so that the bar keeps its one line: opens
 * the export dialog with that bar's filters.
 */
export function ExportButton({ filters }: { filters: LeadFilter }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Tooltip label={t('exportUi.title')} withinPortal>
        <ActionIcon
          variant="default"
          size={36}
          aria-label={t('exportUi.button')}
          onClick={() => setOpen(true)}
        >
          <ExportIcon />
        </ActionIcon>
      </Tooltip>
      {open && <ExportDialog filters={filters} onClose={() => setOpen(false)} />}
    </>
  );
}
