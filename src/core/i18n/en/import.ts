import type { Catalog } from '../catalog';

/** English texts. The import pipeline: jobs, the command line summary, errors, fields, issues, presets. */
export const importJob: Catalog['importJob'] = {
  reasonColumn: 'Reason',
  notUndoable: 'This import cannot be undone: it is not complete or was undone already.',
  notInterrupted:
    'This import is not interrupted; only an interrupted import can be resumed or discarded.',
  fileChanged:
    'The file “{{file}}” is missing or has changed since the import, so it cannot be resumed. Please discard the import and start it again.',
  warningColumn: 'Warning',
};

export const importCli: Catalog['importCli'] = {
  done: 'Import of “{{file}}” complete (import ID {{id}}).',
  dryRun: 'Dry run for “{{file}}”: nothing was saved.',
  cancelled: 'The import of “{{file}}” was cancelled; nothing was saved.',
  rows: 'Rows read: {{count}}',
  created: 'Created: {{count}}',
  createdDespite: 'Created: {{count}} ({{despite}} of them despite a duplicate)',
  filled: 'Filled (empty fields): {{count}}',
  overwritten: 'Overwritten: {{count}}',
  skipped: 'Skipped (duplicate): {{count}}',
  suppressed: 'Not imported, do not contact: {{count}}',
  duplicates: 'Duplicates: {{count}} ({{inFile}} in the file, {{inDatabase}} in the database)',
  possibleDuplicates:
    'Possible duplicates (only a similar name at the same company, please check): {{count}}',
  possibleLine: 'Row {{row}}: {{name}} resembles {{other}} → {{outcome}}',
  possibleInFile: '{{name}} (row {{row}} of the file)',
  possibleHint:
    '--on-duplicate applies to certain duplicates only (Leadwerk ID, email, phone); possible duplicates are created as leads of their own. They can be merged in the preview of the import wizard.',
  invalid: 'Rows with errors (not imported): {{count}}',
  empty: 'Empty rows: {{count}}',
  errorLine: 'Row {{row}}: {{message}}',
  warningLine: 'Row {{row}} (note): {{message}}',
  moreIssues: '… and {{count}} more',
  repeatHint: 'Add --yes to import the file again anyway.',
  noImports: 'No imports yet.',
  colId: 'ID',
  colFile: 'File',
  colDate: 'Date',
  colUser: 'By',
  colStatus: 'Status',
  colCreated: 'Created',
  colFilled: 'Filled',
  colOverwritten: 'Overwr.',
  colSkipped: 'Skipped',
  colInvalid: 'Errors',
  colPossible: 'Poss. dupl.',
  status: {
    running: 'running',
    interrupted: 'interrupted',
    done: 'complete',
    cancelled: 'cancelled',
    failed: 'failed',
    undone: 'undone',
  },
  undone: 'Import undone: {{removed}} leads removed, {{restored}} restored.',
  kept: 'Kept because changed since the import ({{count}}):',
  discarded: 'Import discarded: {{removed}} leads removed.',
  warningRows: 'Imported with a warning (invalid values kept in the notes): {{count}}',
  rejectedHeading: 'Rows not imported:',
  warningsHeading: 'Warnings (the rows were imported):',
  colWarnings: 'Warnings',
};

export const importErrors: Catalog['importErrors'] = {
  missing:
    'The file “{{file}}” does not exist (any more). Please check whether it was moved or renamed and choose it again.',
  folder: '“{{file}}” is a folder, not a file. Please choose a CSV, TXT, XLSX or VCF file in it.',
  noAccess:
    'Leadwerk may not read “{{file}}” (no permission). Please copy the file somewhere of your own, e.g. “Documents”, and choose it there.',
  locked:
    '“{{file}}” is open and locked in another program. Please close it there (e.g. in Excel) and try again.',
  empty: '“{{file}}” is empty: there is nothing to import.',
  binary:
    '“{{file}}” is not a text file (CSV/TXT), not an Excel file (XLSX) and not a vCard. Please save the file in Excel as “CSV UTF-8” or “Excel Workbook”.',
  renamed:
    '“{{file}}” ends in .{{extension}} but is really a {{kind}} file. Please choose the right file or save the data in Excel as “CSV UTF-8” or “Excel Workbook”.',
  otherType:
    '“{{file}}” is a {{kind}} file. Leadwerk imports text files (CSV/TXT), Excel workbooks (XLSX) and vCards (VCF).',
  oldOffice:
    '“{{file}}” is in the old Office format (e.g. Excel 97–2003, .xls). Please open it in Excel and save it as “Excel Workbook (*.xlsx)” or “CSV UTF-8”.',
  headerOnly:
    '“{{file}}” has only the header row with the column names and no records. If that first row is a record, please say that the file has no header row.',
  noSheet: 'The Excel file “{{file}}” has no sheet “{{sheet}}”. Please choose another sheet.',
  noSheets: 'The Excel file “{{file}}” has no sheet.',
  noCards: '“{{file}}” holds no readable vCard (each needs BEGIN:VCARD, a name and END:VCARD).',
  tooLarge:
    '“{{file}}” is too large for a vCard file ({{size}} MB, at most {{max}} MB). Please split it into smaller files.',
  tooManyColumns:
    '“{{file}}” has {{count}} columns; Leadwerk reads at most {{max}}. Is the chosen delimiter right?',
  special:
    '“{{file}}” is not an ordinary file but, for example, a device or a pipe. Please choose a CSV, TXT, XLSX or VCF file.',
  badPath:
    '“{{file}}” cannot be opened: its path is too long or a link points in a circle. Please copy the file to a simple place, e.g. “Documents”, and choose it there.',
  xlsxTooLarge:
    '“{{file}}” would unpack to more than {{max}} MB or is packed unusually tightly; no ordinary Excel sheet looks like that. Please open it in Excel and save it as “CSV UTF-8”.',
  xlsxTooManyTexts:
    '“{{file}}” holds more text than Leadwerk reads from an Excel workbook at once (over {{count}} distinct texts or over {{max}} MB). Please save the sheet in Excel as “CSV UTF-8”: Leadwerk reads CSV files piece by piece, without this limit.',
  scratchFull:
    'To check the file for duplicates Leadwerk needs space in the temporary folder {{folder}}, but it is full. Your database was not changed. Please free space there and try again.',
  scratchFailed:
    'To check the file for duplicates Leadwerk could not write a temporary file in the folder {{folder}}. Your database was not changed. Please check that the folder is reachable and writable, and try again.',
  unreadable:
    '“{{file}}” cannot be read: the file is damaged, protected by a password or in a format Leadwerk does not know.',
};

