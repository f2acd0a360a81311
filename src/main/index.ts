import { app, BrowserWindow, session } from 'electron';
import type { AppState } from '@core/ipc/contract';
import { createApp } from './app';
import { createElectronHost } from './electron/host';
import { registerIpcHandlers } from './electron/ipc';
import { registerAppScheme, serveRenderer } from './electron/app-protocol';
import { createAppMenu } from './electron/menu';
import { hardenAllWebContents, rendererLocation, secureSession } from './electron/security';
import { createMainWindow } from './electron/window';
import type { LeadwerkApp } from './host';

/** Electron start-up, in order. Everything else lives in `./electron` and `./app`. */

async function readState(leadwerk: LeadwerkApp): Promise<AppState | null> {
  const result = await leadwerk.call('app.state', {});
  return result.ok ? result.value : null;
}

async function start(): Promise<void> {
  app.enableSandbox();
  registerAppScheme();
  hardenAllWebContents();
  await app.whenReady();

  const configDir = app.getPath('userData');
  const renderer = rendererLocation();
  let mainWindow: BrowserWindow | null = null;
  const currentWindow = (): BrowserWindow | null =>
    mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null;

  // The host reads state from the app it is created for; both closures run only later.
  const leadwerk: LeadwerkApp = createApp({
    host: createElectronHost({
      state: () => readState(leadwerk),
      window: currentWindow,
      onEvent: (event, payload) => {
        if (event === 'database.changed') appMenu.update(payload);
      },
    }),
    configDir,
  });
  const appMenu = createAppMenu({ app: leadwerk, window: currentWindow, dev: renderer.dev });
  const initial = await readState(leadwerk);
  if (initial !== null) appMenu.update(initial);

  secureSession(session.defaultSession, renderer);
  if (renderer.root !== null) serveRenderer(session.defaultSession, renderer.root, renderer.csp);
  registerIpcHandlers(leadwerk, renderer, (state) => appMenu.update(state));
  mainWindow = createMainWindow(configDir, renderer);

  app.on('second-instance', () => {
    const window = currentWindow();
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) {
      mainWindow = createMainWindow(configDir, renderer);
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void leadwerk
      .close()
      .catch((error: unknown) => console.error('Closing the database failed:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

// One running instance per user: a second start focuses the first window instead.
if (app.requestSingleInstanceLock()) {
  start().catch((error: unknown) => {
    console.error('Leadwerk could not start:', error);
    app.exit(1);
  });
} else {
  app.quit();
}
