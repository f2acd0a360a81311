import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SCORING_SETTINGS, type ScoringSettings } from '@core/scoring';
import { m0001Initial } from '../../src/main/db/migrations/0001-initial';
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations';
import { RECOMPUTE_CHUNK } from '../../src/main/services/scoring-service';
import {
  appWithDatabase,
  company,
  createContent,
  createLead,
  DAY,
  rawConnection,
  T0,
  tempDir,
  testApp,
  type TestApp,
} from './harness';

/** Points of a default rule, so expectations follow the model rather than magic numbers. */
function points(ruleId: string): number {
  const rule = DEFAULT_SCORING_SETTINGS.rules.find((r) => r.id === ruleId);
  if (rule === undefined) throw new Error(`no default rule ${ruleId}`);
  return rule.points;
}

/** Frau Teichmann's explicit data: job title, direct line, company, decision maker, company mail. */
const TEICHMANN_FIT =
  points('fit.job_title') +
  points('fit.phone') +
  points('fit.company') +
  points('fit.role.decision_maker') +
  points('fit.company_email');

async function teichmann(t: TestApp) {
  return createLead(t, {
    salutation: 'frau',
    firstName: 'Petra',
    lastName: 'Teichmann',
    email: 'p.teichmann@froehlich-holidays.de',
    phone: '069 1234567',
    jobTitle: 'Head of IT',
    buyingRole: 'decision_maker',
    company: company('Fröhlich Holidays'),
    sourceChannel: 'newsletter',
  });
}

/** Reads the newsletter and likes a post: engaged, but below the MQL threshold. */
async function warmUp(t: TestApp, leadId: string, at = T0) {
  await t.call('activities.add', { leadId, kind: 'newsletter_opened', occurredAt: at });
  await t.call('activities.add', { leadId, kind: 'social', occurredAt: at });
  return points('eng.newsletter_opened') + points('eng.social');
}

async function whitepaper(t: TestApp) {
  return createContent(t, {
    name: 'Cloudlösungen im Mittelstand',
    type: 'whitepaper',
    topic: 'Cloud',
  });
}

async function saveSettings(t: TestApp, change: (s: ScoringSettings) => ScoringSettings) {
  const state = await t.call('scoring.get', {});
  return t.call('scoring.save', { settings: change(state.settings), basedOn: state.updatedAt });
}

function storedScores(path: string) {
  const raw = rawConnection(path, { readonly: true });
  const rows = raw
    .prepare(
      `SELECT id, score_fit, score_engagement, score_total, temperature, score_delta_7d, mql_ready,
              scored_at, version, updated_at FROM leads ORDER BY id`,
    )
    .all() as {
    id: string;
    score_fit: number;
    score_engagement: number;
    score_total: number;
    temperature: string;
    score_delta_7d: number;
    mql_ready: number;
    scored_at: number | null;
    version: number;
    updated_at: number;
  }[];
  raw.close();
  return rows;
}

function forgetScores(path: string) {
  const raw = rawConnection(path);
  raw
    .prepare(
      `UPDATE leads SET score_fit = 0, score_engagement = 0, score_total = 0,
              temperature = 'cold', score_delta_7d = 0, scored_at = NULL`,
    )
    .run();
  raw.close();
}

