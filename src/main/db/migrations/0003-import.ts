import { sql } from 'kysely';
import { personKey } from '@core/import/match-keys';
import type { Migration } from './types';

/** Enumerations as they were when this migration was written; later ones add their own. */
const STAGES = `'suspect','lead','mql','sal','sql','opportunity','customer','nurture','disqualified','lost'`;
const CHANNELS = `'newsletter','blog','social','webinar','content_download','seo','landing_page','quote_request','email_prospecting','cold_call','paid_search','purchased_list','trade_fair','conference','lunch_and_learn','referral','comparison_portal','other'`;
/** The columns of `leads` as schema 2 left them. */
const LEAD_COLUMNS = `id, salutation, first_name, last_name, email, phone, mobile, job_title, buying_role, company_id, source_channel, campaign_id, owner_id, stage, stage_entered_at, expected_value_cents, expected_close_date, deal_value_cents, notes, search_text, created_at, created_by, updated_at, updated_by, version, score_fit, score_engagement, score_total, temperature, score_delta_7d, mql_ready, scored_at`;
const ACTIVITY_KINDS = `'call','meeting','email','note','form_submitted','newsletter_opened','newsletter_clicked','webinar_registered','webinar_attended','page_visit','download','social','unsubscribed','email_bounced','imported'`;

