import { useEffect, useState } from 'react';
import type { ChannelOutput } from '@core/ipc/contract';
import { useApi } from '../api/client';

export type Lookups = ChannelOutput<'lookups.get'>;

const EMPTY: Lookups = { users: [], campaigns: [] };

/** Users and campaigns of the open database, for selects. */
export function useLookups(): Lookups {
  const api = useApi();
  const [lookups, setLookups] = useState<Lookups>(EMPTY);
  useEffect(() => {
    let alive = true;
    const load = () =>
      void api.invoke('lookups.get', {}).then((result) => {
        if (alive && result.ok) setLookups(result.value);
      });
    load();
    const off = api.on('database.changed', load);
    return () => {
      alive = false;
      off();
    };
  }, [api]);
  return lookups;
}