describe('stored scores', () => {
  it('scores a lead on capture and on every activity, with the explanation on the detail', async () => {
    const t = await appWithDatabase();
    const lead = await teichmann(t);
    const engagement = await warmUp(t, lead.id);
    const detail = await t.call('leads.get', { id: lead.id });
    expect(detail.score).toMatchObject({
      fit: TEICHMANN_FIT,
      engagement,
      total: TEICHMANN_FIT + engagement,
      temperature: 'warm',
      delta7d: engagement,
      mqlReady: false,
    });
    const sum = detail.score.contributions.reduce((acc, c) => acc + c.value, 0);
    expect(sum).toBe(detail.score.total);
    const [row] = (await t.call('leads.list', { filters: {} })).rows;
    expect(row).toMatchObject({
      scoreFit: TEICHMANN_FIT,
      scoreEngagement: engagement,
      scoreTotal: TEICHMANN_FIT + engagement,
      temperature: 'warm',
      scoreDelta7d: engagement,
      mqlReady: false,
    });
  });

  it('recomputes all leads, changes nothing the second time, and decays with time without bumping versions', async () => {
    const t = await appWithDatabase();
    const petra = await teichmann(t);
    const engagement = await warmUp(t, petra.id);
    const jan = await createLead(t, { firstName: 'Jan', lastName: 'Anders', phone: '030 1234567' });
    const before = storedScores(t.path);
    forgetScores(t.path);

    const first = await t.call('scoring.recompute', {});
    expect(first).toEqual({ leads: 2, changed: 2, promoted: 0 });
    const after = storedScores(t.path);
    expect(after).toEqual(before);
    const petraRow = after.find((r) => r.id === petra.id)!;
    expect(petraRow).toMatchObject({
      score_fit: TEICHMANN_FIT,
      score_engagement: engagement,
      score_total: TEICHMANN_FIT + engagement,
      temperature: 'warm',
      scored_at: T0,
      version: 1,
    });
    expect(after.find((r) => r.id === jan.id)).toMatchObject({
      score_fit: points('fit.phone'),
      score_engagement: 0,
      temperature: 'cold',
    });
    expect(t.events.at(-1)).toEqual({ event: 'leads.changed', payload: { ids: [] } });

    expect(await t.call('scoring.recompute', {})).toEqual({ leads: 2, changed: 0, promoted: 0 });

    t.clock.now = T0 + 60 * DAY;
    const decayed = await t.call('scoring.recompute', {});
    expect(decayed.changed).toBeGreaterThan(0);
    const later = storedScores(t.path).find((r) => r.id === petra.id)!;
    expect(later.score_engagement).toBeLessThan(engagement);
    expect(later.score_fit).toBe(TEICHMANN_FIT);
    expect(later.score_delta_7d).toBeLessThanOrEqual(0);
    expect(later).toMatchObject({ version: 1, updated_at: T0, scored_at: T0 + 60 * DAY });
    const detail = await t.call('leads.get', { id: petra.id });
    expect(detail.score.engagement).toBe(later.score_engagement);
    expect(detail.lead.version).toBe(1);
  });

  it('filters by temperature and by a score that rose in the last 7 days', async () => {
    const t = await appWithDatabase();
    const recent = await teichmann(t);
    await warmUp(t, recent.id);
    const old = await createLead(t, { firstName: 'Jan', lastName: 'Anders', phone: '030 1234567' });
    await t.call('activities.add', {
      leadId: old.id,
      kind: 'form_submitted',
      occurredAt: T0 - 30 * DAY,
    });
    const quiet = await createLead(t, { firstName: 'Eva', lastName: 'Klein' });
    const ids = async (filters: object) =>
      (await t.call('leads.list', { filters, sort: 'name', direction: 'asc' })).rows.map(
        (r) => r.id,
      );
    expect(await ids({ scoreRose: true })).toEqual([recent.id]);
    expect(await ids({ temperature: 'warm' })).toEqual([recent.id]);
    expect(await ids({ temperature: 'cold' })).toEqual([old.id, quiet.id]);
    const board = await t.call('board.load', { filters: { temperature: 'warm' } });
    expect(board.columns.flatMap((c) => c.cards.map((card) => card.id))).toEqual([recent.id]);
    const byScore = (await t.call('leads.list', { filters: {}, sort: 'score', direction: 'desc' }))
      .rows;
    expect(byScore.map((r) => r.id)).toEqual([recent.id, old.id, quiet.id]);
  });

  it('recomputes stale scores in the background when a file is opened', async () => {
    const t = await appWithDatabase();
    const petra = await teichmann(t);
    await warmUp(t, petra.id);
    const before = storedScores(t.path);
    await t.call('database.close', {});
    forgetScores(t.path);
    await t.call('database.open', { path: t.path });
    await vi.waitFor(() => expect(storedScores(t.path)).toEqual(before), { timeout: 5000 });
  });

  it('stops a background recompute between chunks when the file is closed', async () => {
    const t = await appWithDatabase();
    await t.call('database.close', {});
    const raw = rawConnection(t.path);
    const insert = raw.prepare(
      `INSERT INTO leads (id, salutation, first_name, last_name, phone, buying_role, source_channel,
         stage, stage_entered_at, search_text, created_at, updated_at)
       VALUES (?, 'none', 'Max', ?, '+49301234567', 'unknown', 'other', 'lead', ?, 'max', ?, ?)`,
    );
    const count = 10 * RECOMPUTE_CHUNK;
    raw.transaction(() => {
      for (let i = 0; i < count; i += 1) {
        insert.run(`lead-${String(i).padStart(6, '0')}`, `Muster${i}`, T0, T0, T0);
      }
    })();
    raw.close();
    const scoredLeads = () => {
      const check = rawConnection(t.path, { readonly: true });
      const n = check
        .prepare('SELECT count(*) FROM leads WHERE scored_at IS NOT NULL')
        .pluck()
        .get() as number;
      check.close();
      return n;
    };
    const failures = vi.spyOn(console, 'error');
    await t.call('database.open', { path: t.path });
    await vi.waitFor(() => expect(scoredLeads()).toBeGreaterThan(0), { interval: 5 });
    await t.call('database.close', {});
    const scored = scoredLeads();
    // Each chunk is one transaction: the closed file holds whole chunks, and not all of them.
    expect(scored % RECOMPUTE_CHUNK).toBe(0);
    expect(scored).toBeLessThan(count);
    expect(failures).not.toHaveBeenCalled();
    failures.mockRestore();

    await t.call('database.open', { path: t.path });
    await vi.waitFor(() => expect(scoredLeads()).toBe(count), { timeout: 20_000, interval: 50 });
  });
});

