import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportBatch } from '@core/ipc/import-schemas';
import type { AppErrorData } from '@core/ipc/result';
import { useApi } from '../../api/client';

/** The import history, newest first as main sends it; reloaded when main reports a change. */
export function useImportHistory() {
  const api = useApi();
  const [batches, setBatches] = useState<ImportBatch[] | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const latest = useRef(0);

  const load = useCallback(() => {
    const mine = ++latest.current;
    return api.invoke('imports.list', {}).then((result) => {
      if (mine !== latest.current) return;
      if (result.ok) {
        setBatches(result.value);
        setError(null);
      } else {
        setError(result.error);
      }
    });
  }, [api]);

  useEffect(() => {
    void load();
    const offImports = api.on('imports.changed', () => void load());
    const offDatabase = api.on('database.changed', () => void load());
    return () => {
      offImports();
      offDatabase();
    };
  }, [api, load]);

  return { batches, error, reload: load };
}
