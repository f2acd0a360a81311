import type { BrowserWindow } from 'electron';
import type { AppState } from '@core/ipc/contract';
import type { Host } from '../host';
import { pickDatabaseFile, pickImportExportFile } from './dialogs';
import { sendToAllWindows } from './ipc';

/**
 * The Electron host: native file dialogs and events to every window. `state` is read lazily
 * because the app that answers it is created with this host.
 */
export function createElectronHost(options: {
  state: () => Promise<AppState | null>;
  window: () => BrowserWindow | null;
  onEvent?: Host['emit'];
}): Host {
  return {
    kind: 'electron',
    async pickFile(purpose) {
      const state = await options.state();
      return pickDatabaseFile(purpose, {
        language: state?.language ?? 'de',
        defaultPath: state?.defaultDatabasePath ?? '',
        parent: options.window(),
      });
    },
    async pickPath(purpose, defaultName) {
      const state = await options.state();
      return pickImportExportFile(purpose, {
        language: state?.language ?? 'de',
        defaultName,
        parent: options.window(),
      });
    },
    emit(...event) {
      sendToAllWindows(...event);
      options.onEvent?.(...event);
    },
  };
}
