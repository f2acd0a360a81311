import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { isChannel } from '@core/ipc/channels';
import type { EventArgs } from '@core/ipc/contract';
import { err, type Result } from '@core/ipc/result';
import { WEB_SOCKET_PATH, type ClientFrame, type ServerFrame } from '@core/ipc/wire';
import type { TransferStore } from '../files/transfers';
import { contentSecurityPolicy, withCspMeta } from './csp';
import {
  applyServerLimits,
  DEFAULT_WEB_SERVER_LIMITS,
  serverOptions,
  startHeartbeat,
  type WebServerLimits,
} from './limits';
import { mimeType, resolveStaticFile } from './static-files';
import { handleTransferRoute } from './transfer-routes';

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

export type WebServerOptions = {
  /** Folder of the built renderer (`out/renderer`). */
  root: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Per-run secret the WebSocket must present; see {@link createToken}. */
  token: string;
  dispatch: Dispatch;
  /** This run's uploads and downloads, served on `/upload` and `/download/…` (see transfer-routes). */
  transfers?: TransferStore;
  /** Timeouts and sizes; tests shorten them. */
  limits?: Partial<WebServerLimits>;
};

export type WebServer = {
  /** `http://127.0.0.1:PORT/?token=TOKEN`, the address to open in a browser. */
  url: string;
  /** `http://127.0.0.1:PORT`, the only Origin the WebSocket accepts. */
  origin: string;
  port: number;
  /** Sends an event frame to every connected page. */
  broadcast(...event: EventArgs): void;
  close(): Promise<void>;
};

const HOST = '127.0.0.1';
const MAX_FRAME_BYTES = 4 * 1024 * 1024;

/** A fresh random token for one run of the bridge. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares two secrets in constant time, whatever their lengths. */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

function badRequest(message: string): Result<unknown> {
  return err({ code: 'BAD_REQUEST', key: 'errors.BAD_REQUEST', message });
}

/** Narrows a parsed JSON value to an invoke frame, or null. */
function toInvokeFrame(value: unknown): ClientFrame | null {
  if (typeof value !== 'object' || value === null) return null;
  const frame = value as Record<string, unknown>;
  if (frame.type !== 'invoke' || typeof frame.channel !== 'string') return null;
  if (typeof frame.id !== 'number' || !Number.isSafeInteger(frame.id)) return null;
  return { type: 'invoke', id: frame.id, channel: frame.channel, input: frame.input };
}

/**
 * Serves the built renderer on 127.0.0.1 and bridges `invoke`/`on` over one WebSocket to
 * `dispatch`. Guarantees: loopback only; the Host header must name this server (no DNS
 * rebinding); the WebSocket needs the per-run token (401 otherwise) and this server's Origin
 * (403 otherwise); only regular files under `root` are served, never a listing; every
 * response carries the strict CSP and `nosniff`; slow, silent or dead connections are
 * closed after the time {@link WebServerLimits} allows.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const limits: WebServerLimits = { ...DEFAULT_WEB_SERVER_LIMITS, ...options.limits };
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  let port = 0;
  const origin = (): string => `http://${HOST}:${port}`;
  const hostMatches = (req: IncomingMessage): boolean => req.headers.host === `${HOST}:${port}`;

  // The page talks to the WebSocket and uploads files to this origin.
  const policy = (): string =>
    contentSecurityPolicy({ connectSrc: [`ws://${HOST}:${port}`, origin()] });
  const securityHeaders = (): Record<string, string> => ({
    'Content-Security-Policy': policy(),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  });

  const sendPlain = (res: ServerResponse, status: number, text: string): void => {
    res.writeHead(status, {
      ...securityHeaders(),
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
  };

  /** A page, its meta CSP set to this server's header policy (the build writes Electron's). */
  const sendPage = async (
    req: IncomingMessage,
    res: ServerResponse,
    filePath: string,
  ): Promise<void> => {
    const page = Buffer.from(withCspMeta(await readFile(filePath, 'utf8'), policy()));
    res.writeHead(200, {
      ...securityHeaders(),
      'Content-Type': mimeType(filePath),
      'Content-Length': page.length,
    });
    res.end(req.method === 'HEAD' ? undefined : page);
  };

  const handleRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hostMatches(req)) return sendPlain(res, 403, 'Forbidden');
    if (options.transfers !== undefined) {
      const context = {
        store: options.transfers,
        tokenValid: (given: string) => tokensEqual(given, options.token),
        origin: origin(),
        headers: securityHeaders(),
      };
      if (await handleTransferRoute(req, res, context)) return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendPlain(res, 405, 'Method Not Allowed');
    }
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    const filePath = await resolveStaticFile(options.root, rawPath);
    if (filePath === null) return sendPlain(res, 404, 'Not Found');
    if (mimeType(filePath).startsWith('text/html')) return sendPage(req, res, filePath);
    const info = await stat(filePath);
    res.writeHead(200, {
      ...securityHeaders(),
      'Content-Type': mimeType(filePath),
      'Content-Length': info.size,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(filePath)
      .on('error', () => res.destroy())
      .pipe(res);
  };

  const refuseUpgrade = (socket: Duplex, status: 401 | 403 | 404, text: string): void => {
    socket.end(
      `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
    );
  };

  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', origin());
    if (url.pathname !== WEB_SOCKET_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (!hostMatches(req)) return refuseUpgrade(socket, 403, 'Forbidden');
    if (!tokensEqual(url.searchParams.get('token') ?? '', options.token)) {
      return refuseUpgrade(socket, 401, 'Unauthorized');
    }
    if (req.headers.origin !== origin()) return refuseUpgrade(socket, 403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      // An oversized or broken frame ends only this socket, never the server.
      ws.on('error', () => ws.terminate());
      ws.on('message', (data, isBinary) => void handleMessage(ws, data, isBinary));
    });
  };

  const send = (ws: WebSocket, frame: ServerFrame): void => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame));
  };

  const handleMessage = async (ws: WebSocket, data: RawData, isBinary: boolean): Promise<void> => {
    let frame: ClientFrame | null = null;
    if (!isBinary) {
      try {
        frame = toInvokeFrame(JSON.parse(data.toString()));
      } catch {
        frame = null;
      }
    }
    if (frame === null) {
      // Without a valid id there is nobody to answer: the peer is not our renderer.
      ws.close(1008, 'malformed frame');
      return;
    }
    let result: Result<unknown>;
    if (!isChannel(frame.channel)) {
      result = badRequest(`Unknown channel: ${frame.channel.slice(0, 100)}`);
    } else {
      try {
        result = await options.dispatch(frame.channel, frame.input);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        result = err({
          code: 'INTERNAL',
          key: 'errors.INTERNAL',
          message: detail,
          params: { detail },
        });
      }
    }
    send(ws, { type: 'result', id: frame.id, result });
  };

  const server = createServer(serverOptions(limits), (req, res) => {
    handleRequest(req, res).catch(() => {
      if (!res.headersSent) sendPlain(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });
  applyServerLimits(server, limits);
  server.on('upgrade', handleUpgrade);
  const stopHeartbeat = startHeartbeat(sockets, limits.heartbeatMs);

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `${origin()}/?token=${encodeURIComponent(options.token)}`,
    origin: origin(),
    port,
    broadcast(...[event, payload]) {
      for (const ws of sockets) send(ws, { type: 'event', event, payload });
    },
    async close() {
      stopHeartbeat();
      for (const ws of sockets) ws.terminate();
      sockets.clear();
      await new Promise<void>((resolvePromise) => wss.close(() => resolvePromise()));
      server.closeAllConnections();
      await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
    },
  };
}
