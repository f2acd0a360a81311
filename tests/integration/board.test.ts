import { describe, expect, it } from 'vitest';
import { SOURCE_CHANNELS, type SourceChannel } from '@core/domain/channels';
import type { LeadSummary } from '@core/domain/lead';
import { assertNever, STAGES, type Stage } from '@core/domain/stages';
import { LEAD_SORT_KEYS } from '@core/ipc/leads/schemas';
import { openDatabase } from '../../src/main/db/connection';
import { boardColumnPage } from '../../src/main/repositories/lead-summaries-repository';
import { appWithDatabase, DAY, T0 } from './harness';

type Made = {
  id: string;
  firstName: string;
  lastName: string;
  company: string | null;
  ownerName: string;
  ownerId: string;
  source: SourceChannel;
  value: number | null;
  stage: Stage;
  enteredAt: number;
  score: number;
};

const LAST_NAMES = ['Mueller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner'];

/** Moves a fresh lead (stage Lead) to `target` along allowed moves. */
async function moveTo(t: Awaited<ReturnType<typeof appWithDatabase>>, id: string, target: Stage) {
  let version = 1;
  const move = async (to: Stage, extra: { reason?: string; dealValueCents?: number } = {}) => {
    version = (await t.call('leads.move', { id, version, to, ...extra })).version;
  };
  if (target === 'lead') return;
  if (target === 'lost') await move('sal');
  const needsReason = target === 'suspect' || target === 'disqualified' || target === 'lost';
  await move(target, {
    ...(needsReason ? { reason: 'Test' } : {}),
    ...(target === 'customer' ? { dealValueCents: 100_000 } : {}),
  });
}

/**
 * 40 leads over every stage, two owners, several channels; two share a stage time. The
 * stage gates are switched off: these tests are about the board, not the handover.
 */
async function seedBoard() {
  const t = await appWithDatabase();
  const scoring = await t.call('scoring.get', {});
  await t.call('scoring.save', {
    settings: { ...scoring.settings, handover: [], sqlBant: [] },
    basedOn: scoring.updatedAt,
  });
  const second = await t.call('users.create', { name: 'Tom Berger' });
  const tom = second.user!;
  await t.call('users.select', { id: t.user.id });
  const made: Made[] = [];
  for (let i = 0; i < 40; i += 1) {
    const stage = STAGES[i % STAGES.length]!;
    const owner = i % 3 === 0 ? tom : t.user;
    const source = SOURCE_CHANNELS[i % 4]!;
    const value = i % 5 === 0 ? null : (i + 1) * 10_000;
    const company = i % 6 === 0 ? null : `Firma ${String.fromCharCode(65 + (i % 7))}`;
    t.clock.now = T0 + (i === 39 ? 38 : i) * DAY;
    const lastName = `${LAST_NAMES[i % LAST_NAMES.length]}${i}`;
    const detail = await t.call('leads.create', {
      fields: {
        firstName: `Vorname${i % 9}`,
        lastName: i === 7 ? 'Müller' : lastName,
        email: `kontakt${i}@example.de`,
        ownerId: owner.id,
        sourceChannel: source,
        expectedValueCents: value,
        company:
          company === null
            ? null
            : {
                name: company,
                industry: null,
                employees: null,
                branches: null,
                website: null,
                street: null,
                postalCode: null,
                city: null,
                country: null,
              },
      },
    });
    await moveTo(t, detail.lead.id, stage);
    made.push({
      id: detail.lead.id,
      firstName: detail.lead.firstName,
      lastName: detail.lead.lastName,
      company,
      ownerName: owner.name,
      ownerId: owner.id,
      source,
      value,
      stage,
      enteredAt: t.clock.now,
      score: detail.score.total,
    });
  }
  return { t, tom, made };
}

function expectedColumns(leads: Made[]) {
  return STAGES.map((stage) => {
    const inStage = leads
      .filter((l) => l.stage === stage)
      .sort((a, b) => b.enteredAt - a.enteredAt || (a.id < b.id ? -1 : 1));
    return {
      stage,
      count: inStage.length,
      sumCents: inStage.reduce((sum, l) => sum + (l.value ?? 0), 0),
      ids: inStage.map((l) => l.id),
    };
  });
}

const cmp = (a: string | number | null, b: string | number | null): number => {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'string' && typeof b === 'string')
    return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
  return a < b ? -1 : 1;
};

