import { sql } from 'kysely';
import type { Migration } from './types';

/** Enumerations as they were when this migration was written; later ones add their own. */
const STAGES = `'suspect','lead','mql','sal','sql','opportunity','customer','nurture','disqualified','lost'`;
const CHANNELS = `'newsletter','blog','social','webinar','content_download','seo','landing_page','quote_request','email_prospecting','cold_call','paid_search','purchased_list','trade_fair','conference','lunch_and_learn','referral','comparison_portal','other'`;

const statements = [
  `CREATE TABLE schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`,
  `CREATE TABLE users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    initials TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT`,
  `CREATE UNIQUE INDEX idx_users_name ON users (name COLLATE NOCASE)`,
  `CREATE TABLE companies (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_folded TEXT NOT NULL,
    industry TEXT,
    employees INTEGER CHECK (employees IS NULL OR employees >= 0),
    branches INTEGER CHECK (branches IS NULL OR branches >= 0),
    website TEXT,
    street TEXT,
    postal_code TEXT,
    city TEXT,
    country TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
  ) STRICT`,
  `CREATE INDEX idx_companies_name_folded ON companies (name_folded)`,
  `CREATE TABLE campaigns (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    channel TEXT CHECK (channel IS NULL OR channel IN (${CHANNELS})),
    cost_cents INTEGER CHECK (cost_cents IS NULL OR cost_cents >= 0),
    starts_on TEXT,
    ends_on TEXT,
    created_at INTEGER NOT NULL
  ) STRICT`,
  `CREATE UNIQUE INDEX idx_campaigns_name ON campaigns (name COLLATE NOCASE)`,
  `CREATE TABLE leads (
    id TEXT PRIMARY KEY,
    salutation TEXT NOT NULL CHECK (salutation IN ('frau','herr','divers','none')),
    first_name TEXT NOT NULL CHECK (length(trim(first_name)) > 0),
    last_name TEXT NOT NULL CHECK (length(trim(last_name)) > 0),
    email TEXT,
    phone TEXT,
    mobile TEXT,
    job_title TEXT,
    buying_role TEXT NOT NULL CHECK (buying_role IN ('decision_maker','influencer','user','assistant','unknown')),
    company_id TEXT REFERENCES companies (id) ON DELETE SET NULL,
    source_channel TEXT NOT NULL CHECK (source_channel IN (${CHANNELS})),
    campaign_id TEXT REFERENCES campaigns (id) ON DELETE SET NULL,
    owner_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    stage TEXT NOT NULL CHECK (stage IN (${STAGES})),
    stage_entered_at INTEGER NOT NULL,
    expected_value_cents INTEGER CHECK (expected_value_cents IS NULL OR expected_value_cents >= 0),
    expected_close_date TEXT CHECK (expected_close_date IS NULL OR expected_close_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    deal_value_cents INTEGER CHECK (deal_value_cents IS NULL OR deal_value_cents >= 0),
    notes TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    version INTEGER NOT NULL DEFAULT 1
  ) STRICT`,
  `CREATE INDEX idx_leads_board ON leads (stage, stage_entered_at DESC, id)`,
  `CREATE INDEX idx_leads_stage_value ON leads (stage, expected_value_cents)`,
  `CREATE INDEX idx_leads_owner_board ON leads (owner_id, stage, stage_entered_at DESC)`,
  `CREATE INDEX idx_leads_source_board ON leads (source_channel, stage, stage_entered_at DESC)`,
  `CREATE INDEX idx_leads_updated ON leads (updated_at DESC)`,
  `CREATE INDEX idx_leads_company ON leads (company_id)`,
  `CREATE INDEX idx_leads_campaign ON leads (campaign_id)`,
  `CREATE INDEX idx_leads_email ON leads (email COLLATE NOCASE)`,
  `CREATE TABLE lead_stage_changes (
    id TEXT PRIMARY KEY,
    lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    from_stage TEXT CHECK (from_stage IS NULL OR from_stage IN (${STAGES})),
    to_stage TEXT NOT NULL CHECK (to_stage IN (${STAGES})),
    reason TEXT,
    origin TEXT NOT NULL CHECK (origin IN ('user','scoring','import','system')),
    changed_at INTEGER NOT NULL,
    changed_by TEXT REFERENCES users (id) ON DELETE SET NULL
  ) STRICT`,
  `CREATE INDEX idx_stage_changes_lead ON lead_stage_changes (lead_id, changed_at)`,
  `CREATE INDEX idx_stage_changes_time ON lead_stage_changes (changed_at)`,
  `CREATE TABLE lead_activities (
    id TEXT PRIMARY KEY,
    lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('call','meeting','email','note')),
    occurred_at INTEGER NOT NULL,
    text TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL
  ) STRICT`,
  `CREATE INDEX idx_activities_lead ON lead_activities (lead_id, occurred_at DESC)`,
  `CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL CHECK (json_valid(value)),
    updated_at INTEGER NOT NULL,
    updated_by TEXT REFERENCES users (id) ON DELETE SET NULL
  ) STRICT`,
];

/** Users, companies, campaigns, leads with stage history and activities, settings. */
export const m0001Initial: Migration = {
  version: 1,
  name: 'initial',
  async up(db) {
    for (const statement of statements) {
      await sql.raw(statement).execute(db);
    }
  },
};
