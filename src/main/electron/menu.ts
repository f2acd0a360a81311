import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { menuText, type MenuKey } from '@core/i18n/menu';
import type { Channel } from '@core/ipc/channels';
import type { AppState } from '@core/ipc/contract';
import type { LeadwerkApp } from '../host';
import { pickDatabaseFile, showAboutDialog, showErrorDialog } from './dialogs';

export type AppMenu = {
  /** Rebuilds the menu for a new state (language, recent files). */
  update(state: AppState): void;
};

type MenuOptions = {
  app: LeadwerkApp;
  window: () => BrowserWindow | null;
  /** Developer tools only in development. */
  dev: boolean;
};

/**
 * The application menu: File (new, open, recent, quit), Edit, View, Help, in the language of
 * the app state. File actions use the native dialogs and then the same `dispatch` as the
 * renderer; an error value is shown in a dialog.
 */
export function createAppMenu(options: MenuOptions): AppMenu {
  let state: AppState | null = null;

  const switchDatabase = async (
    channel: Extract<Channel, 'database.create' | 'database.open'>,
    path: string,
  ): Promise<void> => {
    const result = await options.app.call(channel, { path });
    if (result.ok) update(result.value);
    else await showErrorDialog(result.error, state?.language ?? 'de', options.window());
  };

  const pickAndSwitch = async (purpose: 'create' | 'open'): Promise<void> => {
    if (state === null) return;
    const path = await pickDatabaseFile(purpose, {
      language: state.language,
      defaultPath: state.defaultDatabasePath,
      parent: options.window(),
    });
    if (path === null) return;
    await switchDatabase(purpose === 'create' ? 'database.create' : 'database.open', path);
  };

  const build = (current: AppState): Menu => {
    const t = (key: MenuKey): string => menuText(current.language, key);
    const recent: MenuItemConstructorOptions[] =
      current.recent.length > 0
        ? current.recent.map((file) => ({
            label: file.path,
            click: () => void switchDatabase('database.open', file.path),
          }))
        : [{ label: t('noRecent'), enabled: false }];
    const template: MenuItemConstructorOptions[] = [
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
      {
        label: t('file'),
        submenu: [
          {
            label: t('newDatabase'),
            accelerator: 'CmdOrCtrl+N',
            click: () => void pickAndSwitch('create'),
          },
          {
            label: t('openDatabase'),
            accelerator: 'CmdOrCtrl+O',
            click: () => void pickAndSwitch('open'),
          },
          { label: t('openRecent'), submenu: recent },
          { type: 'separator' },
          { label: t('quit'), role: 'quit' },
        ],
      },
      {
        label: t('edit'),
        submenu: [
          { label: t('undo'), role: 'undo' },
          { label: t('redo'), role: 'redo' },
          { type: 'separator' },
          { label: t('cut'), role: 'cut' },
          { label: t('copy'), role: 'copy' },
          { label: t('paste'), role: 'paste' },
          { label: t('selectAll'), role: 'selectAll' },
        ],
      },
      {
        label: t('view'),
        submenu: [
          { label: t('reload'), role: 'reload' },
          ...(options.dev ? [{ label: t('devTools'), role: 'toggleDevTools' as const }] : []),
          { type: 'separator' },
          { label: t('resetZoom'), role: 'resetZoom' },
          { label: t('zoomIn'), role: 'zoomIn' },
          { label: t('zoomOut'), role: 'zoomOut' },
          { type: 'separator' },
          { label: t('fullScreen'), role: 'togglefullscreen' },
        ],
      },
      {
        label: t('help'),
        submenu: [
          {
            label: t('about'),
            click: () => void showAboutDialog(current.language, options.window()),
          },
        ],
      },
    ];
    return Menu.buildFromTemplate(template);
  };

  function update(next: AppState): void {
    state = next;
    Menu.setApplicationMenu(build(next));
  }

  return { update };
}
