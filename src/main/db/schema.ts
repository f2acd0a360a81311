import type { Generated } from 'kysely';

/**
 * Row types of the database, as Kysely sees them. Rows stay inside main: services map them
 * to core types before anything crosses IPC. Times are epoch ms UTC, money integer cents,
 * calendar days ISO `YYYY-MM-DD` text.
 */
export type UsersTable = {
  id: string;
  name: string;
  initials: string;
  created_at: number;
};

export type CompaniesTable = {
  id: string;
  name: string;
  /** `foldForSearch(name)`: matching and searching without case or umlaut differences. */
  name_folded: string;
  industry: string | null;
  employees: number | null;
  branches: number | null;
  website: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  country: string | null;
  created_at: number;
  updated_at: number;
  version: Generated<number>;
};

export type CampaignsTable = {
  id: string;
  name: string;
  channel: string | null;
  cost_cents: number | null;
  starts_on: string | null;
  ends_on: string | null;
  created_at: number;
};

export type LeadsTable = {
  id: string;
  salutation: string;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  job_title: string | null;
  buying_role: string;
  company_id: string | null;
  source_channel: string;
  campaign_id: string | null;
  owner_id: string | null;
  stage: string;
  stage_entered_at: number;
  expected_value_cents: number | null;
  expected_close_date: string | null;
  deal_value_cents: number | null;
  notes: Generated<string>;
  /** Folded "first last company email" for the text filter; maintained by the lead service. */
  search_text: string;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  updated_by: string | null;
  /** Optimistic-locking counter: updates are `WHERE id = ? AND version = ?`. */
  version: Generated<number>;
};

export type LeadStageChangesTable = {
  id: string;
  lead_id: string;
  from_stage: string | null;
  to_stage: string;
  reason: string | null;
  origin: string;
  changed_at: number;
  changed_by: string | null;
};

export type LeadActivitiesTable = {
  id: string;
  lead_id: string;
  kind: string;
  occurred_at: number;
  text: string;
  created_at: number;
  created_by: string | null;
};

export type SettingsTable = {
  key: string;
  /** JSON text. */
  value: string;
  updated_at: number;
  updated_by: string | null;
};

export type SchemaMigrationsTable = {
  version: number;
  name: string;
  applied_at: number;
};

export type Database = {
  users: UsersTable;
  companies: CompaniesTable;
  campaigns: CampaignsTable;
  leads: LeadsTable;
  lead_stage_changes: LeadStageChangesTable;
  lead_activities: LeadActivitiesTable;
  settings: SettingsTable;
  schema_migrations: SchemaMigrationsTable;
};
