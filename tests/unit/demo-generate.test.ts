import {
  CONTACT_ACTIVITY_KINDS,
  CONTENT_ACTIVITY_KINDS,
  type ActivityKind,
} from '@core/domain/lead';
import { checkMove } from '@core/domain/transitions';
import { OPEN_STAGES, STAGES, type Stage } from '@core/domain/stages';
import { isBantElementMet, BANT_ELEMENTS, EMPTY_BANT, type Bant } from '@core/scoring/bant';
import { contentUrl, DEMO_CONTENT } from '../../src/main/demo/content';
import type { DemoContentRef } from '../../src/main/demo/engagement';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from '../../src/main/demo/vocabulary';
import { createRandom } from '@core/random';
import { foldForSearch, normalizeEmail, normalizePhone } from '@core/text/normalize';
import { describe, expect, it } from 'vitest';
import { type DemoContext, generateLeads } from '../../src/main/demo/generate';

const NOW = Date.UTC(2026, 10, 20, 9, 30);

const LIBRARY: DemoContentRef[] = DEMO_CONTENT.map((item, i) => ({
  id: `content-${i}`,
  type: item.type,
  topic: item.topic,
  phase: item.phase,
  url: contentUrl(item),
}));

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
    content: LIBRARY,
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

  const isContact = (kind: string) => (CONTACT_ACTIVITY_KINDS as readonly string[]).includes(kind);
  const contacts = rows.activities.filter((a) => isContact(a.kind));
  const tracked = rows.activities.filter((a) => !isContact(a.kind));
  const leads = new Map(rows.leads.map((l) => [l.id, l]));

  it('logs 0–4 contacts per lead by team members, between capture and now', () => {
    const perLead = groupBy(contacts, (a) => a.lead_id);
    expect(Math.max(...[...perLead.values()].map((a) => a.length))).toBeLessThanOrEqual(4);
    expect(perLead.size).toBeGreaterThan(2500);
    for (const activity of contacts) {
      const lead = leads.get(activity.lead_id)!;
      expect(activity.occurred_at).toBeGreaterThan(lead.created_at);
      expect(activity.occurred_at).toBeLessThan(NOW);
      expect(activity.created_by).toMatch(/^u-/);
      expect(activity.text.length).toBeGreaterThan(10);
      expect(activity.text).not.toMatch(/[{}]/);
    }
  });

  it('tracks behaviour of every kind without an author, after capture and before now', () => {
    const kinds = new Set(tracked.map((a) => a.kind));
    for (const kind of [
      'form_submitted',
      'newsletter_opened',
      'newsletter_clicked',
      'webinar_registered',
      'webinar_attended',
      'page_visit',
      'download',
      'social',
      'unsubscribed',
      'email_bounced',
    ]) {
      expect(kinds, kind).toContain(kind);
    }
    const content = new Map(LIBRARY.map((c) => [c.id, c]));
    for (const activity of tracked) {
      const lead = leads.get(activity.lead_id)!;
      expect(activity.created_by).toBeNull();
      expect(activity.occurred_at).toBeGreaterThan(lead.created_at);
      expect(activity.occurred_at).toBeLessThan(NOW);
      expect(activity.text).not.toMatch(/[{}]/);
      const item = activity.content_id ? content.get(activity.content_id) : undefined;
      if (CONTENT_ACTIVITY_KINDS.includes(activity.kind as ActivityKind)) {
        expect(item, activity.kind).toBeDefined();
        expect(item!.type === 'webinar').toBe(activity.kind !== 'download');
      } else {
        expect(activity.content_id).toBeNull();
      }
      if (activity.kind === 'page_visit') expect(activity.url).toMatch(/^https:\/\//);
    }
    // the pricing page is visited, mostly by leads late in the funnel
    const pricing = tracked.filter((a) => a.kind === 'page_visit' && a.url!.includes('/preise'));
    expect(pricing.length).toBeGreaterThan(100);
    const late = pricing.filter((a) =>
      ['sal', 'sql', 'opportunity', 'customer', 'lost'].includes(leads.get(a.lead_id)!.stage),
    );
    expect(late.length / pricing.length).toBeGreaterThan(0.6);
  });

  it('sends mailings only to leads with an email, and none after an unsubscribe or bounce', () => {
    const byLead = groupBy(tracked, (a) => a.lead_id);
    for (const [leadId, activities] of byLead) {
      const mailings = activities.filter((a) => a.kind.startsWith('newsletter_'));
      if (leads.get(leadId)!.email === null) {
        expect(mailings).toEqual([]);
        continue;
      }
      const stop = activities.find((a) => a.kind === 'unsubscribed' || a.kind === 'email_bounced');
      if (stop === undefined) continue;
      expect(mailings.every((m) => m.occurred_at < stop.occurred_at)).toBe(true);
    }
  });

  it('makes later stages more engaged, and every lead sales took over used content first', () => {
    const count = groupBy(tracked, (a) => a.lead_id);
    const mean = (stage: Stage) => {
      const inStage = rows.leads.filter((l) => l.stage === stage);
      return inStage.reduce((sum, l) => sum + (count.get(l.id)?.length ?? 0), 0) / inStage.length;
    };
    const funnel = OPEN_STAGES.map(mean);
    for (let i = 1; i < funnel.length; i++) expect(funnel[i]!).toBeGreaterThan(funnel[i - 1]!);
    const byLead = groupBy(rows.changes, (c) => c.lead_id);
    for (const lead of rows.leads) {
      const handover = byLead
        .get(lead.id)!
        .find((c) => ['sal', 'sql', 'opportunity', 'customer', 'lost'].includes(c.to_stage));
      if (handover === undefined) continue;
      const used = (count.get(lead.id) ?? []).filter(
        (a) => a.content_id !== null && a.occurred_at < handover.changed_at,
      );
      expect(used.length, lead.id).toBeGreaterThan(0);
    }
  });

  it('gives most qualified leads a complete BANT and some SAL and nurture leads a need', () => {
    const asBant = (row: (typeof rows.bant)[number]): Bant => ({
      ...EMPTY_BANT,
      budgetStatus: row.budget_status as Bant['budgetStatus'],
      budgetCents: row.budget_cents ?? null,
      budgetMaxCents: row.budget_max_cents ?? null,
      authority: row.authority as Bant['authority'],
      deciderName: row.decider_name ?? null,
      need: row.need as Bant['need'],
      needText: row.need_text,
      timing: row.timing ?? null,
    });
    const bantByLead = new Map(rows.bant.map((b) => [b.lead_id, b]));
    expect(bantByLead.size).toBe(rows.bant.length);
    const qualified = rows.leads.filter((l) =>
      ['sql', 'opportunity', 'customer'].includes(l.stage),
    );
    const complete = qualified.filter((l) => {
      const row = bantByLead.get(l.id);
      return row !== undefined && BANT_ELEMENTS.every((e) => isBantElementMet(asBant(row), e));
    });
    expect(complete.length / qualified.length).toBeGreaterThan(0.75);
    for (const row of rows.bant) {
      const lead = leads.get(row.lead_id)!;
      expect(['sal', 'sql', 'opportunity', 'customer', 'nurture', 'lost']).toContain(lead.stage);
      expect(row.need).toBe('confirmed');
      expect(row.need_text).not.toMatch(/[{}]/);
      expect(row.updated_at).toBeGreaterThanOrEqual(lead.created_at);
      if (row.timing !== null) expect(row.timing).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      if (row.budget_status === 'range') {
        expect(row.budget_max_cents!).toBeGreaterThan(row.budget_cents!);
      }
    }
    const partial = rows.bant.filter((b) =>
      ['sal', 'nurture'].includes(leads.get(b.lead_id)!.stage),
    );
    expect(partial.length).toBeGreaterThan(20);
    expect(partial.every((b) => b.timing === null && b.budget_status === 'unknown')).toBe(true);
  });
});
