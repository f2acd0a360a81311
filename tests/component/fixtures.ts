import type { Lead, LeadDetail, LeadSummary } from '@core/domain/lead';
import { STAGES, type Stage } from '@core/domain/stages';
import type { BoardColumn } from '@core/ipc/contract';
import { EMPTY_BANT } from '@core/scoring/bant';
import type { ContentItem } from '@core/scoring/content';
import { NOW } from './harness';

const DAY = 24 * 60 * 60 * 1000;

export function summary(overrides: Partial<LeadSummary> & { id: string }): LeadSummary {
  return {
    firstName: 'Maria',
    lastName: 'Petersen',
    email: null,
    companyName: 'Schick und Schmuck',
    ownerId: 'u1',
    ownerInitials: 'JB',
    ownerName: 'Jana Becker',
    sourceChannel: 'content_download',
    campaignName: null,
    stage: 'lead',
    stageEnteredAt: NOW - 3 * DAY,
    expectedValueCents: 1_250_000,
    createdAt: NOW - 10 * DAY,
    updatedAt: NOW - DAY,
    version: 4,
    scoreFit: 5,
    scoreEngagement: 12,
    scoreTotal: 17,
    temperature: 'cold',
    scoreDelta7d: 0,
    mqlReady: false,
    doNotContact: false,
    ...overrides,
  };
}

export function board(cards: LeadSummary[]): { columns: BoardColumn[] } {
  return {
    columns: STAGES.map((stage: Stage) => {
      const mine = cards.filter((card) => card.stage === stage);
      return {
        stage,
        count: mine.length,
        sumCents: mine.reduce((sum, card) => sum + (card.expectedValueCents ?? 0), 0),
        cards: mine,
      };
    }),
  };
}

export function lead(overrides: Partial<Lead> = {}): Lead {
  return {
    id: 'l1',
    salutation: 'frau',
    firstName: 'Maria',
    lastName: 'Petersen',
    email: 'petersen@schick-schmuck.de',
    phone: null,
    mobile: null,
    jobTitle: 'Assistenz der Geschäftsführung',
    buyingRole: 'assistant',
    company: null,
    sourceChannel: 'content_download',
    campaignId: null,
    ownerId: 'u1',
    stage: 'lead',
    stageEnteredAt: NOW - 3 * DAY,
    expectedValueCents: 1_250_000,
    expectedCloseDate: null,
    dealValueCents: null,
    notes: '',
    doNotContact: false,
    createdAt: NOW - 10 * DAY,
    createdBy: 'u1',
    updatedAt: NOW - DAY,
    updatedBy: 'u1',
    version: 4,
    ...overrides,
  };
}

/**
 * Frau Petersen's score: a job title (5) and an e-book downloaded 30 days ago (12 → 6 after
 * one half-life), two newsletters opened (one beyond a limit of 1). The lines add up to the
 * axes: fit 5 + 0 = 5, engagement 6 + 2 + 0 = 8.
 */
export function score(overrides: Partial<LeadDetail['score']> = {}): LeadDetail['score'] {
  return {
    fit: 5,
    engagement: 8,
    total: 13,
    temperature: 'cold',
    temperatureBasis: 'score',
    contributions: [
      {
        ruleId: 'fit.role.assistant',
        axis: 'fit',
        condition: { kind: 'buying_role', role: 'assistant' },
        points: 0,
        decay: 1,
        value: 0,
        capped: false,
        source: { kind: 'field' },
      },
      {
        ruleId: 'fit.job_title',
        axis: 'fit',
        condition: { kind: 'field_present', field: 'job_title' },
        points: 5,
        decay: 1,
        value: 5,
        capped: false,
        source: { kind: 'field' },
      },
      {
        ruleId: 'eng.newsletter_opened',
        axis: 'engagement',
        condition: { kind: 'activity', activity: 'newsletter_opened' },
        points: 2,
        decay: 0.97,
        value: 2,
        capped: false,
        source: {
          kind: 'activity',
          activityId: 'a2',
          activityKind: 'newsletter_opened',
          occurredAt: NOW - DAY,
          contentName: null,
          url: null,
        },
      },
      {
        ruleId: 'eng.content.ebook',
        axis: 'engagement',
        condition: { kind: 'content_type', contentType: 'ebook' },
        points: 12,
        decay: 0.5,
        value: 6,
        capped: false,
        source: {
          kind: 'activity',
          activityId: 'a1',
          activityKind: 'download',
          occurredAt: NOW - 30 * DAY,
          contentName: 'Telefonie für den Handel',
          url: null,
        },
      },
      {
        ruleId: 'eng.newsletter_opened',
        axis: 'engagement',
        condition: { kind: 'activity', activity: 'newsletter_opened' },
        points: 2,
        decay: 0.9,
        value: 0,
        capped: true,
        source: {
          kind: 'activity',
          activityId: 'a3',
          activityKind: 'newsletter_opened',
          occurredAt: NOW - 4 * DAY,
          contentName: null,
          url: null,
        },
      },
    ],
    topics: [
      { topic: 'Telefonanlagen', weight: 6, share: 0.75 },
      { topic: 'Netzwerk', weight: 2, share: 0.25 },
    ],
    delta7d: 2,
    mqlReady: false,
    ...overrides,
  };
}

export function detail(
  overrides: Partial<Lead> = {},
  extra: Partial<Omit<LeadDetail, 'lead'>> = {},
): LeadDetail {
  return {
    lead: lead(overrides),
    history: [],
    activities: [],
    score: score(),
    bant: EMPTY_BANT,
    bantVersion: 0,
    gates: {
      handover: ['company', 'buying_role'],
      bant: ['budget', 'authority', 'need', 'timing'],
    },
    ...extra,
  };
}

export function contentItem(overrides: Partial<ContentItem> & { id: string }): ContentItem {
  return {
    name: 'Cloudlösungen im Mittelstand',
    type: 'whitepaper',
    topic: 'Cloud',
    phase: 'awareness',
    targetRole: null,
    url: null,
    archived: false,
    createdAt: NOW - 20 * DAY,
    updatedAt: NOW - 20 * DAY,
    version: 1,
    ...overrides,
  };
}
