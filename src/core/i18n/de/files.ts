/** German texts. Files the user names, and database files. */
/** Files the user names: writing them, replacing them, up- and downloads in the browser. */
export const files = {
  folderMissing: 'Den Ordner „{{folder}}“ gibt es nicht. Bitte einen vorhandenen Ordner wählen.',
  isFolder: '„{{file}}“ ist ein Ordner. Bitte einen Dateinamen angeben.',
  notAFile:
    '„{{file}}“ ist keine gewöhnliche Datei (z. B. ein Gerät). Bitte einen anderen Dateinamen wählen.',
  writeFailed:
    'Die Datei „{{file}}“ konnte nicht geschrieben werden ({{detail}}). Bitte Schreibrechte und freien Speicherplatz prüfen oder einen anderen Ort wählen. Eine vorhandene Datei dieses Namens ist unverändert.',
  serverPath:
    'Im Browser werden Dateien hoch- und heruntergeladen; Pfade auf dem Server sind nicht erlaubt. Bitte die Datei hochladen.',
  replaceTitle: 'Datei ersetzen?',
  replaceText:
    'Die Datei „{{file}}“ gibt es schon. Soll sie ersetzt werden? Ihr bisheriger Inhalt geht dabei verloren.',
  replace: 'Ersetzen',
  uploadTooLarge:
    'Die Datei „{{file}}“ ist zu groß zum Hochladen (höchstens {{max}} MB). Bitte die Liste aufteilen.',
  uploadFailed:
    'Die Datei „{{file}}“ konnte nicht hochgeladen werden ({{detail}}). Bitte erneut versuchen.',
};

export const databaseFiles = {
  notAFolder:
    'Die Datenbank „{{file}}“ kann dort nicht angelegt werden: „{{folder}}“ ist kein Ordner, sondern eine Datei. Bitte einen anderen Ort wählen.',
};
