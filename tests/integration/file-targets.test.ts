import BetterSqlite3 from 'better-sqlite3';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportJob } from '@core/ipc/import-schemas';
import { writeOutputFile } from '../../src/main/files/output-target';
import { runCli } from '../../src/main/cli/run';
import { appWithDatabase, createLead, tempDir, type TestApp } from './harness';
import { runImport, writeCsv } from './import-harness';

const SQLITE_HEADER = 'SQLite format 3\0';

type Db = Awaited<ReturnType<typeof appWithDatabase>>;

/** A file with three leads. */
async function teamFile(): Promise<Db> {
  const t = await appWithDatabase();
  for (const lastName of ['Berg', 'Kaya', 'Schulz']) {
    await createLead(t, { firstName: 'Anna', lastName });
  }
  return t;
}

/**
 * Closes the database and opens it again from disk: it must still be a Leadwerk file with all
 * its leads (an overwrite would show only on reopening, the open handle hides it).
 */
async function expectDatabaseIntact(t: TestApp & { path: string }, leads = 3): Promise<void> {
  expect(readFileSync(t.path).subarray(0, 16).toString('latin1')).toBe(SQLITE_HEADER);
  await t.call('database.close', {});
  await t.call('database.open', { path: t.path });
  expect((await t.call('leads.list', { filters: {} })).total).toBe(leads);
}

function exportTo(t: TestApp, path: string, options: { overwrite?: boolean; xlsx?: boolean } = {}) {
  return t.app.dispatch('export.run', {
    path,
    format: options.xlsx ? 'xlsx' : 'csv',
    delimiter: ';',
    filters: null,
    ...(options.overwrite === undefined ? {} : { overwrite: options.overwrite }),
  });
}

/** Files in a folder besides the database's own and the config. */
function strayFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.startsWith('.') || name.endsWith('.tmp'));
}

describe('writing files never replaces a database', () => {
  it('refuses the open database, its journal and other spellings of it, even with overwrite', async () => {
    const t = await teamFile();
    const other = join(t.dir, 'x');
    mkdirSync(other);
    const refused = [
      t.path,
      `${t.path}-journal`,
      `${t.path}-wal`,
      `${t.path}-shm`,
      join(other, '..', 'team.sqlite'),
      join(t.dir, 'TEAM.SQLITE-Journal'),
    ];
    for (const path of refused) {
      for (const overwrite of [false, true]) {
        for (const xlsx of [false, true]) {
          const result = await exportTo(t, path, { overwrite, xlsx });
          expect(result, path).toMatchObject({
            ok: false,
            error: { code: 'FILE_TARGET_REFUSED', params: { file: path.split('/').pop() } },
          });
        }
      }
    }
    await expectDatabaseIntact(t);
  });

  it('refuses a symlink or hard link to the database and the journal through a linked folder', async () => {
    const t = await teamFile();
    symlinkSync(t.path, join(t.dir, 'link.csv'));
    linkSync(t.path, join(t.dir, 'hard.csv'));
    const folderLink = join(tempDir(), 'share');
    symlinkSync(t.dir, folderLink);
    for (const path of [
      join(t.dir, 'link.csv'),
      join(t.dir, 'hard.csv'),
      join(folderLink, 'team.sqlite'),
      join(folderLink, 'team.sqlite-journal'),
    ]) {
      const result = await exportTo(t, path, { overwrite: true });
      expect(result, path).toMatchObject({ ok: false, error: { code: 'FILE_TARGET_REFUSED' } });
    }
    expect(statSync(join(t.dir, 'hard.csv')).nlink).toBe(2);
    await expectDatabaseIntact(t);
  });

  it('refuses another Leadwerk or SQLite file and its journal, in German and English', async () => {
    const t = await teamFile();
    const otherDir = tempDir();
    const other = join(otherDir, 'kunden.sqlite');
    const raw = new BetterSqlite3(other);
    raw.exec('CREATE TABLE t (x INTEGER)');
    raw.close();
    const before = readFileSync(other);
    const refused = await exportTo(t, other, { overwrite: true });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'FILE_TARGET_REFUSED',
        key: 'errors.FILE_TARGET_REFUSED',
        message:
          '„kunden.sqlite“ ist eine Datenbankdatei (oder gehört zu einer). Leadwerk schreibt dort nicht hinein, damit keine Daten verloren gehen. Bitte einen anderen Dateinamen wählen.',
        params: { file: 'kunden.sqlite' },
      },
    });
    expect(await exportTo(t, `${other}-journal`, { overwrite: true })).toMatchObject({
      ok: false,
      error: { code: 'FILE_TARGET_REFUSED' },
    });
    await t.call('app.setLanguage', { language: 'en' });
    const english = await exportTo(t, other, { overwrite: true });
    expect(english).toMatchObject({
      ok: false,
      error: {
        message:
          '“kunden.sqlite” is a database file (or belongs to one). Leadwerk does not write into it, so that no data is lost. Please choose another file name.',
      },
    });
    expect(readFileSync(other).equals(before)).toBe(true);
    expect(strayFiles(otherDir)).toEqual([]);
    await expectDatabaseIntact(t);
  });

  it('replaces an existing file only when asked to, and never touches a `.part` file', async () => {
    const t = await teamFile();
    const path = join(t.dir, 'leads.csv');
    writeFileSync(path, 'meine Notizen');
    writeFileSync(`${path}.part`, 'auch meins');
    const exists = await exportTo(t, path);
    expect(exists).toEqual({
      ok: false,
      error: {
        code: 'FILE_EXISTS',
        key: 'errors.FILE_EXISTS',
        message: 'Die Datei „leads.csv“ gibt es schon. Soll sie ersetzt werden?',
        params: { file: 'leads.csv' },
      },
    });
    expect(readFileSync(path, 'utf8')).toBe('meine Notizen');

    expect(await exportTo(t, path, { overwrite: true })).toEqual({
      ok: true,
      value: { rows: 3, path, download: null },
    });
    expect(readFileSync(path, 'utf8')).toContain('Anna;Berg');
    expect(readFileSync(`${path}.part`, 'utf8')).toBe('auch meins');
    expect(strayFiles(t.dir)).toEqual([]);
    await expectDatabaseIntact(t);
  });
});

