import { useCallback, useMemo, useRef, useState } from 'react';
import type { SourceChannel } from '@core/domain/channels';
import type { ImportInspection, ImportOptionsInput, ReadOptions } from '@core/ipc/import-schemas';
import type { AppErrorData } from '@core/ipc/result';
import {
  DEFAULT_DUPLICATE_ACTION,
  type DuplicateAction,
  type ImportMapping,
} from '@core/import/types';
import { useApi } from '../../api/client';
import { mappingForHeaders } from './mapping-rules';

/** The choices of the options step; the source channel has no default on purpose. */
export type WizardOptions = {
  sourceChannel: SourceChannel | null;
  campaignName: string;
  ownerId: string | null;
  onDuplicate: DuplicateAction;
  skipInvalid: boolean;
};

const INITIAL_OPTIONS: WizardOptions = {
  sourceChannel: null,
  campaignName: '',
  ownerId: null,
  onDuplicate: DEFAULT_DUPLICATE_ACTION,
  skipInvalid: true,
};

const sameHeaders = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((header, index) => header === b[index]);

/**
 * Everything the user chose in the wizard, kept while they go back and forth and after a
 * failed import, so nothing has to be entered twice.
 */
export function useImportWizard() {
  const api = useApi();
  const [inspection, setInspection] = useState<ImportInspection | null>(null);
  const [inspecting, setInspecting] = useState(false);
  const [inspectError, setInspectError] = useState<AppErrorData | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [mappingName, setMappingName] = useState<string | null>(null);
  const [options, setOptionsState] = useState<WizardOptions>(INITIAL_OPTIONS);
  const [overrides, setOverrides] = useState<Record<number, DuplicateAction>>({});
  const [confirmRepeat, setConfirmRepeat] = useState(false);
  const latest = useRef(0);
  const shown = useRef<ImportInspection | null>(null);

  /**
   * Reads the file (again) with the given read options. Another file, or other columns
   * (a different delimiter or sheet), start the mapping over from the suggestion.
   */
  const inspect = useCallback(
    async (file: string, read: ReadOptions = {}) => {
      const mine = ++latest.current;
      setInspecting(true);
      setInspectError(null);
      const result = await api.invoke('import.inspect', { path: file, ...read });
      if (mine !== latest.current) return;
      setInspecting(false);
      if (!result.ok) {
        setInspectError(result.error);
        return;
      }
      const next = result.value;
      const previous = shown.current;
      const otherFile = previous === null || previous.path !== next.path;
      if (otherFile || !sameHeaders(previous.headers, next.headers)) {
        setMapping(mappingForHeaders(next.headers, next.suggestedMapping));
        setMappingName(null);
        setOverrides({});
      }
      if (otherFile || previous.contentHash !== next.contentHash) setConfirmRepeat(false);
      shown.current = next;
      setInspection(next);
    },
    [api],
  );

  /** Re-reads the current file with one read option changed. */
  const reread = useCallback(
    (change: ReadOptions) => {
      if (!inspection) return;
      const current: ReadOptions = {
        format: inspection.format,
        encoding: inspection.encoding ?? undefined,
        delimiter: inspection.delimiter ?? undefined,
        sheet: inspection.sheet ?? undefined,
        hasHeader: inspection.hasHeader,
      };
      void inspect(inspection.path, { ...current, ...change });
    },
    [inspect, inspection],
  );

  const setField = useCallback((header: string, field: ImportMapping[string]) => {
    setMapping((current) => ({ ...current, [header]: field }));
  }, []);

  const loadMapping = useCallback(
    (source: ImportMapping, name: string | null) => {
      if (!inspection) return;
      setMapping(mappingForHeaders(inspection.headers, source));
      setMappingName(name);
    },
    [inspection],
  );

  const setOptions = useCallback((change: Partial<WizardOptions>) => {
    setOptionsState((current) => ({ ...current, ...change }));
    // A new default action makes earlier per-row choices look like the default's exceptions.
    if (change.onDuplicate !== undefined) setOverrides({});
  }, []);

  const setOverride = useCallback((row: number, action: DuplicateAction) => {
    setOverrides((current) => ({ ...current, [row]: action }));
  }, []);

  /** What `import.start` gets; null while the file is unread or no source was chosen. */
  const importOptions = useMemo((): ImportOptionsInput | null => {
    if (!inspection || !options.sourceChannel) return null;
    return {
      format: inspection.format,
      encoding: inspection.encoding ?? undefined,
      delimiter: inspection.delimiter ?? undefined,
      sheet: inspection.sheet ?? undefined,
      hasHeader: inspection.hasHeader,
      mapping,
      mappingName,
      sourceChannel: options.sourceChannel,
      campaignName: options.campaignName.trim() || null,
      ownerId: options.ownerId,
      onDuplicate: options.onDuplicate,
      duplicateOverrides: Object.entries(overrides).map(([row, action]) => ({
        row: Number(row),
        action,
      })),
      skipInvalid: options.skipInvalid,
      confirmRepeat,
    };
  }, [inspection, options, mapping, mappingName, overrides, confirmRepeat]);

  /** Back to an empty wizard for the next file. */
  const clear = useCallback(() => {
    latest.current += 1;
    shown.current = null;
    setInspection(null);
    setInspecting(false);
    setInspectError(null);
    setMapping({});
    setMappingName(null);
    setOptionsState(INITIAL_OPTIONS);
    setOverrides({});
    setConfirmRepeat(false);
  }, []);

  return {
    inspection,
    inspecting,
    inspectError,
    inspect,
    reread,
    mapping,
    mappingName,
    setMappingName,
    setField,
    loadMapping,
    options,
    setOptions,
    overrides,
    setOverride,
    confirmRepeat,
    setConfirmRepeat,
    importOptions,
    clear,
  };
}

export type ImportWizard = ReturnType<typeof useImportWizard>;
