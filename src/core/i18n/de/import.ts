/** German texts. The import pipeline: jobs, the command line summary, errors, fields, issues, presets. */
export const importJob = {
  reasonColumn: 'Grund',
  notUndoable:
    'Dieser Import kann nicht rückgängig gemacht werden: Er ist nicht abgeschlossen oder wurde schon rückgängig gemacht.',
  notInterrupted:
    'Dieser Import ist nicht unterbrochen; fortsetzen oder verwerfen geht nur bei einem unterbrochenen Import.',
  fileChanged:
    'Die Datei „{{file}}“ fehlt oder wurde seit dem Import verändert, darum kann er nicht fortgesetzt werden. Bitte den Import verwerfen und neu starten.',
  warningColumn: 'Warnung',
};

export const importCli = {
  done: 'Import von „{{file}}“ abgeschlossen (Import-ID {{id}}).',
  dryRun: 'Probelauf für „{{file}}“: Es wurde nichts gespeichert.',
  cancelled: 'Der Import von „{{file}}“ wurde abgebrochen; es wurde nichts gespeichert.',
  rows: 'Zeilen gelesen: {{count}}',
  created: 'Neu angelegt: {{count}}',
  createdDespite: 'Neu angelegt: {{count}} (davon {{despite}} trotz Dublette)',
  filled: 'Ergänzt (leere Felder gefüllt): {{count}}',
  overwritten: 'Überschrieben: {{count}}',
  skipped: 'Übersprungen (Dublette): {{count}}',
  suppressed: 'Nicht importiert wegen Kontaktsperre: {{count}}',
  duplicates: 'Dubletten: {{count}} ({{inFile}} in der Datei, {{inDatabase}} in der Datenbank)',
  possibleDuplicates:
    'Mögliche Dubletten (nur ähnlicher Name bei gleicher Firma, bitte prüfen): {{count}}',
  possibleLine: 'Zeile {{row}}: {{name}} ähnelt {{other}} → {{outcome}}',
  possibleInFile: '{{name}} (Zeile {{row}} der Datei)',
  possibleHint:
    '--on-duplicate gilt nur für sichere Dubletten (Leadwerk-ID, E-Mail, Telefon); mögliche Dubletten werden als eigene Leads angelegt. Zusammenführen lassen sie sich in der Vorschau des Import-Assistenten.',
  invalid: 'Fehlerhafte Zeilen (nicht importiert): {{count}}',
  empty: 'Leere Zeilen: {{count}}',
  errorLine: 'Zeile {{row}}: {{message}}',
  warningLine: 'Zeile {{row}} (Hinweis): {{message}}',
  moreIssues: '… und {{count}} weitere',
  repeatHint: 'Mit --yes wird die Datei trotzdem noch einmal importiert.',
  noImports: 'Noch keine Importe.',
  colId: 'ID',
  colFile: 'Datei',
  colDate: 'Datum',
  colUser: 'Von',
  colStatus: 'Status',
  colCreated: 'Neu',
  colFilled: 'Ergänzt',
  colOverwritten: 'Überschr.',
  colSkipped: 'Übersprungen',
  colInvalid: 'Fehler',
  colPossible: 'Mögl. Dubl.',
  status: {
    running: 'läuft',
    interrupted: 'unterbrochen',
    done: 'abgeschlossen',
    cancelled: 'abgebrochen',
    failed: 'fehlgeschlagen',
    undone: 'rückgängig gemacht',
  },
  undone: 'Import rückgängig gemacht: {{removed}} Leads entfernt, {{restored}} wiederhergestellt.',
  kept: 'Behalten, weil seit dem Import geändert ({{count}}):',
  discarded: 'Import verworfen: {{removed}} Leads entfernt.',
  warningRows: 'Mit Warnung importiert (ungültige Werte in den Notizen): {{count}}',
  rejectedHeading: 'Nicht importierte Zeilen:',
  warningsHeading: 'Warnungen (die Zeilen wurden importiert):',
  colWarnings: 'Warnungen',
};

