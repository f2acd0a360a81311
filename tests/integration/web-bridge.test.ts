import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ServerFrame } from '@core/ipc/wire';
import { WEB_SOCKET_PATH } from '@core/ipc/wire';
import { createApp } from '../../src/main/app';
import { createTransferStore, safeFileName } from '../../src/main/files/transfers';
import { parseWebArgs } from '../../src/main/web/args';
import {
  createToken,
  startWebServer,
  tokensEqual,
  type WebServer,
} from '../../src/main/web/server';
import { attachmentHeader } from '../../src/main/web/transfer-routes';
import { tempDir } from './harness';

const SECRET = 'top-secret-outside-root';
const running: WebServer[] = [];

afterEach(async () => {
  while (running.length > 0) await running.pop()?.close();
});

/**
 * A server over a small renderer folder with a secret file next to (not inside) it, its
 * uploads and downloads in a transfer folder (uploads up to `maxUploadBytes`).
 */
async function startBridge(options: { maxUploadBytes?: number } = {}) {
  const dir = tempDir();
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Leadwerk</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  const events: string[] = [];
  let server: WebServer | null = null;
  const transfers = await createTransferStore({
    root: dir,
    ...(options.maxUploadBytes === undefined ? {} : { maxUploadBytes: options.maxUploadBytes }),
  });
  const app = createApp({
    host: {
      kind: 'web',
      emit: (...event) => {
        events.push(event[0]);
        server?.broadcast(...event);
      },
      files: { kind: 'transfers', store: transfers },
    },
    configDir: join(dir, 'config'),
  });
  const token = createToken();
  server = await startWebServer({
    root,
    port: 0,
    token,
    dispatch: (channel, input) => app.dispatch(channel, input),
    transfers,
  });
  running.push({
    ...server,
    close: async () => (await server?.close(), await app.close(), await transfers.close()),
  });
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
  it('makes any name from the browser a plain file name', () => {
    expect(safeFileName('Messe Besucher.csv')).toBe('Messe Besucher.csv');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\jana\\liste.csv')).toBe('liste.csv');
    expect(safeFileName('..')).toBe('datei');
    expect(safeFileName('.bashrc')).toBe('bashrc');
    expect(safeFileName('a<b>:"c|?*\u0000\u001f.csv')).toBe('a_b___c_____.csv');
    expect(safeFileName('NUL.csv')).toBe('_NUL.csv');
    expect(safeFileName('com1')).toBe('_com1');
    const long = safeFileName(`${'ä'.repeat(300)}.xlsx`);
    expect([...long]).toHaveLength(200);
    expect(long.endsWith('ä.xlsx')).toBe(true);
  });

  it('names a download in Content-Disposition for old and new browsers', () => {
    expect(attachmentHeader('leads.csv')).toBe(
      `attachment; filename="leads.csv"; filename*=UTF-8''leads.csv`,
    );
    expect(attachmentHeader('Kunden "Süd" 100%.xlsx')).toBe(
      `attachment; filename="Kunden _S_d_ 100_.xlsx"; filename*=UTF-8''Kunden%20%22S%C3%BCd%22%20100%25.xlsx`,
    );
  });

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

type HttpOptions = {
  method?: string;
  headers?: Record<string, string>;
  /** Sent with a Content-Length. */
  body?: Buffer | string;
  /** Sent chunked, without a Content-Length. */
  chunks?: Buffer[];
};

/** A raw HTTP request with a body; resolves with status, headers and the body as bytes. */
function httpRequest(
  port: number,
  path: string,
  options: HttpOptions = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(parts),
          }),
        );
      },
    );
    // A refused upload is answered before its body is read; the server may close early.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

