import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { mimeType } from '../web/static-files';
import { APP_SCHEME, appRequestFile } from './app-urls';

/**
 * Makes `app:` a standard, secure scheme (its own origin, like https). Electron accepts
 * this only before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/**
 * Answers `app://renderer/…` in `session` with the built renderer's files under `root`
 * (nothing else: see {@link appRequestFile}), each with the CSP header and `nosniff`.
 */
export function serveRenderer(session: Session, root: string, csp: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const headers = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' };
    const file = await appRequestFile(root, request.url);
    if (file === null) return new Response('Not Found', { status: 404, headers });
    return new Response(await readFile(file), {
      headers: { ...headers, 'Content-Type': mimeType(file) },
    });
  });
}
