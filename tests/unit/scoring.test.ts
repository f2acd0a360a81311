import { describe, expect, it } from 'vitest';
import { EMPTY_BANT, type Bant } from '@core/scoring/bant';
import { checkGates, mqlDecision, type HandoverFacts } from '@core/scoring/gates';
import { bucketOf, createPreviewAccumulator } from '@core/scoring/preview';
import {
  DEFAULT_SCORING_SETTINGS,
  type Condition,
  type Rule,
  type ScoringSettings,
} from '@core/scoring/rules';
import {
  createScorer,
  decayFactor,
  temperatureOf,
  type ScoringActivity,
  type ScoringLead,
} from '@core/scoring/score';
import { scoringSettingsSchema } from '@core/ipc/scoring-schemas';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 22, 10, 0, 0);

const bare: ScoringLead = {
  jobTitle: null,
  phone: null,
  mobile: null,
  email: null,
  buyingRole: 'unknown',
  sourceChannel: 'other',
  companyName: null,
  industry: null,
  employees: null,
  bant: EMPTY_BANT,
};

let nextId = 0;
function activity(
  kind: ScoringActivity['kind'],
  daysAgo: number,
  extra: Partial<ScoringActivity> = {},
): ScoringActivity {
  nextId += 1;
  return {
    id: `a${String(nextId).padStart(4, '0')}`,
    kind,
    occurredAt: NOW - daysAgo * DAY,
    contentId: null,
    contentType: null,
    contentName: null,
    topic: null,
    url: null,
    ...extra,
  };
}

/** A model with exactly one rule, no decay and the default thresholds. */
function only(condition: Condition, points: number, limit: number | null = null): ScoringSettings {
  const rule: Rule = { id: 'r', enabled: true, condition, points, limit };
  return { ...DEFAULT_SCORING_SETTINGS, rules: [rule], halfLifeDays: null };
}

function total(settings: ScoringSettings, lead: ScoringLead, acts: ScoringActivity[] = []) {
  return createScorer(settings).score(lead, acts, NOW).total;
}

describe('fit rules', () => {
  it('counts present fields; a direct line is a phone or a mobile', () => {
    const job = only({ kind: 'field_present', field: 'job_title' }, 5);
    expect(total(job, bare)).toBe(0);
    expect(total(job, { ...bare, jobTitle: '  ' })).toBe(0);
    expect(total(job, { ...bare, jobTitle: 'Head of IT' })).toBe(5);
    const phone = only({ kind: 'field_present', field: 'phone' }, 15);
    expect(total(phone, { ...bare, mobile: '+4917612345678' })).toBe(15);
    expect(total(phone, { ...bare, phone: '+49221987654' })).toBe(15);
    expect(total(phone, bare)).toBe(0);
    const company = only({ kind: 'field_present', field: 'company' }, 5);
    expect(total(company, { ...bare, companyName: 'Wolke7' })).toBe(5);
    const email = only({ kind: 'field_present', field: 'email' }, 2);
    expect(total(email, { ...bare, email: 'a@b.de' })).toBe(2);
  });

  it('scores the role in the buying centre', () => {
    const settings = only({ kind: 'buying_role', role: 'decision_maker' }, 15);
    expect(total(settings, { ...bare, buyingRole: 'decision_maker' })).toBe(15);
    expect(total(settings, { ...bare, buyingRole: 'assistant' })).toBe(0);
  });

  it('matches company size bands inclusively, open at the top when max is null', () => {
    const band = only({ kind: 'company_size', min: 50, max: 249 }, 5);
    expect(total(band, { ...bare, employees: 49 })).toBe(0);
    expect(total(band, { ...bare, employees: 50 })).toBe(5);
    expect(total(band, { ...bare, employees: 249 })).toBe(5);
    expect(total(band, { ...bare, employees: 250 })).toBe(0);
    expect(total(band, bare)).toBe(0);
    const open = only({ kind: 'company_size', min: 250, max: null }, 8);
    expect(total(open, { ...bare, employees: 100_000 })).toBe(8);
  });

  it('finds target industries case- and umlaut-insensitively', () => {
    const settings = only({ kind: 'industry', industries: ['Einzelhandel', 'Bäckerei'] }, 10);
    expect(total(settings, { ...bare, industry: 'Einzelhandel (Mode)' })).toBe(10);
    expect(total(settings, { ...bare, industry: 'BAECKEREI' })).toBe(10);
    expect(total(settings, { ...bare, industry: 'Tourismus' })).toBe(0);
    expect(total(only({ kind: 'industry', industries: [] }, 10), { ...bare, industry: 'x' })).toBe(
      0,
    );
  });

  it('tells company domains from freemail addresses', () => {
    const company = only({ kind: 'email_domain', domain: 'company' }, 5);
    const freemail = only({ kind: 'email_domain', domain: 'freemail' }, -3);
    const work = { ...bare, email: 'c.teichmann@froehlich-holidays.de' };
    const gmx = { ...bare, email: 'peter@GMX.de' };
    expect(total(company, work)).toBe(5);
    expect(total(company, gmx)).toBe(0);
    expect(total(freemail, gmx)).toBe(-3);
    expect(total(company, bare)).toBe(0);
  });

  it('penalises listed domains and their subdomains (competitors)', () => {
    const settings = only({ kind: 'email_domain_list', domains: ['@konkurrenz.de'] }, -50);
    expect(total(settings, { ...bare, email: 'x@konkurrenz.de' })).toBe(-50);
    expect(total(settings, { ...bare, email: 'x@vertrieb.konkurrenz.de' })).toBe(-50);
    expect(total(settings, { ...bare, email: 'x@nichtkonkurrenz.de' })).toBe(0);
  });

  it('scores the source channel', () => {
    const settings = only({ kind: 'source_channel', channels: ['referral', 'trade_fair'] }, 10);
    expect(total(settings, { ...bare, sourceChannel: 'trade_fair' })).toBe(10);
    expect(total(settings, { ...bare, sourceChannel: 'purchased_list' })).toBe(0);
  });

  it('ignores disabled rules', () => {
    const settings = only({ kind: 'field_present', field: 'job_title' }, 5);
    const disabled = { ...settings, rules: settings.rules.map((r) => ({ ...r, enabled: false })) };
    expect(total(disabled, { ...bare, jobTitle: 'CEO' })).toBe(0);
  });
});

