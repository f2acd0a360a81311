import { useEffect, useRef, useState } from 'react';
import type { ChannelOutput } from '@core/ipc/contract';
import type { AppErrorData } from '@core/ipc/result';
import type { ScoringSettings } from '@core/scoring/index';
import { useApi } from '../../api/client';

export type Preview = ChannelOutput<'scoring.preview'>;

/** How long the draft must rest before it is previewed. */
export const PREVIEW_DELAY_MS = 400;

/** The answer to the newest request; a failed one keeps the previous numbers. */
type Answer = { key: string; preview: Preview | null; error: AppErrorData | null };

/**
 * Previews a valid draft once it has rested for {@link PREVIEW_DELAY_MS}. Only the answer to
 * the newest request is shown; until it arrives the previous numbers stay (no flicker) and
 * `pending` is true. `settings: null` (invalid draft) sends nothing.
 */
export function useScoringPreview(settings: ScoringSettings | null) {
  const api = useApi();
  const key = settings === null ? null : JSON.stringify(settings);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    latest.current += 1;
    const request = latest.current;
    if (key === null) return undefined;
    const timer = setTimeout(() => {
      void api
        .invoke('scoring.preview', { settings: JSON.parse(key) as ScoringSettings })
        .then((result) => {
          if (request !== latest.current) return;
          setAnswer((previous) =>
            result.ok
              ? { key, preview: result.value, error: null }
              : { key, preview: previous?.preview ?? null, error: result.error },
          );
        });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [api, key]);

  return {
    /** The newest successful preview, kept while a newer one is computed. */
    preview: answer?.preview ?? null,
    error: answer?.key === key ? answer.error : null,
    pending: key !== null && answer?.key !== key,
  };
}
