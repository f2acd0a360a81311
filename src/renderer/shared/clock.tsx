import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

const ClockContext = createContext<number | null>(null);

/** The one ticking clock of the renderer: every "days in stage" reads it. */
export function ClockProvider({
  children,
  intervalMs = 30_000,
  initialNow,
}: {
  children: ReactNode;
  intervalMs?: number;
  initialNow?: number;
}) {
  const [now, setNow] = useState(() => initialNow ?? Date.now());
  useEffect(() => {
    if (initialNow !== undefined) return undefined;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, initialNow]);
  return <ClockContext.Provider value={now}>{children}</ClockContext.Provider>;
}

/** Current time in epoch ms, updated by the clock's tick. */
export function useNow(): number {
  const now = useContext(ClockContext);
  if (now === null) throw new Error('useNow outside ClockProvider');
  return now;
}
