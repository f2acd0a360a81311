import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, LeadActivitiesTable, LeadStageChangesTable } from '../db/schema';
import type { WritableDb } from '../db/handles';

export async function insertStageChange(
  db: WritableDb,
  row: Insertable<LeadStageChangesTable>,
): Promise<void> {
  await db.insertInto('lead_stage_changes').values(row).execute();
}

/** A lead's stage changes with the names of who made them, newest first. */
export function listStageChanges(db: Kysely<Database>, leadId: string) {
  return db
    .selectFrom('lead_stage_changes as c')
    .leftJoin('users as u', 'u.id', 'c.changed_by')
    .select([
      'c.id',
      'c.from_stage',
      'c.to_stage',
      'c.reason',
      'c.origin',
      'c.score',
      'c.changed_at',
      'c.changed_by',
      'u.name as changed_by_name',
    ])
    .where('c.lead_id', '=', leadId)
    .orderBy('c.changed_at', 'desc')
    .orderBy(sql`c.rowid`, 'desc')
    .execute();
}

export async function insertActivity(
  db: WritableDb,
  row: Insertable<LeadActivitiesTable>,
): Promise<void> {
  await db.insertInto('lead_activities').values(row).execute();
}

const activityColumns = [
  'a.id',
  'a.kind',
  'a.occurred_at',
  'a.text',
  'a.content_id',
  'content.name as content_name',
  'a.topic',
  'a.url',
  'a.created_at',
  'a.created_by',
  'u.name as created_by_name',
] as const;

/** A lead's activities with the names of who logged them and of their content, newest first. */
export function listActivities(db: Kysely<Database>, leadId: string) {
  return db
    .selectFrom('lead_activities as a')
    .leftJoin('users as u', 'u.id', 'a.created_by')
    .leftJoin('content_items as content', 'content.id', 'a.content_id')
    .select(activityColumns)
    .where('a.lead_id', '=', leadId)
    .orderBy('a.occurred_at', 'desc')
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id')
    .execute();
}

export function findActivity(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('lead_activities as a')
    .leftJoin('users as u', 'u.id', 'a.created_by')
    .leftJoin('content_items as content', 'content.id', 'a.content_id')
    .select(activityColumns)
    .where('a.id', '=', id)
    .executeTakeFirst();
}
