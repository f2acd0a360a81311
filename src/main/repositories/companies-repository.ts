import type { ExpressionBuilder, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { CompaniesTable, Database } from '../db/schema';
import type { WritableDb } from '../db/handles';
import { slices } from '../db/slices';

export type CompanyRow = Selectable<CompaniesTable>;

/** A company no lead refers to (any more): such a row is only a leftover. */
export function isUnusedCompany(eb: ExpressionBuilder<Database, 'companies'>) {
  return eb.not(
    eb.exists(
      eb.selectFrom('leads').select('leads.id').whereRef('leads.company_id', '=', 'companies.id'),
    ),
  );
}

export function findCompany(db: Kysely<Database>, id: string): Promise<CompanyRow | undefined> {
  return db.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The oldest company whose folded name equals `nameFolded`. */
export function findCompanyByFoldedName(
  db: Kysely<Database>,
  nameFolded: string,
): Promise<CompanyRow | undefined> {
  return db
    .selectFrom('companies')
    .selectAll()
    .where('name_folded', '=', nameFolded)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
}

export async function insertCompany(
  db: WritableDb,
  row: Insertable<CompaniesTable>,
): Promise<void> {
  await db.insertInto('companies').values(row).execute();
}

/** Updates a company and bumps its version. */
export async function updateCompany(
  db: WritableDb,
  id: string,
  patch: Updateable<CompaniesTable>,
): Promise<void> {
  await db
    .updateTable('companies')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/**
 * Deletes those of the companies `ids` that no lead refers to any more (leads of an import
 * still running count too); returns how many. A company holds what was entered about the
 * people of it, often just one person's firm: it must not outlive its last lead.
 */
export async function deleteCompaniesWithoutLeads(
  db: WritableDb,
  ids: readonly string[],
): Promise<number> {
  let deleted = 0;
  const unique = [...new Set(ids)];
  for (const slice of slices(unique)) {
    const result = await db
      .deleteFrom('companies')
      .where('id', 'in', slice)
      .where(isUnusedCompany)
      .executeTakeFirst();
    deleted += Number(result.numDeletedRows);
  }
  return deleted;
}
