import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Every campaign, by name. */
export function listCampaigns(db: Kysely<Database>) {
  return db
    .selectFrom('campaigns')
    .select(['id', 'name', 'channel'])
    .orderBy(sql`name COLLATE NOCASE`)
    .orderBy('id')
    .execute();
}

export function findCampaign(db: Kysely<Database>, id: string) {
  return db.selectFrom('campaigns').select(['id']).where('id', '=', id).executeTakeFirst();
}
