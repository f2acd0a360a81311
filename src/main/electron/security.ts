import { join } from 'node:path';
import { app, shell, type Session, type WebContents } from 'electron';
import { BUILT_RENDERER_CSP, contentSecurityPolicy } from '../web/csp';
import { APP_INDEX_URL, externalLinkTarget, isAppDocument } from './app-urls';

/** Where the renderer lives and which URLs count as ours. */
export type RendererLocation = {
  /** What the window loads. */
  url: string;
  /** Folder of the built renderer served on `app://renderer/`; null on the dev server. */
  root: string | null;
  /** True when `url` is our renderer document (query and hash ignored). */
  isOwnDocument(url: string): boolean;
  /** The CSP for our pages. */
  csp: string;
  dev: boolean;
};

/**
 * In development electron-vite serves the renderer and passes its address in
 * `ELECTRON_RENDERER_URL`; a packaged app never honours that variable and loads the built
 * `out/renderer` through the `app://renderer/` scheme (see `./app-protocol`).
 */
export function rendererLocation(): RendererLocation {
  const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  if (devUrl) {
    const origin = new URL(devUrl).origin;
    return {
      url: devUrl,
      root: null,
      isOwnDocument: (url) => URL.canParse(url) && new URL(url).origin === origin,
      csp: contentSecurityPolicy({
        connectSrc: [origin, origin.replace(/^http/, 'ws')],
        allowInlineScripts: true,
      }),
      dev: true,
    };
  }
  return {
    url: APP_INDEX_URL,
    root: join(import.meta.dirname, '../renderer'),
    isOwnDocument: isAppDocument,
    csp: BUILT_RENDERER_CSP,
    dev: false,
  };
}

/**
 * Applies to every web contents the app ever creates: no navigation away from the renderer,
 * no new windows (`https:` and `mailto:` links go to the operating system after the check
 * in {@link externalLinkTarget}, everything else is refused), no `<webview>`.
 */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const target = externalLinkTarget(url);
      if (target !== null) void shell.openExternal(target);
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