describe('engagement rules', () => {
  it('counts every matching activity, negative events included', () => {
    const settings: ScoringSettings = {
      ...DEFAULT_SCORING_SETTINGS,
      halfLifeDays: null,
      rules: [
        {
          id: 'form',
          enabled: true,
          condition: { kind: 'activity', activity: 'form_submitted' },
          points: 10,
          limit: null,
        },
        {
          id: 'unsub',
          enabled: true,
          condition: { kind: 'activity', activity: 'unsubscribed' },
          points: -20,
          limit: null,
        },
      ],
    };
    const acts = [
      activity('form_submitted', 1),
      activity('form_submitted', 2),
      activity('unsubscribed', 0),
    ];
    const result = createScorer(settings).score(bare, acts, NOW);
    expect(result.engagement).toBe(0);
    expect(result.fit).toBe(0);
    expect(result.contributions.map((c) => c.value).sort()).toEqual([-20, 10, 10]);
  });

  it('weights downloads by the content type over the plain download rule', () => {
    const scorer = createScorer({ ...DEFAULT_SCORING_SETTINGS, halfLifeDays: null });
    const priceList = activity('download', 0, { contentId: 'c1', contentType: 'price_list' });
    const whitepaper = activity('download', 0, { contentId: 'c2', contentType: 'whitepaper' });
    const blog = activity('download', 0, { contentId: 'c3', contentType: 'blog_post' });
    const unknown = activity('download', 0);
    const value = (a: ScoringActivity) => scorer.score(bare, [a], NOW).engagement;
    expect(value(priceList)).toBe(30);
    expect(value(whitepaper)).toBe(15);
    expect(value(blog)).toBe(3);
    expect(value(unknown)).toBe(8);
    expect(value(priceList)).toBeGreaterThan(value(whitepaper));
    expect(value(whitepaper)).toBeGreaterThan(value(blog));
  });

  it('counts the pricing page far more than another page', () => {
    const scorer = createScorer({ ...DEFAULT_SCORING_SETTINGS, halfLifeDays: null });
    const pricing = activity('page_visit', 0, { url: 'https://wolke7.de/Preise' });
    const blog = activity('page_visit', 0, { url: 'https://wolke7.de/blog/backup' });
    expect(scorer.score(bare, [pricing], NOW).engagement).toBe(20);
    expect(scorer.score(bare, [blog], NOW).engagement).toBe(1);
  });

  it('counts only the newest activities up to a rule limit and lists the rest as capped', () => {
    const settings = only({ kind: 'activity', activity: 'newsletter_opened' }, 2, 3);
    const acts = [1, 2, 3, 4, 5].map((d) => activity('newsletter_opened', d));
    const result = createScorer(settings).score(bare, acts, NOW);
    expect(result.engagement).toBe(6);
    const capped = result.contributions.filter((c) => c.capped);
    expect(capped).toHaveLength(2);
    expect(capped.every((c) => c.value === 0)).toBe(true);
    const cappedDays = capped.map(
      (c) => c.source.kind === 'activity' && (NOW - c.source.occurredAt) / DAY,
    );
    expect(cappedDays.sort()).toEqual([4, 5]);
  });

  it('gives activities without a rule no points and no contribution', () => {
    const settings = only({ kind: 'activity', activity: 'call' }, 5);
    const result = createScorer(settings).score(bare, [activity('note', 0)], NOW);
    expect(result.engagement).toBe(0);
    expect(result.contributions).toEqual([]);
  });
});

