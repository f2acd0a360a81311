import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTIVITY_KINDS, type LeadDetail } from '@core/domain/lead';
import { translateKeyOf } from '@core/i18n';
import {
  CONTENT_TYPES,
  createScorer,
  DEFAULT_SCORING_SETTINGS,
  type ContentItem,
  type ScoringActivity,
  type ScoringLead,
} from '@core/scoring';
import { normalizeEmail, normalizePhone } from '@core/text/normalize';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalConfigStore } from '../../src/main/config/local-config';
import { openDatabase, type OpenDatabase } from '../../src/main/db/connection';
import { seedDemoData } from '../../src/main/demo/seed';
import { consoleLogger } from '../../src/main/log';
import type { AppContext } from '../../src/main/services/context';
import { recomputeFile } from '../../src/main/services/scoring-service';
import { rawConnection, testApp } from './harness';

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

/** The services' context for a file that is not opened through the app (no windows). */
function contextFor(file: OpenDatabase): AppContext {
  return {
    host: { kind: 'test', emit() {} },
    log: consoleLogger,
    configDir: join(dir, 'config'),
    config: new LocalConfigStore(join(dir, 'config')),
    now: () => NOW,
    newId,
    busyTimeoutMs: 1000,
    fallbackLanguage: 'de',
    session: file,
  };
}

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

  it('adds the content library of all eight types and tracked activities that use it', async () => {
    await seed(300);
    const items = await open.db.selectFrom('content_items').selectAll().execute();
    expect(items.length).toBeGreaterThanOrEqual(14);
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(CONTENT_TYPES));
    expect(new Set(items.map((i) => i.phase))).toEqual(
      new Set(['awareness', 'consideration', 'evaluation', 'purchase']),
    );
    expect(items.map((i) => [i.name, i.type, i.topic])).toEqual(
      expect.arrayContaining([
        ['Telefonanlagen im Einzelhandel', 'ebook', 'Telefonanlagen'],
        ['Cloudlösungen im Mittelstand', 'whitepaper', 'Cloud'],
      ]),
    );
    const kinds = await open.db
      .selectFrom('lead_activities')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('kind')
      .execute();
    // every kind occurs, the tracked ones included; `imported` only comes from an import
    expect(kinds.map((k) => k.kind).sort()).toEqual(
      ACTIVITY_KINDS.filter((kind) => kind !== 'imported').sort(),
    );
    const downloads = await open.db
      .selectFrom('lead_activities')
      .leftJoin('content_items', 'content_items.id', 'lead_activities.content_id')
      .select(['lead_activities.kind', 'content_items.type'])
      .where('lead_activities.kind', 'in', ['download', 'webinar_registered', 'webinar_attended'])
      .execute();
    for (const d of downloads) {
      expect(d.type).not.toBeNull();
      expect(d.type === 'webinar').toBe(d.kind !== 'download');
    }
    const bant = await open.db
      .selectFrom('lead_bant')
      .innerJoin('leads', 'leads.id', 'lead_bant.lead_id')
      .select(['leads.stage', 'lead_bant.need', 'lead_bant.timing', 'lead_bant.budget_status'])
      .execute();
    expect(
      bant.filter((b) => b.stage === 'sql' || b.stage === 'opportunity').length,
    ).toBeGreaterThan(5);
    expect(bant.every((b) => b.timing === null || /^\d{4}-\d{2}$/.test(b.timing))).toBe(true);
    expect(open.raw.pragma('foreign_key_check')).toEqual([]);
  });

  it('reuses the team, campaigns, examples and companies when run again on a filled file', async () => {
    await seed(200, 1);
    const count = async (table: 'users' | 'campaigns' | 'companies' | 'leads' | 'content_items') =>
      (
        await open.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = {
      users: await count('users'),
      campaigns: await count('campaigns'),
      content: await count('content_items'),
    };
    const companies = await count('companies');
    const { created } = await seed(200, 1);
    expect(created).toBe(200);
    expect(await count('leads')).toBe(403);
    expect(await count('users')).toBe(before.users);
    expect(await count('campaigns')).toBe(before.campaigns);
    expect(await count('content_items')).toBe(before.content);
    expect(await count('companies')).toBe(companies);
  });

  it('writes the same rows and scores for the same seed and clock into another file', async () => {
    const snapshot = async (db: OpenDatabase['db']) => ({
      leads: await db.selectFrom('leads').selectAll().orderBy('id').execute(),
      changes: await db.selectFrom('lead_stage_changes').selectAll().orderBy('id').execute(),
      activities: await db.selectFrom('lead_activities').selectAll().orderBy('id').execute(),
      bant: await db.selectFrom('lead_bant').selectAll().orderBy('lead_id').execute(),
      content: await db.selectFrom('content_items').selectAll().orderBy('id').execute(),
    });
    const seedAndScore = async (file: OpenDatabase) => {
      counter = 0;
      await file.db
        .transaction()
        .execute((trx) => seedDemoData(trx, { count: 150, seed: 42, now: NOW, newId }));
      return recomputeFile(contextFor(file), file);
    };
    const scored = await seedAndScore(open);
    expect(scored).toMatchObject({ leads: 153, changed: 153 });
    const other = await openDatabase(join(dir, 'other.leadwerk'), 'create', {
      busyTimeoutMs: 1000,
      now: () => NOW,
    });
    try {
      expect(await seedAndScore(other)).toEqual(scored);
      const [first, second] = [await snapshot(open.db), await snapshot(other.db)];
      expect(second.leads).toHaveLength(153);
      expect(second.leads.every((l) => l.scored_at === NOW)).toBe(true);
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

/** The scorer's view of a lead as `leads.get` and `content.list` give it. */
function scoringInput(
  detail: LeadDetail,
  content: readonly ContentItem[],
): { lead: ScoringLead; activities: ScoringActivity[] } {
  const items = new Map(content.map((item) => [item.id, item]));
  const { lead } = detail;
  return {
    lead: {
      jobTitle: lead.jobTitle,
      phone: lead.phone,
      mobile: lead.mobile,
      email: lead.email,
      buyingRole: lead.buyingRole,
      sourceChannel: lead.sourceChannel,
      companyName: lead.company?.name ?? null,
      industry: lead.company?.industry ?? null,
      employees: lead.company?.employees ?? null,
      bant: detail.bant,
    },
    activities: detail.activities.map((a) => {
      const item = a.contentId === null ? undefined : items.get(a.contentId);
      return {
        id: a.id,
        kind: a.kind,
        occurredAt: a.occurredAt,
        contentId: a.contentId,
        contentType: item?.type ?? null,
        contentName: a.contentName,
        topic: a.topic ?? item?.topic ?? null,
        url: a.url,
      };
    }),
  };
}

describe('the demo file, scored', () => {
  async function demo() {
    const t = testApp();
    const path = join(dir, 'scored.sqlite');
    await t.call('database.openDemo', { path, count: 40 });
    await t.call('users.create', { name: 'Erika Muster' });
    const example = async (search: string, email: string) => {
      const { rows } = await t.call('leads.list', { filters: { search } });
      const row = rows.find((r) => r.email === email);
      if (row === undefined) throw new Error(`no worked example ${email}`);
      return { row, detail: await t.call('leads.get', { id: row.id }) };
    };
    const unscored = () =>
      rawConnection(path, { readonly: true })
        .prepare('SELECT COUNT(*) AS n FROM leads WHERE scored_at IS NULL')
        .get() as { n: number };
    return { t, example, unscored };
  }

  it('stores a score for every lead, also for leads generated later', async () => {
    const { t, unscored } = await demo();
    expect(unscored().n).toBe(0);
    const { rows } = await t.call('leads.list', { filters: {}, sort: 'score', limit: 5 });
    expect(rows[0]?.scoreTotal).toBeGreaterThan(60);
    await t.call('demo.generate', { count: 25 });
    expect(unscored().n).toBe(0);
    expect((await t.call('leads.list', { filters: {}, limit: 1 })).total).toBe(68);
  });

  it('lets Frau Teichmann cross the MQL threshold with the whitepaper download', async () => {
    const { t, example } = await demo();
    const { row, detail } = await example('Teichmann', 'c.teichmann@froehlich-holidays.de');
    const content = await t.call('content.list', { includeArchived: true });
    const { lead, activities } = scoringInput(detail, content);
    const now = t.clock.now;
    const scorer = createScorer(DEFAULT_SCORING_SETTINGS);
    // the test's view of the lead gives the stored score: the comparison below is fair
    expect(scorer.score(lead, activities, now).total).toBe(detail.score.total);
    // the score stored by the demo's recompute, as the board shows it
    expect(row.scoreTotal).toBe(detail.score.total);
    expect(row.scoreTotal).toBeGreaterThanOrEqual(DEFAULT_SCORING_SETTINGS.thresholds.mql);
    const download = detail.activities.find((a) => a.kind === 'download');
    expect(download?.contentName).toBe('Cloudlösungen im Mittelstand');
    const before = activities.filter((a) => a.id !== download?.id);
    expect(scorer.score(lead, before, now).total).toBeLessThan(
      DEFAULT_SCORING_SETTINGS.thresholds.mql,
    );
    expect(detail.activities.map((a) => a.kind)).toEqual(
      expect.arrayContaining(['newsletter_opened', 'newsletter_clicked', 'social', 'download']),
    );
    // handed to sales after the download
    const sal = detail.history.find((h) => h.toStage === 'sal');
    expect(sal?.changedAt).toBeGreaterThan(download?.occurredAt ?? Infinity);
    expect(detail.gates.handover).toEqual([]);
  });

  it('rates Herr Anders hot from his registration answers, without any call', async () => {
    const { example } = await demo();
    const { row, detail } = await example('Anders', 'peter.anders@posteo.de');
    expect(row.temperature).toBe('hot');
    expect(detail.activities.some((a) => a.kind === 'call' || a.kind === 'meeting')).toBe(false);
    expect(detail.score.temperature).toBe('hot');
    expect(detail.score.temperatureBasis).toBe('bant');
    expect(detail.bant).toMatchObject({
      need: 'confirmed',
      authority: 'decides',
      budgetStatus: 'amount',
      budgetCents: 145_000,
    });
    expect(detail.score.contributions).toContainEqual(
      expect.objectContaining({ ruleId: 'eng.pricing_page', capped: false }),
    );
    expect(detail.gates.bant).toEqual([]);
  });

  it('refuses Frau Petersen as SQL while the decider is unknown', async () => {
    const { t, example } = await demo();
    const { detail } = await example('Petersen', 'anna.petersen@schick-und-schmuck.de');
    expect(detail.lead.stage).toBe('mql');
    expect(detail.bant).toMatchObject({ need: 'confirmed', authority: 'none', deciderName: null });
    expect(detail.gates.bant).toContain('authority');
    const error = await t.fail('leads.move', {
      id: detail.lead.id,
      version: detail.lead.version,
      to: 'sql',
    });
    expect(error.code).toBe('MOVE_REFUSED');
    expect(translateKeyOf('de', error.key, error.params ?? {})).toContain('Entscheidungsbefugnis');
    const after = await t.call('leads.get', { id: detail.lead.id });
    expect(after.lead.stage).toBe('mql');
  });
});
