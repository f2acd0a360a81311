import { createRandom } from '@core/random';
import { foldForSearch, initialsOf } from '@core/text/normalize';
import type { Insertable, Transaction } from 'kysely';
import type { Database, LeadActivitiesTable, LeadStageChangesTable } from '../db/schema';
import { slices } from '../db/slices';
import { contentUrl, DEMO_CONTENT } from './content';
import type { DemoContentRef } from './engagement';
import { WORKED_EXAMPLES } from './examples';
import { type DemoContext, type DemoRows, generateLeads, isoDay } from './generate';
import { DAY } from './history';
import { insertInChunks } from './insert';
import { leadDerivedColumns } from '../domain/lead-company';
import { DEMO_CAMPAIGNS, DEMO_USERS } from './vocabulary';

export type SeedOptions = {
  /** Generated leads on top of the worked examples from the domain README. */
  count: number;
  /**
   * Seed of the pseudo-random generator: the same seed gives the same data. Without one, an
   * empty file gets seed 1 and a filled file 1 + its lead count, so that generating again
   * brings new people instead of repeating the first batch.
   */
  seed?: number;
  /** "Today" of the demo: histories and activities lie before it. */
  now: number;
  newId: () => string;
};

const HOUR = 3_600_000;

/** The marketing colleague who keeps the content library. */
const CONTENT_AUTHOR = 'Miriam Schäfer';

/** Ids of the demo users and campaigns by name, creating those the file does not have yet. */
async function ensureTeamAndCampaigns(
  trx: Transaction<Database>,
  now: number,
  newId: () => string,
): Promise<{ users: Map<string, string>; campaigns: Map<string, string> }> {
  const users = new Map<string, string>();
  const existingUsers = await trx.selectFrom('users').select(['id', 'name']).execute();
  for (const demo of DEMO_USERS) {
    const found = existingUsers.find((u) => u.name.toLowerCase() === demo.name.toLowerCase());
    if (found) {
      users.set(demo.name, found.id);
      continue;
    }
    const id = newId();
    await trx
      .insertInto('users')
      .values({ id, name: demo.name, initials: initialsOf(demo.name), created_at: now })
      .execute();
    users.set(demo.name, id);
  }
  const campaigns = new Map<string, string>();
  const existingCampaigns = await trx.selectFrom('campaigns').select(['id', 'name']).execute();
  for (const demo of DEMO_CAMPAIGNS) {
    const found = existingCampaigns.find((c) => c.name.toLowerCase() === demo.name.toLowerCase());
    if (found) {
      campaigns.set(demo.name, found.id);
      continue;
    }
    const id = newId();
    await trx
      .insertInto('campaigns')
      .values({
        id,
        name: demo.name,
        channel: demo.channel,
        cost_cents: demo.costCents,
        starts_on: demo.startsOn,
        ends_on: demo.endsOn,
        created_at: now,
      })
      .execute();
    campaigns.set(demo.name, id);
  }
  return { users, campaigns };
}

/** The library is older than every generated lead (captured at most two years ago). */
const CONTENT_AGE = 730 * DAY;

/**
 * The demo content library by name, adding the items the file does not have yet (names are
 * unique regardless of case); items the team added or edited itself are used as they are.
 */
async function ensureContent(
  trx: Transaction<Database>,
  now: number,
  newId: () => string,
  createdBy: string,
): Promise<Map<string, DemoContentRef>> {
  const existing = await trx
    .selectFrom('content_items')
    .select(['id', 'name', 'type', 'topic', 'phase', 'url', 'archived'])
    .execute();
  const byName = new Map(existing.map((item) => [item.name.toLowerCase(), item]));
  const library = new Map<string, DemoContentRef>();
  for (const demo of DEMO_CONTENT) {
    const found = byName.get(demo.name.toLowerCase());
    if (found) {
      if (!found.archived) {
        library.set(demo.name, {
          id: found.id,
          type: found.type as DemoContentRef['type'],
          topic: found.topic,
          phase: found.phase as DemoContentRef['phase'],
          url: found.url,
        });
      }
      continue;
    }
    const id = newId();
    const url = contentUrl(demo);
    const createdAt = now - CONTENT_AGE;
    await trx
      .insertInto('content_items')
      .values({
        id,
        name: demo.name,
        type: demo.type,
        topic: demo.topic,
        phase: demo.phase,
        target_role: demo.targetRole,
        url,
        archived: 0,
        created_at: createdAt,
        created_by: createdBy,
        updated_at: createdAt,
        updated_by: createdBy,
        version: 1,
      })
      .execute();
    library.set(demo.name, { id, type: demo.type, topic: demo.topic, phase: demo.phase, url });
  }
  return library;
}

