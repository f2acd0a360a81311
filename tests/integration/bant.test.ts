import { describe, expect, it } from 'vitest';
import { EMPTY_BANT } from '@core/scoring';
import { appWithDatabase, createLead, DAY, rawConnection, T0 } from './harness';

const BANT = {
  budgetStatus: 'range',
  budgetCents: 1_000_000,
  budgetMaxCents: 2_500_000,
  authority: 'decides',
  deciderName: null,
  need: 'confirmed',
  needText: 'Cloud-Migration der Buchungssysteme',
  timing: '2025-09',
} as const;

describe('BANT', () => {
  it('starts empty, inserts with version 0, then updates with the version', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, { firstName: 'Petra', lastName: 'Teichmann' });
    const empty = await t.call('leads.get', { id: lead.id });
    expect(empty.bant).toEqual(EMPTY_BANT);
    expect(empty.bantVersion).toBe(0);
    expect(empty.score.temperature).toBe('cold');

    const first = await t.call('bant.update', { leadId: lead.id, version: 0, bant: BANT });
    expect(first.bant).toMatchObject({ ...BANT, updatedAt: T0, updatedBy: t.user.id });
    expect(first.bantVersion).toBe(1);
    // Need, budget and timing answered: the seeds' reading makes the lead hot.
    expect(first.score).toMatchObject({ temperature: 'hot', temperatureBasis: 'bant' });
    expect(first.lead.version).toBe(1);
    expect(t.events.at(-1)).toEqual({ event: 'leads.changed', payload: { ids: [lead.id] } });
    const [row] = (await t.call('leads.list', { filters: { temperature: 'hot' } })).rows;
    expect(row?.id).toBe(lead.id);

    t.clock.now = T0 + DAY;
    const second = await t.call('bant.update', {
      leadId: lead.id,
      version: 1,
      bant: { ...BANT, budgetStatus: 'none', timing: '' },
    });
    expect(second.bant).toMatchObject({
      budgetStatus: 'none',
      budgetCents: null,
      budgetMaxCents: null,
      timing: null,
      updatedAt: T0 + DAY,
    });
    expect(second.bantVersion).toBe(2);
    expect(second.score.temperature).toBe('warm');
  });

  it('refuses a stale version and a second first save as CONFLICT, keeping the stored answer', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, { firstName: 'Petra', lastName: 'Teichmann' });
    await t.call('bant.update', { leadId: lead.id, version: 0, bant: BANT });
    const again = await t.fail('bant.update', {
      leadId: lead.id,
      version: 0,
      bant: { ...BANT, need: 'not_confirmed' },
    });
    expect(again.code).toBe('CONFLICT');
    await t.call('bant.update', {
      leadId: lead.id,
      version: 1,
      bant: { ...BANT, timing: '2026-01' },
    });
    const stale = await t.fail('bant.update', { leadId: lead.id, version: 1, bant: BANT });
    expect(stale.code).toBe('CONFLICT');
    const detail = await t.call('leads.get', { id: lead.id });
    expect(detail.bant).toMatchObject({ need: 'confirmed', timing: '2026-01' });
    expect(detail.bantVersion).toBe(2);
    expect((await t.fail('bant.update', { leadId: 'nope', version: 0, bant: BANT })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('rejects a range whose end lies below its start, and a malformed month, storing nothing', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, { firstName: 'Petra', lastName: 'Teichmann' });
    const range = await t.fail('bant.update', {
      leadId: lead.id,
      version: 0,
      bant: { ...BANT, budgetCents: 3_000_000, budgetMaxCents: 2_000_000 },
    });
    expect(range).toMatchObject({
      code: 'VALIDATION',
      message: 'Bitte die markierten Felder prüfen.',
      issues: [{ path: ['bant', 'budgetMaxCents'], key: 'validation.range_order' }],
    });
    const month = await t.fail('bant.update', {
      leadId: lead.id,
      version: 0,
      bant: { ...BANT, timing: '2025-13' },
    });
    expect(month.issues).toEqual([{ path: ['bant', 'timing'], key: 'validation.month' }]);
    const raw = rawConnection(t.path, { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM lead_bant').pluck().get()).toBe(0);
  });
});
