import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Where technical details of a failure go (stack traces, SQLite's own English messages):
 * never to the user, who gets a translated message instead. Must never throw.
 */
export type Logger = (message: string, error?: unknown) => void;

/** The stack of an error, with its code (`SQLITE_IOERR_READ`, `ENOSPC`) when it has one. */
function details(error: unknown): string {
  if (!(error instanceof Error)) return error === undefined ? '' : String(error);
  const text = error.stack ?? `${error.name}: ${error.message}`;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${text}\ncode: ${code}` : text;
}

/** The process's stderr: the terminal or log of the Electron shell and the web server. */
export const consoleLogger: Logger = (message, error) => {
  if (error === undefined) console.error(`Leadwerk: ${message}`);
  else console.error(`Leadwerk: ${message}`, error);
};

/**
 * Appends to a log file, for hosts whose stderr the user reads (the command line). A log
 * that cannot be written is given up silently: it must not turn into a second failure.
 */
export function fileLogger(path: string, now: () => number = Date.now): Logger {
  return (message, error) => {
    const detail = details(error);
    const entry = `${new Date(now()).toISOString()} ${message}${detail ? `\n${detail}` : ''}\n`;
    try {
      mkdirSync(dirname(path), { recursive: true });
      appendFileSync(path, entry);
    } catch {
      // nowhere left to report it
    }
  };
}

/** A failure's text for crossing a thread boundary to a logger: its stack when it has one. */
export function describeForLog(error: unknown): string {
  return details(error);
}
