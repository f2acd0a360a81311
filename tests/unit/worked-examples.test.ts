import { describe, expect, it } from 'vitest';
import { EMPTY_BANT, type Bant } from '@core/scoring/bant';
import { checkGates, mqlDecision, type HandoverFacts } from '@core/scoring/gates';
import { DEFAULT_SCORING_SETTINGS } from '@core/scoring/rules';
import { createScorer, type ScoringActivity, type ScoringLead } from '@core/scoring/score';

/**
 * The three worked examples of the domain README, scored with the default model. They pin
 * the defaults to the seeds' story: changing a default weight so that the story no longer
 * holds must fail here.
 */
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);
const scorer = createScorer(DEFAULT_SCORING_SETTINGS);
const mql = DEFAULT_SCORING_SETTINGS.thresholds.mql;

function act(
  id: string,
  kind: ScoringActivity['kind'],
  daysAgo: number,
  extra: Partial<ScoringActivity> = {},
): ScoringActivity {
  return {
    id,
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

function factsOf(lead: ScoringLead, activities: ScoringActivity[], total: number): HandoverFacts {
  return {
    email: lead.email,
    phone: lead.phone,
    mobile: lead.mobile,
    companyName: lead.companyName,
    jobTitle: lead.jobTitle,
    buyingRole: lead.buyingRole,
    contentUsed: activities.some((a) => a.contentId !== null),
    total,
  };
}

describe('Frau Teichmann, Head of IT at Fröhlich Holidays', () => {
  const teichmann: ScoringLead = {
    jobTitle: 'Head of IT',
    phone: '+49221987654',
    mobile: null,
    email: 'c.teichmann@froehlich-holidays.de',
    buyingRole: 'decision_maker',
    sourceChannel: 'landing_page',
    companyName: 'Fröhlich Holidays',
    industry: 'Tourismus',
    employees: 140,
    bant: EMPTY_BANT,
  };
  const reading = [
    act('t1', 'newsletter_opened', 40),
    act('t2', 'newsletter_clicked', 40, {
      topic: 'Cloud',
      url: 'https://wolke7.de/blog/cloud-backup',
    }),
    act('t3', 'social', 35),
    act('t4', 'social', 20),
  ];
  const download = act('t5', 'download', 3, {
    contentId: 'wp-cloud',
    contentType: 'whitepaper',
    contentName: 'Cloudlösungen im Mittelstand',
    topic: 'Cloud',
  });

  it('reads the newsletter and is active on social media but stays below the MQL threshold', () => {
    const before = scorer.score(teichmann, reading, NOW);
    expect(before.total).toBeLessThan(mql);
    expect(mqlDecision('lead', before.total, DEFAULT_SCORING_SETTINGS, false)).toBe('none');
  });

  it('crosses the threshold when she downloads the whitepaper and is promoted', () => {
    const after = scorer.score(teichmann, [...reading, download], NOW);
    expect(after.total).toBeGreaterThanOrEqual(mql);
    expect(mqlDecision('lead', after.total, DEFAULT_SCORING_SETTINGS, false)).toBe('promote');
    const line = after.contributions.find((c) => c.ruleId === 'eng.content.whitepaper');
    expect(line?.source).toMatchObject({ contentName: 'Cloudlösungen im Mittelstand' });
    expect(after.topics[0]?.topic).toBe('Cloud');
  });

  it('meets the handover criteria for sales after the download', () => {
    const all = [...reading, download];
    const total = scorer.score(teichmann, all, NOW).total;
    expect(
      checkGates('mql', 'sal', factsOf(teichmann, all, total), EMPTY_BANT, DEFAULT_SCORING_SETTINGS)
        .handover,
    ).toEqual([]);
    expect(
      checkGates(
        'mql',
        'sal',
        factsOf(teichmann, reading, total),
        EMPTY_BANT,
        DEFAULT_SCORING_SETTINGS,
      ).handover,
    ).toEqual(['content_used']);
  });
});

describe('Herr Anders, via a comparison portal to Happy Current', () => {
  const answers: Bant = {
    ...EMPTY_BANT,
    budgetStatus: 'amount',
    budgetCents: 145_000,
    authority: 'decides',
    need: 'confirmed',
    needText: 'Teurer Grundversorger, Verfügbarkeit geprüft',
    timing: '2026-12',
  };
  const anders: ScoringLead = {
    jobTitle: null,
    phone: null,
    mobile: '+4917623456789',
    email: 'peter.anders@posteo.de',
    buyingRole: 'decision_maker',
    sourceChannel: 'comparison_portal',
    companyName: null,
    industry: null,
    employees: null,
    bant: answers,
  };
  const activities = [
    act('a1', 'form_submitted', 6),
    act('a2', 'form_submitted', 6),
    act('a3', 'page_visit', 6, { url: 'https://happy-current.de/tarife-preise' }),
  ];

  it('is marketing qualified and hot without a single call', () => {
    const result = scorer.score(anders, activities, NOW);
    expect(activities.some((a) => a.kind === 'call' || a.kind === 'meeting')).toBe(false);
    expect(result.total).toBeGreaterThanOrEqual(mql);
    expect(result.temperature).toBe('hot');
    expect(result.temperatureBasis).toBe('bant');
  });

  it('gets no company-domain points for a freemail address', () => {
    const result = scorer.score(anders, activities, NOW);
    expect(result.contributions.some((c) => c.ruleId === 'fit.company_email')).toBe(false);
  });
});

describe('Frau Petersen, assistant at Schick und Schmuck', () => {
  const need: Bant = {
    ...EMPTY_BANT,
    need: 'confirmed',
    needText: 'Mittelfristig neue Telefonanlage für sieben Filialen',
    authority: 'none',
  };
  const petersen: ScoringLead = {
    jobTitle: 'Assistentin der Geschäftsleitung',
    phone: '+494131284460',
    mobile: null,
    email: 'anna.petersen@schick-und-schmuck.de',
    buyingRole: 'assistant',
    sourceChannel: 'content_download',
    companyName: 'Schick und Schmuck',
    industry: 'Einzelhandel (Mode)',
    employees: 85,
    bant: need,
  };
  const activities = [
    act('p1', 'download', 24, {
      contentId: 'ebook-tk',
      contentType: 'ebook',
      contentName: 'Telefonanlagen im Einzelhandel',
      topic: 'Telefonanlagen',
    }),
    act('p2', 'call', 10),
  ];

  it('counts her role in the buying centre for nothing', () => {
    const result = scorer.score(petersen, activities, NOW);
    expect(result.contributions.find((c) => c.ruleId === 'fit.role.assistant')?.value).toBe(0);
    expect(result.temperature).toBe('warm');
  });

  it('can be handed to sales but is blocked at SQL until the decider is known', () => {
    const total = scorer.score(petersen, activities, NOW).total;
    const facts = factsOf(petersen, activities, total);
    expect(checkGates('mql', 'sal', facts, need, DEFAULT_SCORING_SETTINGS).handover).toEqual([]);
    expect(checkGates('sal', 'sql', facts, need, DEFAULT_SCORING_SETTINGS).bant).toContain(
      'authority',
    );
    const clarified: Bant = {
      ...need,
      deciderName: 'Gabriele Schick (Geschäftsführerin)',
      budgetStatus: 'range',
      budgetCents: 1_500_000,
      budgetMaxCents: 2_000_000,
      timing: '2027-06',
    };
    expect(checkGates('sal', 'sql', facts, clarified, DEFAULT_SCORING_SETTINGS).bant).toEqual([]);
  });
});
