import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, isChannel, isEventName } from '../core/ipc/channels';

/**
 * The whole surface the renderer gets: `invoke` on contract channels and `on` for push events,
 * both over allow-lists. Main checks the sender again and validates every input. Only
 * `electron` and the zod-free channel list are imported: this file is built to CommonJS and
 * runs in the sandbox, where no other module can be loaded.
 */
const bridge = {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!isChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          key: 'errors.BAD_REQUEST',
          message: `Unknown channel: ${String(channel)}`,
        },
      });
    }
    return ipcRenderer.invoke(channel, input);
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!isEventName(event)) throw new TypeError(`Unknown event: ${String(event)}`);
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
