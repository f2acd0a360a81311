import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeEmail, normalizePhone } from '@core/text/normalize';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../src/main/db/connection';
import { seedDemoData } from '../../src/main/demo/seed';

const NOW = Date.UTC(2026, 10, 20, 9, 30);

let dir: string;
let open: OpenDatabase;
let counter = 0;
const newId = () => `id-${String(++counter).padStart(8, '0')}`;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'leadwerk-demo-'));
  open = await openDatabase(join(dir, 'demo.leadwerk'), 'create', {
    busyTimeoutMs: 1000,
    now: () => NOW,
  });
});

afterEach(async () => {
  await open.close();
  rmSync(dir, { recursive: true, force: true });
});

const seed = (count: number, seedValue = 1) =>
  open.db
    .transaction()
    .execute((trx) => seedDemoData(trx, { count, seed: seedValue, now: NOW, newId }));

describe('seedDemoData on a real file', () => {
  it('inserts the team, campaigns, the three worked examples and the generated leads', async () => {
    const { created } = await seed(300);
    expect(created).toBe(303);
    const { n } = await open.db
      .selectFrom('leads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(n).toBe(303);
    const users = await open.db.selectFrom('users').select(['name', 'initials']).execute();
    expect(users).toContainEqual({ name: 'Jana Becker', initials: 'JB' });
    expect(users.length).toBeGreaterThanOrEqual(4);
    const campaigns = (await open.db.selectFrom('campaigns').select('name').execute()).map(
      (c) => c.name,
    );
    expect(campaigns).toEqual(
      expect.arrayContaining([
        'Messe LogiMAT 2026',
        'Webinar Cloud-Sicherheit',
        'Newsletter Herbst 2026',
        'Whitepaper Cloudlösungen im Mittelstand',
        'Vergleichsportal Strom',
      ]),
    );
    expect(open.raw.pragma('foreign_key_check')).toEqual([]);
    const stages = await open.db.selectFrom('leads').select('stage').distinct().execute();
    expect(stages).toHaveLength(10);
    const contacts = await open.db
      .selectFrom('leads')
      .select(['email', 'phone', 'mobile'])
      .execute();
    for (const { email, phone, mobile } of contacts) {
      if (email !== null) expect(normalizeEmail(email)).toBe(email);
      for (const number of [phone, mobile]) {
        if (number !== null) expect(normalizePhone(number)).toBe(number);
      }
    }
  });

  it('contains Frau Petersen, Herr Anders and Frau Teichmann as in the domain README', async () => {
    await seed(20);
    const examples = await open.db
      .selectFrom('leads')
      .leftJoin('companies', 'companies.id', 'leads.company_id')
      .leftJoin('campaigns', 'campaigns.id', 'leads.campaign_id')
      .select([
        'leads.salutation',
        'leads.last_name',
        'leads.buying_role',
        'leads.job_title',
        'leads.stage',
        'leads.source_channel',
        'leads.notes',
        'companies.name as company',
        'companies.branches',
        'campaigns.name as campaign',
      ])
      .where('leads.last_name', 'in', ['Petersen', 'Anders', 'Teichmann'])
      .where('leads.email', 'is not', null)
      .orderBy('leads.created_at')
      .execute();
    const byName = new Map(examples.map((e) => [e.last_name, e]));
    expect(byName.get('Petersen')).toMatchObject({
      salutation: 'frau',
      company: 'Schick und Schmuck',
      branches: 7,
      buying_role: 'assistant',
      stage: 'mql',
      source_channel: 'content_download',
    });
    expect(byName.get('Petersen')?.notes).toMatch(/Telefonanlage/);
    expect(byName.get('Anders')).toMatchObject({
      salutation: 'herr',
      source_channel: 'comparison_portal',
      campaign: 'Vergleichsportal Strom',
    });
    expect(byName.get('Anders')?.notes).toMatch(/Happy Current/);
    expect(byName.get('Anders')?.notes).toMatch(/Verfügbarkeitscheck/);
    expect(byName.get('Teichmann')).toMatchObject({
      salutation: 'frau',
      job_title: 'Head of IT',
      company: 'Fröhlich Holidays',
      buying_role: 'decision_maker',
      stage: 'sal',
      campaign: 'Whitepaper Cloudlösungen im Mittelstand',
    });
    const teichmann = await open.db
      .selectFrom('lead_stage_changes')
      .innerJoin('leads', 'leads.id', 'lead_stage_changes.lead_id')
      .select(['from_stage', 'to_stage'])
      .where('leads.last_name', '=', 'Teichmann')
      .where('leads.email', '=', 'c.teichmann@froehlich-holidays.de')
      .orderBy('changed_at')
      .execute();
    expect(teichmann.map((c) => c.to_stage)).toEqual(['lead', 'mql', 'sal']);
  });

  it('reuses the team, campaigns, examples and companies when run again on a filled file', async () => {
    await seed(200, 1);
    const count = async (table: 'users' | 'campaigns' | 'companies' | 'leads') =>
      (
        await open.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = { users: await count('users'), campaigns: await count('campaigns') };
    const companies = await count('companies');
    const { created } = await seed(200, 1);
    expect(created).toBe(200);
    expect(await count('leads')).toBe(403);
    expect(await count('users')).toBe(before.users);
    expect(await count('campaigns')).toBe(before.campaigns);
    expect(await count('companies')).toBe(companies);
  });

  it('writes the same rows for the same seed into another file', async () => {
    const snapshot = async (db: OpenDatabase['db']) => ({
      leads: await db.selectFrom('leads').selectAll().orderBy('id').execute(),
      changes: await db.selectFrom('lead_stage_changes').selectAll().orderBy('id').execute(),
      activities: await db.selectFrom('lead_activities').selectAll().orderBy('id').execute(),
    });
    counter = 0;
    await seed(150, 42);
    const other = await openDatabase(join(dir, 'other.leadwerk'), 'create', {
      busyTimeoutMs: 1000,
      now: () => NOW,
    });
    try {
      counter = 0;
      await other.db
        .transaction()
        .execute((trx) => seedDemoData(trx, { count: 150, seed: 42, now: NOW, newId }));
      const [first, second] = [await snapshot(open.db), await snapshot(other.db)];
      expect(second.leads).toHaveLength(153);
      expect(second).toEqual(first);
    } finally {
      await other.close();
    }
  });

  it('brings new people when generating again without a seed', async () => {
    const names = async () =>
      (
        await open.db
          .selectFrom('leads')
          .select(['first_name', 'last_name', 'email'])
          .orderBy('created_at')
          .execute()
      ).map((l) => `${l.first_name} ${l.last_name} ${l.email}`);
    await open.db
      .transaction()
      .execute((trx) => seedDemoData(trx, { count: 100, now: NOW, newId }));
    const first = new Set(await names());
    await open.db
      .transaction()
      .execute((trx) => seedDemoData(trx, { count: 100, now: NOW, newId }));
    const added = (await names()).filter((n) => !first.has(n));
    expect(added.length).toBeGreaterThan(90);
  });
});
