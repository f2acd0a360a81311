import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createToken } from '../../src/main/web/server';
import {
  authorisedSocket,
  closeCode,
  closedByServer,
  invoke,
  nextFrame,
  openWebSocket,
  rawRequest,
  request,
  SECRET,
  startBridge,
} from './bridge-probe-harness';

/**
 * The probes a hostile review ran against the `web` bridge, kept as tests: each case sends
 * one hostile request, connection or frame and names the answer it must get. The server
 * runs with short timeouts (see PROBE_LIMITS), so the slow-client probes end quickly; each
 * only waits for the server to close the connection, within the test's timeout.
 */

const PROBE_TIMEOUT = 10_000;

describe('probes: path traversal and hidden files get 404, never a byte outside the root', () => {
  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/%252e%252e/secret.txt',
    '/%c0%ae%c0%ae/secret.txt',
    '/index.html%00.js',
    '/%00',
    '/%',
    '//etc/passwd',
    '/assets/link-out.txt',
    '/.hidden',
    '/assets/',
    '/assets',
  ])('GET %s → 404', async (path) => {
    const bridge = await startBridge();
    const response = await request(bridge, path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(SECRET);
  });
});

describe('probes: only GET and HEAD', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND'])(
    '%s / → 405 with Allow: GET, HEAD',
    async (method) => {
      const bridge = await startBridge();
      const response = await request(bridge, '/', { method });
      expect(response.status).toBe(405);
      expect(response.head).toMatch(/^allow: GET, HEAD$/im);
    },
  );

  it('HEAD / → 200 without a body', async () => {
    const bridge = await startBridge();
    const response = await request(bridge, '/', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
  });

  it('GET / → 200 with the strict CSP header and nosniff', async () => {
    const bridge = await startBridge();
    const response = await request(bridge, '/?token=x');
    expect(response.status).toBe(200);
    expect(response.head).toMatch(/^content-security-policy: default-src 'none';/im);
    expect(response.head).toMatch(/^x-content-type-options: nosniff$/im);
  });

  it('GET / → the meta CSP of the page is the header policy, with this WebSocket', async () => {
    const bridge = await startBridge();
    const response = await request(bridge, '/');
    const header = /^content-security-policy: (.*)$/im.exec(response.head)?.[1]?.trim();
    expect(header).toContain(`connect-src ws://127.0.0.1:${bridge.server.port}`);
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(response.body);
    expect(meta?.[1]).toBe(header);
    expect(response.head).toMatch(
      new RegExp(`^content-length: ${Buffer.byteLength(response.body)}$`, 'im'),
    );
  });
});

describe('probes: another Host name (DNS rebinding) gets 403', () => {
  it.each([
    ['evil.example', 'evil.example'],
    ['localhost with the port', 'localhost:PORT'],
    ['127.0.0.1 without the port', '127.0.0.1'],
    ['127.0.0.1 with another port', '127.0.0.1:OTHER'],
    ['an IPv6 loopback', '[::1]:PORT'],
    ['the server name with a trailing dot', '127.0.0.1.:PORT'],
  ])('Host: %s → 403', async (_name, host) => {
    const bridge = await startBridge();
    const port = bridge.server.port;
    const value = host.replace('OTHER', String(port + 1)).replace('PORT', String(port));
    expect((await request(bridge, '/', { host: value })).status).toBe(403);
  });

  it('no Host header (HTTP/1.0) → 403', async () => {
    const bridge = await startBridge();
    const response = await rawRequest(bridge.server.port, 'GET / HTTP/1.0\r\n\r\n');
    expect(response.status).toBe(403);
  });
});

describe('probes: oversized and malformed requests', () => {
  it('a 20 KB header → 431, the server keeps serving', async () => {
    const bridge = await startBridge();
    const big = await request(bridge, '/', { headers: [`X-Fill: ${'a'.repeat(20 * 1024)}`] });
    expect(big.status).toBe(431);
    expect((await request(bridge, '/')).status).toBe(200);
  });

  it('200 header lines → 431, the server keeps serving', async () => {
    const bridge = await startBridge();
    const headers = Array.from({ length: 200 }, (_, i) => `X-H${i}: ${i}`);
    expect((await request(bridge, '/', { headers })).status).toBe(431);
    expect((await request(bridge, '/', { headers: headers.slice(0, 20) })).status).toBe(200);
  });

  it('a request line that is not HTTP → 400', async () => {
    const bridge = await startBridge();
    const response = await rawRequest(bridge.server.port, 'HELLO\r\n\r\n');
    expect(response.status).toBe(400);
  });
});

