import { checkMove } from '@core/domain/transitions';
import { OPEN_STAGES, STAGES, type Stage } from '@core/domain/stages';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from '../../src/main/demo/vocabulary';
import { createRandom } from '@core/random';
import { foldForSearch, normalizeEmail, normalizePhone } from '@core/text/normalize';
import { describe, expect, it } from 'vitest';
import { type DemoContext, generateLeads } from '../../src/main/demo/generate';

const NOW = Date.UTC(2026, 10, 20, 9, 30);

function context(): DemoContext {
  let next = 0;
  return {
    users: [
      { id: 'u-sales-1', team: 'sales' },
      { id: 'u-sales-2', team: 'sales' },
      { id: 'u-mkt-1', team: 'marketing' },
    ],
    campaigns: [
      { id: 'c-fair', channel: 'trade_fair' },
      { id: 'c-web', channel: 'webinar' },
      { id: 'c-news', channel: 'newsletter' },
    ],
    now: NOW,
    newId: () => `id-${++next}`,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const rows = generateLeads(createRandom(1), context(), 5000);

describe('generated demo leads', () => {
  it('are deterministic: the same seed gives the same rows, another seed other rows', () => {
    expect(generateLeads(createRandom(1), context(), 5000)).toEqual(rows);
    const other = generateLeads(createRandom(2), context(), 5000);
    expect(other.leads.map((l) => l.last_name)).not.toEqual(rows.leads.map((l) => l.last_name));
  });

  it('creates exactly the requested number of leads, sharing some companies', () => {
    expect(rows.leads).toHaveLength(5000);
    expect(rows.companies.length).toBeGreaterThan(500);
    expect(rows.companies.length).toBeLessThan(5000);
    const companyIds = new Set(rows.companies.map((c) => c.id));
    expect(rows.leads.every((l) => l.company_id !== null && companyIds.has(l.company_id!))).toBe(
      true,
    );
  });

  it('dates each company no later than its first lead', () => {
    const firstLead = new Map<string, number>();
    for (const lead of rows.leads) {
      const id = lead.company_id!;
      firstLead.set(id, Math.min(firstLead.get(id) ?? Infinity, lead.created_at));
    }
    for (const company of rows.companies)
      expect(company.created_at).toBe(firstLead.get(company.id));
  });

  it('starts leads without any contact route as Suspect', () => {
    const unreachable = new Set(
      rows.leads.filter((l) => !l.email && !l.phone && !l.mobile).map((l) => l.id),
    );
    expect(unreachable.size).toBeGreaterThan(0);
    const captures = rows.changes.filter(
      (c) => c.from_stage === null && unreachable.has(c.lead_id),
    );
    expect(captures.every((c) => c.to_stage === 'suspect')).toBe(true);
  });

  it('has emails and phone numbers that the core normalisers accept unchanged', () => {
    const emails = rows.leads.flatMap((l) => (l.email ? [l.email] : []));
    const phones = rows.leads.flatMap((l) => [l.phone, l.mobile].filter((p) => p != null));
    expect(emails.length).toBeGreaterThan(4000);
    expect(phones.length).toBeGreaterThan(3000);
    expect(emails.filter((e) => normalizeEmail(e) !== e)).toEqual([]);
    expect(emails.filter((e) => !/^[\x20-\x7e]+$/.test(e))).toEqual([]);
    expect(phones.filter((p) => normalizePhone(p) !== p)).toEqual([]);
  });

  it('puts emails on the company domain and matches salutation to the first name', () => {
    const domains = new Map(
      rows.companies.map((c) => [c.id, c.website!.replace('https://www.', '')]),
    );
    for (const lead of rows.leads) {
      if (lead.email) expect(lead.email.endsWith(`@${domains.get(lead.company_id!)}`)).toBe(true);
      const names: readonly string[] =
        lead.salutation === 'frau' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES;
      expect(names).toContain(lead.first_name);
    }
    expect(rows.leads.some((l) => /[äöüß]/i.test(`${l.first_name}${l.last_name}`))).toBe(true);
  });

  it('stores the folded search text of "first last company email"', () => {
    const names = new Map(rows.companies.map((c) => [c.id, c.name]));
    for (const lead of rows.leads.slice(0, 500)) {
      const text = `${lead.first_name} ${lead.last_name} ${names.get(lead.company_id!)} ${lead.email ?? ''}`;
      expect(lead.search_text).toBe(foldForSearch(text));
    }
  });

  it('records every history as moves the transition rules accept, forward in time', () => {
    const byLead = groupBy(rows.changes, (c) => c.lead_id);
    for (const lead of rows.leads) {
      const history = byLead.get(lead.id) ?? [];
      expect(history.length).toBeGreaterThan(0);
      expect(history[0]!.from_stage).toBeNull();
      expect(history[0]!.changed_at).toBe(lead.created_at);
      for (let i = 1; i < history.length; i++) {
        const change = history[i]!;
        const previous = history[i - 1]!;
        expect(change.from_stage).toBe(previous.to_stage);
        expect(change.changed_at).toBeGreaterThan(previous.changed_at);
        const check = checkMove(change.from_stage as Stage, change.to_stage as Stage, {
          reason: change.reason,
          dealValueCents: lead.deal_value_cents,
        });
        expect(check, `${change.from_stage} → ${change.to_stage}`).toMatchObject({
          ok: true,
          reason: change.reason,
        });
      }
      const last = history[history.length - 1]!;
      expect(last.to_stage).toBe(lead.stage);
      expect(last.changed_at).toBe(lead.stage_entered_at);
      expect(last.changed_at).toBeLessThan(NOW);
    }
  });

  it('spreads leads funnel-shaped over all ten stages', () => {
    const counts = new Map<string, number>();
    for (const lead of rows.leads) counts.set(lead.stage, (counts.get(lead.stage) ?? 0) + 1);
    for (const stage of STAGES) expect(counts.get(stage) ?? 0).toBeGreaterThan(50);
    const open = OPEN_STAGES.map((s) => counts.get(s) ?? 0);
    for (let i = 1; i < open.length; i++) expect(open[i]!).toBeLessThan(open[i - 1]!);
  });

  it('gives customers a deal value and later stages expected values and close dates', () => {
    const today = new Date(NOW).toISOString().slice(0, 10);
    for (const lead of rows.leads) {
      if (lead.stage === 'customer') expect(lead.deal_value_cents).toBeGreaterThan(0);
      else expect(lead.deal_value_cents).toBeNull();
      if (lead.stage === 'sql' || lead.stage === 'opportunity') {
        expect(lead.expected_value_cents).toBeGreaterThan(0);
        expect(lead.expected_close_date! > today).toBe(true);
        expect(lead.owner_id).toMatch(/^u-sales/);
      }
    }
  });

  it('logs 0–4 activities per lead by team members, between capture and now', () => {
    const leads = new Map(rows.leads.map((l) => [l.id, l]));
    const perLead = groupBy(rows.activities, (a) => a.lead_id);
    expect(Math.max(...[...perLead.values()].map((a) => a.length))).toBeLessThanOrEqual(4);
    expect(perLead.size).toBeGreaterThan(2500);
    for (const activity of rows.activities) {
      const lead = leads.get(activity.lead_id)!;
      expect(activity.occurred_at).toBeGreaterThan(lead.created_at);
      expect(activity.occurred_at).toBeLessThan(NOW);
      expect(activity.created_by).toMatch(/^u-/);
      expect(activity.text.length).toBeGreaterThan(10);
      expect(activity.text).not.toMatch(/[{}]/);
    }
  });
});