describe('saving rejected rows', () => {
  /**
   * A dry run of a file whose header is a formula, with one row that has an error: neither a
   * name nor a contact route (a bad email alone is only a warning since "no contact lost
   * over one bad field").
   */
  async function rejectedJob(t: Db): Promise<ImportJob> {
    const path = writeCsv(tempDir(), 'messe.csv', [
      ["=cmd|' /C calc'!A0", 'Nachname', 'E-Mail'],
      ['x', 'Berg', 'berg@firma.de'],
      ['@SUM(1)', '', 'name(at)firma'],
    ]);
    const job = await runImport(t, path, {}, true);
    expect(job.summary?.invalid).toBe(1);
    return job;
  }

  it('writes every cell through the formula guard, header cells included', async () => {
    const t = await teamFile();
    const job = await rejectedJob(t);
    const path = join(t.dir, 'ausgelassen.csv');
    expect(await t.call('import.saveRejected', { jobId: job.jobId, path })).toEqual({
      rows: 1,
      path,
      download: null,
    });
    const lines = readFileSync(path, 'utf8').split('\r\n');
    expect(lines[0]).toBe("\uFEFF'=cmd|' /C calc'!A0;Nachname;E-Mail;Grund");
    expect(lines[1]).toBe(
      `'@SUM(1);;name(at)firma;"Ungültige E-Mail-Adresse „name(at)firma“ in Spalte „E-Mail“; Weder ein Name (Nachname oder Firma) noch ein Kontaktweg (gültige E-Mail-Adresse oder Telefonnummer): nicht importiert"`,
    );
  });

  it('refuses the database, asks before replacing and replaces with overwrite', async () => {
    const t = await teamFile();
    const job = await rejectedJob(t);
    for (const path of [t.path, `${t.path}-journal`]) {
      const refused = await t.fail('import.saveRejected', {
        jobId: job.jobId,
        path,
        overwrite: true,
      });
      expect(refused.code).toBe('FILE_TARGET_REFUSED');
    }
    const path = join(t.dir, 'ausgelassen.csv');
    writeFileSync(path, 'alt');
    const exists = await t.fail('import.saveRejected', { jobId: job.jobId, path });
    expect(exists).toMatchObject({ code: 'FILE_EXISTS', params: { file: 'ausgelassen.csv' } });
    expect(readFileSync(path, 'utf8')).toBe('alt');
    await t.call('import.saveRejected', { jobId: job.jobId, path, overwrite: true });
    expect(readFileSync(path, 'utf8')).toContain('name(at)firma');
    expect(strayFiles(t.dir)).toEqual([]);
    await expectDatabaseIntact(t);
  });
});