describe('automatic promotion', () => {
  it('promotes a lead to MQL when an activity pushes it over the threshold, by scoring and with the score', async () => {
    const t = await appWithDatabase();
    const lead = await teichmann(t);
    const engagement = await warmUp(t, lead.id);
    expect((await t.call('leads.get', { id: lead.id })).lead.stage).toBe('lead');
    const item = await whitepaper(t);
    t.clock.now = T0 + DAY;
    const download = await t.call('activities.add', {
      leadId: lead.id,
      kind: 'download',
      occurredAt: T0 + DAY,
      contentId: item.id,
    });
    expect(download).toMatchObject({ contentId: item.id, contentName: item.name, text: '' });
    const detail = await t.call('leads.get', { id: lead.id });
    const total = detail.score.total;
    expect(total).toBeGreaterThanOrEqual(DEFAULT_SCORING_SETTINGS.thresholds.mql);
    // A day of decay does not cost the small engagement points a whole point yet.
    expect(detail.score.engagement).toBe(engagement + points('eng.content.whitepaper'));
    expect(total).toBe(TEICHMANN_FIT + detail.score.engagement);
    expect(detail.lead).toMatchObject({ stage: 'mql', stageEnteredAt: T0 + DAY, version: 2 });
    expect(detail.history[0]).toMatchObject({
      fromStage: 'lead',
      toStage: 'mql',
      origin: 'scoring',
      score: total,
      changedBy: null,
      changedAt: T0 + DAY,
      reason: `Score ${total} erreicht die MQL-Schwelle ${DEFAULT_SCORING_SETTINGS.thresholds.mql}`,
    });
    expect(detail.score.mqlReady).toBe(false);
    expect(t.events.at(-1)).toEqual({ event: 'leads.changed', payload: { ids: [lead.id] } });
  });

  it('only flags a lead in flag mode', async () => {
    const t = await appWithDatabase();
    await saveSettings(t, (s) => ({ ...s, mqlMode: 'flag' }));
    const lead = await teichmann(t);
    await warmUp(t, lead.id);
    const item = await whitepaper(t);
    await t.call('activities.add', {
      leadId: lead.id,
      kind: 'download',
      occurredAt: T0,
      contentId: item.id,
    });
    const detail = await t.call('leads.get', { id: lead.id });
    expect(detail.lead).toMatchObject({ stage: 'lead', version: 1 });
    expect(detail.score.mqlReady).toBe(true);
    expect(detail.history).toHaveLength(1);
    const [row] = (await t.call('leads.list', { filters: {} })).rows;
    expect(row).toMatchObject({ stage: 'lead', mqlReady: true });
  });

  it('does not promote again a lead a user sent back from MQL, but flags it', async () => {
    const t = await appWithDatabase();
    const lead = await teichmann(t);
    await warmUp(t, lead.id);
    const item = await whitepaper(t);
    await t.call('activities.add', {
      leadId: lead.id,
      kind: 'download',
      occurredAt: T0,
      contentId: item.id,
    });
    expect((await t.call('leads.get', { id: lead.id })).lead.stage).toBe('mql');
    await t.call('leads.move', {
      id: lead.id,
      version: 2,
      to: 'lead',
      reason: 'Erst nach der Messe',
    });
    await t.call('activities.add', { leadId: lead.id, kind: 'webinar_attended', occurredAt: T0 });
    expect((await t.call('scoring.recompute', {})).promoted).toBe(0);
    const detail = await t.call('leads.get', { id: lead.id });
    expect(detail.lead).toMatchObject({ stage: 'lead', version: 3 });
    expect(detail.history[0]).toMatchObject({ fromStage: 'mql', toStage: 'lead', origin: 'user' });
    expect(detail.score.mqlReady).toBe(true);
  });
});

