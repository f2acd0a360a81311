import type { Catalog } from '../catalog';

/** English texts. The app shell (start screen, who-am-I, header, navigation), part of `ui`; and dates. */
export const uiShell: Pick<
  Catalog['ui'],
  'appName' | 'common' | 'connection' | 'nav' | 'header' | 'start' | 'whoAmI'
> = {
  appName: 'Leadwerk',
  common: {
    save: 'Save',
    cancel: 'Cancel',
    reload: 'Reload',
    retry: 'Try again',
    back: 'Back',
    choose: 'Choose …',
    loading: 'Loading …',
  },
  connection: {
    lost: 'The connection to Leadwerk was interrupted. Please wait a moment and try again.',
  },
  nav: { main: 'Main navigation', board: 'Pipeline', leads: 'Leads' },
  header: {
    userMenu: 'Signed in as {{name}}',
    switchUser: 'Switch user',
    closeDatabase: 'Close database',
    language: 'Language',
    toggleNav: 'Show or hide navigation',
  },
  start: {
    title: 'Welcome to Leadwerk',
    subtitle: "Where is your team's database?",
    path: 'File path',
    createTitle: 'Create a new database',
    createHint: "An empty file for your team, for example in the app's data folder.",
    createButton: 'Create',
    openTitle: 'Open an existing database',
    openHint: 'For example the shared file on a network drive.',
    openButton: 'Open',
    demoTitle: 'Start with demo data',
    demoHint: 'A sample database with leads, campaigns and histories to try things out.',
    demoButton: 'Start demo',
    recentTitle: 'Recently opened',
    recentEmpty: 'No file opened yet.',
    openedAt: 'opened {{date}}',
  },
  whoAmI: {
    title: 'Who are you?',
    subtitle:
      'Your choice applies to “{{file}}” on this computer only. Every change is saved with your name.',
    pick: 'Choose your name',
    continue: 'Continue',
    empty: 'There are no users in this database yet.',
    or: 'or add a new one',
    newName: 'Your name',
    add: 'Add',
  },
};

export const dates: Catalog['dates'] = {
  openCalendar: 'Open the calendar for "{{field}}"',
};
