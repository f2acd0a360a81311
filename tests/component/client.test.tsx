import { describe, expect, it, vi } from 'vitest';
import { createApi, CONNECTION_ERROR_KEY } from '../../src/renderer/api/client';
import { createWebSocketBridge, type SocketLike } from '../../src/renderer/api/web-socket-bridge';
import { fakeBridge, ok } from './harness';

describe('typed client over a bridge', () => {
  it('passes results through and keeps error values', async () => {
    const { bridge, calls } = fakeBridge({
      'users.list': () => ok([{ id: 'u1', name: 'Jana', initials: 'JB' }]),
      'leads.get': () => ({
        ok: false,
        error: { code: 'NOT_FOUND', key: 'errors.NOT_FOUND', message: 'gone' },
      }),
    });
    const api = createApi(bridge);
    expect(await api.invoke('users.list', {})).toEqual(
      ok([{ id: 'u1', name: 'Jana', initials: 'JB' }]),
    );
    const missing = await api.invoke('leads.get', { id: 'x' });
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
    expect(calls[1]).toEqual({ channel: 'leads.get', input: { id: 'x' } });
  });

  it('turns a broken transport and malformed answers into error values', async () => {
    const api = createApi({
      invoke: (channel) =>
        channel === 'app.state' ? Promise.reject(new Error('closed')) : Promise.resolve(42),
      on: () => () => undefined,
    });
    const broken = await api.invoke('app.state', {});
    expect(!broken.ok && broken.error.key).toBe(CONNECTION_ERROR_KEY);
    const malformed = await api.invoke('users.list', {});
    expect(!malformed.ok && malformed.error.code).toBe('BAD_REQUEST');
  });
});

type Sent = { type: string; id: number; channel: string };

type FakeSocket = SocketLike & { sent: Sent[]; readyState: number };

function fakeSocket() {
  const sockets: FakeSocket[] = [];
  const create = (): FakeSocket => {
    const socket: FakeSocket = {
      sent: [],
      readyState: 0,
      onopen: null,
      onclose: null,
      onmessage: null,
      onerror: null,
      send(data: string) {
        socket.sent.push(JSON.parse(data) as Sent);
      },
    };
    sockets.push(socket);
    return socket;
  };
  return { sockets, create };
}

describe('web socket bridge', () => {
  it('queues invokes until open, resolves results, delivers events', async () => {
    const { sockets, create } = fakeSocket();
    const bridge = createWebSocketBridge({ url: 'ws://x/bridge?token=t', createSocket: create });
    const pending = bridge.invoke('app.state', {});
    const socket = sockets[0]!;
    expect(socket.sent).toHaveLength(0);
    socket.readyState = 1;
    socket.onopen?.(new Event('open'));
    expect(socket.sent[0]).toMatchObject({ type: 'invoke', channel: 'app.state' });
    const events: unknown[] = [];
    bridge.on('leads.changed', (payload) => events.push(payload));
    const id = socket.sent[0]!.id;
    socket.onmessage?.(
      new MessageEvent('message', {
        data: JSON.stringify({ type: 'result', id, result: { ok: true, value: 1 } }),
      }),
    );
    socket.onmessage?.(
      new MessageEvent('message', {
        data: JSON.stringify({ type: 'event', event: 'leads.changed', payload: { ids: ['a'] } }),
      }),
    );
    expect(await pending).toEqual({ ok: true, value: 1 });
    expect(events).toEqual([{ ids: ['a'] }]);
  });

  it('rejects sent calls on close and reconnects', async () => {
    vi.useFakeTimers();
    const { sockets, create } = fakeSocket();
    const bridge = createWebSocketBridge({
      url: 'ws://x',
      createSocket: create,
      backoffMs: () => 10,
    });
    const socket = sockets[0]!;
    socket.readyState = 1;
    const pending = bridge.invoke('app.state', {});
    socket.readyState = 3;
    socket.onclose?.(new CloseEvent('close'));
    await expect(pending).rejects.toThrow('connection closed');
    vi.advanceTimersByTime(10);
    expect(sockets).toHaveLength(2);
    vi.useRealTimers();
  });
});