describe('scoring settings', () => {
  it('starts with the defaults and refuses a save based on a stale version', async () => {
    const t = await appWithDatabase();
    const initial = await t.call('scoring.get', {});
    expect(initial).toEqual({
      settings: DEFAULT_SCORING_SETTINGS,
      updatedAt: null,
      updatedBy: null,
      updatedByName: null,
    });
    const saved = await saveSettings(t, (s) => ({ ...s, halfLifeDays: 45 }));
    expect(saved.state).toMatchObject({
      updatedAt: T0,
      updatedBy: t.user.id,
      updatedByName: 'Sabine Vogt',
      settings: { halfLifeDays: 45 },
    });
    const stale = await t.fail('scoring.save', {
      settings: { ...initial.settings, halfLifeDays: 10 },
      basedOn: null,
    });
    expect(stale.code).toBe('CONFLICT');
    expect((await t.call('scoring.get', {})).settings.halfLifeDays).toBe(45);
    const again = await t.call('scoring.save', {
      settings: { ...saved.state.settings, halfLifeDays: 20 },
      basedOn: saved.state.updatedAt,
    });
    expect(again.state.updatedAt).toBeGreaterThan(saved.state.updatedAt!);
  });

  it('previews how many leads become or stop being MQL, and saving recomputes and promotes', async () => {
    const t = await appWithDatabase();
    const petra = await teichmann(t);
    const engaged = TEICHMANN_FIT + (await warmUp(t, petra.id));
    const frank = await createLead(t, {
      firstName: 'Frank',
      lastName: 'Wolf',
      email: 'f.wolf@wolke7.de',
      phone: '089 555123',
      jobTitle: 'CTO',
      buyingRole: 'decision_maker',
      company: company('Wolke7'),
    });
    const item = await whitepaper(t);
    await warmUp(t, frank.id);
    await t.call('activities.add', {
      leadId: frank.id,
      kind: 'download',
      occurredAt: T0,
      contentId: item.id,
    });
    const promotedTotal = (await t.call('leads.get', { id: frank.id })).score.total;
    expect((await t.call('leads.get', { id: frank.id })).lead.stage).toBe('mql');
    await createLead(t, { firstName: 'Jan', lastName: 'Anders', email: 'jan.anders@gmx.de' });
    const { settings } = await t.call('scoring.get', {});

    const lower = { ...settings, thresholds: { ...settings.thresholds, mql: engaged } };
    const preview = await t.call('scoring.preview', { settings: lower });
    expect(preview).toMatchObject({ leads: 3, becomeMql: 1, stopMql: 0, promoted: 1 });
    expect(preview.current.atMql).toBe(1);
    expect(preview.draft.atMql).toBe(2);
    expect(preview.draft.buckets.reduce((a, b) => a + b, 0)).toBe(3);

    const higher = { ...settings, thresholds: { ...settings.thresholds, mql: promotedTotal + 1 } };
    expect(await t.call('scoring.preview', { settings: higher })).toMatchObject({
      becomeMql: 0,
      stopMql: 1,
      promoted: 0,
    });
    expect((await t.call('scoring.get', {})).updatedAt).toBeNull();

    t.events.length = 0;
    const saved = await t.call('scoring.save', { settings: lower, basedOn: null });
    expect(saved.recompute).toMatchObject({ leads: 3, promoted: 1 });
    const detail = await t.call('leads.get', { id: petra.id });
    expect(detail.lead.stage).toBe('mql');
    expect(detail.history[0]).toMatchObject({
      origin: 'scoring',
      score: engaged,
      reason: `Score ${engaged} erreicht die MQL-Schwelle ${engaged}`,
    });
    expect(t.events).toEqual([
      { event: 'scoring.changed', payload: saved.state },
      { event: 'leads.changed', payload: { ids: [] } },
    ]);
  });

  it('refuses invalid settings with the field issue and stores nothing', async () => {
    const t = await appWithDatabase();
    const error = await t.fail('scoring.save', {
      settings: { ...DEFAULT_SCORING_SETTINGS, thresholds: { mql: 60, warm: 70, hot: 70 } },
      basedOn: null,
    });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['settings', 'thresholds', 'hot'], key: 'validation.hot_above_warm' }],
    });
    expect((await t.call('scoring.get', {})).updatedAt).toBeNull();
  });

  it('falls back to the defaults when the stored model cannot be read', async () => {
    const t = await appWithDatabase();
    const raw = rawConnection(t.path);
    raw
      .prepare(
        `INSERT INTO settings (key, value, updated_at) VALUES ('scoring', '{"rules": 5}', ?)`,
      )
      .run(T0);
    raw.close();
    const state = await t.call('scoring.get', {});
    expect(state).toMatchObject({ settings: DEFAULT_SCORING_SETTINGS, updatedAt: T0 });
    const lead = await teichmann(t);
    expect((await t.call('leads.get', { id: lead.id })).score.fit).toBe(TEICHMANN_FIT);
  });
});