export const importFields: Catalog['importFields'] = {
  leadId: 'Leadwerk ID',
  salutation: 'Salutation',
  title: 'Title (academic)',
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name',
  email: 'Email',
  phone: 'Phone',
  mobile: 'Mobile',
  jobTitle: 'Job title',
  department: 'Department',
  buyingRole: 'Buying role',
  companyName: 'Company',
  industry: 'Industry',
  employees: 'Employees',
  website: 'Website',
  street: 'Street',
  postalCode: 'Postal code',
  city: 'City',
  country: 'Country',
  sourceChannel: 'Source',
  campaign: 'Campaign',
  owner: 'Owner',
  stage: 'Stage',
  expectedValue: 'Expected value',
  expectedCloseDate: 'Expected close date',
  dealValue: 'Deal value',
  notes: 'Notes',
  doNotContact: 'Do not contact',
};

export const importIssues: Catalog['importIssues'] = {
  name_missing:
    'Neither a name (last name or company) nor a contact route (valid email address or phone number): not imported',
  email_invalid: 'Invalid email address “{{value}}” in column “{{column}}”',
  phone_invalid: 'Invalid phone number “{{value}}” in column “{{column}}”',
  date_invalid: 'Invalid date “{{value}}” in column “{{column}}” (expected DD.MM.YYYY)',
  amount_invalid:
    'Invalid amount “{{value}}” in column “{{column}}” (expected e.g. 1,234.56; not negative)',
  number_invalid: 'Not a whole number: “{{value}}” in column “{{column}}”',
  too_long: 'Text in column “{{column}}” is too long: “{{value}}…”',
  salutation_unknown:
    'Unknown salutation “{{value}}” in column “{{column}}”; imported without salutation',
  role_unknown: 'Unknown buying role “{{value}}” in column “{{column}}”; not imported',
  stage_unknown: 'Unknown stage “{{value}}” in column “{{column}}”; not imported',
  channel_unknown: 'Unknown source “{{value}}” in column “{{column}}”; not imported',
  owner_unknown: 'Unknown owner “{{value}}” in column “{{column}}”; not assigned',
  flag_invalid: 'Not a yes/no value: “{{value}}” in column “{{column}}”; not imported',
  formula_kept: 'Formula “{{value}}” in column “{{column}}” imported as text',
  unclosed_quote: 'Unclosed quotation mark; the field runs to the end of the file',
  extra_fields: 'More values than columns; the extra values are ignored',
  empty_row: 'Empty row',
  name_substituted: 'No last name; “{{value}}” from column “{{column}}” used as the name',
  noteLine: 'Import: {{problem}} “{{value}}” (column “{{column}}”) kept as a note',
  noteProblems: {
    email_invalid: 'invalid email address',
    phone_invalid: 'invalid phone number',
    date_invalid: 'invalid date',
    amount_invalid: 'invalid amount',
    number_invalid: 'invalid number',
    salutation_unknown: 'unknown salutation',
    role_unknown: 'unknown buying role',
    stage_unknown: 'unknown stage',
    channel_unknown: 'unknown source',
    flag_invalid: 'invalid yes/no value',
  },
};

export const importPresets: Catalog['importPresets'] = {
  outlook_de: 'Outlook contacts (German)',
  outlook_en: 'Outlook contacts (English)',
  leadwerk: 'Leadwerk export',
  vcard: 'vCard (business cards)',
};
