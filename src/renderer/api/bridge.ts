import { BRIDGE_KEY } from '@core/ipc/channels';
import type { Bridge } from '@core/ipc/contract';
import { WEB_SOCKET_PATH } from '@core/ipc/wire';
import { createWebTransfers, type FileTransfers } from './file-transfers';
import { createWebSocketBridge } from './web-socket-bridge';

function isBridge(value: unknown): value is Bridge {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.invoke === 'function' && typeof record.on === 'function';
}

/**
 * The preload's bridge in Electron (files by path, no transfers), otherwise a WebSocket
 * bridge to the `web` server with its uploads and downloads, both with the page's token.
 */
export function resolveBridge(): { bridge: Bridge; transfers: FileTransfers | null } {
  const exposed = (window as unknown as Record<string, unknown>)[BRIDGE_KEY];
  if (isBridge(exposed)) return { bridge: exposed, transfers: null };
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const url = `ws://${window.location.host}${WEB_SOCKET_PATH}?token=${encodeURIComponent(token)}`;
  return { bridge: createWebSocketBridge({ url }), transfers: createWebTransfers({ token }) };
}
