import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorData } from '@core/ipc/result';
import type { ContentItem } from '@core/scoring/index';
import { useApi } from '../../api/client';

/**
 * The content library, archived items included on request; reloads when main reports a
 * change (another window or colleague) or another database.
 */
export function useContentList(includeArchived: boolean) {
  const api = useApi();
  const [items, setItems] = useState<ContentItem[] | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const latest = useRef(0);

  /** Loads the list; an answer overtaken by a newer request is dropped. */
  const load = useCallback((): Promise<ContentItem[] | null> => {
    latest.current += 1;
    const request = latest.current;
    return api.invoke('content.list', { includeArchived }).then((result) => {
      if (request !== latest.current) return null;
      if (!result.ok) {
        setError(result.error);
        return null;
      }
      setError(null);
      setItems(result.value);
      return result.value;
    });
  }, [api, includeArchived]);

  useEffect(() => {
    void load();
    const offContent = api.on('content.changed', () => void load());
    const offDatabase = api.on('database.changed', () => void load());
    return () => {
      offContent();
      offDatabase();
    };
  }, [api, load]);

  /** One stored item, archived or not (the editor's reload after a conflict). */
  const fetchItem = useCallback(
    async (id: string): Promise<ContentItem | null> => {
      const result = await api.invoke('content.list', { includeArchived: true });
      if (!result.ok) {
        setError(result.error);
        return null;
      }
      return result.value.find((item) => item.id === id) ?? null;
    },
    [api],
  );

  return { items, error, fetchItem };
}