const statements = [
  `CREATE TABLE import_batches (
    id TEXT PRIMARY KEY,
    file_name TEXT NOT NULL,
    file_path TEXT NOT NULL,
    file_size INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('csv','xlsx','vcard')),
    options TEXT NOT NULL CHECK (json_valid(options)),
    mapping_name TEXT,
    source_channel TEXT NOT NULL,
    campaign_id TEXT REFERENCES campaigns (id) ON DELETE SET NULL,
    owner_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    status TEXT NOT NULL CHECK (status IN ('running','done','cancelled','failed','undone')),
    rows_total INTEGER,
    rows_done INTEGER NOT NULL DEFAULT 0,
    resume_row INTEGER NOT NULL DEFAULT 0,
    created_count INTEGER NOT NULL DEFAULT 0,
    filled_count INTEGER NOT NULL DEFAULT 0,
    overwritten_count INTEGER NOT NULL DEFAULT 0,
    skipped_count INTEGER NOT NULL DEFAULT 0,
    suppressed_count INTEGER NOT NULL DEFAULT 0,
    invalid_count INTEGER NOT NULL DEFAULT 0,
    duplicate_count INTEGER NOT NULL DEFAULT 0,
    started_at INTEGER NOT NULL,
    started_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    heartbeat_at INTEGER NOT NULL,
    finished_at INTEGER,
    undone_at INTEGER,
    undone_by TEXT REFERENCES users (id) ON DELETE SET NULL
  ) STRICT`,
  `CREATE INDEX idx_import_batches_hash ON import_batches (content_hash)`,
  `CREATE INDEX idx_import_batches_started ON import_batches (started_at DESC)`,
  `CREATE TABLE import_changes (
    id INTEGER PRIMARY KEY,
    batch_id TEXT NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    lead_id TEXT NOT NULL,
    row_number INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('create','fill','overwrite')),
    before TEXT CHECK (before IS NULL OR json_valid(before)),
    after TEXT CHECK (after IS NULL OR json_valid(after)),
    lead_version INTEGER,
    applied INTEGER NOT NULL DEFAULT 0 CHECK (applied IN (0, 1))
  ) STRICT`,
  `CREATE INDEX idx_import_changes_batch ON import_changes (batch_id, action)`,
  `CREATE INDEX idx_import_changes_lead ON import_changes (lead_id)`,
  `CREATE TABLE import_companies (
    batch_id TEXT NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    company_id TEXT NOT NULL,
    PRIMARY KEY (batch_id, company_id)
  ) STRICT`,
  `CREATE TABLE import_mappings (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    mapping TEXT NOT NULL CHECK (json_valid(mapping)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT REFERENCES users (id) ON DELETE SET NULL
  ) STRICT`,
  `CREATE UNIQUE INDEX idx_import_mappings_name ON import_mappings (name COLLATE NOCASE)`,
  `CREATE TABLE suppression_list (
    hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('email','phone')),
    created_at INTEGER NOT NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL
  ) STRICT`,
  // Rebuilt (foreign keys off, see `rebuildsReferencedTable`): the first name becomes
  // optional — address books and trade-fair scans often hold one name only — and the
  // import's columns are added.
  `CREATE TABLE leads_new (
    id TEXT PRIMARY KEY,
    salutation TEXT NOT NULL CHECK (salutation IN ('frau','herr','divers','none')),
    first_name TEXT NOT NULL DEFAULT '',
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
    version INTEGER NOT NULL DEFAULT 1,
    score_fit INTEGER NOT NULL DEFAULT 0,
    score_engagement INTEGER NOT NULL DEFAULT 0,
    score_total INTEGER NOT NULL DEFAULT 0,
    temperature TEXT NOT NULL DEFAULT 'cold' CHECK (temperature IN ('cold','warm','hot')),
    score_delta_7d INTEGER NOT NULL DEFAULT 0,
    mql_ready INTEGER NOT NULL DEFAULT 0 CHECK (mql_ready IN (0, 1)),
    scored_at INTEGER,
    do_not_contact INTEGER NOT NULL DEFAULT 0 CHECK (do_not_contact IN (0, 1)),
    import_pending TEXT,
    person_key TEXT
  ) STRICT`,
  `INSERT INTO leads_new (${LEAD_COLUMNS}) SELECT ${LEAD_COLUMNS} FROM leads`,
  `DROP TABLE leads`,
  `ALTER TABLE leads_new RENAME TO leads`,
  `CREATE INDEX idx_leads_board ON leads (stage, stage_entered_at DESC, id)`,
  `CREATE INDEX idx_leads_stage_value ON leads (stage, expected_value_cents)`,
  `CREATE INDEX idx_leads_owner_board ON leads (owner_id, stage, stage_entered_at DESC)`,
  `CREATE INDEX idx_leads_source_board ON leads (source_channel, stage, stage_entered_at DESC)`,
  `CREATE INDEX idx_leads_updated ON leads (updated_at DESC)`,
  `CREATE INDEX idx_leads_company ON leads (company_id)`,
  `CREATE INDEX idx_leads_campaign ON leads (campaign_id)`,
  `CREATE INDEX idx_leads_email ON leads (email COLLATE NOCASE)`,
  `CREATE INDEX idx_leads_board_score ON leads (stage, score_total DESC, id)`,
  `CREATE INDEX idx_leads_phone ON leads (phone)`,
  `CREATE INDEX idx_leads_mobile ON leads (mobile)`,
  `CREATE INDEX idx_leads_person_key ON leads (person_key)`,
  `CREATE INDEX idx_leads_import_pending ON leads (import_pending) WHERE import_pending IS NOT NULL`,
  `CREATE TABLE lead_activities_new (
    id TEXT PRIMARY KEY,
    lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN (${ACTIVITY_KINDS})),
    occurred_at INTEGER NOT NULL,
    text TEXT NOT NULL,
    content_id TEXT REFERENCES content_items (id) ON DELETE SET NULL,
    topic TEXT,
    url TEXT,
    created_at INTEGER NOT NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL
  ) STRICT`,
  `INSERT INTO lead_activities_new SELECT id, lead_id, kind, occurred_at, text, content_id, topic, url, created_at, created_by FROM lead_activities`,
  `DROP TABLE lead_activities`,
  `ALTER TABLE lead_activities_new RENAME TO lead_activities`,
  `CREATE INDEX idx_activities_lead ON lead_activities (lead_id, occurred_at DESC)`,
  `CREATE INDEX idx_activities_content ON lead_activities (content_id)`,
];

/**
 * Imports: batches with their job state (a running batch's leads carry `import_pending`
 * and stay invisible until the batch completes), per-lead changes for undo, companies a
 * batch created, saved column mappings, the suppression list of hashed addresses and
 * numbers, leads rebuilt with an optional first name, the "do not contact" flag and the
 * fuzzy person key for duplicate checks (filled here for existing leads), and the
 * `imported` activity kind.
 */
export const m0003Import: Migration = {
  version: 3,
  name: 'import',
  rebuildsReferencedTable: true,
  async up(db) {
    for (const statement of statements) {
      await sql.raw(statement).execute(db);
    }
    const rows = await sql<{
      id: string;
      first_name: string;
      last_name: string;
      company: string | null;
    }>`
      SELECT leads.id, leads.first_name, leads.last_name, companies.name AS company
      FROM leads LEFT JOIN companies ON companies.id = leads.company_id`.execute(db);
    for (const row of rows.rows) {
      const key = personKey(row.first_name, row.last_name, row.company);
      if (key !== null) {
        await sql`UPDATE leads SET person_key = ${key} WHERE id = ${row.id}`.execute(db);
      }
    }
  },
};
