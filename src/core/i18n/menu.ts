import type { Language } from '../ipc/contract';

/**
 * Texts of the native Electron menu and dialogs. Kept apart from the renderer catalogs
 * because main builds the menu before any window exists. `{{name}}` placeholders as in i18n.
 */
const de = {
  file: 'Datei',
  newDatabase: 'Neue Datenbank …',
  openDatabase: 'Datenbank öffnen …',
  openRecent: 'Zuletzt geöffnet',
  noRecent: 'Keine zuletzt geöffneten Dateien',
  quit: 'Beenden',
  edit: 'Bearbeiten',
  undo: 'Rückgängig',
  redo: 'Wiederholen',
  cut: 'Ausschneiden',
  copy: 'Kopieren',
  paste: 'Einfügen',
  selectAll: 'Alles auswählen',
  view: 'Ansicht',
  reload: 'Neu laden',
  devTools: 'Entwicklerwerkzeuge',
  resetZoom: 'Originalgröße',
  zoomIn: 'Vergrößern',
  zoomOut: 'Verkleinern',
  fullScreen: 'Vollbild',
  help: 'Hilfe',
  about: 'Über Leadwerk',
  aboutDetail: 'Leadwerk {{version}}\nLead-Management für kleine B2B-Vertriebsteams.',
  ok: 'OK',
  errorTitle: 'Leadwerk – Fehler',
  databaseFilter: 'Leadwerk-Datenbank',
  newDatabaseTitle: 'Neue Datenbank anlegen',
  openDatabaseTitle: 'Datenbank öffnen',
  importTitle: 'Datei importieren',
  exportCsvTitle: 'Als CSV exportieren',
  exportXlsxTitle: 'Als Excel-Arbeitsmappe exportieren',
  rejectedTitle: 'Ausgelassene Zeilen speichern',
  importableFilter: 'Importierbare Dateien',
  csvFilter: 'CSV- und Textdateien',
  excelFilter: 'Excel-Arbeitsmappe',
  vcardFilter: 'vCard',
  allFilesFilter: 'Alle Dateien',
};

export type MenuKey = keyof typeof de;

const en: Record<MenuKey, string> = {
  file: 'File',
  newDatabase: 'New database…',
  openDatabase: 'Open database…',
  openRecent: 'Open recent',
  noRecent: 'No recent files',
  quit: 'Quit',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select all',
  view: 'View',
  reload: 'Reload',
  devTools: 'Developer tools',
  resetZoom: 'Actual size',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fullScreen: 'Full screen',
  help: 'Help',
  about: 'About Leadwerk',
  aboutDetail: 'Leadwerk {{version}}\nLead management for small B2B sales teams.',
  ok: 'OK',
  errorTitle: 'Leadwerk – Error',
  databaseFilter: 'Leadwerk database',
  newDatabaseTitle: 'Create a new database',
  openDatabaseTitle: 'Open a database',
  importTitle: 'Import a file',
  exportCsvTitle: 'Export as CSV',
  exportXlsxTitle: 'Export as Excel workbook',
  rejectedTitle: 'Save left-out rows',
  importableFilter: 'Importable files',
  csvFilter: 'CSV and text files',
  excelFilter: 'Excel workbook',
  vcardFilter: 'vCard',
  allFilesFilter: 'All files',
};

export const menu: Record<Language, Record<MenuKey, string>> = { de, en };

/** Menu text in `language`, placeholders filled. */
export function menuText(
  language: Language,
  key: MenuKey,
  params: Record<string, string> = {},
): string {
  return menu[language][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');
}
