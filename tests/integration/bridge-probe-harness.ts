import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { WebSocket, type ClientOptions } from 'ws';
import { WEB_SOCKET_PATH, type ServerFrame } from '@core/ipc/wire';
import { createApp } from '../../src/main/app';
import type { WebServerLimits } from '../../src/main/web/limits';
import { createToken, startWebServer, type WebServer } from '../../src/main/web/server';
import { tempDir } from './harness';

/**
 * A running `web` bridge over a small renderer folder, with a secret file next to (not
 * inside) the folder and a symlink from inside to it, and raw HTTP, TCP and WebSocket
 * clients that send exactly what a probe says.
 */

export const SECRET = 'top-secret-outside-root';

/** Short limits, so that timeout probes end in a fraction of a second. */
export const PROBE_LIMITS: Partial<WebServerLimits> = {
  headersTimeoutMs: 300,
  requestTimeoutMs: 600,
  keepAliveTimeoutMs: 300,
  idleSocketTimeoutMs: 1_500,
  checkIntervalMs: 50,
  heartbeatMs: 150,
};

const running: WebServer[] = [];

afterEach(async () => {
  while (running.length > 0) await running.pop()?.close();
});

export type Bridge = { server: WebServer; token: string; dir: string; root: string };

export async function startBridge(
  limits: Partial<WebServerLimits> = PROBE_LIMITS,
): Promise<Bridge> {
  const dir = tempDir();
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'" /><title>Leadwerk</title></head><body></body></html>`,
  );
  writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(root, '.hidden'), 'hidden');
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'link-out.txt'));
  let server: WebServer | null = null;
  const app = createApp({
    host: { kind: 'web', emit: (...event) => server?.broadcast(...event) },
    configDir: join(dir, 'config'),
  });
  const token = createToken();
  server = await startWebServer({
    root,
    port: 0,
    token,
    dispatch: (channel, input) => app.dispatch(channel, input),
    limits,
  });
  const started = server;
  running.push({ ...started, close: async () => (await started.close(), await app.close()) });
  return { server: started, token, dir, root };
}

export type RawResponse = {
  /** 0 when the server closed the connection without an answer. */
  status: number;
  head: string;
  body: string;
};

/**
 * Sends `request` (bytes as given: no path folding, any method, any header) over a fresh TCP
 * connection and reads until the server closes it.
 */
export function rawRequest(port: number, request: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = split === -1 ? text : text.slice(0, split);
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, head, body: split === -1 ? '' : text.slice(split + 4) });
    });
    // Written, not ended: a client that half-closes first may get no answer at all.
    socket.write(request);
  });
}

/** A GET (or another method) for `path` with this server's Host, connection closed after. */
export function request(
  bridge: Bridge,
  path: string,
  options: { method?: string; host?: string | null; headers?: string[] } = {},
): Promise<RawResponse> {
  const host = options.host === undefined ? `127.0.0.1:${bridge.server.port}` : options.host;
  const lines = [
    `${options.method ?? 'GET'} ${path} HTTP/1.1`,
    ...(host === null ? [] : [`Host: ${host}`]),
    ...(options.headers ?? []),
    'Connection: close',
  ];
  return rawRequest(bridge.server.port, `${lines.join('\r\n')}\r\n\r\n`);
}

/** Opens a TCP connection, sends `bytes` and resolves once the server has closed it. */
export function closedByServer(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket: Socket = tcpConnect(port, '127.0.0.1', () => {
      if (bytes !== '') socket.write(bytes);
    });
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
  });
}

/** A WebSocket upgrade; resolves with the open socket or the HTTP status that refused it. */
export function openWebSocket(
  bridge: Bridge,
  options: { query?: string; origin?: string | null; path?: string; ws?: ClientOptions } = {},
): Promise<{ socket: WebSocket } | { status: number }> {
  const query = options.query ?? `?token=${bridge.token}`;
  const origin = options.origin === undefined ? bridge.server.origin : options.origin;
  const path = options.path ?? WEB_SOCKET_PATH;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${bridge.server.port}${path}${query}`, {
      ...(origin === null ? {} : { origin }),
      ...options.ws,
    });
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.resume();
    });
    socket.once('error', reject);
  });
}

/** An authorised socket. */
export async function authorisedSocket(bridge: Bridge, ws: ClientOptions = {}): Promise<WebSocket> {
  const result = await openWebSocket(bridge, { ws });
  if (!('socket' in result)) throw new Error(`refused with ${result.status}`);
  return result.socket;
}

export function nextFrame(
  socket: WebSocket,
  predicate: (frame: ServerFrame) => boolean,
): Promise<ServerFrame> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer): void => {
      const frame = JSON.parse(data.toString()) as ServerFrame;
      if (!predicate(frame)) return;
      socket.off('message', onMessage);
      resolve(frame);
    };
    socket.on('message', onMessage);
  });
}

/** Sends an invoke frame and resolves with its result. */
export async function invoke(socket: WebSocket, id: number, channel: string, input: unknown) {
  const reply = nextFrame(socket, (frame) => frame.type === 'result' && frame.id === id);
  socket.send(JSON.stringify({ type: 'invoke', id, channel, input }));
  const frame = await reply;
  if (frame.type !== 'result') throw new Error('expected a result frame');
  return frame.result;
}

/** The close code the server ends `socket` with. */
export function closeCode(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}