describe('decay', () => {
  it('halves engagement every half-life, measured to the given now', () => {
    expect(decayFactor(0, 30)).toBe(1);
    expect(decayFactor(30 * DAY, 30)).toBeCloseTo(0.5, 12);
    expect(decayFactor(60 * DAY, 30)).toBeCloseTo(0.25, 12);
    expect(decayFactor(60 * DAY, null)).toBe(1);
    expect(decayFactor(-5 * DAY, 30)).toBe(1);
  });

  it('applies to engagement only, rounding each contribution', () => {
    const settings: ScoringSettings = {
      ...only({ kind: 'activity', activity: 'webinar_attended' }, 20),
      halfLifeDays: 30,
    };
    settings.rules.push({
      id: 'title',
      enabled: true,
      condition: { kind: 'field_present', field: 'job_title' },
      points: 5,
      limit: null,
    });
    const lead = { ...bare, jobTitle: 'CTO' };
    const acts = [activity('webinar_attended', 30)];
    const scorer = createScorer(settings);
    expect(scorer.score(lead, acts, NOW)).toMatchObject({ fit: 5, engagement: 10, total: 15 });
    expect(scorer.score(lead, acts, NOW + 30 * DAY)).toMatchObject({ fit: 5, engagement: 5 });
    const line = scorer.score(lead, acts, NOW).contributions.find((c) => c.axis === 'engagement');
    expect(line).toMatchObject({ points: 20, value: 10 });
    expect(line?.decay).toBeCloseTo(0.5, 12);
  });

  it('reads the score as it stood a week ago for the 7-day change', () => {
    const settings = only({ kind: 'activity', activity: 'form_submitted' }, 10);
    const scorer = createScorer(settings);
    const acts = [activity('form_submitted', 10), activity('form_submitted', 2)];
    expect(scorer.score(bare, acts, NOW).total).toBe(20);
    expect(scorer.totalsAt(bare, acts, NOW - 7 * DAY).total).toBe(10);
  });
});

describe('temperature', () => {
  const thresholds = { mql: 60, warm: 30, hot: 70 };
  const withBant = (patch: Partial<Bant>): Bant => ({ ...EMPTY_BANT, ...patch });

  it('follows the thresholds while BANT is unanswered', () => {
    expect(temperatureOf(29, EMPTY_BANT, thresholds)).toEqual({
      temperature: 'cold',
      basis: 'score',
    });
    expect(temperatureOf(30, EMPTY_BANT, thresholds).temperature).toBe('warm');
    expect(temperatureOf(70, EMPTY_BANT, thresholds).temperature).toBe('hot');
  });

  it('reads BANT like the seeds: need + budget + timing hot, need alone warm, no need cold', () => {
    const need = withBant({ need: 'confirmed' });
    expect(temperatureOf(0, need, thresholds)).toEqual({ temperature: 'warm', basis: 'bant' });
    const hot = withBant({
      need: 'confirmed',
      budgetStatus: 'amount',
      budgetCents: 500_000,
      timing: '2027-01',
    });
    expect(temperatureOf(0, hot, thresholds)).toEqual({ temperature: 'hot', basis: 'bant' });
    expect(temperatureOf(0, { ...hot, timing: null }, thresholds).temperature).toBe('warm');
    expect(temperatureOf(99, withBant({ need: 'not_confirmed' }), thresholds).temperature).toBe(
      'cold',
    );
  });
});

