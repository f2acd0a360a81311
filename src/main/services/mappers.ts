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
  };
}

export function toStageChange(row: {
  id: string;
  from_stage: string | null;
  to_stage: string;
  reason: string | null;
  origin: string;
  changed_at: number;
  changed_by: string | null;
  changed_by_name: string | null;
}): StageChange {
  return {
    id: row.id,
    fromStage: row.from_stage as Stage | null,
    toStage: row.to_stage as Stage,
    reason: row.reason,
    origin: row.origin as ChangeOrigin,
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
  created_at: number;
  created_by: string | null;
  created_by_name: string | null;
}): Activity {
  return {
    id: row.id,
    kind: row.kind as ActivityKind,
    occurredAt: row.occurred_at,
    text: row.text,
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
  };
}
