import { useCallback, useEffect, useRef, useState } from 'react';
import type { LeadDetail } from '@core/domain/lead';
import type { AppErrorData } from '@core/ipc/result';
import { useApi } from '../../api/client';

/**
 * The stored lead with history, activities, score, BANT and gates; refreshed when main
 * reports a change to the lead or to the scoring model.
 */
export function useLeadDetail(id: string | null) {
  const api = useApi();
  const [detail, setDetail] = useState<LeadDetail | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const sequence = useRef(0);

  const reload = useCallback((): Promise<LeadDetail | null> => {
    if (!id) return Promise.resolve(null);
    const mine = ++sequence.current;
    return api.invoke('leads.get', { id }).then((result) => {
      if (mine !== sequence.current) return null;
      if (!result.ok) {
        setError(result.error);
        return null;
      }
      setDetail(result.value);
      setError(null);
      return result.value;
    });
  }, [api, id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(
    () =>
      api.on('leads.changed', (payload) => {
        if (id && payload.ids.includes(id)) void reload();
      }),
    [api, id, reload],
  );
  // A saved scoring model changes the score and its explanation.
  useEffect(() => api.on('scoring.changed', () => void reload()), [api, reload]);

  return { detail, error, reload, setDetail };
}