async function upload(
  port: number,
  name: string,
  body: Buffer | string,
  token: string | null,
  headers: Record<string, string> = {},
) {
  const response = await httpRequest(port, `/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { ...(token === null ? {} : { 'x-leadwerk-token': token }), ...headers },
    body,
  });
  return { status: response.status, json: JSON.parse(response.body.toString() || 'null') };
}

const CSV = '\uFEFFVorname;Nachname;E-Mail\r\nJürgen;Müller;j.mueller@firma.de\r\n';

describe('web bridge: files only through uploads and downloads', () => {
  async function withDatabase() {
    const bridge = await startBridge({ maxUploadBytes: 4096 });
    const socket = await openSocket(bridge.server, bridge.token);
    const dbPath = join(bridge.dir, 'team.sqlite');
    expect(await invoke(socket, 1, 'database.create', { path: dbPath })).toMatchObject({
      ok: true,
    });
    return { ...bridge, socket, dbPath };
  }

  it('refuses server paths on every file channel: /etc/passwd, the database, traversal', async () => {
    const { socket, dbPath, dir } = await withDatabase();
    let id = 10;
    for (const path of ['/etc/passwd', dbPath, join(dir, 'secret.txt'), '../secret.txt']) {
      for (const channel of ['import.inspect', 'import.start'] as const) {
        const input =
          channel === 'import.inspect'
            ? { path }
            : { path, dryRun: true, options: { mapping: {}, sourceChannel: 'other' } };
        const result = await invoke(socket, id++, channel, input);
        expect(result, `${channel} ${path}`).toMatchObject({
          ok: false,
          error: {
            code: 'FORBIDDEN',
            key: 'files.serverPath',
            message:
              'Im Browser werden Dateien hoch- und heruntergeladen; Pfade auf dem Server sind nicht erlaubt. Bitte die Datei hochladen.',
          },
        });
        expect(JSON.stringify(result)).not.toContain('root:');
      }
    }
    // A made-up handle is no upload of this run either.
    expect(
      await invoke(socket, id++, 'import.inspect', { path: `upload:${'0'.repeat(32)}` }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const path of ['/tmp/leads.csv', dbPath, '../leads.csv', 'sub\\leads.csv']) {
      const result = await invoke(socket, id++, 'export.run', { path, overwrite: true });
      expect(result, path).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    socket.close();
  });

  it('reads an upload by its handle and answers 401 without the token', async () => {
    const { server, token, socket } = await withDatabase();
    expect((await upload(server.port, 'messe.csv', CSV, null)).status).toBe(401);
    expect((await upload(server.port, 'messe.csv', CSV, `${token}x`)).status).toBe(401);
    expect((await upload(server.port, 'messe.csv', CSV, createToken())).status).toBe(401);
    const foreign = await upload(server.port, 'messe.csv', CSV, token, {
      origin: 'http://evil.example',
    });
    expect(foreign.status).toBe(403);

    const sent = await upload(server.port, 'Messe Besucher.csv', CSV, token, {
      origin: server.origin,
    });
    expect(sent.status).toBe(200);
    expect(sent.json).toEqual({
      file: expect.stringMatching(/^upload:[0-9a-f]{32}$/),
      fileName: 'Messe Besucher.csv',
      size: Buffer.byteLength(CSV),
    });
    const inspected = await invoke(socket, 2, 'import.inspect', { path: sent.json.file });
    expect(inspected).toMatchObject({
      ok: true,
      value: {
        path: sent.json.file,
        fileName: 'Messe Besucher.csv',
        headers: ['Vorname', 'Nachname', 'E-Mail'],
        sampleRows: [['Jürgen', 'Müller', 'j.mueller@firma.de']],
      },
    });
    socket.close();
  });

  it('keeps an upload named with a path inside its own folder', async () => {
    const { server, token, dir, socket } = await withDatabase();
    const sent = await upload(
      server.port,
      '../../secret.txt',
      'Vorname;Nachname\r\nA;B\r\n',
      token,
    );
    expect(sent.status).toBe(200);
    expect(sent.json.fileName).toBe('secret.txt');
    expect(readFileSync(join(dir, 'secret.txt'), 'utf8')).toBe(SECRET);
    socket.close();
  });

  it('answers 413 above the size limit, declared or streamed, and keeps nothing', async () => {
    const { server, token, socket, dir } = await withDatabase();
    const big = Buffer.alloc(5000, 0x41);
    const declared = await upload(server.port, 'big.csv', big, token);
    expect(declared).toEqual({ status: 413, json: { error: 'tooLarge', maxBytes: 4096 } });
    const streamed = await httpRequest(server.port, '/upload?name=big.csv', {
      method: 'POST',
      headers: { 'x-leadwerk-token': token },
      chunks: [big.subarray(0, 3000), big.subarray(3000)],
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body.toString())).toEqual({ error: 'tooLarge', maxBytes: 4096 });
    const atLimit = await upload(server.port, 'ok.csv', Buffer.alloc(4096, 0x41), token);
    expect(atLimit.status).toBe(200);
    const kept = readdirSync(dir, { recursive: true }).filter((name) =>
      String(name).includes('uploads/'),
    );
    // Only the accepted upload's folder and file: nothing of the refused ones.
    expect(kept.filter((name) => String(name).endsWith('.csv'))).toHaveLength(1);
    expect(kept.filter((name) => String(name).endsWith('ok.csv'))).toHaveLength(1);
    expect(kept.some((name) => String(name).endsWith('.tmp'))).toBe(false);
    socket.close();
  });

  it('exports to a download with the exact file name, for the token only', async () => {
    const { server, token, socket } = await withDatabase();
    await invoke(socket, 2, 'users.create', { name: 'Sabine Vogt' });
    await invoke(socket, 3, 'leads.create', {
      fields: { firstName: 'Jürgen', lastName: 'Müller' },
    });
    const result = await invoke(socket, 4, 'export.run', { path: 'Leads Müller (1).csv' });
    expect(result).toEqual({
      ok: true,
      value: {
        rows: 1,
        path: 'Leads Müller (1).csv',
        download: {
          url: expect.stringMatching(/^\/download\/[0-9a-f]{32}$/),
          fileName: 'Leads Müller (1).csv',
        },
      },
    });
    const url = (result as { value: { download: { url: string } } }).value.download.url;
    expect((await httpRequest(server.port, url)).status).toBe(401);
    expect((await httpRequest(server.port, `${url}?token=${createToken()}`)).status).toBe(401);
    const response = await httpRequest(server.port, `${url}?token=${token}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="Leads M_ller (1).csv"; filename*=UTF-8\'\'Leads%20M%C3%BCller%20%281%29.csv',
    );
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.body.toString('utf8')).toContain('Jürgen;Müller');

    for (const other of [
      `/download/${'0'.repeat(32)}?token=${token}`,
      `/download/../secret.txt?token=${token}`,
      `/download/%2e%2e/%2e%2e/secret.txt?token=${token}`,
      `${url}/../../secret.txt?token=${token}`,
      `/download/?token=${token}`,
    ]) {
      const refused = await httpRequest(server.port, other);
      expect(refused.status, other).toBe(404);
      expect(refused.body.toString()).not.toContain(SECRET);
    }
    socket.close();
  });

  it('saves rejected rows of an uploaded file as a download', async () => {
    const { server, token, socket } = await withDatabase();
    const sent = await upload(
      server.port,
      'messe.csv',
      // No last name and a bad email: left out (a bad email alone would only be a warning).
      "=cmd|' /C calc'!A0;Nachname;E-Mail\r\nx;;name(at)firma\r\n",
      token,
    );
    const started = await invoke(socket, 2, 'import.start', {
      path: sent.json.file,
      dryRun: true,
      options: { mapping: { Nachname: 'lastName', 'E-Mail': 'email' }, sourceChannel: 'other' },
    });
    expect(started).toMatchObject({ ok: true });
    const jobId = (started as { value: { jobId: string } }).value.jobId;
    let status = started as { value: { status: string } };
    while (status.value.status === 'running') {
      status = (await invoke(socket, 3, 'import.status', { jobId })) as typeof status;
    }
    const saved = await invoke(socket, 4, 'import.saveRejected', {
      jobId,
      path: 'messe-ausgelassen.csv',
    });
    expect(saved).toMatchObject({
      ok: true,
      value: { rows: 1, download: { fileName: 'messe-ausgelassen.csv' } },
    });
    const url = (saved as { value: { download: { url: string } } }).value.download.url;
    const text = (await httpRequest(server.port, `${url}?token=${token}`)).body.toString('utf8');
    expect(text.split('\r\n')[0]).toBe("\uFEFF'=cmd|' /C calc'!A0;Nachname;E-Mail;Grund");
    socket.close();
  });
});
