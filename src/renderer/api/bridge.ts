import { BRIDGE_KEY } from '@core/ipc/channels';
import type { Bridge } from '@core/ipc/contract';
import { WEB_SOCKET_PATH } from '@core/ipc/wire';
import { createWebSocketBridge } from './web-socket-bridge';

function isBridge(value: unknown): value is Bridge {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.invoke === 'function' && typeof record.on === 'function';
}

/** The preload's bridge in Electron, otherwise a WebSocket bridge to the `web` server. */
export function resolveBridge(): Bridge {
  const exposed = (window as unknown as Record<string, unknown>)[BRIDGE_KEY];
  if (isBridge(exposed)) return exposed;
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const url = `ws://${window.location.host}${WEB_SOCKET_PATH}?token=${encodeURIComponent(token)}`;
  return createWebSocketBridge({ url });
}
