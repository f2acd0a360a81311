import type { ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import type { Api } from '@core/ipc/contract';
import { ApiContext } from '../api/client';
import { FileTransfersContext, type FileTransfers } from '../api/file-transfers';
import { MoveProvider } from '../shared/moves/move-provider';
import { LocalizedDates } from '../shared/date-field';
import { ClockProvider } from '../shared/clock';
import { theme } from './theme';

type Props = {
  api: Api;
  /** Uploads and downloads of the `web` mode; absent in Electron. */
  transfers?: FileTransfers | null;
  i18n: i18n;
  children: ReactNode;
  /** Tests freeze the clock and switch off Mantine's transitions. */
  test?: { now: number };
};

/**
 * Everything a screen needs around it: theme, notifications, i18n, calendars in the UI
 * language, API, file transfers (web mode), clock, moves.
 */
export function AppProviders({ api, transfers = null, i18n, children, test }: Props) {
  return (
    <MantineProvider theme={theme} env={test ? 'test' : 'default'}>
      <Notifications position="top-right" limit={4} />
      <I18nextProvider i18n={i18n}>
        <LocalizedDates>
          <ApiContext.Provider value={api}>
            <FileTransfersContext.Provider value={transfers}>
              <ClockProvider initialNow={test?.now}>
                <MoveProvider>{children}</MoveProvider>
              </ClockProvider>
            </FileTransfersContext.Provider>
          </ApiContext.Provider>
        </LocalizedDates>
      </I18nextProvider>
    </MantineProvider>
  );
}