describe('explanation', () => {
  it('lists contributions whose values sum exactly to each axis', () => {
    const lead: ScoringLead = {
      ...bare,
      jobTitle: 'Head of IT',
      phone: '+49221987654',
      email: 'c.teichmann@froehlich-holidays.de',
      buyingRole: 'decision_maker',
      companyName: 'Fröhlich Holidays',
      employees: 140,
    };
    const acts = [
      ...[1, 3, 7, 12, 19, 25, 33, 41, 50, 64, 70, 90].map((d) => activity('newsletter_opened', d)),
      activity('page_visit', 4, { url: 'https://wolke7.de/preise' }),
      activity('download', 9, {
        contentType: 'data_sheet',
        contentId: 'c',
        contentName: 'Datenblatt',
      }),
      activity('unsubscribed', 17),
    ];
    const result = createScorer(DEFAULT_SCORING_SETTINGS).score(lead, acts, NOW);
    const sum = (axis: string) =>
      result.contributions.filter((c) => c.axis === axis).reduce((a, c) => a + c.value, 0);
    expect(sum('fit')).toBe(result.fit);
    expect(sum('engagement')).toBe(result.engagement);
    expect(result.total).toBe(result.fit + result.engagement);
    const download = result.contributions.find((c) => c.ruleId === 'eng.content.data_sheet');
    expect(download?.source).toMatchObject({
      kind: 'activity',
      activityKind: 'download',
      contentName: 'Datenblatt',
    });
  });
});

describe('topic interest', () => {
  it('weights topics by decayed points, strongest first, with shares summing to 1', () => {
    const scorer = createScorer(DEFAULT_SCORING_SETTINGS);
    const acts = [
      activity('download', 1, { contentType: 'whitepaper', topic: 'Displays' }),
      activity('page_visit', 2, { url: 'https://x.de/displays', topic: 'displays' }),
      activity('download', 80, { contentType: 'whitepaper', topic: 'Steckverbinder' }),
    ];
    const { topics } = scorer.score(bare, acts, NOW);
    expect(topics.map((t) => t.topic)).toEqual(['Displays', 'Steckverbinder']);
    expect(topics[0]?.weight).toBeGreaterThan(topics[1]?.weight ?? Infinity);
    expect(topics.reduce((a, t) => a + t.share, 0)).toBeCloseTo(1, 10);
  });

  it('does not count topics of negative events', () => {
    const { topics } = createScorer(DEFAULT_SCORING_SETTINGS).score(
      bare,
      [activity('unsubscribed', 0, { topic: 'Newsletter' })],
      NOW,
    );
    expect(topics).toEqual([]);
  });
});

describe('stage gates', () => {
  const complete: HandoverFacts = {
    email: 'a@firma.de',
    phone: null,
    mobile: null,
    companyName: 'Firma',
    jobTitle: 'Einkauf',
    buyingRole: 'influencer',
    contentUsed: true,
    total: 10,
  };
  const fullBant: Bant = {
    ...EMPTY_BANT,
    budgetStatus: 'range',
    budgetCents: 100_000,
    budgetMaxCents: 200_000,
    authority: 'decides',
    need: 'confirmed',
    timing: '2027-03',
  };
  const settings = DEFAULT_SCORING_SETTINGS;

  it('asks for the handover criteria when entering SAL and names each missing one', () => {
    expect(checkGates('mql', 'sal', complete, EMPTY_BANT, settings)).toEqual({
      handover: [],
      bant: [],
    });
    const missing = checkGates(
      'mql',
      'sal',
      { ...complete, companyName: null, buyingRole: 'unknown', contentUsed: false },
      EMPTY_BANT,
      settings,
    );
    expect(missing).toEqual({ handover: ['company', 'buying_role', 'content_used'], bant: [] });
  });

  it('asks for BANT when entering SQL, and for both when skipping SAL', () => {
    expect(checkGates('sal', 'sql', complete, EMPTY_BANT, settings).bant).toEqual([
      'budget',
      'authority',
      'need',
      'timing',
    ]);
    expect(checkGates('sal', 'sql', complete, fullBant, settings)).toEqual({
      handover: [],
      bant: [],
    });
    expect(
      checkGates('lead', 'opportunity', { ...complete, jobTitle: null }, fullBant, settings),
    ).toEqual({ handover: ['job_title'], bant: [] });
    expect(
      checkGates('nurture', 'sal', { ...complete, contentUsed: false }, EMPTY_BANT, settings)
        .handover,
    ).toEqual(['content_used']);
  });

  it('lets moves back, within sales, to Customer and out of Customer pass', () => {
    const nothing: HandoverFacts = {
      ...complete,
      email: null,
      companyName: null,
      contentUsed: false,
    };
    for (const [from, to] of [
      ['sql', 'sal'],
      ['sql', 'opportunity'],
      ['lead', 'customer'],
      ['customer', 'opportunity'],
      ['mql', 'nurture'],
    ] as const) {
      expect(checkGates(from, to, nothing, EMPTY_BANT, settings)).toEqual({
        handover: [],
        bant: [],
      });
    }
  });

  it('uses the configured minimum: only the chosen BANT elements are required', () => {
    const needOnly = { ...settings, sqlBant: ['need' as const] };
    expect(
      checkGates('sal', 'sql', complete, { ...EMPTY_BANT, need: 'confirmed' }, needOnly).bant,
    ).toEqual([]);
  });

  it('accepts a named decider in place of the contact’s own authority', () => {
    const assistant = { ...fullBant, authority: 'none' as const, deciderName: null };
    expect(checkGates('sal', 'sql', complete, assistant, settings).bant).toEqual(['authority']);
    expect(
      checkGates('sal', 'sql', complete, { ...assistant, deciderName: 'Frau Schick' }, settings)
        .bant,
    ).toEqual([]);
  });
});

