import type { Selectable } from 'kysely';
import type { ImportedLead } from '@core/import/types';
import { foldForSearch } from '@core/text/normalize';
import type { LeadsTable } from '../db/schema';
import type { CandidateRow } from '../repositories/import-leads-repository';

/**
 * The lead columns an import may fill or overwrite on a lead that already exists. Stage,
 * owner history, scores and the like are never touched by an import of an existing lead.
 */
export const UPDATABLE_COLUMNS = [
  'salutation',
  'first_name',
  'last_name',
  'email',
  'phone',
  'mobile',
  'job_title',
  'buying_role',
  'company_id',
  'source_channel',
  'campaign_id',
  'owner_id',
  'expected_value_cents',
  'expected_close_date',
  'deal_value_cents',
  'notes',
  'do_not_contact',
] as const;
export type UpdatableColumn = (typeof UPDATABLE_COLUMNS)[number];

/** The stored types of the updatable columns. */
export type LeadValues = Pick<Selectable<LeadsTable>, UpdatableColumn>;

/** Column → value; what a change record stores as `before` and `after` (JSON). */
export type LeadPatch = Partial<LeadValues>;

/** Values a row gives; null or missing: not given. */
export type IncomingValues = { [K in UpdatableColumn]?: LeadValues[K] | null };

const NUMBER_COLUMNS: ReadonlySet<UpdatableColumn> = new Set([
  'expected_value_cents',
  'deal_value_cents',
  'do_not_contact',
]);

/** The values of an existing lead a merge compares with. */
export type CurrentLead = Pick<CandidateRow, UpdatableColumn> & { company_name: string | null };

export type UpdateMode = 'fill' | 'overwrite';

/** Ids an imported row refers to, once resolved; null: not given. */
export type ResolvedRefs = { campaignId: string | null; ownerId: string | null };

/** Whether a stored value counts as "empty" for a fill. */
export function isEmptyValue(column: UpdatableColumn, value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (column === 'salutation') return value === 'none';
  if (column === 'buying_role') return value === 'unknown';
  if (column === 'do_not_contact') return value === 0;
  return false;
}

/**
 * The columns a row gives for an existing lead (null: not given). The file-wide source
 * channel is only for new leads; a row's own source column counts. "Do not contact" is
 * only ever switched on.
 */
function incomingColumns(lead: ImportedLead, refs: ResolvedRefs): IncomingValues {
  return {
    salutation: lead.salutation === 'none' ? null : lead.salutation,
    first_name: lead.firstName === '' ? null : lead.firstName,
    last_name: lead.lastName === '' ? null : lead.lastName,
    email: lead.email,
    phone: lead.phone,
    mobile: lead.mobile,
    job_title: lead.jobTitle,
    buying_role: lead.buyingRole === 'unknown' ? null : lead.buyingRole,
    source_channel: lead.sourceChannel,
    campaign_id: refs.campaignId,
    owner_id: refs.ownerId,
    expected_value_cents: lead.expectedValueCents,
    expected_close_date: lead.expectedCloseDate,
    deal_value_cents: lead.dealValueCents,
    notes: lead.notes,
    do_not_contact: lead.doNotContact === true ? 1 : null,
  };
}

/**
 * What a fill (only empty columns) or an overwrite (every given column that differs)
 * changes on `current`, company aside. `company` says whether the lead should be linked to
 * the row's company: it has none (fill), or another one (overwrite).
 */
export function mergeIntoLead(
  current: CurrentLead,
  lead: ImportedLead,
  refs: ResolvedRefs,
  mode: UpdateMode,
): { patch: LeadPatch; company: boolean } {
  const patch = mergePatch(current, incomingColumns(lead, refs), mode);
  let company = false;
  if (lead.company !== null) {
    company =
      mode === 'fill'
        ? current.company_id === null
        : current.company_name === null ||
          foldForSearch(current.company_name) !== foldForSearch(lead.company.name);
  }
  return { patch, company };
}

/** Applies fill or overwrite semantics to `incoming` column values against `current`. */
export function mergePatch(
  current: LeadPatch,
  incoming: IncomingValues,
  mode: UpdateMode,
): LeadPatch {
  const patch: Record<string, unknown> = {};
  for (const column of UPDATABLE_COLUMNS) {
    const value = incoming[column];
    if (value === null || value === undefined) continue;
    const stored = current[column];
    if (mode === 'fill' ? isEmptyValue(column, stored) : stored !== value) patch[column] = value;
  }
  // Each value was taken from `incoming` under its own column, so the types line up.
  return patch as LeadPatch;
}

/** The current values of the columns a patch changes: the `before` of a change. */
export function beforeOf(current: CurrentLead, patch: LeadPatch): LeadPatch {
  const before: Record<string, unknown> = {};
  for (const column of UPDATABLE_COLUMNS) {
    if (column in patch) before[column] = current[column];
  }
  return before as LeadPatch;
}

/**
 * A later row of the file merged into an earlier one that is still to be created: a fill
 * takes what the earlier row left empty, an overwrite every value the later row gives.
 */
export function mergeImported(
  base: ImportedLead,
  incoming: ImportedLead,
  mode: UpdateMode,
): ImportedLead {
  const merged: ImportedLead = { ...base };
  const take = <K extends keyof ImportedLead>(
    key: K,
    empty: (value: ImportedLead[K]) => boolean,
  ) => {
    const value = incoming[key];
    if (value === null || empty(value)) return;
    if (mode === 'overwrite' || base[key] === null || empty(base[key])) merged[key] = value;
  };
  const never = () => false;
  take('salutation', (value) => value === 'none');
  take('firstName', (value) => value === '');
  take('lastName', (value) => value === '');
  take('email', never);
  take('phone', never);
  take('mobile', never);
  take('jobTitle', never);
  take('buyingRole', (value) => value === 'unknown');
  take('company', never);
  take('sourceChannel', never);
  take('campaignName', never);
  take('ownerName', never);
  take('stage', never);
  take('expectedValueCents', never);
  take('expectedCloseDate', never);
  take('dealValueCents', never);
  take('notes', never);
  take('doNotContact', (value) => value !== true);
  return merged;
}

/** Parses a stored `before`/`after` JSON of a change. */
export function parsePatch(json: string | null): LeadPatch {
  if (json === null) return {};
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null) return {};
  const patch: Record<string, unknown> = {};
  for (const column of UPDATABLE_COLUMNS) {
    const value = (parsed as Record<string, unknown>)[column];
    const kind = NUMBER_COLUMNS.has(column) ? 'number' : 'string';
    if (value === null || typeof value === kind) patch[column] = value;
  }
  // Written by this module from typed patches; checked per column on the way back.
  return patch as LeadPatch;
}