describe('migration to version 2', () => {
  it('keeps the leads and activities of a version-1 file and scores them on open', async () => {
    const path = join(tempDir(), 'old.sqlite');
    const raw = new BetterSqlite3(path);
    const db = new Kysely({ dialect: new SqliteDialect({ database: raw }) });
    await m0001Initial.up(db);
    raw.exec(`INSERT INTO schema_migrations VALUES (1, 'initial', ${T0})`);
    raw.pragma('user_version = 1');
    raw.exec(`INSERT INTO users VALUES ('u1', 'Sabine Vogt', 'SV', ${T0})`);
    raw.exec(
      `INSERT INTO leads (id, salutation, first_name, last_name, phone, buying_role, source_channel,
         stage, stage_entered_at, search_text, created_at, created_by, updated_at, updated_by)
       VALUES ('l1', 'herr', 'Jan', 'Anders', '+49301234567', 'unknown', 'comparison_portal',
         'lead', ${T0}, 'jan anders', ${T0}, 'u1', ${T0}, 'u1')`,
    );
    raw.exec(
      `INSERT INTO lead_stage_changes VALUES ('c1', 'l1', NULL, 'lead', NULL, 'user', ${T0}, 'u1')`,
    );
    raw.exec(
      `INSERT INTO lead_activities VALUES ('a1', 'l1', 'call', ${T0}, 'Tarif besprochen', ${T0}, 'u1'),
         ('a2', 'l1', 'note', ${T0 + 1}, 'Rückruf', ${T0 + 1}, 'u1')`,
    );
    await db.destroy();

    const t = testApp();
    const state = await t.call('database.open', { path });
    expect(state.database?.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    await t.call('users.select', { id: 'u1' });
    const detail = await t.call('leads.get', { id: 'l1' });
    expect(
      detail.activities.map((a) => [a.id, a.kind, a.text, a.contentId, a.topic, a.url]),
    ).toEqual([
      ['a2', 'note', 'Rückruf', null, null, null],
      ['a1', 'call', 'Tarif besprochen', null, null, null],
    ]);
    expect(detail.history).toEqual([
      expect.objectContaining({ id: 'c1', toStage: 'lead', score: null }),
    ]);
    expect(detail.bantVersion).toBe(0);
    const expected = points('fit.phone') + points('eng.call');
    expect(detail.score.total).toBe(expected);
    await vi.waitFor(
      async () => {
        const [row] = (await t.call('leads.list', { filters: {} })).rows;
        expect(row?.scoreTotal).toBe(expected);
      },
      { timeout: 5000 },
    );
    const activity = await t.call('activities.add', {
      leadId: 'l1',
      kind: 'page_visit',
      occurredAt: T0,
      url: 'https://happy-current.de/preise',
    });
    expect(activity.url).toBe('https://happy-current.de/preise');
    const check = rawConnection(path, { readonly: true });
    const indexes = check
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'lead_activities'`,
      )
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining(['idx_activities_lead', 'idx_activities_content']),
    );
    expect(check.prepare('SELECT count(*) FROM lead_activities').pluck().get()).toBe(3);
  });
});
