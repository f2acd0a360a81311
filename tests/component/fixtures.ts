import type { Lead, LeadDetail, LeadSummary } from '@core/domain/lead';
import { STAGES, type Stage } from '@core/domain/stages';
import type { BoardColumn } from '@core/ipc/contract';
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
    createdAt: NOW - 10 * DAY,
    createdBy: 'u1',
    updatedAt: NOW - DAY,
    updatedBy: 'u1',
    version: 4,
    ...overrides,
  };
}

export function detail(overrides: Partial<Lead> = {}): LeadDetail {
  return { lead: lead(overrides), history: [], activities: [] };
}