describe('writeOutputFile on failure', () => {
  it('keeps the old target and removes its temporary file when the writer fails midway', async () => {
    const dir = tempDir();
    const path = join(dir, 'leads.csv');
    writeFileSync(path, 'alter Stand');
    const failing = writeOutputFile(path, { overwrite: true, database: null }, async (out) => {
      out.write('halb geschrieben');
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error('disk went away');
    });
    await expect(failing).rejects.toThrow('disk went away');
    expect(readFileSync(path, 'utf8')).toBe('alter Stand');
    expect(readdirSync(dir)).toEqual(['leads.csv']);
  });

  it('keeps the old target when the disk fails a write (EIO)', async () => {
    const dir = tempDir();
    const path = join(dir, 'leads.csv');
    writeFileSync(path, 'alter Stand');
    const failing = writeOutputFile(path, { overwrite: true, database: null }, async (out) => {
      out.write('neu');
      out.destroy(Object.assign(new Error('i/o error'), { code: 'EIO' }));
    });
    await expect(failing).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      key: 'files.writeFailed',
      params: { file: 'leads.csv', detail: 'EIO' },
    });
    expect(readFileSync(path, 'utf8')).toBe('alter Stand');
    expect(readdirSync(dir)).toEqual(['leads.csv']);
  });

  it('fails with a message when the folder disappears during the write', async () => {
    const dir = join(tempDir(), 'export');
    mkdirSync(dir);
    const failing = writeOutputFile(
      join(dir, 'leads.csv'),
      { overwrite: false, database: null },
      async (out) => {
        out.write('Vorname;Nachname\r\n');
        rmSync(dir, { recursive: true, force: true });
      },
    );
    await expect(failing).rejects.toMatchObject({
      key: 'files.folderMissing',
      params: { folder: dir },
    });
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses a file that appeared meanwhile instead of replacing it', async () => {
    const dir = tempDir();
    const path = join(dir, 'leads.csv');
    const racing = writeOutputFile(path, { overwrite: false, database: null }, async (out) => {
      out.write('neu');
      writeFileSync(path, 'von jemand anderem');
    });
    await expect(racing).rejects.toMatchObject({ code: 'FILE_EXISTS' });
    expect(readFileSync(path, 'utf8')).toBe('von jemand anderem');
    expect(readdirSync(dir)).toEqual(['leads.csv']);
  });
});

describe('export on the command line', () => {
  async function cli(dir: string, args: string[], lang = 'de_DE.UTF-8') {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['--db', join(dir, 'team.sqlite'), ...args], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: { LEADWERK_HOME: join(dir, 'config'), LANG: lang, INIT_CWD: dir },
      now: () => Date.UTC(2026, 10, 20, 9, 30),
    });
    return { code, stdout, stderr };
  }

  it('refuses the database itself and replaces an existing file only with --force', async () => {
    const dir = tempDir();
    expect((await cli(dir, ['init'])).code).toBe(0);
    expect(
      (await cli(dir, ['leads', 'add', '--first-name', 'A', '--last-name', 'Berg'])).code,
    ).toBe(0);
    for (const target of ['team.sqlite', 'team.sqlite-journal']) {
      const refused = await cli(dir, ['export', target, '--force']);
      expect(refused).toEqual({
        code: 1,
        stdout: '',
        stderr: `„${target}“ ist eine Datenbankdatei (oder gehört zu einer). Leadwerk schreibt dort nicht hinein, damit keine Daten verloren gehen. Bitte einen anderen Dateinamen wählen.\n`,
      });
    }
    const english = await cli(dir, ['export', 'team.sqlite', '--lang', 'en']);
    expect(english.code).toBe(1);
    expect(english.stderr).toContain('“team.sqlite” is a database file');

    writeFileSync(join(dir, 'leads.csv'), 'alt');
    expect(await cli(dir, ['export', 'leads.csv'])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'Die Datei „leads.csv“ gibt es schon. Soll sie ersetzt werden?\nMit --force wird sie ersetzt.\n',
    });
    const en = await cli(dir, ['export', 'leads.csv'], 'en_GB.UTF-8');
    expect(en.stderr).toBe(
      'The file “leads.csv” already exists. Replace it?\nUse --force to replace it.\n',
    );
    expect(readFileSync(join(dir, 'leads.csv'), 'utf8')).toBe('alt');
    expect(await cli(dir, ['export', 'leads.csv', '--force'])).toMatchObject({ code: 0 });
    expect(readFileSync(join(dir, 'leads.csv'), 'utf8')).toContain('A;Berg');

    const listed = await cli(dir, ['leads', 'list', '--json']);
    expect(JSON.parse(listed.stdout)).toMatchObject({ total: 1 });
  });
});
