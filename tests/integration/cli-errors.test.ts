import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_LOG_FILE, describeError, runCli } from '../../src/main/cli/run';
import { tempDir } from './harness';

/**
 * The command line prints what went wrong in the user's language: never a stack trace (that
 * goes to its log file), never SQLite's English, never a `{{placeholder}}`; with `--json`
 * the error value.
 */

type Run = { code: number; stdout: string; stderr: string };

async function cli(home: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { LEADWERK_HOME: home, LANG: 'de_DE.UTF-8', ...env },
    now: () => Date.UTC(2026, 10, 20, 9, 30),
  });
  return { code, stdout, stderr };
}

const TECHNICAL = /SQLITE_|disk I\/O|\{\{|\n\s+at |Error:/;

/** A database whose journal cannot be read or written: every write fails with SQLITE_IOERR. */
async function brokenJournal(): Promise<{ dir: string; home: string; db: string }> {
  const dir = tempDir();
  const home = join(dir, 'config');
  const db = join(dir, 'team.sqlite');
  expect((await cli(home, ['--db', db, 'init'])).code).toBe(0);
  rmSync(`${db}-journal`, { force: true });
  mkdirSync(`${db}-journal`);
  return { dir, home, db };
}

describe('command line failures', () => {
  it('prints a disk I/O error as the German message naming file and folder, the details in its log', async () => {
    const { dir, home, db } = await brokenJournal();
    const run = await cli(home, ['--db', db, 'leads', 'add', '--last-name', 'Petersen']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `Lesen oder Schreiben von „team.sqlite“ ist fehlgeschlagen (Ein-/Ausgabefehler des Laufwerks ${dir}). Nichts wurde gespeichert, Ihre Eingaben bleiben erhalten. Bitte prüfen, ob das Netzlaufwerk verbunden ist, und erneut versuchen.\n`,
    );
    const log = readFileSync(join(home, CLI_LOG_FILE), 'utf8');
    expect(log).toContain('SQLITE_IOERR');
    expect(log).toMatch(/\n\s+at /);
  });

  it('prints the error value with --json, its message translated', async () => {
    const { dir, home, db } = await brokenJournal();
    const run = await cli(home, ['--db', db, 'leads', 'add', '--last-name', 'Petersen', '--json'], {
      LANG: 'en_GB.UTF-8',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const { error } = JSON.parse(run.stderr) as { error: Record<string, unknown> };
    expect(error).toMatchObject({
      code: 'DB_IO',
      key: 'errors.DB_IO',
      params: { file: 'team.sqlite', folder: dir },
    });
    expect(error.message).toMatch(/^Reading or writing “team.sqlite” failed/);
  });

  it('prints an unexpected failure translated, with its detail but without a stack trace', async () => {
    const dir = tempDir();
    // The config folder is a file: storing "recent files" fails in an unforeseen way.
    const home = join(dir, 'config');
    writeFileSync(home, 'not a folder');
    const run = await cli(home, ['--db', join(dir, 'team.sqlite'), 'init']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^Unerwarteter Fehler\. Bitte erneut versuchen; bleibt er, diese technische Angabe an den Support geben: .+\n$/,
    );
    expect(run.stderr).not.toMatch(/\{\{|\n\s+at /);
  });

  it('never shows a placeholder, even for an error value that lacks its parameters', () => {
    // What an import job used to report: the INTERNAL key without its `detail`.
    const text = describeError(
      { code: 'INTERNAL', key: 'errors.INTERNAL', message: 'import failed' },
      'de',
    );
    expect(text).not.toMatch(TECHNICAL);
    expect(text).toContain('Unerwarteter Fehler.');
  });
});