function requireId(ids: Map<string, string>, name: string): string {
  const id = ids.get(name);
  if (id === undefined) throw new Error(`demo data refers to unknown "${name}"`);
  return id;
}

/** Rows of the worked examples that the file does not contain yet (matched by email). */
async function workedExampleRows(
  trx: Transaction<Database>,
  ids: { users: Map<string, string>; campaigns: Map<string, string> },
  library: Map<string, DemoContentRef>,
  now: number,
  newId: () => string,
): Promise<DemoRows> {
  const rows: DemoRows = { companies: [], leads: [], changes: [], activities: [], bant: [] };
  const emails = WORKED_EXAMPLES.map((e) => e.email);
  const present = new Set(
    (await trx.selectFrom('leads').select('email').where('email', 'in', emails).execute()).map(
      (r) => r.email,
    ),
  );
  for (const example of WORKED_EXAMPLES) {
    if (present.has(example.email)) continue;
    const leadId = newId();
    const at = (daysAgo: number, index: number) => now - daysAgo * DAY + index * HOUR;
    let companyId: string | null = null;
    if (example.company) {
      const folded = foldForSearch(example.company.name);
      const existing = await trx
        .selectFrom('companies')
        .select('id')
        .where('name_folded', '=', folded)
        .executeTakeFirst();
      companyId = existing?.id ?? newId();
      if (!existing) {
        const { postalCode, ...company } = example.company;
        const createdAt = at(example.history[0]?.daysAgo ?? 0, 0);
        rows.companies.push({
          id: companyId,
          ...company,
          name_folded: folded,
          postal_code: postalCode,
          country: 'Deutschland',
          created_at: createdAt,
          updated_at: createdAt,
          version: 1,
        });
      }
    }
    const changes: Insertable<LeadStageChangesTable>[] = example.history.map((step, i) => ({
      id: newId(),
      lead_id: leadId,
      from_stage: i === 0 ? null : (example.history[i - 1]?.to ?? null),
      to_stage: step.to,
      reason: step.reason ?? null,
      origin: 'user',
      changed_at: at(step.daysAgo, i),
      changed_by: requireId(ids.users, step.by),
    }));
    const activities: Insertable<LeadActivitiesTable>[] = example.activities.map((a) => {
      const occurredAt = Math.round(now - a.daysAgo * DAY);
      // an archived or renamed library item leaves the example without its download
      const content = a.content === undefined ? undefined : library.get(a.content);
      return {
        id: newId(),
        lead_id: leadId,
        kind: a.kind,
        occurred_at: occurredAt,
        text: a.text,
        content_id: content?.id ?? null,
        topic: a.topic ?? null,
        url: a.url ?? content?.url ?? null,
        created_at: occurredAt,
        created_by: a.by === null ? null : requireId(ids.users, a.by),
      };
    });
    const first = changes[0];
    const last = changes[changes.length - 1];
    if (!first || !last) throw new Error('a worked example has a history');
    // tracked behaviour is not a change of the lead; what the team logged is
    const lastActivity = activities.reduce<Insertable<LeadActivitiesTable> | null>(
      (latest, a) =>
        a.created_by !== null && (latest === null || a.occurred_at > latest.occurred_at)
          ? a
          : latest,
      null,
    );
    const activityIsLater = lastActivity !== null && lastActivity.occurred_at > last.changed_at;
    rows.leads.push({
      id: leadId,
      salutation: example.salutation,
      first_name: example.firstName,
      last_name: example.lastName,
      email: example.email,
      phone: example.phone,
      mobile: example.mobile,
      job_title: example.jobTitle,
      buying_role: example.buyingRole,
      company_id: companyId,
      source_channel: example.sourceChannel,
      campaign_id: requireId(ids.campaigns, example.campaign),
      owner_id: requireId(ids.users, example.owner),
      stage: last.to_stage,
      stage_entered_at: last.changed_at,
      expected_value_cents: example.expectedValueCents,
      expected_close_date:
        example.closeInDays === null ? null : isoDay(now + example.closeInDays * DAY),
      deal_value_cents: null,
      notes: example.notes,
      ...leadDerivedColumns(
        example.firstName,
        example.lastName,
        example.company?.name ?? null,
        example.email,
      ),
      created_at: first.changed_at,
      created_by: requireId(ids.users, example.capturedBy),
      updated_at: activityIsLater ? lastActivity.occurred_at : last.changed_at,
      updated_by: activityIsLater ? lastActivity.created_by : last.changed_by,
      version: 1,
    });
    rows.changes.push(...changes);
    rows.activities.push(...activities);
    if (example.bant !== null) {
      const { bant } = example;
      const timing = bant.timingInMonths === null ? null : monthAfter(now, bant.timingInMonths);
      rows.bant.push({
        lead_id: leadId,
        budget_status: bant.budgetStatus,
        budget_cents: bant.budgetCents,
        budget_max_cents: null,
        authority: bant.authority,
        decider_name: bant.deciderName,
        need: bant.need,
        need_text: bant.needText,
        timing,
        updated_at: Math.round(now - bant.daysAgo * DAY),
        updated_by: requireId(ids.users, bant.by),
        version: 1,
      });
    }
  }
  return rows;
}

