import { sql, type Kysely } from 'kysely';
import type { LeadFilter } from '@core/ipc/leads/schemas';
import type { Database } from '../db/schema';
import { filteredLeads } from './lead-summaries-repository';

/**
 * Ids of the visible leads the filter shows (null: all visible leads), sorted by last name,
 * first name (ignoring case), id. Only the ids are sorted and held: the export then reads
 * the rows by id in pages, so a large table is sorted once instead of once per page.
 */
export async function exportLeadIds(
  db: Kysely<Database>,
  filters: LeadFilter | null,
): Promise<string[]> {
  const rows = await filteredLeads(db, filters ?? {})
    .select('leads.id')
    .orderBy(sql`leads.last_name COLLATE NOCASE`)
    .orderBy(sql`leads.first_name COLLATE NOCASE`)
    .orderBy('leads.id')
    .execute();
  return rows.map((row) => row.id);
}

/** Everything an export row holds of a lead, with company, campaign and owner by name. */
export function exportRows(db: Kysely<Database>, ids: readonly string[]) {
  return db
    .selectFrom('leads')
    .leftJoin('companies', 'companies.id', 'leads.company_id')
    .leftJoin('users as owner', 'owner.id', 'leads.owner_id')
    .leftJoin('campaigns', 'campaigns.id', 'leads.campaign_id')
    .where('leads.id', 'in', ids)
    .where('leads.import_pending', 'is', null)
    .select([
      'leads.id',
      'leads.salutation',
      'leads.first_name',
      'leads.last_name',
      'leads.email',
      'leads.phone',
      'leads.mobile',
      'leads.job_title',
      'leads.buying_role',
      'companies.name as company_name',
      'companies.industry',
      'companies.employees',
      'companies.website',
      'companies.street',
      'companies.postal_code',
      'companies.city',
      'companies.country',
      'leads.source_channel',
      'campaigns.name as campaign_name',
      'owner.name as owner_name',
      'leads.stage',
      'leads.expected_value_cents',
      'leads.expected_close_date',
      'leads.deal_value_cents',
      'leads.notes',
      'leads.do_not_contact',
    ])
    .execute();
}

export type ExportRow = Awaited<ReturnType<typeof exportRows>>[number];
