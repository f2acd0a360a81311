import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/run';

type Run = { code: number; stdout: string; stderr: string };

/** The CLI's clock in these tests: 2026-11-20 09:30 UTC. */
const NOW = Date.UTC(2026, 10, 20, 9, 30);

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
    now: () => NOW,
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
    expect(table.stdout).toMatch(/ID\s+Name\s+Firma\s+Phase\s+Score\s+Zuständig\s+Wert/);
    // company 5, phone 15, email on the company's domain 5: below warm
    expect(table.stdout).toMatch(/Lead\s+25 kalt\s+Jana Becker/);
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
    expect((await cli(['--db', db, 'leads', 'add', '--first-name', 'A'])).code).toBe(2);
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

  it('adds a lead with job title and buying role, and shows its score in words', async () => {
    await cli(['--db', db, 'init']);
    const base = ['--db', db, 'leads', 'add', '--first-name', 'Jana', '--last-name', 'Roth'];
    const badRole = await cli([...base, '--role', 'chefin']);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('Unbekannte Rolle „chefin“');
    expect(badRole.stderr).toContain('decision-maker, influencer, user, assistant');
    const { lead } = json<Detail & { lead: { jobTitle: string; buyingRole: string } }>(
      await cli([
        ...base,
        '--company',
        'Roth Logistik GmbH',
        '--email',
        'jana.roth@roth-logistik.de',
        '--phone',
        '030 1234567',
        '--job-title',
        'Geschäftsführerin',
        '--role',
        'decision-maker',
        '--json',
      ]),
    );
    expect(lead).toMatchObject({ jobTitle: 'Geschäftsführerin', buyingRole: 'decision_maker' });

    type Shown = {
      score: {
        fit: number;
        engagement: number;
        total: number;
        temperature: string;
        contributions: { ruleId: string; value: number }[];
      };
    };
    const shown = json<Shown>(await cli(['--db', db, 'leads', 'show', lead.id, '--json']));
    // job title 5, phone 15, company 5, decision maker 15, company email 5
    expect(shown.score).toMatchObject({ fit: 45, engagement: 0, total: 45, temperature: 'warm' });
    expect(shown.score.contributions.map((c) => c.ruleId)).toEqual(
      expect.arrayContaining(['fit.job_title', 'fit.phone', 'fit.role.decision_maker']),
    );
    const readable = await cli(['--db', db, 'leads', 'show', lead.id]);
    expect(readable.stdout).toContain('Score 45 (Passung 45, Engagement 0) – warm');
    expect(readable.stdout).toMatch(/\+5 {2}Berufsbezeichnung angegeben/);
    expect(readable.stdout).toMatch(/\+15 {2}Rolle im Buying Center: Entscheider/);
    const english = await cli(['--db', db, 'leads', 'show', lead.id, '--lang', 'en']);
    expect(english.stdout).toContain('Score 45 (Fit 45, Engagement 0) – warm');
  });

  it('logs activities of the new kinds and prints the new score', async () => {
    await cli(['--db', db, 'init']);
    const { lead } = json<Detail>(
      await cli([
        '--db',
        db,
        'leads',
        'add',
        '--first-name',
        'Jana',
        '--last-name',
        'Roth',
        '--email',
        'jana.roth@roth-logistik.de',
        '--phone',
        '030 1234567',
        '--company',
        'Roth Logistik GmbH',
        '--job-title',
        'Geschäftsführerin',
        '--role',
        'decision-maker',
        '--json',
      ]),
    );
    const add = (...args: string[]) => cli(['--db', db, 'activities', 'add', lead.id, ...args]);

    const visit = await add(
      '--kind',
      'page-visit',
      '--url',
      'https://example.de/preise',
      '--at',
      '2026-11-20T08:00Z',
    );
    expect(visit).toMatchObject({ code: 0, stderr: '' });
    expect(visit.stdout).toContain('Seite besucht erfasst für Jana Roth');
    // 45 fit + 20 for the pricing page, an hour and a half ago
    expect(visit.stdout).toContain('Score 65 (Passung 45, Engagement 20) – warm');
    expect(visit.stdout).toContain('Jana Roth ist jetzt in der Phase MQL.');

    type Added = {
      activity: { kind: string; occurredAt: number; topic: string | null; text: string };
      stage: string;
      score: { total: number; engagement: number; temperature: string };
    };
    const opened = json<Added>(
      await add(
        '--kind',
        'newsletter_opened',
        '--at',
        '2026-10-21T09:30:00Z',
        '--topic',
        'Cloud',
        '--json',
      ),
    );
    expect(opened.activity).toMatchObject({ kind: 'newsletter_opened', topic: 'Cloud', text: '' });
    expect(opened.activity.occurredAt).toBe(Date.UTC(2026, 9, 21, 9, 30));
    // 2 points, 30 days old: halved to 1
    expect(opened.score).toMatchObject({ total: 66, engagement: 21, temperature: 'warm' });
    expect(opened.stage).toBe('mql');
    const now = json<Added>(await add('--kind', 'call', '--text', 'Rückruf vereinbart', '--json'));
    expect(now.activity.occurredAt).toBe(NOW);
    expect(now.score.total).toBe(71);
    expect(now.score.temperature).toBe('hot');

    const kind = await add('--kind', 'fax');
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('Unbekannte Aktivitätsart „fax“');
    expect(kind.stderr).toContain('page-visit');
    const noKind = await add('--text', 'x');
    expect(noKind.code).toBe(2);
    expect(noKind.stderr).toContain('Es fehlt die Option --kind.');
    const badDay = await add('--kind', 'social', '--at', '2026-02-30');
    expect(badDay.code).toBe(2);
    expect(badDay.stderr).toContain('Ungültiges Datum „2026-02-30“');
    const notIso = await add('--kind', 'social', '--at', '20.11.2026', '--lang', 'en');
    expect(notIso.code).toBe(2);
    expect(notIso.stderr).toContain('Invalid date "20.11.2026"');
    const hour = await add('--kind', 'social', '--at', '2026-11-19T25:00');
    expect(hour.code).toBe(2);
    expect(hour.stderr).toContain('Ungültiges Datum „2026-11-19T25:00“');
    const zoned = json<Added>(
      await add('--kind', 'social', '--at', '2026-11-20T08:00+01:00', '--json'),
    );
    expect(zoned.activity.occurredAt).toBe(Date.UTC(2026, 10, 20, 7, 0));
    // a plain date is the start of that day on this machine
    const day = json<Added>(await add('--kind', 'social', '--at', '2026-11-18', '--json'));
    expect(day.activity.occurredAt).toBe(new Date(2026, 10, 18).getTime());
    const future = await add('--kind', 'social', '--at', '2026-12-24');
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('liegt in der Zukunft');
    const noText = await add('--kind', 'meeting');
    expect(noText.code).toBe(1);
    expect(noText.stderr).toContain('--text: ');
    const noContent = await add('--kind', 'download', '--content', 'Gibt es nicht');
    expect(noContent.code).toBe(2);
    expect(noContent.stderr).toContain('Keinen Inhalt „Gibt es nicht“ gefunden');
    const missing = await cli(['--db', db, 'activities', 'add', 'no-such-id', '--kind', 'social']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nicht gefunden');

    const shown = json<{ activities: { kind: string }[] }>(
      await cli(['--db', db, 'leads', 'show', lead.id, '--json']),
    );
    // the bad input left nothing behind
    expect(shown.activities.map((a) => a.kind).sort()).toEqual([
      'call',
      'newsletter_opened',
      'page_visit',
      'social',
      'social',
    ]);
  });

  it('lists the content library, logs a download of it and recomputes all scores', async () => {
    await cli(['--db', db, 'demo', '--count', '20']);
    const table = await cli(['--db', db, 'content', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/ID\s+Name\s+Typ\s+Thema\s+Kaufphase\s+Zielgruppe/);
    expect(table.stdout).toMatch(
      /Cloudlösungen im Mittelstand\s+Whitepaper\s+Cloud\s+Aufmerksamkeit/,
    );
    const items = json<{ id: string; name: string; type: string }[]>(
      await cli(['--db', db, 'content', 'list', '--json']),
    );
    expect(items.length).toBeGreaterThanOrEqual(14);
    const priceList = items.find((i) => i.type === 'price_list');
    expect(priceList).toBeDefined();

    const { rows } = json<{ rows: Summary[] }>(
      await cli(['--db', db, 'leads', 'list', '--stage', 'mql', '--json']),
    );
    const petersen = rows.find((r) => r.lastName === 'Petersen');
    expect(petersen).toBeDefined();
    const download = await cli([
      '--db',
      db,
      'activities',
      'add',
      petersen!.id,
      '--kind',
      'download',
      '--content',
      priceList!.id,
      '--json',
    ]);
    const added = json<{ activity: { contentName: string }; score: { total: number } }>(download);
    expect(added.activity.contentName).toBe(priceList!.name);
    const byName = json<{ activity: { contentId: string } }>(
      await cli([
        '--db',
        db,
        'activities',
        'add',
        petersen!.id,
        '--kind',
        'download',
        '--content',
        'cloudlösungen im mittelstand',
        '--json',
      ]),
    );
    expect(byName.activity.contentId).toBe(
      items.find((i) => i.type === 'whitepaper' && i.name === 'Cloudlösungen im Mittelstand')?.id,
    );
    const readable = await cli(['--db', db, 'leads', 'show', petersen!.id]);
    expect(readable.stdout).toContain(`Download: Preisliste  (20.11.2026, „${priceList!.name}“)`);

    const recompute = await cli(['--db', db, 'scoring', 'recompute']);
    expect(recompute).toMatchObject({ code: 0, stderr: '' });
    expect(recompute.stdout).toContain('23 Leads bewertet, bei 0 hat sich der Score geändert');
    const again = json<{ leads: number; changed: number; promoted: number }>(
      await cli(['--db', db, 'scoring', 'recompute', '--json']),
    );
    expect(again).toEqual({ leads: 23, changed: 0, promoted: 0 });
    expect((await cli(['--db', db, 'scoring', 'frobnicate'])).code).toBe(2);
    expect((await cli(['--db', db, 'content'])).stderr).toContain('Es fehlt: list');
  });

  it('explains the new commands in the help', async () => {
    const help = await cli(['--help']);
    expect(help.stdout).toContain('activities add ID --kind ART');
    expect(help.stdout).toContain('scoring recompute');
    expect(help.stdout).toContain('content list');
    expect(help.stdout).toContain('Rollen: decision-maker, influencer, user, assistant');
    expect(help.stdout).toContain('page-visit');
  });
});