/** The month `months` after the one `epochMs` falls in, as `YYYY-MM` (UTC). */
function monthAfter(epochMs: number, months: number): string {
  const date = new Date(epochMs);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  return target.toISOString().slice(0, 7);
}

/**
 * Generated companies whose name the file already has are not inserted again: their leads
 * point to the existing row (a second `demo.generate` on a filled file).
 */
async function reuseExistingCompanies(trx: Transaction<Database>, rows: DemoRows): Promise<void> {
  const remap = new Map<string, string>();
  for (const slice of slices(rows.companies)) {
    const existing = await trx
      .selectFrom('companies')
      .select(['id', 'name_folded'])
      .where(
        'name_folded',
        'in',
        slice.map((c) => c.name_folded),
      )
      .execute();
    const byName = new Map(existing.map((c) => [c.name_folded, c.id]));
    for (const company of slice) {
      const id = byName.get(company.name_folded);
      if (id !== undefined) remap.set(company.id, id);
    }
  }
  if (remap.size === 0) return;
  rows.companies = rows.companies.filter((c) => !remap.has(c.id));
  for (const lead of rows.leads) {
    if (lead.company_id) lead.company_id = remap.get(lead.company_id) ?? lead.company_id;
  }
}

async function countLeads(trx: Transaction<Database>): Promise<number> {
  const { n } = await trx
    .selectFrom('leads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * Fills an open database with German demo data inside the caller's transaction: the demo
 * team, campaigns and content library (reused when the file has them), the worked examples
 * of the domain README (unless present) and `count` generated leads with histories,
 * activities and BANT answers. Leaves the scores unset: the caller recomputes them after
 * the commit. Returns how many leads it created.
 */
export async function seedDemoData(
  trx: Transaction<Database>,
  options: SeedOptions,
): Promise<{ created: number }> {
  const { count, now, newId } = options;
  const seed = options.seed ?? 1 + (await countLeads(trx));
  const ids = await ensureTeamAndCampaigns(trx, now, newId);
  const library = await ensureContent(trx, now, newId, requireId(ids.users, CONTENT_AUTHOR));
  const examples = await workedExampleRows(trx, ids, library, now, newId);
  const context: DemoContext = {
    users: DEMO_USERS.map((u) => ({ id: requireId(ids.users, u.name), team: u.team })),
    campaigns: DEMO_CAMPAIGNS.map((c) => ({
      id: requireId(ids.campaigns, c.name),
      channel: c.channel,
    })),
    content: [...library.values()],
    now,
    newId,
  };
  const generated = generateLeads(createRandom(seed), context, count);
  await reuseExistingCompanies(trx, generated);
  for (const rows of [examples, generated]) {
    await insertInChunks(trx, 'companies', rows.companies);
    await insertInChunks(trx, 'leads', rows.leads);
    await insertInChunks(trx, 'lead_stage_changes', rows.changes);
    await insertInChunks(trx, 'lead_activities', rows.activities);
    await insertInChunks(trx, 'lead_bant', rows.bant);
  }
  return { created: examples.leads.length + generated.leads.length };
}