describe('MQL decision', () => {
  const settings = DEFAULT_SCORING_SETTINGS;
  it('promotes Suspects and Leads at the threshold, flags Nurture, leaves later stages', () => {
    expect(mqlDecision('lead', 59, settings, false)).toBe('none');
    expect(mqlDecision('lead', 60, settings, false)).toBe('promote');
    expect(mqlDecision('suspect', 80, settings, false)).toBe('promote');
    expect(mqlDecision('nurture', 80, settings, false)).toBe('flag');
    expect(mqlDecision('sal', 80, settings, false)).toBe('none');
    expect(mqlDecision('disqualified', 80, settings, false)).toBe('none');
  });

  it('only flags in flag mode, or when a user moved the lead back below MQL', () => {
    expect(mqlDecision('lead', 60, { ...settings, mqlMode: 'flag' }, false)).toBe('flag');
    expect(mqlDecision('lead', 60, settings, true)).toBe('flag');
  });
});

describe('preview', () => {
  it('counts leads becoming and stopping MQL and both distributions', () => {
    const draft = { ...DEFAULT_SCORING_SETTINGS, thresholds: { mql: 40, warm: 20, hot: 50 } };
    const acc = createPreviewAccumulator(DEFAULT_SCORING_SETTINGS, draft);
    acc.add({
      stage: 'lead',
      current: { total: 45, temperature: 'warm' },
      draft: { total: 45, temperature: 'warm', promote: true },
    });
    acc.add({
      stage: 'sal',
      current: { total: 65, temperature: 'warm' },
      draft: { total: 35, temperature: 'warm', promote: false },
    });
    acc.add({
      stage: 'nurture',
      current: { total: 50, temperature: 'warm' },
      draft: { total: 50, temperature: 'hot', promote: false },
    });
    acc.add({
      stage: 'lead',
      current: { total: -5, temperature: 'cold' },
      draft: { total: -5, temperature: 'cold', promote: false },
    });
    const result = acc.result();
    expect(result).toMatchObject({ leads: 4, becomeMql: 2, stopMql: 1, promoted: 1 });
    expect(result.current.atMql).toBe(1);
    expect(result.draft.atMql).toBe(2);
    expect(result.draft.temperatures).toEqual({ cold: 1, warm: 2, hot: 1 });
    expect(result.current.buckets[bucketOf(45)]).toBe(1);
    expect(result.current.buckets[0]).toBe(1);
    expect(result.draft.buckets.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('puts totals into 10-point buckets with open ends', () => {
    expect(bucketOf(-40)).toBe(0);
    expect(bucketOf(9)).toBe(0);
    expect(bucketOf(10)).toBe(1);
    expect(bucketOf(99)).toBe(9);
    expect(bucketOf(100)).toBe(10);
    expect(bucketOf(5000)).toBe(10);
  });
});

describe('settings schema', () => {
  it('accepts the defaults and refuses warm at or above hot and duplicate rule ids', () => {
    expect(scoringSettingsSchema.safeParse(DEFAULT_SCORING_SETTINGS).success).toBe(true);
    const bad = scoringSettingsSchema.safeParse({
      ...DEFAULT_SCORING_SETTINGS,
      thresholds: { mql: 60, warm: 70, hot: 70 },
      rules: [DEFAULT_SCORING_SETTINGS.rules[0], DEFAULT_SCORING_SETTINGS.rules[0]],
    });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(messages).toContain('thresholds.hot:validation.hot_above_warm');
    expect(messages).toContain('rules.1.id:validation.duplicate');
  });
});
