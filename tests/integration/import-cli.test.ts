import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportBatch, ImportJob } from '@core/ipc/import-schemas';
import { runCli } from '../../src/main/cli/run';
import { FIXTURES, HEADERS, writeCsv } from './import-harness';

type Run = { code: number; stdout: string; stderr: string };

const NOW = Date.UTC(2026, 10, 20, 9, 30);

let dir: string;
let db: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadwerk-import-cli-'));
  db = join(dir, 'team.sqlite');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--db', db, '--user', 'Sabine Vogt', ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { LEADWERK_HOME: join(dir, 'config'), LANG: 'de_DE.UTF-8', ...env },
    now: () => NOW,
  });
  return { code, stdout, stderr };
}

function json<T>(run: Run): T {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
}

/**
 * Two good rows and two left out. Since "no contact lost over one bad field" a bad email or
 * number alone no longer leaves a row out: rows 3 and 5 have no last name, no company and
 * no other contact route, so they still are.
 */
function messe(): string {
  return writeCsv(dir, 'messe.csv', [
    [...HEADERS],
    ['Jürgen', 'Weiß', 'Weiß Logistik GmbH', 'j.weiss@weiss.de', '0711 2345678', ''],
    ['Bernd', '', '', 'name(at)firma', '', ''],
    ['Änne', 'Groß', 'Groß AG', 'a.gross@gross.de', '', '0171 2345678'],
    ['Carla', '', '', '', '12', ''],
  ]);
}