function sortKey(l: Made, key: (typeof LEAD_SORT_KEYS)[number]): (string | number | null)[] {
  switch (key) {
    case 'name':
      return [l.lastName, l.firstName];
    case 'company':
      return [l.company];
    case 'stage':
      return [STAGES.indexOf(l.stage)];
    case 'owner':
      return [l.ownerName];
    case 'source':
      return [l.source];
    case 'value':
      return [l.value];
    case 'stageEnteredAt':
    case 'createdAt':
    case 'updatedAt':
      // Every lead is created and moved at one clock reading, so the three times agree.
      return [l.enteredAt];
    case 'score':
      return [l.score];
    default:
      return assertNever(key);
  }
}

describe('board and list', () => {
  it('loads one column per stage with SQL counts and sums that match the data, under filters', async () => {
    const { t, tom, made } = await seedBoard();
    const board = await t.call('board.load', { filters: {}, limit: 3 });
    const expected = expectedColumns(made);
    expect(board.columns.map((c) => c.stage)).toEqual([...STAGES]);
    for (const [i, column] of board.columns.entries()) {
      expect(column.count).toBe(expected[i]!.count);
      expect(column.sumCents).toBe(expected[i]!.sumCents);
      expect(column.cards.map((c) => c.id)).toEqual(expected[i]!.ids.slice(0, 3));
    }

    const filtered = await t.call('board.load', {
      filters: { ownerId: tom.id, sourceChannel: 'newsletter' },
    });
    const subset = made.filter((l) => l.ownerId === tom.id && l.source === 'newsletter');
    expect(subset.length).toBeGreaterThan(0);
    expect(filtered.columns.map((c) => [c.count, c.sumCents])).toEqual(
      expectedColumns(subset).map((c) => [c.count, c.sumCents]),
    );
    for (const card of filtered.columns.flatMap((c) => c.cards)) {
      expect(card).toMatchObject({
        ownerId: tom.id,
        ownerInitials: 'TB',
        sourceChannel: 'newsletter',
      });
    }

    const onlyMql = await t.call('board.load', { filters: { stage: 'mql' } });
    expect(onlyMql.columns.filter((c) => c.count > 0).map((c) => c.stage)).toEqual(['mql']);
  });

  it('searches folded name, company and email; umlauts and wildcards included', async () => {
    const { t, made } = await seedBoard();
    const mueller = await t.call('leads.list', { filters: { search: 'mueller' } });
    expect(mueller.total).toBe(made.filter((l) => /m(ü|ue)ller/i.test(l.lastName)).length);
    expect(mueller.rows.map((r) => r.lastName)).toContain('Müller');
    const umlaut = await t.call('leads.list', { filters: { search: 'MÜLLER' } });
    expect(umlaut.total).toBe(mueller.total);
    const byCompanyAndName = await t.call('leads.list', {
      filters: { search: 'firma b vorname1' },
    });
    expect(byCompanyAndName.rows.map((r) => r.id).sort()).toEqual(
      made
        .filter((l) => l.company === 'Firma B' && l.firstName === 'Vorname1')
        .map((l) => l.id)
        .sort(),
    );
    expect((await t.call('leads.list', { filters: { search: 'kontakt12@' } })).total).toBe(1);
    expect((await t.call('leads.list', { filters: { search: '%' } })).total).toBe(0);
    expect((await t.call('leads.list', { filters: { search: 'kontakt_2' } })).total).toBe(0);
  });

  it('sorts by every key in both directions with a stable id tie-break, and pages in SQL', async () => {
    const { t, made } = await seedBoard();
    const lists = await Promise.all(
      LEAD_SORT_KEYS.flatMap((sort) =>
        (['asc', 'desc'] as const).map(async (direction) => ({
          sort,
          direction,
          rows: (await t.call('leads.list', { filters: {}, sort, direction, limit: 500 })).rows,
        })),
      ),
    );
    for (const { sort, direction, rows } of lists) {
      expect(rows).toHaveLength(made.length);
      const byId = new Map(made.map((l) => [l.id, l]));
      for (let i = 1; i < rows.length; i += 1) {
        const a = byId.get(rows[i - 1]!.id)!;
        const b = byId.get(rows[i]!.id)!;
        const ka = sortKey(a, sort);
        const kb = sortKey(b, sort);
        let order = 0;
        for (let k = 0; k < ka.length && order === 0; k += 1) order = cmp(ka[k]!, kb[k]!);
        if (direction === 'desc') order = -order;
        expect(order, `${sort} ${direction} at ${i}`).toBeLessThanOrEqual(0);
        if (order === 0) expect(a.id < b.id, `${sort} ${direction} tie at ${i}`).toBe(true);
      }
    }
    const full = (await t.call('leads.list', { filters: {}, sort: 'name', limit: 500 })).rows;
    const pages: LeadSummary[] = [];
    for (let offset = 0; offset < 40; offset += 7) {
      const page = await t.call('leads.list', { filters: {}, sort: 'name', offset, limit: 7 });
      expect(page.total).toBe(40);
      pages.push(...page.rows);
    }
    expect(pages.map((r) => r.id)).toEqual(full.map((r) => r.id));
    expect(new Set(made.map((l) => l.score)).size).toBeGreaterThan(1);
  });

  it('pages a board column in stage order', async () => {
    const { t, made } = await seedBoard();
    const expected = expectedColumns(made).find((c) => c.stage === 'lead')!;
    const first = await t.call('board.column', { stage: 'lead', filters: {}, offset: 0, limit: 2 });
    const rest = await t.call('board.column', {
      stage: 'lead',
      filters: {},
      offset: 2,
      limit: 500,
    });
    expect(first.total).toBe(expected.count);
    expect([...first.cards, ...rest.cards].map((c) => c.id)).toEqual(expected.ids);
  });

  it('orders a column by score on request, on the board and when paging', async () => {
    const { t, made } = await seedBoard();
    const byScore = (stage: Stage) =>
      made
        .filter((l) => l.stage === stage)
        .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
        .map((l) => l.id);
    const board = await t.call('board.load', { filters: {}, limit: 500, sorts: { lead: 'score' } });
    const lead = board.columns.find((c) => c.stage === 'lead')!;
    expect(lead.cards.map((c) => c.id)).toEqual(byScore('lead'));
    expect(lead.cards.map((c) => c.scoreTotal)).toEqual(
      byScore('lead').map((id) => made.find((l) => l.id === id)!.score),
    );
    const recent = board.columns.find((c) => c.stage === 'mql')!;
    expect(recent.cards.map((c) => c.id)).toEqual(
      expectedColumns(made).find((c) => c.stage === 'mql')!.ids,
    );
    const first = await t.call('board.column', {
      stage: 'suspect',
      filters: {},
      offset: 0,
      limit: 2,
      sort: 'score',
    });
    const rest = await t.call('board.column', {
      stage: 'suspect',
      filters: {},
      offset: 2,
      limit: 500,
      sort: 'score',
    });
    expect([...first.cards, ...rest.cards].map((c) => c.id)).toEqual(byScore('suspect'));
  });

  it('reads board columns through index idx_leads_board without sorting', async () => {
    const t = await appWithDatabase();
    await t.call('database.close', {});
    const opened = await openDatabase(t.path, 'open', { busyTimeoutMs: 100, now: () => T0 });
    try {
      for (const filters of [{}, { search: 'mueller' }]) {
        const query = boardColumnPage(opened.db, 'mql', filters, 0, 50).compile();
        const plan = opened.raw
          .prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
          .all(...(query.parameters as unknown[])) as { detail: string }[];
        const details = plan.map((row) => row.detail).join('\n');
        expect(details).toMatch(
          /SEARCH leads USING (COVERING )?INDEX idx_leads_board \(stage=\?\)/,
        );
        expect(details).not.toContain('TEMP B-TREE');
        const byScore = boardColumnPage(opened.db, 'mql', filters, 0, 50, 'score').compile();
        const scorePlan = opened.raw
          .prepare(`EXPLAIN QUERY PLAN ${byScore.sql}`)
          .all(...(byScore.parameters as unknown[])) as { detail: string }[];
        const scoreDetails = scorePlan.map((row) => row.detail).join('\n');
        expect(scoreDetails).toMatch(
          /SEARCH leads USING (COVERING )?INDEX idx_leads_board_score \(stage=\?\)/,
        );
        expect(scoreDetails).not.toContain('TEMP B-TREE');
      }
    } finally {
      await opened.close();
    }
  });
});
