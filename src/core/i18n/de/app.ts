/** German texts. The app shell (start screen, who-am-I, header, navigation), part of `ui`; and dates. */
export const uiShell = {
  appName: 'Leadwerk',
  common: {
    save: 'Speichern',
    cancel: 'Abbrechen',
    reload: 'Neu laden',
    retry: 'Erneut versuchen',
    back: 'Zurück',
    choose: 'Auswählen …',
    loading: 'Wird geladen …',
  },
  connection: {
    lost: 'Die Verbindung zu Leadwerk ist unterbrochen. Bitte einen Moment warten und erneut versuchen.',
  },
  nav: { main: 'Hauptnavigation', board: 'Pipeline', leads: 'Leads' },
  header: {
    userMenu: 'Angemeldet als {{name}}',
    switchUser: 'Benutzer wechseln',
    closeDatabase: 'Datenbank schließen',
    language: 'Sprache',
    toggleNav: 'Navigation ein- oder ausblenden',
  },
  start: {
    title: 'Willkommen bei Leadwerk',
    subtitle: 'Wo liegt die Datenbank Ihres Teams?',
    path: 'Dateipfad',
    createTitle: 'Neue Datenbank anlegen',
    createHint: 'Eine leere Datei für Ihr Team, zum Beispiel im Datenordner der App.',
    createButton: 'Anlegen',
    openTitle: 'Vorhandene Datenbank öffnen',
    openHint: 'Zum Beispiel die gemeinsame Datei auf einem Netzlaufwerk.',
    openButton: 'Öffnen',
    demoTitle: 'Mit Demodaten starten',
    demoHint: 'Eine Beispieldatenbank mit Leads, Kampagnen und Verläufen zum Ausprobieren.',
    demoButton: 'Demo starten',
    recentTitle: 'Zuletzt geöffnet',
    recentEmpty: 'Noch keine Datei geöffnet.',
    openedAt: 'geöffnet {{date}}',
  },
  whoAmI: {
    title: 'Wer sind Sie?',
    subtitle:
      'Ihre Auswahl gilt nur auf diesem Rechner für „{{file}}“. Jede Änderung wird mit Ihrem Namen gespeichert.',
    pick: 'Name auswählen',
    continue: 'Weiter',
    empty: 'In dieser Datenbank gibt es noch keine Benutzer.',
    or: 'oder neu anlegen',
    newName: 'Ihr Name',
    add: 'Hinzufügen',
  },
};

export const dates = {
  openCalendar: 'Kalender für „{{field}}“ öffnen',
};