describe('import on the command line', () => {
  it('checks a file in a dry run and prints the job as JSON', async () => {
    expect((await cli(['init'])).code).toBe(0);
    const job = json<ImportJob>(await cli(['import', messe(), '--dry-run', '--json']));
    expect(job).toMatchObject({ status: 'done', dryRun: true, batchId: null });
    expect(job.summary).toMatchObject({ rows: 4, created: 2, invalid: 2 });
    const listed = json<{ total: number }>(await cli(['leads', 'list', '--json']));
    expect(listed.total).toBe(0);
  });

  it('imports with rejected rows (exit 0) and lists every error by row', async () => {
    await cli(['init']);
    const run = await cli(['import', messe(), '--source', 'Messe', '--campaign', 'Messe 2026']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Import von „messe.csv“ abgeschlossen');
    expect(run.stdout).toContain('Neu angelegt: 2');
    expect(run.stdout).toContain('Fehlerhafte Zeilen (nicht importiert): 2');
    expect(run.stdout).toContain(
      'Zeile 3: Ungültige E-Mail-Adresse „name(at)firma“ in Spalte „E-Mail“',
    );
    expect(run.stdout).toContain('Zeile 5: Ungültige Telefonnummer „12“ in Spalte „Telefon“');

    const listed = json<{
      rows: { lastName: string; sourceChannel: string; campaignName: string }[];
    }>(await cli(['leads', 'list', '--json']));
    expect(listed.rows.map((row) => row.lastName).sort()).toEqual(['Groß', 'Weiß']);
    expect(listed.rows[0]).toMatchObject({
      sourceChannel: 'trade_fair',
      campaignName: 'Messe 2026',
    });

    const english = await cli(['imports', 'list', '--lang', 'en']);
    expect(english.code).toBe(0);
    expect(english.stdout).toContain('messe.csv');
    expect(english.stdout).toContain('complete');
  });

  it('counts and lists possible duplicates apart and creates them despite --on-duplicate', async () => {
    await cli(['init']);
    const path = writeCsv(dir, 'fischer.csv', [
      [...HEADERS],
      ['Anna', 'Fischer', 'Fischer Druck GmbH', '', '', ''],
      ['Hanna', 'Fischer', 'Fischer Druck AG', '', '', ''],
      ['Petra', 'Fischer', 'Fischer Druck GmbH', 'petra@fischer-druck.de', '', ''],
      ['Peter', 'Fischer', 'Fischer Druck GmbH', 'peter@fischer-druck.de', '', ''],
    ]);
    const run = await cli(['import', path, '--on-duplicate', 'skip']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Neu angelegt: 4');
    expect(run.stdout).toContain('Dubletten: 0 (0 in der Datei, 0 in der Datenbank)');
    expect(run.stdout).toContain(
      'Mögliche Dubletten (nur ähnlicher Name bei gleicher Firma, bitte prüfen): 1',
    );
    expect(run.stdout).toContain(
      'Zeile 3: Hanna Fischer ähnelt Anna Fischer (Zeile 2 der Datei) → Neu',
    );
    expect(run.stdout).toContain('--on-duplicate gilt nur für sichere Dubletten');
    const english = await cli(['imports', 'list', '--lang', 'en']);
    expect(english.stdout).toContain('Poss. dupl.');
  });

  it('fails with exit code 1 for a file it cannot read', async () => {
    await cli(['init']);
    const missing = await cli(['import', join(dir, 'fehlt.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('„fehlt.csv“ gibt es nicht');
    const binary = await cli(['import', join(FIXTURES, 'binary.csv'), '--lang', 'en']);
    expect(binary.code).toBe(1);
    expect(binary.stderr).toContain('binary.csv');
  });

  it('warns about a repeated file, and imports it with --yes', async () => {
    await cli(['init']);
    const path = messe();
    expect((await cli(['import', path])).code).toBe(0);
    const repeated = await cli(['import', path]);
    expect(repeated.code).toBe(1);
    expect(repeated.stderr).toContain('schon importiert');
    expect(repeated.stderr).toContain('--yes');
    const again = json<ImportJob>(
      await cli(['import', path, '--yes', '--on-duplicate', 'skip', '--json']),
    );
    expect(again.summary).toMatchObject({ created: 0, skipped: 2, duplicatesInDatabase: 2 });
  });

  it('uses a preset mapping by id and refuses unknown option values', async () => {
    await cli(['init']);
    const outlook = join(FIXTURES, 'outlook-de.csv');
    const job = json<ImportJob>(
      await cli(['import', outlook, '--mapping', 'outlook_de', '--dry-run', '--json']),
    );
    expect(job.summary?.created).toBeGreaterThan(0);
    expect(job.summary?.preview[0]?.lead).toMatchObject({
      firstName: 'Jürgen',
      lastName: 'Müller',
    });

    const mapping = await cli(['import', outlook, '--mapping', 'gibtsnicht']);
    expect(mapping.code).toBe(2);
    expect(mapping.stderr).toContain('outlook_de');
    const action = await cli(['import', outlook, '--on-duplicate', 'merge']);
    expect(action.code).toBe(2);
    const owner = await cli(['import', outlook, '--owner', 'Niemand']);
    expect(owner.code).toBe(2);
    expect(owner.stderr).toContain('Niemand');
  });

  it('lists, undoes and refuses to discard a finished import', async () => {
    await cli(['init']);
    await cli(['import', messe()]);
    const [batch] = json<ImportBatch[]>(await cli(['imports', 'list', '--json']));
    expect(batch).toMatchObject({ fileName: 'messe.csv', status: 'done', created: 2, invalid: 2 });
    const id = batch?.id ?? '';

    const discard = await cli(['imports', 'discard', id]);
    expect(discard.code).toBe(1);
    expect(discard.stderr).toContain('nicht unterbrochen');

    const undo = await cli(['imports', 'undo', id]);
    expect(undo.code).toBe(0);
    expect(undo.stdout).toContain('Import rückgängig gemacht: 2 Leads entfernt');
    expect(json<{ total: number }>(await cli(['leads', 'list', '--json'])).total).toBe(0);
    const twice = await cli(['imports', 'undo', id]);
    expect(twice.code).toBe(1);

    const resume = await cli(['imports', 'resume', id]);
    expect(resume.code).toBe(1);
  });
});
