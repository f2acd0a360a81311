import type { Transaction, Updateable } from 'kysely';
import { personKey } from '@core/import/match-keys';
import type { LeadFields } from '@core/ipc/leads/schemas';
import { foldForSearch } from '@core/text/normalize';
import type { CompaniesTable, Database } from '../db/schema';
import {
  findCompany,
  findCompanyByFoldedName,
  insertCompany,
  updateCompany,
  type CompanyRow,
} from '../repositories/companies-repository';
import { listLeadsOfCompany, setDerivedKeys } from '../repositories/leads-repository';

export type CompanyInput = NonNullable<LeadFields['company']>;

type Trx = Transaction<Database>;
type Clock = { now: () => number; newId: () => string };

/** The folded text the board and list search match: names, company, email. */
export function leadSearchText(
  firstName: string,
  lastName: string,
  companyName: string | null,
  email: string | null,
): string {
  return foldForSearch([firstName, lastName, companyName ?? '', email ?? ''].join(' '));
}

/**
 * The columns derived from a lead's names, company and email, to be written whenever one
 * of them changes: the search text and the import's fuzzy person key.
 */
export function leadDerivedColumns(
  firstName: string,
  lastName: string,
  companyName: string | null,
  email: string | null,
): { search_text: string; person_key: string | null } {
  return {
    search_text: leadSearchText(firstName, lastName, companyName, email),
    person_key: personKey(firstName, lastName, companyName),
  };
}

function detailColumns(input: CompanyInput) {
  return {
    industry: input.industry,
    employees: input.employees,
    branches: input.branches,
    website: input.website,
    street: input.street,
    postal_code: input.postalCode,
    city: input.city,
    country: input.country,
  };
}

/** Fills the empty details of an existing company from the input; never overwrites. */
async function fillEmptyDetails(trx: Trx, company: CompanyRow, input: CompanyInput, now: number) {
  const patch: Updateable<CompaniesTable> = {};
  for (const [column, value] of Object.entries(detailColumns(input))) {
    const key = column as keyof ReturnType<typeof detailColumns>;
    if (value !== null && company[key] === null) Object.assign(patch, { [key]: value });
  }
  if (Object.keys(patch).length > 0) {
    await updateCompany(trx, company.id, { ...patch, updated_at: now });
  }
}

/**
 * The company a lead names: an existing one with the same folded name (its empty details
 * filled from the input), else a new one. Returns its id.
 */
export async function linkOrCreateCompany(
  trx: Trx,
  input: CompanyInput,
  clock: Clock,
): Promise<string> {
  const now = clock.now();
  const existing = await findCompanyByFoldedName(trx, foldForSearch(input.name));
  if (existing) {
    await fillEmptyDetails(trx, existing, input, now);
    return existing.id;
  }
  const id = clock.newId();
  await insertCompany(trx, {
    id,
    name: input.name,
    name_folded: foldForSearch(input.name),
    ...detailColumns(input),
    created_at: now,
    updated_at: now,
  });
  return id;
}

/**
 * Applies a company edit made on a lead whose company is `currentId`:
 * - null unlinks;
 * - no company yet: link or create by name;
 * - the same company (same folded name): its fields are updated;
 * - the name of another existing company: the lead switches to that one;
 * - a new name: the linked company is renamed, for all its leads.
 * Returns the company id and the visible leads (besides this one) whose search text and
 * person key were rewritten.
 */
export async function applyCompanyEdit(
  trx: Trx,
  leadId: string,
  currentId: string | null,
  input: CompanyInput | null,
  clock: Clock,
): Promise<{ companyId: string | null; otherLeadIds: string[] }> {
  if (input === null) return { companyId: null, otherLeadIds: [] };
  const current = currentId === null ? undefined : await findCompany(trx, currentId);
  const folded = foldForSearch(input.name);
  if (current === undefined) {
    return { companyId: await linkOrCreateCompany(trx, input, clock), otherLeadIds: [] };
  }
  if (folded !== current.name_folded) {
    const other = await findCompanyByFoldedName(trx, folded);
    if (other) {
      await fillEmptyDetails(trx, other, input, clock.now());
      return { companyId: other.id, otherLeadIds: [] };
    }
  }
  await updateCompany(trx, current.id, {
    name: input.name,
    name_folded: folded,
    ...detailColumns(input),
    updated_at: clock.now(),
  });
  const otherLeadIds: string[] = [];
  if (input.name !== current.name) {
    // Leads of an import still running are renamed too, so that their keys are right once
    // the batch completes; only visible ones are reported as changed.
    const leads = await listLeadsOfCompany(trx, current.id, { includePending: true });
    for (const lead of leads) {
      if (lead.id === leadId) continue;
      await setDerivedKeys(
        trx,
        lead.id,
        leadDerivedColumns(lead.first_name, lead.last_name, input.name, lead.email),
      );
      if (lead.import_pending === null) otherLeadIds.push(lead.id);
    }
  }
  return { companyId: current.id, otherLeadIds };
}
