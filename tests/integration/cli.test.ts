import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/run';

type Run = { code: number; stdout: string; stderr: string };

let dir: string;
let db: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadwerk-cli-'));
  db = join(dir, 'team.sqlite');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the command line in-process with a temporary config folder and German or English. */
async function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { LEADWERK_HOME: join(dir, 'config'), LANG: 'de_DE.UTF-8', ...env },
  });
  return { code, stdout, stderr };
}

const json = <T>(run: Run): T => {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
};

type Summary = { id: string; stage: string; firstName: string; lastName: string; version: number };
type Detail = {
  lead: Summary & {
    email: string | null;
    phone: string | null;
    company: { name: string } | null;
    createdBy: string | null;
    dealValueCents: number | null;
  };
  history: {
    fromStage: string | null;
    toStage: string;
    reason: string | null;
    changedByName: string | null;
  }[];
};

describe('leadwerk cli', () => {
  it('creates a file, adds, lists, moves and shows a lead', async () => {
    const init = await cli(['--db', db, 'init']);
    expect(init).toMatchObject({ code: 0, stderr: '' });
    expect(init.stdout).toContain('Datenbank angelegt');

    const added = json<Detail>(
      await cli([
        '--db',
        db,
        'leads',
        'add',
        '--first-name',
        'Jürgen',
        '--last-name',
        'Weiß',
        '--company',
        'Weiß Logistik GmbH',
        '--email',
        'j.weiss@weiß-logistik.de',
        '--phone',
        '030 12345678',
        '--source',
        'trade_fair',
        '--json',
        '--user',
        'Jana Becker',
      ]),
    );
    expect(added.lead).toMatchObject({
      firstName: 'Jürgen',
      lastName: 'Weiß',
      email: 'j.weiss@xn--wei-logistik-n9a.de',
      phone: '+493012345678',
      // a reachable contact starts as Lead, not Suspect
      stage: 'lead',
    });
    expect(added.lead.company?.name).toBe('Weiß Logistik GmbH');
    const id = added.lead.id;

    const table = await cli(['--db', db, 'leads', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/ID\s+Name\s+Firma\s+Phase\s+Zuständig\s+Wert/);
    expect(table.stdout).toContain(`${id}  Jürgen Weiß`);
    expect(table.stdout).toContain('1 von 1 Leads');

    const moved = await cli(['--db', db, 'leads', 'move', id, 'MQL', '--user', 'Jana Becker']);
    expect(moved).toMatchObject({ code: 0, stderr: '' });
    expect(moved.stdout).toContain('Jürgen Weiß: Lead → MQL');

    const won = json<Summary>(
      await cli(['--db', db, 'leads', 'move', id, 'Kunde', '--deal-value', '12.500,50', '--json']),
    );
    expect(won.stage).toBe('customer');

    const shown = json<Detail>(await cli(['--db', db, 'leads', 'show', id, '--json']));
    expect(shown.lead.dealValueCents).toBe(1_250_050);
    expect(shown.history.map((h) => h.toStage).sort()).toEqual(['customer', 'lead', 'mql']);
    expect(shown.history.every((h) => h.changedByName === 'Jana Becker')).toBe(true);

    const customers = json<{ total: number; rows: Summary[] }>(
      await cli(['--db', db, 'leads', 'list', '--stage', 'customer', '--json']),
    );
    expect(customers.total).toBe(1);
    expect(customers.rows[0]?.id).toBe(id);
    const mqls = json<{ total: number }>(
      await cli(['--db', db, 'leads', 'list', '--stage', 'mql', '--json']),
    );
    expect(mqls.total).toBe(0);

    const readable = await cli(['--db', db, 'leads', 'show', id]);
    expect(readable.stdout).toContain('Jürgen Weiß');
    expect(readable.stdout).toContain('Lead → MQL');
    expect(readable.stdout).toMatch(/Auftragswert\s+12\.500,50\s€/);
  });

  it('refuses Lead → Lost with the German reason on stderr and exit code 1', async () => {
    await cli(['--db', db, 'init']);
    const { lead } = json<Detail>(
      await cli([
        '--db',
        db,
        'leads',
        'add',
        '--first-name',
        'Anna',
        '--last-name',
        'Petersen',
        '--json',
      ]),
    );
    expect((await cli(['--db', db, 'leads', 'move', lead.id, 'lead'])).code).toBe(0);
    const refused = await cli(['--db', db, 'leads', 'move', lead.id, 'lost', '--reason', 'Preis']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(
      'Nur Leads, die der Vertrieb angenommen hat (SAL, SQL, Opportunity), können verloren gehen.',
    );
    const english = await cli([
      '--db',
      db,
      'leads',
      'move',
      lead.id,
      'disqualified',
      '--lang',
      'en',
    ]);
    expect(english.code).toBe(1);
    expect(english.stderr).toContain('This move needs a reason.');
    expect(english.stderr).toContain('--reason');
    const shown = json<Detail>(await cli(['--db', db, 'leads', 'show', lead.id, '--json']));
    expect(shown.lead.stage).toBe('lead');
  });

  it('answers wrong usage with exit code 2 and the valid choices', async () => {
    await cli(['--db', db, 'init']);
    const stage = await cli(['--db', db, 'leads', 'move', 'x', 'gewonnen']);
    expect(stage.code).toBe(2);
    expect(stage.stderr).toContain('Unbekannte Phase „gewonnen“');
    expect(stage.stderr).toContain(
      'suspect, lead, mql, sal, sql, opportunity, customer, nurture, disqualified, lost',
    );
    const listStage = await cli(['--db', db, 'leads', 'list', '--stage', 'won', '--lang', 'en']);
    expect(listStage.code).toBe(2);
    expect(listStage.stderr).toContain('Unknown stage "won"');
    const source = await cli([
      '--db',
      db,
      'leads',
      'add',
      '--first-name',
      'A',
      '--last-name',
      'B',
      '--source',
      'fax',
    ]);
    expect(source.code).toBe(2);
    expect(source.stderr).toContain('comparison_portal');
    expect((await cli(['--db', db, 'frobnicate'])).code).toBe(2);
    expect((await cli(['--db', db, 'leads', 'list', '--colour', 'red'])).code).toBe(2);
    expect((await cli(['--db', db, 'leads', 'show'])).stderr).toContain('Es fehlt: ID');
    expect((await cli(['leads', 'list'])).stderr).toContain('--db');
    expect((await cli(['--db', db, 'leads', 'add', '--last-name', 'B'])).code).toBe(2);
    expect((await cli(['--db', db, 'demo', '--count', '60000'])).code).toBe(2);
    expect(
      (await cli(['--db', db, 'leads', 'move', 'x', 'customer', '--deal-value', 'viel'])).code,
    ).toBe(2);
    expect((await cli(['--db', db, 'init', '--stage', 'mql'])).code).toBe(2);
    expect((await cli([])).code).toBe(2);
    const lang = await cli(['--db', db, 'leads', 'list', '--lang', 'fr']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('Unbekannte Sprache „fr“');
    const list = json<{ total: number }>(await cli(['--db', db, 'leads', 'list', '--json']));
    expect(list.total).toBe(0);
  });

  it('reports failures with exit code 1 and the message in the user language', async () => {
    const missing = await cli(['--db', db, 'leads', 'list']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Die Datei „team.sqlite“ gibt es nicht.');
    await cli(['--db', db, 'init']);
    const again = await cli(['--db', db, 'init'], { LANG: 'en_GB.UTF-8' });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    const unknown = await cli(['--db', db, 'leads', 'show', 'no-such-id', '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('nicht gefunden');
    const badEmail = await cli([
      '--db',
      db,
      'leads',
      'add',
      '--first-name',
      'A',
      '--last-name',
      'B',
      '--email',
      'kein-at',
    ]);
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toContain('--email: Keine gültige E-Mail-Adresse');
  });

  it('prints help in German or English with exit code 0', async () => {
    const de = await cli(['--help']);
    expect(de.code).toBe(0);
    expect(de.stdout).toContain('Aufruf: npm run cli -- --db DATEI');
    const en = await cli(['leads', '-h'], { LANG: 'C' });
    expect(en.stdout).toContain('Usage: npm run cli -- --db FILE');
  });

  it('creates a demo file and adds demo leads to an existing one', async () => {
    const created = json<{ created: number; total: number }>(
      await cli(['--db', db, 'demo', '--count', '40', '--json']),
    );
    expect(created).toMatchObject({ created: 43, total: 43 });
    const added = json<{ created: number; total: number }>(
      await cli(['--db', db, 'demo', '--count', '10', '--json']),
    );
    expect(added).toMatchObject({ created: 10, total: 53 });
    const sal = json<{ rows: Summary[] }>(
      await cli(['--db', db, 'leads', 'list', '--stage', 'SAL', '--json']),
    );
    expect(sal.rows.map((r) => r.lastName)).toEqual(
      expect.arrayContaining(['Anders', 'Teichmann']),
    );
  });

  it('acts as LEADWERK_USER, else the remembered user, creating it once', async () => {
    await cli(['--db', db, 'init']);
    const { lead } = json<Detail>(
      await cli(['--db', db, 'leads', 'add', '--first-name', 'A', '--last-name', 'B', '--json'], {
        LEADWERK_USER: 'Tobias Krüger',
      }),
    );
    await cli(['--db', db, 'leads', 'move', lead.id, 'mql']);
    const shown = json<Detail>(await cli(['--db', db, 'leads', 'show', lead.id, '--json']));
    expect(shown.history.map((h) => h.changedByName)).toEqual(['Tobias Krüger', 'Tobias Krüger']);
  });
});
