import type { SourceChannel } from '@core/domain/channels';
import type { CONTACT_ACTIVITY_KINDS } from '@core/domain/lead';
import { funnelIndex, isOpenStage, type Stage } from '@core/domain/stages';
import { foldForSearch } from '@core/text/normalize';
import type { Random } from '@core/random';
import type { Insertable } from 'kysely';
import type {
  CompaniesTable,
  Database,
  LeadActivitiesTable,
  LeadsTable,
  LeadStageChangesTable,
} from '../db/schema';
import { type DemoContentRef, generateBant, generateEngagement } from './engagement';
import { captureAge, DAY, stagePath, TARGET_STAGE_WEIGHTS, timePath } from './history';
import {
  type CompanyDraft,
  makeCompany,
  makeEmail,
  makePerson,
  makePhone,
  pickWeighted,
} from './people';
import { leadDerivedColumns } from '../domain/lead-company';
import {
  CALL_TEXTS,
  CHANNEL_WEIGHTS,
  EMAIL_TEXTS,
  MEETING_TEXTS,
  NOTE_TEXTS,
  TOPICS,
} from './vocabulary';

export type DemoUser = { id: string; team: 'sales' | 'marketing' };
export type DemoCampaignRef = { id: string; channel: SourceChannel | null };

/**
 * What generated leads refer to: the team, the campaigns, the content library, the clock
 * and the id source.
 */
export type DemoContext = {
  users: readonly DemoUser[];
  campaigns: readonly DemoCampaignRef[];
  content: readonly DemoContentRef[];
  now: number;
  newId: () => string;
};

/** Rows ready to insert, companies first (leads refer to them). */
export type DemoRows = {
  companies: Insertable<CompaniesTable>[];
  leads: Insertable<LeadsTable>[];
  changes: Insertable<LeadStageChangesTable>[];
  activities: Insertable<LeadActivitiesTable>[];
  bant: Insertable<Database['lead_bant']>[];
};

type ContactKind = (typeof CONTACT_ACTIVITY_KINDS)[number];

/** Text templates of what a team member logs; tracked behaviour brings its own short texts. */
const ACTIVITY_TEXTS: Record<ContactKind, readonly string[]> = {
  call: CALL_TEXTS,
  meeting: MEETING_TEXTS,
  email: EMAIL_TEXTS,
  note: NOTE_TEXTS,
};

/** ISO calendar day of an epoch-ms instant (UTC). */
export function isoDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? key);
}

/** Rounds a euro amount to whole hundreds and returns cents. */
function hundredsOfEuro(random: Random, min: number, max: number): number {
  return random.int(min / 100, max / 100) * 100 * 100;
}

const SALES_STAGES: readonly Stage[] = ['sal', 'sql', 'opportunity', 'customer', 'lost'];
const QUALIFIED_STAGES: readonly Stage[] = ['sql', 'opportunity', 'customer'];

/** Whether the lead ever reached sales (SAL or later), which decides who owns and moves it. */
function reachedSales(stages: readonly Stage[]): boolean {
  return stages.some((s) => SALES_STAGES.includes(s));
}

/**
 * Generates `count` leads with companies, stage histories, the team's logged contacts, the
 * leads' tracked behaviour and BANT answers. Pure apart from `newId`: the same random
 * sequence and ids give the same rows. Scores are not part of it: the caller recomputes.
 */
