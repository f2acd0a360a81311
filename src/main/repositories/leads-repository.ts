import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, LeadsTable } from '../db/schema';
import type { WritableDb } from '../db/handles';

export type LeadRow = Selectable<LeadsTable>;

/**
 * A lead the app shows. Leads of an import still running (`import_pending` set) are
 * invisible to every read until their batch completes: NOT_FOUND for get, update and move.
 */
export function findLeadRow(db: Kysely<Database>, id: string): Promise<LeadRow | undefined> {
  return db
    .selectFrom('leads')
    .selectAll()
    .where('id', '=', id)
    .where('import_pending', 'is', null)
    .executeTakeFirst();
}

export async function insertLead(db: WritableDb, row: Insertable<LeadsTable>): Promise<void> {
  await db.insertInto('leads').values(row).execute();
}

/**
 * Optimistic update: changes the lead only when it still has `version`, and bumps the
 * version. Returns whether a row was updated (false: stale version or gone).
 */
export async function updateLeadVersioned(
  db: WritableDb,
  id: string,
  version: number,
  patch: Updateable<LeadsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('leads')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Deletes a visible lead if it still has `version`; its stage changes, activities and BANT
 * go with it (foreign keys cascade). Returns whether a row was deleted.
 */
export async function deleteLeadVersioned(
  db: WritableDb,
  id: string,
  version: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('leads')
    .where('id', '=', id)
    .where('version', '=', version)
    .where('import_pending', 'is', null)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * The fields derived keys are made of, for the leads of a company: the visible ones, or
 * with `includePending` also those of an import still running (their keys must be right
 * when the batch completes).
 */
export function listLeadsOfCompany(
  db: Kysely<Database>,
  companyId: string,
  options: { includePending?: boolean } = {},
) {
  let query = db
    .selectFrom('leads')
    .select(['id', 'first_name', 'last_name', 'email', 'import_pending'])
    .where('company_id', '=', companyId);
  if (!options.includePending) query = query.where('import_pending', 'is', null);
  return query.execute();
}

/** Rewrites the derived search text and person key only; not a user change, so the version stays. */
export async function setDerivedKeys(
  db: WritableDb,
  id: string,
  columns: { search_text: string; person_key: string | null },
): Promise<void> {
  await db.updateTable('leads').set(columns).where('id', '=', id).execute();
}

/**
 * Contact data of the flagged ("do not contact") leads other than `exceptId` that share an
 * email (case-insensitive) or a number (phone or mobile, either way round) with the given
 * values. Pending leads count too: the list protects people, not what the app shows.
 */
export async function flaggedLeadsSharingContact(
  db: Kysely<Database>,
  exceptId: string,
  values: { emails: string[]; phones: string[] },
) {
  const emails = values.emails.map((email) => email.toLowerCase());
  const { phones } = values;
  if (emails.length === 0 && phones.length === 0) return [];
  return db
    .selectFrom('leads')
    .select(['id', 'email', 'phone', 'mobile'])
    .where('do_not_contact', '=', 1)
    .where('id', '!=', exceptId)
    .where((eb) => {
      const matches = [];
      if (emails.length > 0) matches.push(eb(sql<string>`lower(email)`, 'in', emails));
      if (phones.length > 0) {
        matches.push(eb('phone', 'in', phones), eb('mobile', 'in', phones));
      }
      return eb.or(matches);
    })
    .execute();
}
