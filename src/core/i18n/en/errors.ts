import type { Catalog } from '../catalog';

/** English texts. Error messages by `AppError` code, and the damaged-file banner. */
export const errors: Catalog['errors'] = {
  VALIDATION: 'Please check the highlighted fields.',
  CONFLICT:
    'This lead was changed by someone else in the meantime. Please reload; your input is kept.',
  NOT_FOUND: 'The record was not found. It may have been deleted.',
  MOVE_REFUSED: 'The stage change is not possible.',
  NO_DATABASE: 'No database is open.',
  NO_USER: 'Please choose who you are first.',
  DB_NOT_SQLITE: 'The file “{{file}}” is not a Leadwerk database (not an SQLite file).',
  DB_READ_ONLY:
    'The file “{{file}}” (in the folder {{folder}}) is read-only: Leadwerk cannot save anything in it. Please grant write access to the file and the folder, or open a copy.',
  DB_LOCKED: 'The file “{{file}}” is locked by another program. Please try again later.',
  DB_TOO_NEW:
    'The file “{{file}}” comes from a newer Leadwerk version (schema {{found}}, this version knows {{known}}). Please update Leadwerk; the file was not changed.',
  DB_NOT_FOUND: 'The file “{{file}}” does not exist.',
  DB_EXISTS: 'The file “{{file}}” already exists. Open it instead of creating it.',
  DB_FULL:
    'The drive of “{{file}}” ({{folder}}) is full. Nothing was saved; your input is kept. Please free space there and save again.',
  DB_IO:
    'Reading or writing “{{file}}” failed (an input/output error of the drive {{folder}}). Nothing was saved; your input is kept. Please check that the network drive is connected and try again.',
  DB_UNREACHABLE:
    'The file “{{file}}” cannot be reached: the folder {{folder}} or the network drive is gone. Nothing was saved; your input is kept. Please restore the connection and try again.',
  DB_CORRUPT:
    'The file “{{file}}” is damaged. Leadwerk now shows it read-only and writes nothing more into it, so that nothing else is lost. Please do not delete the file (or its “-journal”, if there is one) and open a backup.',
  UNSUPPORTED: 'This is not possible here.',
  FILE_UNREADABLE: 'The file “{{file}}” cannot be read.',
  FILE_EXISTS: 'The file “{{file}}” already exists. Replace it?',
  FILE_TARGET_REFUSED:
    '“{{file}}” is a database file (or belongs to one). Leadwerk does not write into it, so that no data is lost. Please choose another file name.',
  IMPORT_RUNNING: 'An import is already running. Please wait for it to finish or cancel it.',
  IMPORT_REPEATED:
    'The file “{{file}}” was already imported on {{date}}. Please confirm to import it again.',
  IMPORT_REFUSED: 'The import was not started: {{count}} rows have errors.',
  BAD_REQUEST: 'Invalid request.',
  FORBIDDEN: 'Access denied.',
  INTERNAL:
    'Unexpected error. Please try again; if it persists, give this technical detail to support: {{detail}}',
};

/** The banner while the open file is damaged and read-only. */
export const damagedFile: Catalog['damagedFile'] = {
  title: 'The file is damaged – read-only',
  text: 'Leadwerk found damaged data in “{{file}}”. So that nothing more is lost, it only shows the file now: changes are not saved. Please do not delete or overwrite the file and its “-journal” in the folder {{folder}} (a repair needs them), and continue with the latest backup.',
  openOther: 'Open a backup or another file',
  refused:
    'Not possible: “{{file}}” is damaged and read-only. Your input is kept; the red notice at the top says what to do.',
};
