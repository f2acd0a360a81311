import type { Server } from 'node:http';
import type { WebSocket } from 'ws';

/**
 * Time and size limits of the `web` bridge's HTTP server and WebSocket. A page, a stuck
 * browser tab or a hostile local process must not hold connections open: a partial request
 * header, an idle keep-alive connection, a silent socket and a WebSocket whose peer is gone
 * are all closed after a bounded time.
 */
export type WebServerLimits = {
  /** The whole request header must arrive within this time (slowloris, half-open clients). */
  headersTimeoutMs: number;
  /** The whole request, header and body, must arrive within this time. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this time. */
  keepAliveTimeoutMs: number;
  /** Any HTTP socket without traffic for this long is destroyed. */
  idleSocketTimeoutMs: number;
  /** How often the server checks the header and request timeouts. */
  checkIntervalMs: number;
  /** Header lines accepted per request. */
  maxHeadersCount: number;
  /** Bytes of request line and headers accepted per request (431 beyond). */
  maxHeaderBytes: number;
  /** Every socket is pinged this often; one that did not answer the last ping is ended. */
  heartbeatMs: number;
};

export const DEFAULT_WEB_SERVER_LIMITS: WebServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  idleSocketTimeoutMs: 60_000,
  checkIntervalMs: 1_000,
  maxHeadersCount: 64,
  maxHeaderBytes: 16 * 1024,
  heartbeatMs: 30_000,
};

/** Options for `http.createServer` that cannot be set afterwards. */
export function serverOptions(limits: WebServerLimits) {
  return {
    maxHeaderSize: limits.maxHeaderBytes,
    connectionsCheckingInterval: limits.checkIntervalMs,
    requestTimeout: limits.requestTimeoutMs,
    headersTimeout: limits.headersTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
  };
}

/** Applies the limits that are properties of a created server. */
export function applyServerLimits(server: Server, limits: WebServerLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxHeadersCount = limits.maxHeadersCount;
  // A silent socket is destroyed (the default would only emit 'timeout' and keep it).
  server.setTimeout(limits.idleSocketTimeoutMs, (socket) => socket.destroy());
}

/**
 * Pings every socket of `sockets` each `intervalMs`; a socket that has not answered the
 * previous ping (peer crashed, network gone, a client that never reads) is terminated.
 * Returns a function that stops the heartbeat.
 */
export function startHeartbeat(sockets: ReadonlySet<WebSocket>, intervalMs: number): () => void {
  const alive = new WeakMap<WebSocket, boolean>();
  const timer = setInterval(() => {
    for (const ws of sockets) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      if (!alive.has(ws)) ws.on('pong', () => alive.set(ws, true));
      alive.set(ws, false);
      ws.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
