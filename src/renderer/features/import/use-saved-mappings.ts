import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '@core/ipc/contract';
import type { ImportMapping } from '@core/import/types';
import type { AppErrorData } from '@core/ipc/result';
import { useApi } from '../../api/client';

export type SavedMapping = ChannelOutput<'mappings.list'>[number];

/** The team's saved mappings, with save (upsert by name) and delete. */
export function useSavedMappings() {
  const api = useApi();
  const [mappings, setMappings] = useState<SavedMapping[]>([]);
  const [error, setError] = useState<AppErrorData | null>(null);

  const load = useCallback(
    () =>
      api.invoke('mappings.list', {}).then((result) => {
        if (result.ok) setMappings(result.value);
        else setError(result.error);
      }),
    [api],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const save = useCallback(
    async (name: string, mapping: ImportMapping): Promise<SavedMapping | null> => {
      const result = await api.invoke('mappings.save', { name, mapping });
      if (!result.ok) {
        setError(result.error);
        return null;
      }
      setError(null);
      await load();
      return result.value;
    },
    [api, load],
  );

  const remove = useCallback(
    async (id: string): Promise<boolean> => {
      const result = await api.invoke('mappings.delete', { id });
      if (!result.ok) {
        setError(result.error);
        return false;
      }
      setError(null);
      await load();
      return true;
    },
    [api, load],
  );

  return { mappings, error, save, remove };
}
