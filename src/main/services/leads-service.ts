import type { Kysely, Transaction, Updateable } from 'kysely';
import type { LeadDetail } from '@core/domain/lead';
import type { LeadFields } from '@core/ipc/leads/schemas';
import type { FieldIssue } from '@core/ipc/result';
import { missingBantElements, missingHandoverCriteria } from '@core/scoring';
import type { Database, LeadsTable } from '../db/schema';
import { AppError, validationError } from '../errors';
import { findBant } from '../repositories/bant-repository';
import { findCampaign } from '../repositories/campaigns-repository';
import { deleteCompaniesWithoutLeads, findCompany } from '../repositories/companies-repository';
import {
  insertStageChange,
  listActivities,
  listStageChanges,
} from '../repositories/history-repository';
import {
  deleteLeadVersioned,
  findLeadRow,
  insertLead,
  listLeadsOfCompany,
  updateLeadVersioned,
} from '../repositories/leads-repository';
import { findUser } from '../repositories/users-repository';
import { emitLeadsChanged, readDb, requireSession, writeAsUser, type AppContext } from './context';
import { applyCompanyEdit, leadDerivedColumns, linkOrCreateCompany } from '../domain/lead-company';
import { handoverFacts, scoreLead } from '../domain/lead-scoring';
import { toActivity, toBant, toLead, toStageChange } from '../domain/mappers';
import { loadScoringSettings } from '../domain/scoring-settings';
import { rescoreLeads } from './scoring-service';
import { releaseContact, suppressContact } from '../domain/suppression';

export type LeadCreateFields = Partial<LeadFields> & Pick<LeadFields, 'firstName' | 'lastName'>;

/**
 * A lead with its company, stage history and activities (newest first), its explained
 * score at `now`, its BANT and what the stage gates still miss.
 */
export async function loadLeadDetail(
  db: Kysely<Database>,
  id: string,
  now: number,
): Promise<LeadDetail> {
  const row = await findLeadRow(db, id);
  if (row === undefined) throw new AppError('NOT_FOUND');
  const company = row.company_id === null ? undefined : await findCompany(db, row.company_id);
  const settings = await loadScoringSettings(db);
  const [history, activities, bantRow, scored] = await Promise.all([
    listStageChanges(db, id),
    listActivities(db, id),
    findBant(db, id),
    scoreLead(db, settings, id, now),
  ]);
  if (scored === undefined) throw new AppError('NOT_FOUND');
  const bant = toBant(bantRow);
  const { delta7d, decision } = scored.evaluation;
  return {
    lead: toLead(row, company),
    history: history.map(toStageChange),
    activities: activities.map(toActivity),
    score: { ...scored.result, delta7d, mqlReady: decision === 'flag' },
    bant,
    bantVersion: bantRow?.version ?? 0,
    gates: {
      handover: missingHandoverCriteria(handoverFacts(scored), settings),
      bant: missingBantElements(bant, settings.sqlBant),
    },
  };
}

export async function getLead(ctx: AppContext, id: string): Promise<LeadDetail> {
  return loadLeadDetail(readDb(ctx), id, ctx.now());
}

/** Owner and campaign must exist in the file; a stale choice is a field error, not a crash. */
async function checkReferences(
  trx: Transaction<Database>,
  fields: Pick<Partial<LeadFields>, 'ownerId' | 'campaignId'>,
): Promise<void> {
  const issues: FieldIssue[] = [];
  if (fields.ownerId && (await findUser(trx, fields.ownerId)) === undefined) {
    issues.push({ path: ['fields', 'ownerId'], key: 'validation.invalid' });
  }
  if (fields.campaignId && (await findCampaign(trx, fields.campaignId)) === undefined) {
    issues.push({ path: ['fields', 'campaignId'], key: 'validation.invalid' });
  }
  if (issues.length > 0) throw validationError(issues);
}

/** Lead columns for the plain fields present in `fields` (company is handled apart). */
function fieldColumns(fields: Partial<LeadFields>): Updateable<LeadsTable> {
  const columns: Updateable<LeadsTable> = {};
  if (fields.salutation !== undefined) columns.salutation = fields.salutation;
  if (fields.firstName !== undefined) columns.first_name = fields.firstName;
  if (fields.lastName !== undefined) columns.last_name = fields.lastName;
  if (fields.email !== undefined) columns.email = fields.email;
  if (fields.phone !== undefined) columns.phone = fields.phone;
  if (fields.mobile !== undefined) columns.mobile = fields.mobile;
  if (fields.jobTitle !== undefined) columns.job_title = fields.jobTitle;
  if (fields.buyingRole !== undefined) columns.buying_role = fields.buyingRole;
  if (fields.sourceChannel !== undefined) columns.source_channel = fields.sourceChannel;
  if (fields.campaignId !== undefined) columns.campaign_id = fields.campaignId;
  if (fields.ownerId !== undefined) columns.owner_id = fields.ownerId;
  if (fields.expectedValueCents !== undefined) {
    columns.expected_value_cents = fields.expectedValueCents;
  }
  if (fields.expectedCloseDate !== undefined) {
    columns.expected_close_date = fields.expectedCloseDate;
  }
  if (fields.notes !== undefined) columns.notes = fields.notes;
  if (fields.doNotContact !== undefined) columns.do_not_contact = fields.doNotContact ? 1 : 0;
  return columns;
}

/**
 * Captures a new lead: Lead when it can be reached (email, phone or mobile), else Suspect,
 * with that first stage recorded; owned by the current user unless given. A lead created
 * as "do not contact" puts its email and numbers on the suppression list.
 */
