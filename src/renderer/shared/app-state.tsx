import { createContext, useContext, type ReactNode } from 'react';
import type { AppState } from '@core/ipc/contract';

export type AppStateValue = {
  state: AppState;
  /** Replaces the state with one a channel returned (database.open, users.select, …). */
  setState: (state: AppState) => void;
};

export const AppStateContext = createContext<AppStateValue | null>(null);

export function AppStateProvider({
  value,
  children,
}: {
  value: AppStateValue;
  children: ReactNode;
}) {
  return <AppStateContext.Provider value={value}>{children}</AppStateContext.Provider>;
}

/** The app state from main: database, user, language, recent files. */
export function useAppState(): AppStateValue {
  const value = useContext(AppStateContext);
  if (!value) throw new Error('useAppState outside AppStateProvider');
  return value;
}
