import { sql } from 'kysely';
import type { Migration } from './types';

/** Enumerations as they were when this migration was written; later ones add their own. */
const ACTIVITY_KINDS = `'call','meeting','email','note','form_submitted','newsletter_opened','newsletter_clicked','webinar_registered','webinar_attended','page_visit','download','social','unsubscribed','email_bounced'`;
const CONTENT_TYPES = `'whitepaper','ebook','webinar','blog_post','case_study','data_sheet','roi_calculator','price_list'`;
const BUYING_PHASES = `'awareness','consideration','evaluation','purchase'`;
const BUYING_ROLES = `'decision_maker','influencer','user','assistant','unknown'`;

const statements = [
  `CREATE TABLE content_items (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    type TEXT NOT NULL CHECK (type IN (${CONTENT_TYPES})),
    topic TEXT,
    phase TEXT NOT NULL CHECK (phase IN (${BUYING_PHASES})),
    target_role TEXT CHECK (target_role IS NULL OR target_role IN (${BUYING_ROLES})),
    url TEXT,
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at INTEGER NOT NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    version INTEGER NOT NULL DEFAULT 1
  ) STRICT`,
  `CREATE UNIQUE INDEX idx_content_items_name ON content_items (name COLLATE NOCASE)`,
  // SQLite cannot change a CHECK in place: the activities table is rebuilt with the new kinds
  // and the columns linking an activity to content, a topic and a page address.
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
  `INSERT INTO lead_activities_new (id, lead_id, kind, occurred_at, text, created_at, created_by)
    SELECT id, lead_id, kind, occurred_at, text, created_at, created_by FROM lead_activities`,
  `DROP TABLE lead_activities`,
  `ALTER TABLE lead_activities_new RENAME TO lead_activities`,
  `CREATE INDEX idx_activities_lead ON lead_activities (lead_id, occurred_at DESC)`,
  `CREATE INDEX idx_activities_content ON lead_activities (content_id)`,
  `ALTER TABLE leads ADD COLUMN score_fit INTEGER NOT NULL DEFAULT 0`,
  `ALTER TABLE leads ADD COLUMN score_engagement INTEGER NOT NULL DEFAULT 0`,
  `ALTER TABLE leads ADD COLUMN score_total INTEGER NOT NULL DEFAULT 0`,
  `ALTER TABLE leads ADD COLUMN temperature TEXT NOT NULL DEFAULT 'cold' CHECK (temperature IN ('cold','warm','hot'))`,
  `ALTER TABLE leads ADD COLUMN score_delta_7d INTEGER NOT NULL DEFAULT 0`,
  `ALTER TABLE leads ADD COLUMN mql_ready INTEGER NOT NULL DEFAULT 0 CHECK (mql_ready IN (0, 1))`,
  // NULL: never scored; opening the file then starts a recompute.
  `ALTER TABLE leads ADD COLUMN scored_at INTEGER`,
  `CREATE INDEX idx_leads_board_score ON leads (stage, score_total DESC, id)`,
  `ALTER TABLE lead_stage_changes ADD COLUMN score INTEGER`,
  `CREATE TABLE lead_bant (
    lead_id TEXT PRIMARY KEY REFERENCES leads (id) ON DELETE CASCADE,
    budget_status TEXT NOT NULL CHECK (budget_status IN ('unknown','none','amount','range')),
    budget_cents INTEGER CHECK (budget_cents IS NULL OR budget_cents >= 0),
    budget_max_cents INTEGER CHECK (budget_max_cents IS NULL OR budget_max_cents >= 0),
    authority TEXT NOT NULL CHECK (authority IN ('unknown','decides','influences','none')),
    decider_name TEXT,
    need TEXT NOT NULL CHECK (need IN ('unknown','confirmed','not_confirmed')),
    need_text TEXT NOT NULL DEFAULT '',
    timing TEXT CHECK (timing IS NULL OR timing GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    updated_at INTEGER NOT NULL,
    updated_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    version INTEGER NOT NULL DEFAULT 1
  ) STRICT`,
];

/**
 * Scoring and qualification: the content library, activities of the engagement kinds with
 * content, topic and address, stored scores on leads, the score of a change made by
 * scoring, and BANT per lead. The scoring model itself lives in `settings` under `scoring`.
 */
export const m0002Scoring: Migration = {
  version: 2,
  name: 'scoring',
  async up(db) {
    for (const statement of statements) {
      await sql.raw(statement).execute(db);
    }
  },
};
