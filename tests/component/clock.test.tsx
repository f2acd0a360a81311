import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClockProvider, TICK_MS, useEvery, useNow } from '../../src/renderer/shared/clock';

function Poller({
  periodMs,
  active,
  onRun,
}: {
  periodMs: number;
  active: boolean;
  onRun: () => void;
}) {
  useEvery(periodMs, active ? onRun : null);
  return <output>{useNow()}</output>;
}

describe('the one clock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs repeated actions on its beat and advances now at its own pace, with one timer', () => {
    const runs = vi.fn();
    const view = render(
      <ClockProvider intervalMs={3 * TICK_MS}>
        <Poller periodMs={2 * TICK_MS} active onRun={runs} />
      </ClockProvider>,
    );
    expect(vi.getTimerCount()).toBe(1);
    act(() => vi.advanceTimersByTime(TICK_MS));
    expect(runs).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('0');
    act(() => vi.advanceTimersByTime(TICK_MS));
    expect(runs).toHaveBeenCalledTimes(1);
    act(() => vi.advanceTimersByTime(TICK_MS));
    expect(screen.getByRole('status').textContent).toBe(String(3 * TICK_MS));
    act(() => vi.advanceTimersByTime(3 * TICK_MS));
    expect(runs).toHaveBeenCalledTimes(3);
    expect(vi.getTimerCount()).toBe(1);

    view.rerender(
      <ClockProvider intervalMs={3 * TICK_MS}>
        <Poller periodMs={2 * TICK_MS} active={false} onRun={runs} />
      </ClockProvider>,
    );
    act(() => vi.advanceTimersByTime(10 * TICK_MS));
    expect(runs).toHaveBeenCalledTimes(3);
  });

  it('keeps a frozen now for tests while the beat goes on', () => {
    const runs = vi.fn();
    render(
      <ClockProvider initialNow={42}>
        <Poller periodMs={TICK_MS} active onRun={runs} />
      </ClockProvider>,
    );
    act(() => vi.advanceTimersByTime(60 * TICK_MS));
    expect(screen.getByRole('status').textContent).toBe('42');
    expect(runs).toHaveBeenCalledTimes(60);
  });
});
