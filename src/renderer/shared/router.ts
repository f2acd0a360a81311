import { useCallback, useSyncExternalStore } from 'react';

/** The screens reachable by hash; reload keeps the place. */
export type Route =
  | { name: 'board'; query: URLSearchParams }
  | { name: 'leads'; query: URLSearchParams }
  | { name: 'lead'; id: string; query: URLSearchParams }
  | { name: 'newLead'; query: URLSearchParams }
  | { name: 'content'; query: URLSearchParams }
  | { name: 'settings'; query: URLSearchParams }
  | { name: 'import'; query: URLSearchParams }
  | { name: 'imports'; query: URLSearchParams };

/** Reads `#/path?query` into a route; unknown paths land on the board. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', search = ''] = raw.split('?', 2);
  const query = new URLSearchParams(search);
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'leads' && parts[1] === 'new') return { name: 'newLead', query };
  if (parts[0] === 'leads' && parts[1]) {
    return { name: 'lead', id: decodeURIComponent(parts[1]), query };
  }
  if (parts[0] === 'leads') return { name: 'leads', query };
  if (parts[0] === 'content') return { name: 'content', query };
  if (parts[0] === 'settings') return { name: 'settings', query };
  if (parts[0] === 'import') return { name: 'import', query };
  if (parts[0] === 'imports') return { name: 'imports', query };
  return { name: 'board', query };
}

/** Builds `#/path?query`, leaving out empty query values. */
export function buildHash(path: string, query: Record<string, string | null | undefined> = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, value);
  }
  const search = params.toString();
  return `#${path}${search ? `?${search}` : ''}`;
}

const REPLACED = 'leadwerk:hash-replaced';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  window.addEventListener(REPLACED, onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(REPLACED, onChange);
  };
}

const getHash = () => window.location.hash;

/** Goes to a hash; `replace` keeps the history short (e.g. while typing a filter). */
export function navigate(hash: string, options: { replace?: boolean } = {}) {
  if (window.location.hash === hash) return;
  if (options.replace) {
    window.history.replaceState(window.history.state, '', hash);
    window.dispatchEvent(new Event(REPLACED));
  } else {
    window.location.hash = hash;
  }
}

/** The current hash route, re-rendering on every change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash);
  return parseHash(hash);
}

/** Reads and writes query parameters of the current hash route. */
export function useHashQuery(path: string) {
  const hash = useSyncExternalStore(subscribe, getHash);
  const query = parseHash(hash).query;
  const setQuery = useCallback(
    (changes: Record<string, string | null>) => {
      const current = Object.fromEntries(parseHash(window.location.hash).query.entries());
      navigate(buildHash(path, { ...current, ...changes }), { replace: true });
    },
    [path],
  );
  return [query, setQuery] as const;
}
