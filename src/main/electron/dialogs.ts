import { dirname, join } from 'node:path';
import {
  app,
  dialog,
  type BrowserWindow,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { translateKeyOf } from '@core/i18n';
import { menuText, type MenuKey } from '@core/i18n/menu';
import type { Language } from '@core/ipc/contract';
import type { FilePickPurpose } from '@core/ipc/import-schemas';
import type { AppErrorData } from '@core/ipc/result';

const SQLITE_EXTENSIONS = ['sqlite'];

/**
 * Native save (for `create`) or open dialog for a database file, starting at the default
 * database path (its folder when opening). Resolves to the chosen path or null on cancel.
 */
export async function pickDatabaseFile(
  purpose: 'create' | 'open',
  options: { language: Language; defaultPath: string; parent: BrowserWindow | null },
): Promise<string | null> {
  const filters = [
    { name: menuText(options.language, 'databaseFilter'), extensions: SQLITE_EXTENSIONS },
  ];
  if (purpose === 'create') {
    const saveOptions: SaveDialogOptions = {
      title: menuText(options.language, 'newDatabaseTitle'),
      defaultPath: options.defaultPath,
      filters,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const result = options.parent
      ? await dialog.showSaveDialog(options.parent, saveOptions)
      : await dialog.showSaveDialog(saveOptions);
    return result.canceled || !result.filePath ? null : result.filePath;
  }
  const openOptions: OpenDialogOptions = {
    title: menuText(options.language, 'openDatabaseTitle'),
    defaultPath: options.defaultPath === '' ? undefined : dirname(options.defaultPath),
    filters,
    properties: ['openFile'],
  };
  const result = options.parent
    ? await dialog.showOpenDialog(options.parent, openOptions)
    : await dialog.showOpenDialog(openOptions);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Extensions the importer reads, offered together first and then by kind. */
const IMPORT_FILTERS: { key: MenuKey; extensions: string[] }[] = [
  { key: 'importableFilter', extensions: ['csv', 'txt', 'tsv', 'xlsx', 'xlsm', 'vcf', 'vcard'] },
  { key: 'csvFilter', extensions: ['csv', 'txt', 'tsv'] },
  { key: 'excelFilter', extensions: ['xlsx', 'xlsm'] },
  { key: 'vcardFilter', extensions: ['vcf', 'vcard'] },
  { key: 'allFilesFilter', extensions: ['*'] },
];

/** Title and file type of the save dialogs. */
const SAVE_DIALOGS: Record<
  Exclude<FilePickPurpose, 'import'>,
  { title: MenuKey; filter: MenuKey; extension: string }
> = {
  'export-csv': { title: 'exportCsvTitle', filter: 'csvFilter', extension: 'csv' },
  'export-xlsx': { title: 'exportXlsxTitle', filter: 'excelFilter', extension: 'xlsx' },
  rejected: { title: 'rejectedTitle', filter: 'csvFilter', extension: 'csv' },
};

/**
 * Native dialog for import and export files: an open dialog for a file to import, else a
 * save dialog in the documents folder suggesting `defaultName`. Resolves to the chosen path
 * or null on cancel.
 */
export async function pickImportExportFile(
  purpose: FilePickPurpose,
  options: { language: Language; defaultName?: string; parent: BrowserWindow | null },
): Promise<string | null> {
  const text = (key: MenuKey) => menuText(options.language, key);
  if (purpose === 'import') {
    const openOptions: OpenDialogOptions = {
      title: text('importTitle'),
      filters: IMPORT_FILTERS.map((filter) => ({
        name: text(filter.key),
        extensions: filter.extensions,
      })),
      properties: ['openFile'],
    };
    const result = options.parent
      ? await dialog.showOpenDialog(options.parent, openOptions)
      : await dialog.showOpenDialog(openOptions);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  const save = SAVE_DIALOGS[purpose];
  const documents = app.getPath('documents');
  const saveOptions: SaveDialogOptions = {
    title: text(save.title),
    defaultPath: options.defaultName ? join(documents, options.defaultName) : documents,
    filters: [{ name: text(save.filter), extensions: [save.extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = options.parent
    ? await dialog.showSaveDialog(options.parent, saveOptions)
    : await dialog.showSaveDialog(saveOptions);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** Shows an error value from `dispatch` in the user's language. */
export async function showErrorDialog(
  error: AppErrorData,
  language: Language,
  parent: BrowserWindow | null,
): Promise<void> {
  const options = {
    type: 'error' as const,
    title: menuText(language, 'errorTitle'),
    message: translateKeyOf(language, error.key, error.params),
    buttons: [menuText(language, 'ok')],
  };
  if (parent) await dialog.showMessageBox(parent, options);
  else await dialog.showMessageBox(options);
}

export async function showAboutDialog(
  language: Language,
  parent: BrowserWindow | null,
): Promise<void> {
  const options = {
    type: 'info' as const,
    title: menuText(language, 'about'),
    message: 'Leadwerk',
    detail: menuText(language, 'aboutDetail', { version: app.getVersion() }),
    buttons: [menuText(language, 'ok')],
  };
  if (parent) await dialog.showMessageBox(parent, options);
  else await dialog.showMessageBox(options);
}
