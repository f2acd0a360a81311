import type { Bridge } from '@core/ipc/contract';
import type { ClientFrame, ServerFrame } from '@core/ipc/wire';

type Pending = { resolve: (value: unknown) => void; reject: (reason: Error) => void };

/** The part of a WebSocket the bridge uses; tests pass a fake. */
export type SocketLike = {
  readonly readyState: number;
  send(data: string): void;
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
};

export type WebSocketBridgeOptions = {
  url: string;
  /** Injected for tests; defaults to the browser's WebSocket. */
  createSocket?: (url: string) => SocketLike;
  /** Delay before the n-th reconnect attempt (n starts at 1). */
  backoffMs?: (attempt: number) => number;
};

const OPEN = 1;

/**
 * The bridge for the browser (`npm run web`): invokes are queued until the socket is open,
 * pending calls are rejected when it closes, and it reconnects with growing delays.
 */
export function createWebSocketBridge(options: WebSocketBridgeOptions): Bridge {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const backoff = options.backoffMs ?? ((n: number) => Math.min(500 * 2 ** (n - 1), 10_000));
  const pending = new Map<number, Pending>();
  const queue: ClientFrame[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let attempt = 0;
  let socket: SocketLike;

  const connect = () => {
    socket = createSocket(options.url);
    socket.onopen = () => {
      attempt = 0;
      for (const frame of queue.splice(0)) socket.send(JSON.stringify(frame));
    };
    socket.onmessage = (event) => {
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(event.data)) as ServerFrame;
      } catch {
        return;
      }
      if (frame.type === 'result') {
        pending.get(frame.id)?.resolve(frame.result);
        pending.delete(frame.id);
      } else if (frame.type === 'event') {
        for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
      }
    };
    socket.onclose = () => {
      const queuedIds = new Set(queue.map((frame) => frame.id));
      for (const [id, call] of pending) {
        if (queuedIds.has(id)) continue;
        call.reject(new Error('connection closed'));
        pending.delete(id);
      }
      attempt += 1;
      setTimeout(connect, backoff(attempt));
    };
    socket.onerror = () => undefined;
  };
  connect();

  return {
    invoke(channel, input) {
      const id = nextId++;
      const frame: ClientFrame = { type: 'invoke', id, channel, input };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        if (socket.readyState === OPEN) socket.send(JSON.stringify(frame));
        else queue.push(frame);
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}
