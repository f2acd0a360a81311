import type { Result } from './result';

/**
 * Messages of the `web` bridge: the browser renderer talks to main over one WebSocket with
 * these JSON frames, carrying exactly what Electron's `invoke`/`on` carry.
 */
export type ClientFrame = { type: 'invoke'; id: number; channel: string; input: unknown };

export type ServerFrame =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: string; payload: unknown };

/** Path of the WebSocket endpoint; the per-run token goes in the `token` query parameter. */
export const WEB_SOCKET_PATH = '/bridge';
