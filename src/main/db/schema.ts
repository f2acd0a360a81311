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
  /**
   * Stored score, derived from the lead, its activities and BANT by the scoring service.
   * Rewriting it is not a user change: it never bumps `version` or `updated_at`.
   */
  score_fit: Generated<number>;
  score_engagement: Generated<number>;
  score_total: Generated<number>;
  temperature: Generated<string>;
  /** Total now minus the total as it stood 7 days before `scored_at`. */
  score_delta_7d: Generated<number>;
  /** 1: reached the MQL threshold but scoring left the stage alone. */
  mql_ready: Generated<number>;
  /** When the score columns were last computed; null: never. */
  scored_at: number | null;
  /** 1: never contact; its email and phone hashes are on the suppression list. */
  do_not_contact: Generated<number>;
  /** Id of the import batch that created the lead while that batch is incomplete: hidden. */
  import_pending: string | null;
  /** `personKey(first, last, company)` for fuzzy duplicate checks; maintained on every write. */
  person_key: string | null;
};

export type LeadStageChangesTable = {
  id: string;
  lead_id: string;
  from_stage: string | null;
  to_stage: string;
  reason: string | null;
  origin: string;
  /** The total score behind a change made by scoring. */
  score: number | null;
  changed_at: number;
  changed_by: string | null;
};

export type LeadActivitiesTable = {
  id: string;
  lead_id: string;
  kind: string;
  occurred_at: number;
  text: string;
  content_id: string | null;
  topic: string | null;
  url: string | null;
  created_at: number;
  created_by: string | null;
};

export type ContentItemsTable = {
  id: string;
  name: string;
  type: string;
  topic: string | null;
  phase: string;
  target_role: string | null;
  url: string | null;
  /** 0 or 1. */
  archived: number;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  updated_by: string | null;
  version: Generated<number>;
};

/** BANT of a lead; no row means nobody has qualified it yet. */
export type LeadBantTable = {
  lead_id: string;
  budget_status: string;
  budget_cents: number | null;
  budget_max_cents: number | null;
  authority: string;
  decider_name: string | null;
  need: string;
  need_text: string;
  /** Expected purchase month `YYYY-MM`. */
  timing: string | null;
  updated_at: number;
  updated_by: string | null;
  version: Generated<number>;
};

export type SettingsTable = {
  key: string;
  /** JSON text. */
  value: string;
  updated_at: number;
  updated_by: string | null;
};

/** One import of one file, with its job state while it runs. */
export type ImportBatchesTable = {
  id: string;
  file_name: string;
  file_path: string;
  file_size: number;
  /** SHA-256 of the file's bytes: the same file imported twice is noticed. */
  content_hash: string;
  format: string;
  /** JSON of the import options (mapping, source, duplicates …) for resuming. */
  options: string;
  mapping_name: string | null;
  source_channel: string;
  campaign_id: string | null;
  owner_id: string | null;
  status: string;
  rows_total: number | null;
  rows_done: Generated<number>;
  /** Records of the file already handled: a resumed job skips them. */
  resume_row: Generated<number>;
  created_count: Generated<number>;
  filled_count: Generated<number>;
  overwritten_count: Generated<number>;
  skipped_count: Generated<number>;
  suppressed_count: Generated<number>;
  invalid_count: Generated<number>;
  /** Rows with a certain match (lead id, email, number). */
  duplicate_count: Generated<number>;
  /** Rows that only resembled a lead or an earlier row: similar name, same company. */
  possible_duplicate_count: Generated<number>;
  /** Warnings (values kept in the notes instead of their field), and imported rows with one. */
  warning_count: Generated<number>;
  warning_row_count: Generated<number>;
  started_at: number;
  started_by: string | null;
  /** Updated with every chunk; a running batch whose heartbeat is old was interrupted. */
  heartbeat_at: number;
  finished_at: number | null;
  undone_at: number | null;
  undone_by: string | null;
};

/** What a batch did to one lead: created it, or the fields it filled or overwrote. */
export type ImportChangesTable = {
  id: Generated<number>;
  batch_id: string;
  lead_id: string;
  row_number: number;
  action: string;
  /** JSON of the changed fields' values before the import (updates only). */
  before: string | null;
  /** JSON of the values the import writes (updates are applied when the batch completes). */
  after: string | null;
  /** The lead's version after the import wrote it; a higher one means changed since. */
  lead_version: number | null;
  applied: Generated<number>;
};

export type ImportCompaniesTable = {
  batch_id: string;
  company_id: string;
};

export type ImportMappingsTable = {
  id: string;
  name: string;
  /** JSON `ImportMapping`. */
  mapping: string;
  created_at: number;
  updated_at: number;
  updated_by: string | null;
};

/** Hashes of normalised emails and phone numbers that an import must never bring back. */
export type SuppressionListTable = {
  hash: string;
  kind: string;
  created_at: number;
  created_by: string | null;
};

/** Random keys that belong to this file only (the suppression list's HMAC key). */
export type FileSecretsTable = {
  name: string;
  value: Buffer;
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
  content_items: ContentItemsTable;
  lead_bant: LeadBantTable;
  settings: SettingsTable;
  import_batches: ImportBatchesTable;
  import_changes: ImportChangesTable;
  import_companies: ImportCompaniesTable;
  import_mappings: ImportMappingsTable;
  suppression_list: SuppressionListTable;
  file_secrets: FileSecretsTable;
  schema_migrations: SchemaMigrationsTable;
};
