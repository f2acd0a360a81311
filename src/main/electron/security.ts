import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, shell, type Session, type WebContents } from 'electron';
import { contentSecurityPolicy } from '../web/csp';

/** Where the renderer lives and which URLs count as ours. */
export type RendererLocation = {
  /** What the window loads. */
  url: string;
  /** True when `url` is our renderer document (query and hash ignored). */
  isOwnDocument(url: string): boolean;
  /** The CSP for our pages. */
  csp: string;
  dev: boolean;
};

/**
 * In development electron-vite serves the renderer and passes its address in
 * `ELECTRON_RENDERER_URL`; a packaged app never honours that variable and loads the built
 * `out/renderer/index.html` from disk.
 */
export function rendererLocation(): RendererLocation {
  const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  if (devUrl) {
    const origin = new URL(devUrl).origin;
    return {
      url: devUrl,
      isOwnDocument: (url) => URL.canParse(url) && new URL(url).origin === origin,
      csp: contentSecurityPolicy({
        connectSrc: [origin, origin.replace(/^http/, 'ws')],
        allowInlineScripts: true,
      }),
      dev: true,
    };
  }
  const fileUrl = pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;
  return {
    url: fileUrl,
    isOwnDocument: (url) => {
      if (!URL.canParse(url)) return false;
      const parsed = new URL(url);
      parsed.hash = '';
      parsed.search = '';
      return parsed.href === fileUrl;
    },
    csp: contentSecurityPolicy({ connectSrc: [] }),
    dev: false,
  };
}

function isWebLink(url: string): boolean {
  return URL.canParse(url) && ['http:', 'https:'].includes(new URL(url).protocol);
}

/**
 * Applies to every web contents the app ever creates: no navigation away from the renderer,
 * no new windows (http(s) links open in the user's browser), no `<webview>`.
 */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isWebLink(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

/** Sends the CSP (and nosniff) with every response and refuses all permission requests. */
export function secureSession(session: Session, renderer: RendererLocation): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [renderer.csp],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
