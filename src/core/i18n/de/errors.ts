/** German texts. Error messages by `AppError` code, and the damaged-file banner. */
export const errors = {
  VALIDATION: 'Bitte die markierten Felder prüfen.',
  CONFLICT:
    'Dieser Lead wurde inzwischen von jemand anderem geändert. Bitte neu laden; Ihre Eingaben bleiben erhalten.',
  NOT_FOUND: 'Der Datensatz wurde nicht gefunden. Vielleicht wurde er gelöscht.',
  MOVE_REFUSED: 'Der Phasenwechsel ist nicht möglich.',
  NO_DATABASE: 'Es ist keine Datenbank geöffnet.',
  NO_USER: 'Bitte zuerst auswählen, wer Sie sind.',
  DB_NOT_SQLITE: 'Die Datei „{{file}}“ ist keine Leadwerk-Datenbank (keine SQLite-Datei).',
  DB_READ_ONLY:
    'Die Datei „{{file}}“ (im Ordner {{folder}}) ist schreibgeschützt: Leadwerk kann darin nichts speichern. Bitte Schreibrechte für die Datei und den Ordner geben oder eine Kopie öffnen.',
  DB_LOCKED:
    'Die Datei „{{file}}“ ist gerade von einem anderen Programm gesperrt. Bitte später erneut versuchen.',
  DB_TOO_NEW:
    'Die Datei „{{file}}“ stammt aus einer neueren Leadwerk-Version (Schema {{found}}, diese Version kennt {{known}}). Bitte Leadwerk aktualisieren; die Datei bleibt unverändert.',
  DB_NOT_FOUND: 'Die Datei „{{file}}“ gibt es nicht.',
  DB_EXISTS: 'Die Datei „{{file}}“ gibt es schon. Bitte öffnen statt neu anlegen.',
  DB_FULL:
    'Auf dem Laufwerk von „{{file}}“ ({{folder}}) ist kein Platz mehr. Nichts wurde gespeichert, Ihre Eingaben bleiben erhalten. Bitte dort Speicherplatz freigeben und erneut speichern.',
  DB_IO:
    'Lesen oder Schreiben von „{{file}}“ ist fehlgeschlagen (Ein-/Ausgabefehler des Laufwerks {{folder}}). Nichts wurde gespeichert, Ihre Eingaben bleiben erhalten. Bitte prüfen, ob das Netzlaufwerk verbunden ist, und erneut versuchen.',
  DB_UNREACHABLE:
    'Die Datei „{{file}}“ ist nicht mehr erreichbar: Der Ordner {{folder}} oder das Netzlaufwerk ist weg. Nichts wurde gespeichert, Ihre Eingaben bleiben erhalten. Bitte die Verbindung wiederherstellen und erneut versuchen.',
  DB_CORRUPT:
    'Die Datei „{{file}}“ ist beschädigt. Leadwerk zeigt sie nur noch zum Lesen an und schreibt nicht mehr hinein, damit nichts weiter verloren geht. Bitte die Datei (mit ihrem „-journal“, falls vorhanden) nicht löschen und eine Sicherung öffnen.',
  UNSUPPORTED: 'Das ist in dieser Umgebung nicht möglich.',
  FILE_UNREADABLE: 'Die Datei „{{file}}“ kann nicht gelesen werden.',
  FILE_EXISTS: 'Die Datei „{{file}}“ gibt es schon. Soll sie ersetzt werden?',
  FILE_TARGET_REFUSED:
    '„{{file}}“ ist eine Datenbankdatei (oder gehört zu einer). Leadwerk schreibt dort nicht hinein, damit keine Daten verloren gehen. Bitte einen anderen Dateinamen wählen.',
  IMPORT_RUNNING:
    'Es läuft bereits ein Import. Bitte warten, bis er fertig ist, oder ihn abbrechen.',
  IMPORT_REPEATED:
    'Die Datei „{{file}}“ wurde am {{date}} schon importiert. Bitte bestätigen, wenn sie trotzdem noch einmal importiert werden soll.',
  IMPORT_REFUSED: 'Der Import wurde nicht gestartet: {{count}} Zeilen haben Fehler.',
  BAD_REQUEST: 'Ungültige Anfrage.',
  FORBIDDEN: 'Zugriff verweigert.',
  INTERNAL:
    'Unerwarteter Fehler. Bitte erneut versuchen; bleibt er, diese technische Angabe an den Support geben: {{detail}}',
};

/** The banner while the open file is damaged and read-only. */
export const damagedFile = {
  title: 'Die Datei ist beschädigt – nur noch Lesen',
  text: 'Leadwerk hat in „{{file}}“ beschädigte Daten gefunden. Damit nichts weiter verloren geht, zeigt es die Datei nur noch an: Änderungen werden nicht gespeichert. Bitte die Datei und ihr „-journal“ im Ordner {{folder}} nicht löschen oder überschreiben (sie werden für eine Reparatur gebraucht) und mit der letzten Sicherung weiterarbeiten.',
  openOther: 'Sicherung oder andere Datei öffnen',
  refused:
    'Das ging nicht: „{{file}}“ ist beschädigt und nur noch lesbar. Ihre Eingaben bleiben erhalten; was zu tun ist, steht oben im roten Hinweis.',
};
