import type { Insertable, Transaction, Updateable } from 'kysely';
import type { ImportedCompany, ImportedLead } from '@core/import/types';
import type { Language } from '@core/ipc/contract';
import type { ImportOptions } from '@core/ipc/import-schemas';
import { personKey } from '@core/import/match-keys';
import type { Scorer, ScoringSettings } from '@core/scoring';
import { foldForSearch } from '@core/text/normalize';
import type { Database, LeadsTable } from '../db/schema';
import {
  insertActivities,
  insertLeads,
  insertStageChanges,
  updatePendingLead,
} from '../repositories/import-leads-repository';
import {
  findCampaignByName,
  findCompaniesByFoldedNames,
  insertCampaign,
  insertChanges,
  insertCompanies,
  recordBatchCompanies,
  stampLeadVersions,
} from '../repositories/import-repository';
import { addSuppressed } from '../repositories/suppression-repository';
import { leadDerivedColumns, leadSearchText } from '../domain/lead-company';
import { rescoreLeadsAt } from '../domain/lead-scoring';
import { suppressionHashes } from '../domain/suppression';
import { beforeOf, mergeIntoLead, type LeadPatch } from './lead-values';
import { type NewLeadScoring, scoreNewLeads } from './initial-scores';
import { type ChunkPlan, initialStage } from './plan';

type Trx = Transaction<Database>;

/** What every chunk of one real run writes with; the caches live as long as the run. */
export type WriteSetup = {
  batchId: string;
  userId: string;
  fileName: string;
  language: Language;
  options: ImportOptions;
  settings: ScoringSettings;
  scorer: Scorer;
  now: () => number;
  newId: () => string;
  /** Campaign ids by lower-cased name. */
  campaigns: Map<string, string>;
  /** Companies by folded name. */
  companies: Map<string, KnownCompany>;
  /** The file's suppression key (see `OpenDatabase.suppressionKey`). */
  suppressionKey: Buffer;
};

/** A company rows are linked to, with what scoring reads of it. */
type KnownCompany = { id: string; name: string; industry: string | null; employees: number | null };

/** The campaign a row goes to (the file's, else the row's), found or created by name. */
async function resolveCampaign(
  trx: Trx,
  setup: WriteSetup,
  lead: ImportedLead,
): Promise<string | null> {
  const name = (setup.options.campaignName ?? lead.campaignName)?.trim() ?? '';
  if (name === '') return null;
  const key = name.toLowerCase();
  const cached = setup.campaigns.get(key);
  if (cached !== undefined) return cached;
  let id = (await findCampaignByName(trx, name))?.id;
  if (id === undefined) {
    id = setup.newId();
    await insertCampaign(trx, {
      id,
      name,
      channel: setup.options.sourceChannel,
      cost_cents: null,
      starts_on: null,
      ends_on: null,
      created_at: setup.now(),
    });
  }
  setup.campaigns.set(key, id);
  return id;
}

/**
 * The companies of these rows by folded name: found (the oldest of a name) or created and
 * recorded as the batch's. Details of existing companies are left as they are.
 */
async function resolveCompanies(
  trx: Trx,
  setup: WriteSetup,
  companies: readonly ImportedCompany[],
): Promise<void> {
  const wanted = new Map<string, ImportedCompany>();
  for (const company of companies) {
    const folded = foldForSearch(company.name);
    if (!setup.companies.has(folded) && !wanted.has(folded)) wanted.set(folded, company);
  }
  if (wanted.size === 0) return;
  for (const row of await findCompaniesByFoldedNames(trx, [...wanted.keys()])) {
    if (!setup.companies.has(row.name_folded)) setup.companies.set(row.name_folded, row);
  }
  const now = setup.now();
  const created = [...wanted]
    .filter(([folded]) => !setup.companies.has(folded))
    .map(([folded, company]) => ({
      id: setup.newId(),
      name: company.name,
      name_folded: folded,
      industry: company.industry,
      employees: company.employees,
      branches: null,
      website: company.website,
      street: company.street,
      postal_code: company.postalCode,
      city: company.city,
      country: company.country,
      created_at: now,
      updated_at: now,
    }));
  await insertCompanies(trx, created);
  await recordBatchCompanies(
    trx,
    setup.batchId,
    created.map((company) => company.id),
  );
  for (const company of created) setup.companies.set(company.name_folded, company);
}

function companyOf(setup: WriteSetup, company: ImportedCompany | null) {
  return company === null ? null : (setup.companies.get(foldForSearch(company.name)) ?? null);
}

/**
 * Writes one planned chunk inside the caller's transaction: new leads (hidden by
 * `import_pending`, with their first stage, `imported` activity, suppression entries and
 * scores), fills of the batch's own earlier leads, and change records for existing leads,
 * which the batch's final transaction applies.
 */
