import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ServerFrame } from '@core/ipc/wire';
import { WEB_SOCKET_PATH } from '@core/ipc/wire';
import { createApp } from '../../src/main/app';
import { parseWebArgs } from '../../src/main/web/args';
import {
  createToken,
  startWebServer,
  tokensEqual,
  type WebServer,
} from '../../src/main/web/server';
import { tempDir } from './harness';

const SECRET = 'top-secret-outside-root';
const running: WebServer[] = [];

afterEach(async () => {
  while (running.length > 0) await running.pop()?.close();
});

/** A server over a small renderer folder with a secret file next to (not inside) it. */
async function startBridge() {
  const dir = tempDir();
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Leadwerk</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  const events: string[] = [];
  let server: WebServer | null = null;
  const app = createApp({
    host: {
      kind: 'web',
      emit: (event, payload) => {
        events.push(event);
        server?.broadcast(event, payload);
      },
    },
    configDir: join(dir, 'config'),
  });
  const token = createToken();
  server = await startWebServer({
    root,
    port: 0,
    token,
    dispatch: (channel, input) => app.dispatch(channel, input),
  });
  running.push({ ...server, close: async () => (await server?.close(), await app.close()) });
  return { server, token, dir, events };
}

type RawResponse = { status: number; headers: Record<string, unknown>; body: string };

/** A raw HTTP request: unlike fetch it sends the path exactly as given (no `..` folding). */
function rawGet(
  port: number,
  path: string,
  options: { method?: string; host?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? `127.0.0.1:${port}` },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Opens a socket; resolves with it when open, or with the HTTP status that refused it. */
function connect(
  server: WebServer,
  query: string,
  origin: string | undefined,
): Promise<{ socket: WebSocket } | { status: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(
      `ws://127.0.0.1:${server.port}${WEB_SOCKET_PATH}${query}`,
      origin === undefined ? {} : { origin },
    );
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.resume();
    });
    socket.once('error', reject);
  });
}

async function openSocket(server: WebServer, token: string): Promise<WebSocket> {
  const result = await connect(server, `?token=${token}`, server.origin);
  if (!('socket' in result)) throw new Error(`refused with ${result.status}`);
  return result.socket;
}

