/** German texts. Texts of the command line itself: usage, argument errors, confirmations, table columns. Domain texts (stages, channels, errors) come from their own sections. */
export const cli = {
  usage: `Leadwerk – Kommandozeile

Aufruf: npm run cli -- --db DATEI <Befehl> [Optionen]

Befehle:
  init                       neue Datenbankdatei anlegen
  demo [--count N]           Datei mit Demodaten anlegen oder einer vorhandenen Datei
                             Demo-Leads hinzufügen (N von 0 bis 50000)
  leads list [--stage PHASE] [--limit N]
                             Leads auflisten (neueste Änderung zuerst)
  leads add --first-name VORNAME --last-name NACHNAME [--company FIRMA]
            [--email E-MAIL] [--phone TELEFON] [--source KANAL]
            [--job-title POSITION] [--role ROLLE]
                             Lead anlegen
  leads move ID PHASE [--reason BEGRÜNDUNG] [--deal-value BETRAG]
                             Lead in eine andere Phase verschieben
  leads show ID              Lead mit Score, Phasenverlauf und Aktivitäten zeigen
  activities add ID --kind ART [--content INHALT] [--topic THEMA] [--url ADRESSE]
                 [--at DATUM] [--text TEXT]
                             Aktivität erfassen (Datum ISO, z. B. 2026-11-20 oder
                             2026-11-20T14:30; ohne --at jetzt) und den neuen
                             Score zeigen; Text ist Pflicht bei call, meeting,
                             email, note
  scoring recompute          alle Scores neu berechnen
  content list [--all]       Inhalte der Bibliothek auflisten (--all: auch archivierte)
  import DATEI [--mapping NAME|auto] [--encoding KODIERUNG] [--delimiter ZEICHEN]
               [--sheet BLATT] [--no-header] [--source KANAL] [--campaign KAMPAGNE]
               [--owner NAME] [--on-duplicate skip|fill|overwrite|create]
               [--dry-run] [--yes]
                             Leads aus CSV, XLSX oder vCard importieren (--dry-run:
                             nur prüfen; --yes: eine schon importierte Datei noch
                             einmal importieren); Zuordnung auto, eine gespeicherte
                             oder outlook_de, outlook_en, leadwerk, vcard
  imports list               Importverlauf zeigen
  imports undo ID            Import rückgängig machen
  imports resume ID          unterbrochenen Import fortsetzen
  imports discard ID         unterbrochenen Import verwerfen
  export DATEI [--format csv|xlsx] [--stage PHASE] [--delimiter ';'|','] [--force]
                             Leads als CSV oder Excel-Datei exportieren (Format nach
                             der Dateiendung, CSV mit Semikolon und UTF-8 für Excel;
                             --force: eine vorhandene Datei ersetzen)

Allgemeine Optionen:
  --db DATEI       die Leadwerk-Datenbankdatei (Pflicht)
  --json           nur maschinenlesbares JSON auf stdout
  --lang de|en     Sprache der Meldungen (sonst nach LANG)
  --user NAME      wer die Änderungen macht (sonst LEADWERK_USER, die auf diesem
                   Rechner gewählte Person oder der Anmeldename)
  --help, -h       diese Hilfe

Phasen: {{stages}}
Kanäle: {{channels}}
Rollen: {{roles}}
Aktivitätsarten: {{kinds}}
Beträge wie „1.234,56“ oder „1234.56“ (Euro).
Exit-Codes: 0 Erfolg, 1 Fehler, 2 falscher Aufruf.`,
  seeHelp: 'Hilfe: npm run cli -- --help',
  unknownCommand: 'Unbekannter Befehl „{{command}}“.',
  missingCommand: 'Bitte einen Befehl angeben.',
  unknownOption: 'Unbekannte Option „{{option}}“.',
  optionNeedsValue: 'Die Option {{option}} braucht einen Wert.',
  optionNotForCommand: 'Die Option {{option}} gibt es für „{{command}}“ nicht.',
  missingDb: 'Bitte die Datenbankdatei mit --db DATEI angeben.',
  missingArgument: 'Es fehlt: {{name}}.',
  missingOption: 'Es fehlt die Option {{option}}.',
  tooManyArguments: 'Zu viele Angaben: {{extra}}.',
  unknownStage: 'Unbekannte Phase „{{value}}“. Gültig sind: {{valid}}.',
  unknownSource: 'Unbekannter Kanal „{{value}}“. Gültig sind: {{valid}}.',
  invalidCount: 'Ungültige Anzahl „{{value}}“: bitte eine ganze Zahl von {{min}} bis {{max}}.',
  invalidAmount: 'Ungültiger Betrag „{{value}}“: bitte z. B. 12.500 oder 12500,00 (Euro).',
  invalidLang: 'Unbekannte Sprache „{{value}}“. Gültig sind: de, en.',
  unknownRole: 'Unbekannte Rolle „{{value}}“. Gültig sind: {{valid}}.',
  unknownKind: 'Unbekannte Aktivitätsart „{{value}}“. Gültig sind: {{valid}}.',
  invalidDate:
    'Ungültiges Datum „{{value}}“: bitte ISO-Datum wie 2026-11-20 oder 2026-11-20T14:30.',
  futureDate:
    'Das Datum „{{value}}“ liegt in der Zukunft; Aktivitäten werden nachträglich erfasst.',
  unknownContent: 'Keinen Inhalt „{{value}}“ gefunden. Die Inhalte zeigt: content list.',
  reasonHint: '{{prompt}} Bitte mit --reason angeben.',
  dealValueHint: 'Bitte den Auftragswert mit --deal-value angeben.',
  initDone: 'Datenbank angelegt: {{path}}',
  demoCreated: 'Demo-Datenbank angelegt: {{path}} ({{total}} Leads)',
  demoAdded: '{{created}} Demo-Leads hinzugefügt: {{path}} ({{total}} Leads)',
  leadAdded: 'Lead angelegt: {{name}} (ID {{id}})',
  leadMoved: '{{name}}: {{from}} → {{to}}',
  listFooter: '{{shown}} von {{total}} Leads',
  noLeads: 'Keine Leads gefunden.',
  activityAdded: '{{kind}} erfasst für {{name}} ({{date}}).',
  stageNow: '{{name}} ist jetzt in der Phase {{stage}}.',
  recomputed:
    '{{leads}} Leads bewertet, bei {{changed}} hat sich der Score geändert, {{promoted}} zu MQL befördert.',
  noContent: 'Keine Inhalte gefunden.',
  unknownMapping:
    'Keine Zuordnung „{{value}}“ gefunden. Gültig sind: auto, eine gespeicherte Zuordnung oder {{presets}}.',
  unknownOwner: 'Keine Person „{{value}}“ in dieser Datei.',
  unknownEncoding: 'Unbekannte Kodierung „{{value}}“. Gültig sind: {{valid}}.',
  unknownImportDelimiter:
    'Unbekanntes Trennzeichen „{{value}}“. Gültig sind: ; , | und tab (auch semicolon, comma, pipe).',
  unknownDuplicateAction: 'Unbekannte Aktion „{{value}}“. Gültig sind: {{valid}}.',
  exported: '{{rows}} Leads exportiert nach {{path}}',
  forceHint: 'Mit --force wird sie ersetzt.',
  unknownFormat: 'Unbekanntes Format „{{value}}“. Gültig sind: csv, xlsx.',
  unknownDelimiter:
    'Unbekanntes Trennzeichen „{{value}}“. Gültig sind: ; und , (auch semicolon, comma).',
  archived: '(archiviert)',
  scoreByBant: 'nach BANT',
  capped: 'über dem Limit, zählt nicht',
  colType: 'Typ',
  colTopic: 'Thema',
  colPhase: 'Kaufphase',
  colRole: 'Zielgruppe',
  colScore: 'Score',
  colId: 'ID',
  colName: 'Name',
  colCompany: 'Firma',
  colStage: 'Phase',
  colOwner: 'Zuständig',
  colValue: 'Wert',
  detailEmail: 'E-Mail',
  detailPhone: 'Telefon',
  detailMobile: 'Mobil',
  detailJob: 'Position',
  detailRole: 'Buying Center',
  detailCompany: 'Firma',
  detailSource: 'Quelle',
  detailStage: 'Phase',
  detailExpected: 'Erwarteter Wert',
  detailClose: 'Abschluss erwartet',
  detailDeal: 'Auftragswert',
  detailNotes: 'Notizen',
  detailHistory: 'Phasenverlauf',
  detailActivities: 'Aktivitäten',
  detailScore: 'Score',
  detailTopics: 'Interessen',
  detailVersion: 'Version',
};
