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

/**
 * The web mode's file routes: `POST /upload?name=FILE` with the token in
 * {@link WEB_TOKEN_HEADER} answers `{ file, fileName, size }` (`file`: the handle the import
 * channels take; 413 `{ maxBytes }` above the limit); `GET /download/ID?token=…` answers a
 * file an export wrote, as an attachment.
 */
export const WEB_UPLOAD_PATH = '/upload';
export const WEB_DOWNLOAD_PREFIX = '/download/';
export const WEB_TOKEN_HEADER = 'X-Leadwerk-Token';