function nextFrame(
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

async function invoke(socket: WebSocket, id: number, channel: string, input: unknown) {
  const reply = nextFrame(socket, (frame) => frame.type === 'result' && frame.id === id);
  socket.send(JSON.stringify({ type: 'invoke', id, channel, input }));
  const frame = await reply;
  if (frame.type !== 'result') throw new Error('expected a result frame');
  return frame.result;
}

describe('web bridge: static files', () => {
  it('serves the renderer with the right MIME types, CSP and nosniff', async () => {
    const { server } = await startBridge();
    const index = await rawGet(server.port, '/?token=x');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Leadwerk</title>');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(index.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain(`connect-src ws://127.0.0.1:${server.port}`);
    const script = await rawGet(server.port, '/assets/app.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const style = await rawGet(server.port, '/assets/app.css');
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('lists no directories and serves nothing that is not a file under the root', async () => {
    const { server } = await startBridge();
    expect((await rawGet(server.port, '/assets/')).status).toBe(404);
    expect((await rawGet(server.port, '/assets')).status).toBe(404);
    expect((await rawGet(server.port, '/missing.js')).status).toBe(404);
    expect((await rawGet(server.port, WEB_SOCKET_PATH)).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%252e%252e/secret.txt',
    '/index.html%00.js',
    '/%',
  ])('refuses path traversal: %s', async (path) => {
    const { server } = await startBridge();
    const response = await rawGet(server.port, path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(SECRET);
  });

  it('refuses other methods and other Host names (DNS rebinding)', async () => {
    const { server } = await startBridge();
    expect((await rawGet(server.port, '/', { method: 'POST' })).status).toBe(405);
    expect((await rawGet(server.port, '/', { host: 'evil.example:80' })).status).toBe(403);
    expect((await rawGet(server.port, '/', { host: `localhost:${server.port}` })).status).toBe(403);
  });
});

describe('web bridge: WebSocket', () => {
  it('refuses a missing or wrong token with 401', async () => {
    const { server, token } = await startBridge();
    expect(await connect(server, '', server.origin)).toEqual({ status: 401 });
    expect(await connect(server, '?token=', server.origin)).toEqual({ status: 401 });
    expect(await connect(server, `?token=${token}x`, server.origin)).toEqual({ status: 401 });
    expect(await connect(server, `?token=${createToken()}`, server.origin)).toEqual({
      status: 401,
    });
  });

  it('refuses a foreign or missing Origin with 403', async () => {
    const { server, token } = await startBridge();
    const query = `?token=${token}`;
    expect(await connect(server, query, 'http://evil.example')).toEqual({ status: 403 });
    expect(await connect(server, query, `http://localhost:${server.port}`)).toEqual({
      status: 403,
    });
    expect(await connect(server, query, `http://127.0.0.1:${server.port + 1}`)).toEqual({
      status: 403,
    });
    expect(await connect(server, query, undefined)).toEqual({ status: 403 });
  });

  it('answers invokes through dispatch and pushes events', async () => {
    const { server, token, dir } = await startBridge();
    const socket = await openSocket(server, token);
    const state = await invoke(socket, 1, 'app.state', {});
    expect(state).toMatchObject({ ok: true, value: { host: 'web', database: null } });

    const changed = nextFrame(socket, (frame) => frame.type === 'event');
    const created = await invoke(socket, 2, 'database.create', { path: join(dir, 'a.sqlite') });
    expect(created).toMatchObject({ ok: true, value: { database: { fileName: 'a.sqlite' } } });
    expect(await changed).toMatchObject({
      type: 'event',
      event: 'database.changed',
      payload: { database: { fileName: 'a.sqlite' } },
    });
    socket.close();
  });

  it('answers an unknown channel and invalid input with error values', async () => {
    const { server, token } = await startBridge();
    const socket = await openSocket(server, token);
    expect(await invoke(socket, 1, 'fs.readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await invoke(socket, 2, 'app.setLanguage', { language: 'fr' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await invoke(socket, 3, 'database.pick', { purpose: 'open' })).toMatchObject({
      ok: false,
    });
    socket.close();
  });

  it('closes the socket on a malformed frame', async () => {
    const { server, token } = await startBridge();
    const socket = await openSocket(server, token);
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('not json');
    expect(await closed).toBe(1008);
  });

  it('drops an oversized frame without taking the server down', async () => {
    const { server, token } = await startBridge();
    const socket = await openSocket(server, token);
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('x'.repeat(5 * 1024 * 1024));
    expect(await closed).toBe(1009);
    const again = await openSocket(server, token);
    expect(await invoke(again, 1, 'app.state', {})).toMatchObject({ ok: true });
    again.close();
  });
});

describe('web bridge: helpers', () => {
  it('compares tokens exactly', () => {
    const token = createToken();
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(createToken()).not.toBe(token);
    expect(tokensEqual(token, token)).toBe(true);
    expect(tokensEqual(token.slice(1), token)).toBe(false);
    expect(tokensEqual('', token)).toBe(false);
  });

  it('parses the web arguments and refuses wrong ones', () => {
    expect(parseWebArgs([])).toEqual({ ok: true, args: { db: null, port: 0, demo: false } });
    expect(parseWebArgs(['--db', 'x.sqlite', '--port', '8123', '--demo'])).toEqual({
      ok: true,
      args: { db: 'x.sqlite', port: 8123, demo: true },
    });
    expect(parseWebArgs(['--port', 'abc']).ok).toBe(false);
    expect(parseWebArgs(['--port', '70000']).ok).toBe(false);
    expect(parseWebArgs(['--demo']).ok).toBe(false);
    expect(parseWebArgs(['--verbose']).ok).toBe(false);
  });
});
