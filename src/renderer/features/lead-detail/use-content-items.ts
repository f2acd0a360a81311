import { useEffect, useState } from 'react';
import type { ContentItem } from '@core/scoring/content';
import { useApi } from '../../api/client';

/** The content library's current items (archived ones left out), kept fresh on changes. */
export function useContentItems(): ContentItem[] {
  const api = useApi();
  const [items, setItems] = useState<ContentItem[]>([]);
  useEffect(() => {
    let alive = true;
    const load = () =>
      void api.invoke('content.list', { includeArchived: false }).then((result) => {
        if (alive && result.ok) setItems(result.value);
      });
    load();
    const offContent = api.on('content.changed', load);
    const offDatabase = api.on('database.changed', load);
    return () => {
      alive = false;
      offContent();
      offDatabase();
    };
  }, [api]);
  return items;
}
