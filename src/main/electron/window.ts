import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import type { RendererLocation } from './security';
import { loadWindowState, trackWindowState, WINDOW_MIN_SIZE } from './window-state';

/**
 * The main window, hardened: isolated, sandboxed preload, no Node in the page. Shown once the
 * first paint is ready so the user never sees a white flash.
 */
export function createMainWindow(configDir: string, renderer: RendererLocation): BrowserWindow {
  const state = loadWindowState(configDir);
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: WINDOW_MIN_SIZE.width,
    minHeight: WINDOW_MIN_SIZE.height,
    title: 'Leadwerk',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  trackWindowState(window, configDir);
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(renderer.url);
  return window;
}
