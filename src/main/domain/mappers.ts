import type { SourceChannel } from '@core/domain/channels';
import type {
  Activity,
  ActivityKind,
  BuyingRole,
  Campaign,
  ChangeOrigin,
  Company,
  Lead,
  LeadSummary,
  Salutation,
  StageChange,
  User,
} from '@core/domain/lead';
import type { Stage } from '@core/domain/stages';
import {
  EMPTY_BANT,
  type Authority,
  type Bant,
  type BudgetStatus,
  type BuyingPhase,
  type ContentItem,
  type ContentType,
  type NeedStatus,
  type Temperature,
} from '@core/scoring';
import type { Selectable } from 'kysely';
import type { LeadStageChangesTable } from '../db/schema';
import type { ContentRow } from '../repositories/content-repository';
import type { CompanyRow } from '../repositories/companies-repository';
import type { LeadRow } from '../repositories/leads-repository';
import type { LeadSummaryRow } from '../repositories/lead-summaries-repository';

// Enumerated text columns are guarded by CHECK constraints, so the casts below only narrow
// what the schema already guarantees.

export function toUser(row: { id: string; name: string; initials: string }): User {
  return { id: row.id, name: row.name, initials: row.initials };
}

export function toCampaign(row: { id: string; name: string; channel: string | null }): Campaign {
  return { id: row.id, name: row.name, channel: row.channel as SourceChannel | null };
}

export function toCompany(row: CompanyRow): Company {
  return {
    id: row.id,
    name: row.name,
    industry: row.industry,
    employees: row.employees,
    branches: row.branches,
    website: row.website,
    street: row.street,
    postalCode: row.postal_code,
    city: row.city,
    country: row.country,
  };
}

export function toLead(row: LeadRow, company: CompanyRow | undefined): Lead {
  return {
    id: row.id,
    salutation: row.salutation as Salutation,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    mobile: row.mobile,
    jobTitle: row.job_title,
    buyingRole: row.buying_role as BuyingRole,
    company: company ? toCompany(company) : null,
    sourceChannel: row.source_channel as SourceChannel,
    campaignId: row.campaign_id,
    ownerId: row.owner_id,
    stage: row.stage as Stage,
    stageEnteredAt: row.stage_entered_at,
    expectedValueCents: row.expected_value_cents,
    expectedCloseDate: row.expected_close_date,
    dealValueCents: row.deal_value_cents,
    notes: row.notes,
    doNotContact: row.do_not_contact === 1,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    version: row.version,
  };
}

export function toLeadSummary(row: LeadSummaryRow): LeadSummary {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    companyName: row.company_name,
    ownerId: row.owner_id,
    ownerInitials: row.owner_initials,
    ownerName: row.owner_name,
    sourceChannel: row.source_channel as SourceChannel,
    campaignName: row.campaign_name,
    stage: row.stage as Stage,
    stageEnteredAt: row.stage_entered_at,
    expectedValueCents: row.expected_value_cents,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    scoreFit: row.score_fit,
    scoreEngagement: row.score_engagement,
    scoreTotal: row.score_total,
    temperature: row.temperature as Temperature,
    scoreDelta7d: row.score_delta_7d,
    mqlReady: row.mql_ready === 1,
    doNotContact: row.do_not_contact === 1,
  };
}

export function toStageChange(
  row: Omit<Selectable<LeadStageChangesTable>, 'lead_id'> & { changed_by_name: string | null },
): StageChange {
  return {
    id: row.id,
    fromStage: row.from_stage as Stage | null,
    toStage: row.to_stage as Stage,
    reason: row.reason,
    origin: row.origin as ChangeOrigin,
    score: row.score,
    changedAt: row.changed_at,
    changedBy: row.changed_by,
    changedByName: row.changed_by_name,
  };
}

export function toActivity(row: {
  id: string;
  kind: string;
  occurred_at: number;
  text: string;
  content_id: string | null;
  content_name: string | null;
  topic: string | null;
  url: string | null;
  created_at: number;
  created_by: string | null;
  created_by_name: string | null;
}): Activity {
  return {
    id: row.id,
    kind: row.kind as ActivityKind,
    occurredAt: row.occurred_at,
    text: row.text,
    contentId: row.content_id,
    contentName: row.content_name,
    topic: row.topic,
    url: row.url,
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
  };
}

/** BANT columns as stored; all null when the lead has no BANT row yet (a left join). */
export type BantColumns = {
  budget_status: string | null;
  budget_cents: number | null;
  budget_max_cents: number | null;
  authority: string | null;
  decider_name: string | null;
  need: string | null;
  need_text: string | null;
  timing: string | null;
  updated_at: number | null;
  updated_by: string | null;
};

/** A lead's BANT; {@link EMPTY_BANT} when nobody has qualified it yet. */
export function toBant(row: BantColumns | undefined): Bant {
  if (row === undefined || row.budget_status === null) return EMPTY_BANT;
  return {
    budgetStatus: row.budget_status as BudgetStatus,
    budgetCents: row.budget_cents,
    budgetMaxCents: row.budget_max_cents,
    authority: (row.authority ?? 'unknown') as Authority,
    deciderName: row.decider_name,
    need: (row.need ?? 'unknown') as NeedStatus,
    needText: row.need_text ?? '',
    timing: row.timing,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function toContentItem(row: ContentRow): ContentItem {
  return {
    id: row.id,
    name: row.name,
    type: row.type as ContentType,
    topic: row.topic,
    phase: row.phase as BuyingPhase,
    targetRole: row.target_role as BuyingRole | null,
    url: row.url,
    archived: row.archived === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