export async function createLead(ctx: AppContext, fields: LeadCreateFields): Promise<LeadDetail> {
  const id = ctx.newId();
  await writeAsUser(ctx, async (trx, userId) => {
    await checkReferences(trx, fields);
    const now = ctx.now();
    const companyId = fields.company ? await linkOrCreateCompany(trx, fields.company, ctx) : null;
    const companyName =
      companyId === null ? null : ((await findCompany(trx, companyId))?.name ?? null);
    const email = fields.email ?? null;
    const stage = email || fields.phone || fields.mobile ? 'lead' : 'suspect';
    await insertLead(trx, {
      id,
      salutation: 'none',
      buying_role: 'unknown',
      source_channel: 'other',
      notes: '',
      ...fieldColumns(fields),
      first_name: fields.firstName,
      last_name: fields.lastName,
      owner_id: fields.ownerId === undefined ? userId : fields.ownerId,
      company_id: companyId,
      stage,
      stage_entered_at: now,
      ...leadDerivedColumns(fields.firstName, fields.lastName, companyName, email),
      created_at: now,
      created_by: userId,
      updated_at: now,
      updated_by: userId,
    });
    await insertStageChange(trx, {
      id: ctx.newId(),
      lead_id: id,
      from_stage: null,
      to_stage: stage,
      reason: null,
      origin: 'user',
      changed_at: now,
      changed_by: userId,
    });
    if (fields.doNotContact) {
      const contact = { email, phone: fields.phone ?? null, mobile: fields.mobile ?? null };
      await suppressContact(trx, requireSession(ctx).suppressionKey, contact, now, userId);
    }
    await rescoreLeads(trx, ctx, [id]);
  });
  emitLeadsChanged(ctx, [id]);
  return getLead(ctx, id);
}

/**
 * Saves edited fields if the lead still has `version` (else CONFLICT: someone else changed
 * it), and keeps the search text and person key of this lead and of a renamed company's
 * other leads right. While the lead is "do not contact", its current email and numbers are
 * on the suppression list (earlier ones stay); clearing the flag releases them (see
 * {@link releaseContact}).
 */
export async function updateLead(
  ctx: AppContext,
  id: string,
  version: number,
  fields: Partial<LeadFields>,
): Promise<LeadDetail> {
  const changed = await writeAsUser(ctx, async (trx, userId) => {
    const row = await findLeadRow(trx, id);
    if (row === undefined) throw new AppError('NOT_FOUND');
    await checkReferences(trx, fields);
    let companyId = row.company_id;
    let otherLeadIds: string[] = [];
    if (fields.company !== undefined) {
      ({ companyId, otherLeadIds } = await applyCompanyEdit(
        trx,
        id,
        row.company_id,
        fields.company,
        ctx,
      ));
    }
    const company = companyId === null ? undefined : await findCompany(trx, companyId);
    const contact = {
      email: fields.email !== undefined ? fields.email : row.email,
      phone: fields.phone !== undefined ? fields.phone : row.phone,
      mobile: fields.mobile !== undefined ? fields.mobile : row.mobile,
    };
    const now = ctx.now();
    const updated = await updateLeadVersioned(trx, id, version, {
      ...fieldColumns(fields),
      company_id: companyId,
      ...leadDerivedColumns(
        fields.firstName ?? row.first_name,
        fields.lastName ?? row.last_name,
        company?.name ?? null,
        contact.email,
      ),
      updated_at: now,
      updated_by: userId,
    });
    if (!updated) throw new AppError('CONFLICT');
    if (row.company_id !== null && row.company_id !== companyId) {
      // Unlinked or moved to another company: the old one goes if this was its last lead.
      await deleteCompaniesWithoutLeads(trx, [row.company_id]);
    }
    const wasFlagged = row.do_not_contact === 1;
    const key = requireSession(ctx).suppressionKey;
    if (fields.doNotContact ?? wasFlagged) {
      await suppressContact(trx, key, contact, now, userId);
    } else if (wasFlagged) {
      // The values that were suppressed while the flag was set: those stored before this save.
      const stored = { email: row.email, phone: row.phone, mobile: row.mobile };
      await releaseContact(trx, key, id, stored);
    }
    // Company size and industry count for every lead of the company, not only this one.
    const colleagues =
      fields.company !== undefined && companyId !== null
        ? (await listLeadsOfCompany(trx, companyId)).map((lead) => lead.id)
        : [];
    await rescoreLeads(trx, ctx, [id, ...colleagues]);
    return [...new Set([id, ...otherLeadIds, ...colleagues])];
  });
  emitLeadsChanged(ctx, changed);
  return getLead(ctx, id);
}

/**
 * Deletes a lead if it still has `version` (else CONFLICT; NOT_FOUND when it is gone), with
 * its stage history, activities and BANT, and its company when no other lead has it. A
 * "do not contact" lead's hashes stay on the suppression list (re-added here should they be
 * missing), so an import never brings the person back; nothing else is recorded about the
 * lead.
 */
export async function deleteLead(
  ctx: AppContext,
  id: string,
  version: number,
): Promise<{ id: string }> {
  await writeAsUser(ctx, async (trx, userId) => {
    const row = await findLeadRow(trx, id);
    if (row === undefined) throw new AppError('NOT_FOUND');
    if (row.version !== version) throw new AppError('CONFLICT');
    if (row.do_not_contact === 1) {
      const contact = { email: row.email, phone: row.phone, mobile: row.mobile };
      await suppressContact(trx, requireSession(ctx).suppressionKey, contact, ctx.now(), userId);
    }
    if (!(await deleteLeadVersioned(trx, id, version))) throw new AppError('CONFLICT');
    if (row.company_id !== null) await deleteCompaniesWithoutLeads(trx, [row.company_id]);
  });
  emitLeadsChanged(ctx, [id]);
  return { id };
}
