import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { CompaniesTable, Database } from '../db/schema';

export type CompanyRow = Selectable<CompaniesTable>;

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
  db: Kysely<Database>,
  row: Insertable<CompaniesTable>,
): Promise<void> {
  await db.insertInto('companies').values(row).execute();
}

/** Updates a company and bumps its version. */
export async function updateCompany(
  db: Kysely<Database>,
  id: string,
  patch: Updateable<CompaniesTable>,
): Promise<void> {
  await db
    .updateTable('companies')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