export const importErrors = {
  missing:
    'Die Datei „{{file}}“ gibt es nicht (mehr). Bitte prüfen, ob sie verschoben oder umbenannt wurde, und sie neu auswählen.',
  folder:
    '„{{file}}“ ist ein Ordner, keine Datei. Bitte eine CSV-, TXT-, XLSX- oder VCF-Datei darin auswählen.',
  noAccess:
    'Leadwerk darf „{{file}}“ nicht lesen (keine Berechtigung). Bitte die Datei an einen eigenen Ort kopieren, z. B. in „Dokumente“, und dort auswählen.',
  locked:
    '„{{file}}“ ist gerade in einem anderen Programm geöffnet und gesperrt. Bitte die Datei dort (z. B. in Excel) schließen und es noch einmal versuchen.',
  empty: '„{{file}}“ ist leer: Es gibt nichts zu importieren.',
  binary:
    '„{{file}}“ ist keine Textdatei (CSV/TXT), keine Excel-Datei (XLSX) und keine vCard. Bitte die Datei in Excel als „CSV UTF-8“ oder „Excel-Arbeitsmappe“ speichern.',
  renamed:
    '„{{file}}“ endet auf .{{extension}}, ist aber in Wirklichkeit eine {{kind}}-Datei. Bitte die richtige Datei wählen oder die Daten in Excel als „CSV UTF-8“ oder „Excel-Arbeitsmappe“ speichern.',
  otherType:
    '„{{file}}“ ist eine {{kind}}-Datei. Leadwerk importiert Textdateien (CSV/TXT), Excel-Arbeitsmappen (XLSX) und vCards (VCF).',
  oldOffice:
    '„{{file}}“ ist im alten Office-Format (z. B. Excel 97–2003, .xls). Bitte die Datei in Excel öffnen und als „Excel-Arbeitsmappe (*.xlsx)“ oder „CSV UTF-8“ speichern.',
  headerOnly:
    '„{{file}}“ enthält nur die Kopfzeile mit den Spaltennamen, aber keine Datensätze. Ist die erste Zeile schon ein Datensatz, bitte angeben, dass die Datei keine Kopfzeile hat.',
  noSheet:
    'Die Excel-Datei „{{file}}“ hat kein Tabellenblatt „{{sheet}}“. Bitte ein anderes Blatt wählen.',
  noSheets: 'Die Excel-Datei „{{file}}“ enthält kein Tabellenblatt.',
  noCards:
    '„{{file}}“ enthält keine lesbare vCard (jede braucht BEGIN:VCARD, einen Namen und END:VCARD).',
  tooLarge:
    '„{{file}}“ ist mit {{size}} MB zu groß für eine vCard-Datei (höchstens {{max}} MB). Bitte in mehrere kleinere Dateien aufteilen.',
  tooManyColumns:
    '„{{file}}“ hat {{count}} Spalten, Leadwerk liest höchstens {{max}}. Stimmt das gewählte Trennzeichen?',
  special:
    '„{{file}}“ ist keine gewöhnliche Datei, sondern z. B. ein Gerät oder eine Pipe. Bitte eine CSV-, TXT-, XLSX- oder VCF-Datei auswählen.',
  badPath:
    '„{{file}}“ kann nicht geöffnet werden: Der Pfad ist zu lang oder eine Verknüpfung zeigt im Kreis. Bitte die Datei an einen einfachen Ort kopieren, z. B. in „Dokumente“, und dort auswählen.',
  xlsxTooLarge:
    '„{{file}}“ würde entpackt mehr als {{max}} MB ergeben oder ist ungewöhnlich stark gepackt; so sieht keine gewöhnliche Excel-Tabelle aus. Bitte die Tabelle in Excel öffnen und als „CSV UTF-8“ speichern.',
  xlsxTooManyTexts:
    '„{{file}}“ enthält mehr Text, als Leadwerk aus einer Excel-Arbeitsmappe auf einmal liest (über {{count}} verschiedene Texte oder über {{max}} MB). Bitte die Tabelle in Excel als „CSV UTF-8“ speichern: CSV-Dateien liest Leadwerk Stück für Stück, ohne diese Grenze.',
  scratchFull:
    'Für die Prüfung der Datei auf Dubletten braucht Leadwerk Platz im temporären Ordner {{folder}}, dort ist aber keiner mehr. Ihre Datenbank ist unverändert. Bitte dort Speicherplatz freigeben und es erneut versuchen.',
  scratchFailed:
    'Für die Prüfung der Datei auf Dubletten konnte Leadwerk im temporären Ordner {{folder}} keine Zwischendatei schreiben. Ihre Datenbank ist unverändert. Bitte prüfen, ob der Ordner erreichbar und beschreibbar ist, und es erneut versuchen.',
  unreadable:
    '„{{file}}“ kann nicht gelesen werden: Die Datei ist beschädigt, mit einem Kennwort geschützt oder in einem Format, das Leadwerk nicht kennt.',
};

