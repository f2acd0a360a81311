import { createContext, useContext } from 'react';
import type { Api, Bridge } from '@core/ipc/contract';
import type { AppErrorData, Result } from '@core/ipc/result';

/** Key of the message shown when the transport itself fails (socket closed, preload gone). */
export const CONNECTION_ERROR_KEY = 'ui.connection.lost';

function transportError(detail: string): AppErrorData {
  return { code: 'INTERNAL', key: CONNECTION_ERROR_KEY, message: detail };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const record = value as Record<string, unknown>;
  if (record.ok === true) return 'value' in record;
  if (record.ok !== false) return false;
  const error = record.error as Record<string, unknown> | undefined;
  return typeof error?.code === 'string' && typeof error.key === 'string';
}

/**
 * The typed client over whichever bridge exists. It never throws: a broken transport or a
 * malformed answer becomes an error value like any other.
 */
export function createApi(bridge: Bridge): Api {
  return {
    async invoke(channel, input) {
      let raw: unknown;
      try {
        raw = await bridge.invoke(channel, input);
      } catch (cause) {
        return { ok: false, error: transportError(String(cause)) };
      }
      if (!isResult(raw)) {
        return {
          ok: false,
          error: { code: 'BAD_REQUEST', key: 'errors.BAD_REQUEST', message: 'malformed result' },
        };
      }
      return raw as never;
    },
    on(event, listener) {
      return bridge.on(event, listener as (payload: unknown) => void);
    },
  };
}

export const ApiContext = createContext<Api | null>(null);

/** The API client of the running app. */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}
