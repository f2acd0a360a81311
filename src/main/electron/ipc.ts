import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, isEventName, type Channel } from '@core/ipc/channels';
import type { AppState, EventArgs } from '@core/ipc/contract';
import { err, type Result } from '@core/ipc/result';
import type { LeadwerkApp } from '../host';
import type { RendererLocation } from './security';

/** Channels whose successful result is the new application state. */
const STATE_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'app.state',
  'app.setLanguage',
  'database.create',
  'database.open',
  'database.openDemo',
  'database.close',
  'users.create',
  'users.select',
]);

const FORBIDDEN: Result<never> = err({
  code: 'FORBIDDEN',
  key: 'errors.FORBIDDEN',
  message: 'IPC call from a frame that is not the Leadwerk renderer',
});

/**
 * True only for calls from the main frame of one of our windows showing our renderer
 * document; an iframe, a navigated-away page or a foreign web contents is refused.
 */
function isTrustedSender(event: IpcMainInvokeEvent, renderer: RendererLocation): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  const window = BrowserWindow.fromWebContents(event.sender);
  if (window === null || window.webContents !== event.sender) return false;
  if (frame !== event.sender.mainFrame) return false;
  return renderer.isOwnDocument(frame.url);
}

/**
 * One `ipcMain.handle` per contract channel, each checking the sender and then calling the
 * same `dispatch` as the web bridge and the CLI. A refused sender gets `FORBIDDEN` as a value.
 */
export function registerIpcHandlers(
  app: LeadwerkApp,
  renderer: RendererLocation,
  onStateChanged: (state: AppState) => void,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event, renderer)) return FORBIDDEN;
      const result = await app.dispatch(channel, input);
      if (result.ok && STATE_CHANNELS.has(channel)) onStateChanged(result.value as AppState);
      return result;
    });
  }
}

/** Sends an allowed event to every window. */
export function sendToAllWindows(...[event, payload]: EventArgs): void {
  if (!isEventName(event)) return;
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send(event, payload);
  }
}