export const importFields = {
  leadId: 'Leadwerk-ID',
  salutation: 'Anrede',
  title: 'Titel (akademisch)',
  firstName: 'Vorname',
  lastName: 'Nachname',
  fullName: 'Vollständiger Name',
  email: 'E-Mail',
  phone: 'Telefon',
  mobile: 'Mobiltelefon',
  jobTitle: 'Position',
  department: 'Abteilung',
  buyingRole: 'Kaufrolle',
  companyName: 'Firma',
  industry: 'Branche',
  employees: 'Mitarbeiterzahl',
  website: 'Webseite',
  street: 'Straße',
  postalCode: 'PLZ',
  city: 'Ort',
  country: 'Land',
  sourceChannel: 'Quelle',
  campaign: 'Kampagne',
  owner: 'Betreuer',
  stage: 'Phase',
  expectedValue: 'Erwarteter Wert',
  expectedCloseDate: 'Erwartetes Abschlussdatum',
  dealValue: 'Auftragswert',
  notes: 'Notizen',
  doNotContact: 'Kontaktsperre',
};

export const importIssues = {
  name_missing:
    'Weder ein Name (Nachname oder Firma) noch ein Kontaktweg (gültige E-Mail-Adresse oder Telefonnummer): nicht importiert',
  email_invalid: 'Ungültige E-Mail-Adresse „{{value}}“ in Spalte „{{column}}“',
  phone_invalid: 'Ungültige Telefonnummer „{{value}}“ in Spalte „{{column}}“',
  date_invalid: 'Ungültiges Datum „{{value}}“ in Spalte „{{column}}“ (erwartet TT.MM.JJJJ)',
  amount_invalid:
    'Ungültiger Betrag „{{value}}“ in Spalte „{{column}}“ (erwartet z. B. 1.234,56; nicht negativ)',
  number_invalid: 'Keine ganze Zahl: „{{value}}“ in Spalte „{{column}}“',
  too_long: 'Text in Spalte „{{column}}“ ist zu lang: „{{value}}…“',
  salutation_unknown:
    'Unbekannte Anrede „{{value}}“ in Spalte „{{column}}“; ohne Anrede übernommen',
  role_unknown: 'Unbekannte Kaufrolle „{{value}}“ in Spalte „{{column}}“; nicht übernommen',
  stage_unknown: 'Unbekannte Phase „{{value}}“ in Spalte „{{column}}“; nicht übernommen',
  channel_unknown: 'Unbekannte Quelle „{{value}}“ in Spalte „{{column}}“; nicht übernommen',
  owner_unknown: 'Unbekannter Betreuer „{{value}}“ in Spalte „{{column}}“; nicht zugeordnet',
  flag_invalid: 'Kein Ja/Nein-Wert: „{{value}}“ in Spalte „{{column}}“; nicht übernommen',
  formula_kept: 'Formel „{{value}}“ in Spalte „{{column}}“ als Text übernommen',
  unclosed_quote: 'Anführungszeichen nicht geschlossen; das Feld reicht bis zum Dateiende',
  extra_fields: 'Mehr Werte als Spalten; die überzähligen Werte werden ignoriert',
  empty_row: 'Leere Zeile',
  name_substituted: 'Kein Nachname; „{{value}}“ aus Spalte „{{column}}“ als Name übernommen',
  noteLine: 'Import: {{problem}} „{{value}}“ (Spalte „{{column}}“) übernommen als Notiz',
  noteProblems: {
    email_invalid: 'ungültige E-Mail-Adresse',
    phone_invalid: 'ungültige Telefonnummer',
    date_invalid: 'ungültiges Datum',
    amount_invalid: 'ungültiger Betrag',
    number_invalid: 'ungültige Zahl',
    salutation_unknown: 'unbekannte Anrede',
    role_unknown: 'unbekannte Kaufrolle',
    stage_unknown: 'unbekannte Phase',
    channel_unknown: 'unbekannte Quelle',
    flag_invalid: 'ungültiger Ja/Nein-Wert',
  },
};

export const importPresets = {
  outlook_de: 'Outlook-Kontakte (deutsch)',
  outlook_en: 'Outlook-Kontakte (englisch)',
  leadwerk: 'Leadwerk-Export',
  vcard: 'vCard (Visitenkarten)',
};