describe('probes: slow and silent clients are disconnected (slowloris)', () => {
  it(
    'a partial request header is closed after the header timeout',
    async () => {
      const bridge = await startBridge();
      const port = bridge.server.port;
      const answer = await closedByServer(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
      expect(answer).not.toContain('200 OK');
    },
    PROBE_TIMEOUT,
  );

  it(
    'a connection that sends nothing is closed',
    async () => {
      const bridge = await startBridge();
      expect(await closedByServer(bridge.server.port, '')).not.toContain('200 OK');
    },
    PROBE_TIMEOUT,
  );

  it(
    'a header sent one byte at a time is closed before it completes',
    async () => {
      const bridge = await startBridge();
      const port = bridge.server.port;
      const { connect } = await import('node:net');
      const header = `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: ${'s'.repeat(200)}\r\n\r\n`;
      const closed = await new Promise<boolean>((resolve) => {
        const socket = connect(port, '127.0.0.1');
        let sent = 0;
        const timer = setInterval(() => {
          if (sent < header.length) socket.write(header[sent++] ?? '');
          else clearInterval(timer);
        }, 20);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          clearInterval(timer);
          resolve(sent < header.length);
        });
      });
      expect(closed).toBe(true);
    },
    PROBE_TIMEOUT,
  );

  it(
    'an idle keep-alive connection is closed after its request',
    async () => {
      const bridge = await startBridge();
      const port = bridge.server.port;
      const answer = await closedByServer(
        port,
        `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 200/);
    },
    PROBE_TIMEOUT,
  );

  it(
    'a partial WebSocket upgrade is closed after the header timeout',
    async () => {
      const bridge = await startBridge();
      const port = bridge.server.port;
      const answer = await closedByServer(
        port,
        `GET /bridge?token=${bridge.token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n`,
      );
      expect(answer).not.toContain('101');
    },
    PROBE_TIMEOUT,
  );

  it(
    'a WebSocket whose peer stops answering pings is terminated; a live one stays',
    async () => {
      const bridge = await startBridge();
      const dead = await authorisedSocket(bridge, { autoPong: false });
      const live = await authorisedSocket(bridge);
      const code = await closeCode(dead);
      expect(code).toBe(1006);
      expect(await invoke(live, 1, 'app.state', {})).toMatchObject({ ok: true });
      live.close();
    },
    PROBE_TIMEOUT,
  );
});

describe('probes: the WebSocket needs the token (401), the Origin (403), the path (404)', () => {
  it.each([
    ['no token', () => ''],
    ['an empty token', () => '?token='],
    ['the token with one more character', (token: string) => `?token=${token}x`],
    ['the token without its last character', (token: string) => `?token=${token.slice(0, -1)}`],
    ['the token of another run', () => `?token=${createToken()}`],
    ['the token in another parameter', (token: string) => `?tok=${token}`],
    ['the token in upper case', (token: string) => `?token=${token.toUpperCase()}`],
  ])('%s → 401', async (_name, query) => {
    const bridge = await startBridge();
    expect(await openWebSocket(bridge, { query: query(bridge.token) })).toEqual({ status: 401 });
  });

  it.each([
    ['a foreign site', () => 'http://evil.example'],
    ['localhost', (port: number) => `http://localhost:${port}`],
    ['another port', (port: number) => `http://127.0.0.1:${port + 1}`],
    ['https', (port: number) => `https://127.0.0.1:${port}`],
    ['the null origin of a sandboxed frame or file page', () => 'null'],
    ['none', () => null],
  ])('Origin %s → 403', async (_name, origin) => {
    const bridge = await startBridge();
    expect(await openWebSocket(bridge, { origin: origin(bridge.server.port) })).toEqual({
      status: 403,
    });
  });

  it('another Host with the right token and Origin → 403', async () => {
    const bridge = await startBridge();
    const port = bridge.server.port;
    const upgrade = [
      `GET /bridge?token=${bridge.token} HTTP/1.1`,
      `Host: evil.example:${port}`,
      `Origin: ${bridge.server.origin}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      'Sec-WebSocket-Version: 13',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    ];
    expect((await rawRequest(port, `${upgrade.join('\r\n')}\r\n\r\n`)).status).toBe(403);
  });

  it.each(['/bridge/', '/bridge2', '/Bridge', '/'])('upgrade on %s → 404', async (path) => {
    const bridge = await startBridge();
    expect(await openWebSocket(bridge, { path })).toEqual({ status: 404 });
  });
});

describe('probes: frames that are not invoke frames close the socket (1008)', () => {
  it.each([
    ['not JSON', 'not json'],
    ['a JSON array', '[1,2,3]'],
    ['a JSON string', '"invoke"'],
    ['null', 'null'],
    ['no id', JSON.stringify({ type: 'invoke', channel: 'app.state', input: {} })],
    ['a string id', JSON.stringify({ type: 'invoke', id: '1', channel: 'app.state' })],
    ['a fractional id', JSON.stringify({ type: 'invoke', id: 1.5, channel: 'app.state' })],
    ['an unsafe integer id', '{"type":"invoke","id":1152921504606846976,"channel":"app.state"}'],
    ['another frame type', JSON.stringify({ type: 'event', id: 1, channel: 'app.state' })],
    ['a channel that is not a string', JSON.stringify({ type: 'invoke', id: 1, channel: 7 })],
    ['truncated JSON', '{"type":"invoke","id":1,"channel":"app.st'],
  ])('%s → 1008', async (_name, frame) => {
    const bridge = await startBridge();
    const socket = await authorisedSocket(bridge);
    const closed = closeCode(socket);
    socket.send(frame);
    expect(await closed).toBe(1008);
  });

  it('a binary frame → 1008', async () => {
    const bridge = await startBridge();
    const socket = await authorisedSocket(bridge);
    const closed = closeCode(socket);
    socket.send(Buffer.from(JSON.stringify({ type: 'invoke', id: 1, channel: 'app.state' })));
    expect(await closed).toBe(1008);
  });

  it('a 5 MB frame → 1009, and the server keeps serving', async () => {
    const bridge = await startBridge();
    const socket = await authorisedSocket(bridge);
    const closed = closeCode(socket);
    socket.send('x'.repeat(5 * 1024 * 1024));
    expect(await closed).toBe(1009);
    const again = await authorisedSocket(bridge);
    expect(await invoke(again, 1, 'app.state', {})).toMatchObject({ ok: true });
    again.close();
  });
});

describe('probes: invoke frames with hostile content get error values', () => {
  it.each([
    ['an unknown channel', 'BAD_REQUEST', 'fs.readFile', { path: '/etc/passwd' }],
    ['the channel __proto__', 'BAD_REQUEST', '__proto__', {}],
    ['the channel constructor', 'BAD_REQUEST', 'constructor', {}],
    ['a 1 MB channel name', 'BAD_REQUEST', 'x'.repeat(1024 * 1024), {}],
    ['an invalid input', 'VALIDATION', 'app.setLanguage', { language: 'fr' }],
    ['an input that is a list', 'VALIDATION', 'leads.list', [1, 2, 3]],
    ['a 1 MB database path', 'VALIDATION', 'database.open', { path: `/${'a'.repeat(1 << 20)}` }],
    ['a native dialog the browser lacks', 'UNSUPPORTED', 'database.pick', { purpose: 'open' }],
  ])('%s → %s', async (_name, code, channel, input) => {
    const bridge = await startBridge();
    const socket = await authorisedSocket(bridge);
    const result = await invoke(socket, 1, channel, input);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message.length).toBeLessThan(400);
    socket.close();
  });

  it('prototype-pollution keys in the input → VALIDATION, nothing polluted', async () => {
    const bridge = await startBridge();
    const socket = await authorisedSocket(bridge);
    const reply = nextFrame(socket, (frame) => frame.type === 'result');
    socket.send(
      '{"type":"invoke","id":9,"channel":"app.setLanguage","input":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}',
    );
    expect(await reply).toMatchObject({ result: { ok: false, error: { code: 'VALIDATION' } } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    socket.close();
  });

  it('an input nested 100,000 levels deep → VALIDATION', async () => {
    const bridge = await startBridge();
    const socket = await authorisedSocket(bridge);
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const reply = nextFrame(socket, (frame) => frame.type === 'result');
    socket.send(`{"type":"invoke","id":3,"channel":"leads.list","input":${deep}}`);
    expect(await reply).toMatchObject({ result: { ok: false, error: { code: 'VALIDATION' } } });
    socket.close();
  });
});

describe('probes: many clients at once', () => {
  it('100 sockets at once each get their answer and every event', async () => {
    const bridge = await startBridge();
    const sockets = await Promise.all(Array.from({ length: 100 }, () => authorisedSocket(bridge)));
    const results = await Promise.all(sockets.map((s, i) => invoke(s, i + 1, 'app.state', {})));
    expect(results.every((result) => result.ok)).toBe(true);
    const events = sockets.map((s) => nextFrame(s, (frame) => frame.type === 'event'));
    const path = join(bridge.dir, 'viele.sqlite');
    expect(await invoke(sockets[0]!, 1000, 'database.create', { path })).toMatchObject({
      ok: true,
    });
    expect(await Promise.all(events)).toHaveLength(100);
    for (const socket of sockets) socket.close();
  });

  it('500 invokes in flight on one socket are answered, each under its own id', async () => {
    const bridge = await startBridge();
    const socket = await authorisedSocket(bridge);
    const ids = Array.from({ length: 500 }, (_, i) => i + 1);
    const results = await Promise.all(ids.map((id) => invoke(socket, id, 'app.state', {})));
    expect(results.filter((result) => result.ok)).toHaveLength(500);
    socket.close();
  });
});
