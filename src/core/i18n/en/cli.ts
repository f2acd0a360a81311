import type { Catalog } from '../catalog';

/** English texts. Texts of the command line itself: usage, argument errors, confirmations, table columns. Domain texts (stages, channels, errors) come from their own sections. */
export const cli: Catalog['cli'] = {
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
