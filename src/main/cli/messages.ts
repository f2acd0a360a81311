import { fillPlaceholders } from '@core/i18n';
import type { Language } from '@core/ipc/contract';

/**
 * Texts of the command line itself (usage, argument errors, confirmations). Domain texts —
 * stages, channels, error and refusal messages — come from the core catalog via `translate`.
 * Placeholders use {{name}} like the core catalog.
 */
const de = {
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

export type CliMessages = typeof de;
export type CliMessageKey = keyof CliMessages;

const en: CliMessages = {
  usage: `Leadwerk – command line

Usage: npm run cli -- --db FILE <command> [options]

Commands:
  init                       create a new database file
  demo [--count N]           create a file with demo data, or add demo leads to an
                             existing file (N from 0 to 50000)
  leads list [--stage STAGE] [--limit N]
                             list leads (most recently changed first)
  leads add --first-name FIRST --last-name LAST [--company COMPANY]
            [--email EMAIL] [--phone PHONE] [--source CHANNEL]
            [--job-title TITLE] [--role ROLE]
                             create a lead
  leads move ID STAGE [--reason REASON] [--deal-value AMOUNT]
                             move a lead to another stage
  leads show ID              show a lead with its score, stage history and activities
  activities add ID --kind KIND [--content ITEM] [--topic TOPIC] [--url URL]
                 [--at DATE] [--text TEXT]
                             log an activity (ISO date, e.g. 2026-11-20 or
                             2026-11-20T14:30; now without --at) and show the new
                             score; text is required for call, meeting, email, note
  scoring recompute          recompute all scores
  content list [--all]       list the content library (--all: archived items too)
  import FILE [--mapping NAME|auto] [--encoding ENCODING] [--delimiter CHAR]
              [--sheet SHEET] [--no-header] [--source CHANNEL] [--campaign CAMPAIGN]
              [--owner NAME] [--on-duplicate skip|fill|overwrite|create]
              [--dry-run] [--yes]
                             import leads from CSV, XLSX or vCard (--dry-run: check
                             only; --yes: import a file imported before again);
                             mapping auto, a saved one or outlook_de, outlook_en,
                             leadwerk, vcard
  imports list               show the import history
  imports undo ID            undo an import
  imports resume ID          continue an interrupted import
  imports discard ID         discard an interrupted import
  export FILE [--format csv|xlsx] [--stage STAGE] [--delimiter ';'|','] [--force]
                             export leads to CSV or Excel (format from the file
                             extension; CSV with semicolons and UTF-8 for Excel;
                             --force: replace an existing file)

General options:
  --db FILE        the Leadwerk database file (required)
  --json           machine-readable JSON only on stdout
  --lang de|en     language of messages (else from LANG)
  --user NAME      who makes the changes (else LEADWERK_USER, the person chosen on
                   this machine, or the login name)
  --help, -h       this help

Stages: {{stages}}
Channels: {{channels}}
Roles: {{roles}}
Activity kinds: {{kinds}}
Amounts like "1.234,56" or "1234.56" (euro).
Exit codes: 0 success, 1 failure, 2 wrong usage.`,
  seeHelp: 'Help: npm run cli -- --help',
  unknownCommand: 'Unknown command "{{command}}".',
  missingCommand: 'Please give a command.',
  unknownOption: 'Unknown option "{{option}}".',
  optionNeedsValue: 'The option {{option}} needs a value.',
  optionNotForCommand: 'The option {{option}} does not apply to "{{command}}".',
  missingDb: 'Please name the database file with --db FILE.',
  missingArgument: 'Missing: {{name}}.',
  missingOption: 'Missing the option {{option}}.',
  tooManyArguments: 'Too many arguments: {{extra}}.',
  unknownStage: 'Unknown stage "{{value}}". Valid are: {{valid}}.',
  unknownSource: 'Unknown channel "{{value}}". Valid are: {{valid}}.',
  invalidCount: 'Invalid number "{{value}}": please a whole number from {{min}} to {{max}}.',
  invalidAmount: 'Invalid amount "{{value}}": please e.g. 12500 or 12,500.00 (euro).',
  invalidLang: 'Unknown language "{{value}}". Valid are: de, en.',
  unknownRole: 'Unknown role "{{value}}". Valid are: {{valid}}.',
  unknownKind: 'Unknown activity kind "{{value}}". Valid are: {{valid}}.',
  invalidDate: 'Invalid date "{{value}}": please an ISO date like 2026-11-20 or 2026-11-20T14:30.',
  futureDate: 'The date "{{value}}" lies in the future; activities are logged after the fact.',
  unknownContent: 'No content item "{{value}}" found. See: content list.',
  reasonHint: '{{prompt}} Please give it with --reason.',
  dealValueHint: 'Please give the deal value with --deal-value.',
  initDone: 'Database created: {{path}}',
  demoCreated: 'Demo database created: {{path}} ({{total}} leads)',
  demoAdded: '{{created}} demo leads added: {{path}} ({{total}} leads)',
  leadAdded: 'Lead created: {{name}} (ID {{id}})',
  leadMoved: '{{name}}: {{from}} → {{to}}',
  listFooter: '{{shown}} of {{total}} leads',
  noLeads: 'No leads found.',
  activityAdded: '{{kind}} logged for {{name}} ({{date}}).',
  stageNow: '{{name}} is now in stage {{stage}}.',
  recomputed:
    '{{leads}} leads scored, {{changed}} with a changed score, {{promoted}} promoted to MQL.',
  noContent: 'No content items found.',
  unknownMapping: 'No mapping "{{value}}" found. Valid are: auto, a saved mapping or {{presets}}.',
  unknownOwner: 'No person "{{value}}" in this file.',
  unknownEncoding: 'Unknown encoding "{{value}}". Valid are: {{valid}}.',
  unknownImportDelimiter:
    'Unknown delimiter "{{value}}". Valid are: ; , | and tab (also semicolon, comma, pipe).',
  unknownDuplicateAction: 'Unknown action "{{value}}". Valid are: {{valid}}.',
  exported: '{{rows}} leads exported to {{path}}',
  forceHint: 'Use --force to replace it.',
  unknownFormat: 'Unknown format "{{value}}". Valid are: csv, xlsx.',
  unknownDelimiter: 'Unknown delimiter "{{value}}". Valid are: ; and , (also semicolon, comma).',
  archived: '(archived)',
  scoreByBant: 'from BANT',
  capped: 'beyond the limit, not counted',
  colType: 'Type',
  colTopic: 'Topic',
  colPhase: 'Buying phase',
  colRole: 'Audience',
  colScore: 'Score',
  colId: 'ID',
  colName: 'Name',
  colCompany: 'Company',
  colStage: 'Stage',
  colOwner: 'Owner',
  colValue: 'Value',
  detailEmail: 'Email',
  detailPhone: 'Phone',
  detailMobile: 'Mobile',
  detailJob: 'Job title',
  detailRole: 'Buying centre',
  detailCompany: 'Company',
  detailSource: 'Source',
  detailStage: 'Stage',
  detailExpected: 'Expected value',
  detailClose: 'Expected close',
  detailDeal: 'Deal value',
  detailNotes: 'Notes',
  detailHistory: 'Stage history',
  detailActivities: 'Activities',
  detailScore: 'Score',
  detailTopics: 'Interests',
  detailVersion: 'Version',
};

/** The command line's own texts by language. */
export const CLI_CATALOGS: Readonly<Record<Language, CliMessages>> = { de, en };

/**
 * A command-line text in `language` with its {{placeholders}} filled; a missing parameter
 * renders as the core catalog's `MISSING_PARAM`, never as `{{name}}`.
 */
export function cliText(
  language: Language,
  key: CliMessageKey,
  params: Record<string, string | number> = {},
): string {
  return fillPlaceholders(CLI_CATALOGS[language][key], params);
}