export function generateLeads(random: Random, context: DemoContext, count: number): DemoRows {
  const { now, newId } = context;
  const sales = context.users.filter((u) => u.team === 'sales');
  const marketing = context.users.filter((u) => u.team === 'marketing');
  const anyone = context.users;
  const rows: DemoRows = { companies: [], leads: [], changes: [], activities: [], bant: [] };
  const companiesByName = new Map<string, CompanyDraft & { row: Insertable<CompaniesTable> }>();

  for (let n = 0; n < count; n++) {
    const createdAt = now - captureAge(random);
    const draft = makeCompany(random);
    let company = companiesByName.get(draft.name);
    if (company === undefined) {
      const row: Insertable<CompaniesTable> = {
        id: newId(),
        name: draft.name,
        name_folded: foldForSearch(draft.name),
        industry: draft.industry,
        employees: draft.employees,
        branches: draft.branches,
        website: `https://www.${draft.domain}`,
        street: draft.street,
        postal_code: draft.postalCode,
        city: draft.city,
        country: 'Deutschland',
        created_at: createdAt,
        updated_at: createdAt,
        version: 1,
      };
      company = { ...draft, row };
      companiesByName.set(draft.name, company);
      rows.companies.push(row);
    } else if (createdAt < company.row.created_at) {
      // the company came with its earliest lead
      company.row.created_at = createdAt;
      company.row.updated_at = createdAt;
    }
    const person = makePerson(random);
    const email = random.chance(0.93) ? makeEmail(random, person, company.domain) : null;
    const phone = random.chance(0.75) ? makePhone(random, company.areaCode) : null;
    const mobile = random.chance(0.3) ? makePhone(random, null) : null;
    const channel = pickWeighted(random, CHANNEL_WEIGHTS);
    const matching = context.campaigns.filter((c) => c.channel === channel);
    const campaign = matching.length > 0 && random.chance(0.85) ? random.pick(matching) : null;
    const target = pickWeighted(random, TARGET_STAGE_WEIGHTS);
    // Only a reachable contact can start as Lead; fairs and quote requests always bring one.
    const reachable = email !== null || phone !== null || mobile !== null;
    const entry =
      reachable && (channel === 'trade_fair' || channel === 'quote_request' || random.chance(0.4))
        ? 'lead'
        : 'suspect';
    const steps = timePath(random, stagePath(random, target, entry), createdAt, now);
    const stages = steps.map((s) => s.to);
    const withSales = reachedSales(stages);
    const owner =
      withSales && sales.length > 0
        ? random.pick(sales)
        : random.chance(0.6) && anyone.length > 0
          ? random.pick(anyone)
          : null;
    const capturer = marketing.length > 0 ? random.pick(marketing) : owner;
    const last = steps[steps.length - 1];
    if (last === undefined) throw new Error('a generated history has at least one step');

    const id = newId();
    const expected =
      withSales || (target === 'mql' && random.chance(0.5))
        ? hundredsOfEuro(random, 2_000, 120_000)
        : null;
    const deal =
      target === 'customer' && expected !== null
        ? Math.max(10_000, Math.round((expected * (0.8 + random.next() * 0.3)) / 1000) * 1000)
        : null;
    const closeDate =
      target === 'customer'
        ? isoDay(last.at)
        : target === 'sql' || target === 'opportunity'
          ? isoDay(now + random.int(14, 150) * DAY)
          : null;
    const topic = random.pick(TOPICS);
    const notes = random.chance(0.2)
      ? fill(random.pick(NOTE_TEXTS), { topic, city: company.city, industry: company.industry })
      : '';

    let lastChangeBy: string | null = null;
    for (const step of steps) {
      const salesMove = isOpenStage(step.to)
        ? funnelIndex(step.to) >= funnelIndex('sal')
        : step.to !== 'nurture' && step.to !== 'disqualified';
      const by = step.from === null ? capturer : salesMove && owner ? owner : (capturer ?? owner);
      lastChangeBy = by?.id ?? null;
      rows.changes.push({
        id: newId(),
        lead_id: id,
        from_stage: step.from,
        to_stage: step.to,
        reason: step.reason,
        origin: step.from === null && channel === 'purchased_list' ? 'import' : 'user',
        changed_at: step.at,
        changed_by: lastChangeBy,
      });
    }

    const activityCount = random.int(0, withSales ? 4 : 2);
    let updatedAt = last.at;
    let updatedBy = lastChangeBy;
    for (let a = 0; a < activityCount; a++) {
      const kind = pickWeighted<ContactKind>(random, [
        ['call', 4],
        ['email', 3],
        ['meeting', withSales ? 3 : 1],
        ['note', 2],
      ]);
      const at = createdAt + 1 + Math.floor(random.next() * (now - createdAt - 2));
      const by = owner ?? random.pick(anyone);
      const text = fill(random.pick(ACTIVITY_TEXTS[kind]), {
        topic,
        city: company.city,
        industry: company.industry,
      });
      rows.activities.push({
        id: newId(),
        lead_id: id,
        kind,
        occurred_at: at,
        text,
        content_id: null,
        topic: null,
        url: null,
        created_at: at,
        created_by: by.id,
      });
      if (at > updatedAt) {
        updatedAt = at;
        updatedBy = by.id;
      }
    }

    const handedOver = steps.find((s) => SALES_STAGES.includes(s.to));
    const taken = last.to === 'disqualified' || last.to === 'lost';
    rows.activities.push(
      ...generateEngagement(
        random,
        {
          leadId: id,
          topic,
          channel,
          hasEmail: email !== null,
          stage: last.to,
          createdAt,
          until: taken ? last.at : now - 1,
          handedOverAt: handedOver?.at ?? null,
        },
        context.content,
        newId,
      ),
    );
    const qualified = steps.find((s) => QUALIFIED_STAGES.includes(s.to)) ?? handedOver ?? last;
    const bant = generateBant(random, {
      leadId: id,
      stage: last.to,
      topic,
      buyingRole: person.buyingRole,
      expectedValueCents: expected,
      closeDate,
      qualifiedAt: qualified.at,
      qualifiedBy: owner?.id ?? lastChangeBy,
    });
    if (bant !== null) rows.bant.push(bant);

    rows.leads.push({
      id,
      salutation: person.salutation,
      first_name: person.firstName,
      last_name: person.lastName,
      email,
      phone,
      mobile,
      job_title: person.jobTitle,
      buying_role: person.buyingRole,
      company_id: company.row.id,
      source_channel: channel,
      campaign_id: campaign?.id ?? null,
      owner_id: owner?.id ?? null,
      stage: last.to,
      stage_entered_at: last.at,
      expected_value_cents: expected,
      expected_close_date: closeDate,
      deal_value_cents: deal,
      notes,
      ...leadDerivedColumns(person.firstName, person.lastName, company.name, email),
      created_at: createdAt,
      created_by: capturer?.id ?? null,
      updated_at: updatedAt,
      updated_by: updatedBy,
      version: 1,
    });
  }
  return rows;
}
