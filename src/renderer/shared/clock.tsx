import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';

/** The beat of the one timer: the finest period anything in the renderer repeats at. */
export const TICK_MS = 1000;

type Ticker = { subscribe: (listener: () => void) => () => void };

const ClockContext = createContext<number | null>(null);
const TickerContext = createContext<Ticker | null>(null);

/**
 * The one ticking clock of the renderer: every "days in stage" reads its `now`, every repeated
 * action (a status poll) runs on its beat, so no component starts an interval of its own.
 * `initialNow` (tests) freezes `now`; the beat goes on.
 */
export function ClockProvider({
  children,
  intervalMs = 30_000,
  initialNow,
}: {
  children: ReactNode;
  /** How often `now` advances; re-rendering every reader each beat would be wasted work. */
  intervalMs?: number;
  initialNow?: number;
}) {
  const [now, setNow] = useState(() => initialNow ?? Date.now());
  const listeners = useRef(new Set<() => void>());
  const ticker = useMemo<Ticker>(
    () => ({
      subscribe(listener) {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    }),
    [],
  );
  useEffect(() => {
    const ticksPerNow = Math.max(1, Math.round(intervalMs / TICK_MS));
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
      if (initialNow === undefined && ticks % ticksPerNow === 0) setNow(Date.now());
      for (const listener of [...listeners.current]) listener();
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [intervalMs, initialNow]);
  return (
    <TickerContext.Provider value={ticker}>
      <ClockContext.Provider value={now}>{children}</ClockContext.Provider>
    </TickerContext.Provider>
  );
}

/** Current time in epoch ms, updated by the clock's tick. */
export function useNow(): number {
  const now = useContext(ClockContext);
  if (now === null) throw new Error('useNow outside ClockProvider');
  return now;
}

/**
 * Runs `action` every `periodMs` (rounded to whole beats of the clock) while it is not null;
 * the newest `action` is called, so it need not be memoised.
 */
export function useEvery(periodMs: number, action: (() => void) | null): void {
  const ticker = useContext(TickerContext);
  if (ticker === null) throw new Error('useEvery outside ClockProvider');
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  const active = action !== null;
  useEffect(() => {
    if (!active) return undefined;
    const ticksPerRun = Math.max(1, Math.round(periodMs / TICK_MS));
    let ticks = 0;
    return ticker.subscribe(() => {
      ticks += 1;
      if (ticks % ticksPerRun === 0) latest.current?.();
    });
  }, [ticker, active, periodMs]);
}
