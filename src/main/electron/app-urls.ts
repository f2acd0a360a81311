import { resolveStaticFile } from '../web/static-files';

/**
 * The URLs of the packaged renderer and of links leaving the app. Kept apart from the
 * Electron glue (no `electron` import) so that every rule here is unit-tested.
 */

/** The renderer's own scheme: a standard, secure origin instead of `file://`. */
export const APP_SCHEME = 'app';
const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the main window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  return URL.canParse(url) ? new URL(url) : null;
}

function isAppUrl(parsed: URL): boolean {
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** True when `url` is the renderer document (query and hash ignored). */
export function isAppDocument(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && isAppUrl(parsed) && parsed.pathname === '/index.html';
}

/**
 * The file an `app://renderer/…` request is answered with: a regular file under `root`
 * (`/` is `index.html`), never anything outside it — the same resolver, with the same
 * refusals (encoded `..`, backslashes, NUL, hidden files, symlinks out), as the `web`
 * bridge's static files. Null for any other URL.
 */
export async function appRequestFile(root: string, url: string): Promise<string | null> {
  const parsed = parse(url);
  if (parsed === null || !isAppUrl(parsed)) return null;
  return resolveStaticFile(root, parsed.pathname);
}

/** Schemes the operating system may open for a link: the web over TLS and e-mail. */
const EXTERNAL_SCHEMES = new Set(['https:', 'mailto:']);

/**
 * The address to hand to the operating system for a link the renderer wants to open, or
 * null to open nothing: only `https:` (without credentials in it) and `mailto:`. The URL is
 * parsed first and its normalised form returned, so what is checked is what is opened
 * (`JavaScript:`, ` javascript:`, `file:`, `smb:`, plain `http:` and the like stay shut).
 */
export function externalLinkTarget(url: string): string | null {
  const parsed = parse(url);
  if (parsed === null || !EXTERNAL_SCHEMES.has(parsed.protocol)) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.protocol === 'https:' && parsed.hostname === '') return null;
  return parsed.href;
}