export async function writeChunk(trx: Trx, setup: WriteSetup, plan: ChunkPlan): Promise<void> {
  const now = setup.now();
  const { batchId, userId } = setup;
  // One after the other: a campaign created for one row is found by the next.
  const createCampaigns: (string | null)[] = [];
  for (const item of plan.creates)
    createCampaigns.push(await resolveCampaign(trx, setup, item.lead));
  const updateCampaigns: (string | null)[] = [];
  for (const item of plan.updates)
    updateCampaigns.push(await resolveCampaign(trx, setup, item.lead));
  const merges = plan.updates.map((item, index) =>
    mergeIntoLead(
      item.target,
      item.lead,
      { campaignId: updateCampaigns[index] ?? null, ownerId: item.ownerId },
      item.mode,
    ),
  );
  const companies: ImportedCompany[] = [];
  for (const item of plan.creates)
    if (item.lead.company !== null) companies.push(item.lead.company);
  plan.updates.forEach((item, index) => {
    if (merges[index]?.company && item.lead.company !== null) companies.push(item.lead.company);
  });
  await resolveCompanies(trx, setup, companies);

  const suppress: ReturnType<typeof suppressionHashes> = [];
  const rescore: string[] = [];
  const created: NewLeadScoring[] = plan.creates.map((item, index) => {
    const { lead } = item;
    const company = companyOf(setup, lead.company);
    const companyName = company?.name ?? null;
    if (lead.doNotContact === true) suppress.push(...suppressionHashes(setup.suppressionKey, lead));
    return {
      row: {
        id: setup.newId(),
        salutation: lead.salutation ?? 'none',
        first_name: lead.firstName,
        last_name: lead.lastName,
        email: lead.email,
        phone: lead.phone,
        mobile: lead.mobile,
        job_title: lead.jobTitle,
        buying_role: lead.buyingRole ?? 'unknown',
        company_id: company?.id ?? null,
        source_channel: lead.sourceChannel ?? setup.options.sourceChannel,
        campaign_id: createCampaigns[index] ?? null,
        owner_id: item.ownerId,
        stage: initialStage(lead),
        stage_entered_at: now,
        expected_value_cents: lead.expectedValueCents,
        expected_close_date: lead.expectedCloseDate,
        deal_value_cents: lead.dealValueCents,
        notes: lead.notes ?? '',
        search_text: leadSearchText(lead.firstName, lead.lastName, companyName, lead.email),
        // The row's own key unless later rows changed it: the company was found by folded
        // name, and names that fold alike normalise alike.
        person_key: item.merged
          ? personKey(lead.firstName, lead.lastName, companyName)
          : item.keys.person,
        created_at: now,
        created_by: userId,
        updated_at: now,
        updated_by: userId,
        do_not_contact: lead.doNotContact === true ? 1 : 0,
        import_pending: batchId,
      },
      company,
      activityId: setup.newId(),
    };
  });
  const promote = await scoreNewLeads(trx, setup.scorer, created, now);
  await insertLeads(
    trx,
    created.map((lead) => lead.row),
  );
  await insertStageChanges(
    trx,
    created.map(({ row }) => ({
      id: setup.newId(),
      lead_id: row.id,
      from_stage: null,
      to_stage: row.stage,
      reason: null,
      origin: 'import',
      changed_at: now,
      changed_by: userId,
    })),
  );
  await insertActivities(
    trx,
    created.map(({ row, activityId }) => ({
      id: activityId,
      lead_id: row.id,
      kind: 'imported',
      occurred_at: now,
      text: setup.fileName,
      created_at: now,
      created_by: userId,
    })),
  );
  const changes: Insertable<Database['import_changes']>[] = created.map(({ row }, index) => ({
    batch_id: batchId,
    lead_id: row.id,
    row_number: plan.creates[index]?.row ?? 0,
    action: 'create',
    before: null,
    after: null,
    // A new lead starts at version 1; in effect (hidden) from now on.
    lead_version: 1,
    applied: 1,
  }));

  for (const [index, item] of plan.updates.entries()) {
    const merge = merges[index];
    if (merge === undefined) continue;
    const patch: LeadPatch = { ...merge.patch };
    const company = merge.company ? companyOf(setup, item.lead.company) : null;
    if (company !== null) patch.company_id = company.id;
    if (Object.keys(patch).length === 0) continue;
    const { target } = item;
    if (target.import_pending === null) {
      changes.push({
        batch_id: batchId,
        lead_id: target.id,
        row_number: item.row,
        action: item.mode,
        before: JSON.stringify(beforeOf(target, patch)),
        after: JSON.stringify(patch),
        lead_version: null,
        applied: 0,
      });
      continue;
    }
    // A lead this batch created in an earlier chunk: still hidden, changed in place.
    const merged = { ...target, ...patch, company_name: company?.name ?? target.company_name };
    await updatePendingLead(trx, target.id, batchId, {
      ...(patch as Updateable<LeadsTable>),
      ...leadDerivedColumns(merged.first_name, merged.last_name, merged.company_name, merged.email),
    });
    if (merged.do_not_contact === 1)
      suppress.push(...suppressionHashes(setup.suppressionKey, merged));
    rescore.push(target.id);
  }
  await insertChanges(trx, changes);
  await addSuppressed(trx, suppress, now, userId);
  // New leads are scored already; those that reach MQL are promoted by the usual rescore,
  // which bumps their version.
  const { promoted } = await rescoreLeadsAt(
    trx,
    { now, newId: setup.newId, language: setup.language },
    [...promote, ...rescore],
    setup.settings,
  );
  await stampLeadVersions(trx, batchId, { leadIds: promoted });
}
