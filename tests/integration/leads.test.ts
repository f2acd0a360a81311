import { describe, expect, it } from 'vitest';
import { appWithDatabase, createLead, DAY, rawConnection, T0, testApp } from './harness';

const schick = {
  name: 'Schick und Schmuck',
  industry: 'Modehandel',
  employees: 120,
  branches: 7,
  website: null,
  street: null,
  postalCode: null,
  city: 'Hamburg',
  country: null,
};

describe('leads through dispatch', () => {
  it('creates a reachable lead in stage Lead with defaults, company and first history entry', async () => {
    const t = await appWithDatabase();
    const detail = await t.call('leads.create', {
      fields: {
        salutation: 'frau',
        firstName: ' Anna ',
        lastName: 'Petersen',
        email: 'a.petersen@schick-schmuck.de',
        jobTitle: 'Assistenz der Geschäftsführung',
        buyingRole: 'assistant',
        company: schick,
        sourceChannel: 'content_download',
      },
    });
    expect(detail.lead).toMatchObject({
      salutation: 'frau',
      firstName: 'Anna',
      lastName: 'Petersen',
      stage: 'lead',
      stageEnteredAt: T0,
      ownerId: t.user.id,
      createdBy: t.user.id,
      notes: '',
      version: 1,
      company: { name: 'Schick und Schmuck', branches: 7, city: 'Hamburg' },
    });
    expect(detail.history).toEqual([
      expect.objectContaining({
        fromStage: null,
        toStage: 'lead',
        origin: 'user',
        changedBy: t.user.id,
        changedByName: 'Sabine Vogt',
      }),
    ]);
    expect(t.events.at(-1)).toEqual({ event: 'leads.changed', payload: { ids: [detail.lead.id] } });
    const raw = rawConnection(t.path, { readonly: true });
    expect(raw.prepare('SELECT search_text FROM leads').pluck().get()).toBe(
      'anna petersen schick und schmuck a.petersen@schick-schmuck.de',
    );
  });

  it('creates an unreachable lead as Suspect with the documented defaults', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, { firstName: 'Jan', lastName: 'Anders' });
    expect(lead).toMatchObject({
      stage: 'suspect',
      salutation: 'none',
      buyingRole: 'unknown',
      sourceChannel: 'other',
      ownerId: t.user.id,
      company: null,
    });
  });

  it('links a second lead to the existing company with the same folded name', async () => {
    const t = await appWithDatabase();
    const first = await createLead(t, { firstName: 'Anna', lastName: 'Petersen', company: schick });
    const second = await createLead(t, {
      firstName: 'Karl',
      lastName: 'Schick',
      company: { ...schick, name: 'SCHICK UND SCHMUCK', website: 'schick-schmuck.de', city: null },
    });
    expect(second.company?.id).toBe(first.company?.id);
    expect(second.company).toMatchObject({
      name: 'Schick und Schmuck',
      website: 'schick-schmuck.de',
      city: 'Hamburg',
    });
  });

  it('updates fields with a version check and keeps search text right, also after a company rename', async () => {
    const t = await appWithDatabase();
    const anna = await createLead(t, { firstName: 'Anna', lastName: 'Petersen', company: schick });
    const karl = await createLead(t, { firstName: 'Karl', lastName: 'Schick', company: schick });
    t.clock.now = T0 + DAY;
    const updated = await t.call('leads.update', {
      id: anna.id,
      version: anna.version,
      fields: {
        lastName: 'Müller',
        phone: '040 1234567',
        expectedValueCents: 450_000,
        company: { ...schick, name: 'Schmuckhaus Nord' },
      },
    });
    expect(updated.lead).toMatchObject({
      lastName: 'Müller',
      phone: '+49401234567',
      expectedValueCents: 450_000,
      version: 2,
      updatedAt: T0 + DAY,
      company: { id: anna.company?.id, name: 'Schmuckhaus Nord' },
    });
    expect(t.events.at(-1)?.payload).toEqual({ ids: [anna.id, karl.id] });
    const karlNow = await t.call('leads.get', { id: karl.id });
    expect(karlNow.lead.company?.name).toBe('Schmuckhaus Nord');
    expect(karlNow.lead.version).toBe(1);
    const found = await t.call('leads.list', { filters: { search: 'schmuckhaus' } });
    expect(found.rows.map((r) => r.id).sort()).toEqual([anna.id, karl.id].sort());
    expect((await t.call('leads.list', { filters: { search: 'mueller' } })).rows[0]?.id).toBe(
      anna.id,
    );

    const unlinked = await t.call('leads.update', {
      id: anna.id,
      version: 2,
      fields: { company: null },
    });
    expect(unlinked.lead.company).toBeNull();
    expect((await t.call('leads.list', { filters: { search: 'schmuckhaus' } })).total).toBe(1);
  });

  it('switches a lead to another existing company instead of renaming its own', async () => {
    const t = await appWithDatabase();
    const anna = await createLead(t, { firstName: 'Anna', lastName: 'Petersen', company: schick });
    const jan = await createLead(t, {
      firstName: 'Jan',
      lastName: 'Anders',
      company: { ...schick, name: 'Happy Current', branches: null, city: 'Berlin' },
    });
    const moved = await t.call('leads.update', {
      id: anna.id,
      version: 1,
      fields: { company: { ...schick, name: 'happy current' } },
    });
    expect(moved.lead.company).toMatchObject({
      id: jan.company?.id,
      name: 'Happy Current',
      city: 'Berlin',
    });
    const stillThere = await t.call('leads.list', { filters: { search: 'schick und schmuck' } });
    expect(stillThere.total).toBe(0);
    expect((await t.call('leads.list', { filters: { search: 'happy' } })).total).toBe(2);
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const t = await appWithDatabase();
    expect((await t.fail('leads.get', { id: 'nope' })).code).toBe('NOT_FOUND');
    const error = await t.fail('leads.update', { id: 'nope', version: 1, fields: { notes: 'x' } });
    expect(error.code).toBe('NOT_FOUND');
  });

  it('moves a lead, records time, user and reason, and stores the deal value of a customer', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, {
      firstName: 'Petra',
      lastName: 'Teichmann',
      email: 'pt@froehlich.de',
    });
    t.clock.now = T0 + DAY;
    const mql = await t.call('leads.move', { id: lead.id, version: 1, to: 'mql' });
    expect(mql).toMatchObject({ stage: 'mql', stageEnteredAt: T0 + DAY, version: 2 });
    t.clock.now = T0 + 2 * DAY;
    await t.call('leads.move', {
      id: lead.id,
      version: 2,
      to: 'lead',
      reason: ' Budget erst 2026 ',
    });
    t.clock.now = T0 + 3 * DAY;
    const customer = await t.call('leads.move', {
      id: lead.id,
      version: 3,
      to: 'customer',
      dealValueCents: 1_250_000,
    });
    expect(customer.stage).toBe('customer');
    const detail = await t.call('leads.get', { id: lead.id });
    expect(detail.lead.dealValueCents).toBe(1_250_000);
    expect(
      detail.history.map((h) => [h.fromStage, h.toStage, h.reason, h.changedAt, h.changedByName]),
    ).toEqual([
      ['lead', 'customer', null, T0 + 3 * DAY, 'Sabine Vogt'],
      ['mql', 'lead', 'Budget erst 2026', T0 + 2 * DAY, 'Sabine Vogt'],
      ['lead', 'mql', null, T0 + DAY, 'Sabine Vogt'],
      [null, 'lead', null, T0, 'Sabine Vogt'],
    ]);
  });

  it('refuses moves the rules forbid, in German, and changes nothing', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, {
      firstName: 'Jan',
      lastName: 'Anders',
      phone: '030 1234567',
    });
    const lost = await t.fail('leads.move', {
      id: lead.id,
      version: 1,
      to: 'lost',
      reason: 'zu teuer',
    });
    expect(lost).toMatchObject({ code: 'MOVE_REFUSED', key: 'refusal.lost_needs_sales_stage' });
    expect(lost.message).toContain('Frühere Leads bitte disqualifizieren.');
    const disq = await t.fail('leads.move', {
      id: lead.id,
      version: 1,
      to: 'disqualified',
      reason: '  ',
    });
    expect(disq).toMatchObject({
      code: 'MOVE_REFUSED',
      key: 'refusal.reason_required',
      params: { reasonKind: 'disqualify' },
      message: 'Für diesen Wechsel ist eine Begründung nötig.',
    });
    const customer = await t.fail('leads.move', { id: lead.id, version: 1, to: 'customer' });
    expect(customer).toMatchObject({
      key: 'refusal.deal_value_required',
      message: 'Für den Abschluss als Kunde ist ein Auftragswert über 0 € nötig.',
    });
    const detail = await t.call('leads.get', { id: lead.id });
    expect(detail.lead).toMatchObject({ stage: 'lead', version: 1 });
    expect(detail.history).toHaveLength(1);

    const ok = await t.call('leads.move', {
      id: lead.id,
      version: 1,
      to: 'disqualified',
      reason: 'Kein Bedarf',
    });
    expect(ok.stage).toBe('disqualified');
    const history = (await t.call('leads.get', { id: lead.id })).history;
    expect(history[0]).toMatchObject({
      toStage: 'disqualified',
      reason: 'Kein Bedarf',
      changedBy: t.user.id,
    });
  });

  it('logs activities by the current user, newest first', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, { firstName: 'Jan', lastName: 'Anders' });
    const call = await t.call('activities.add', {
      leadId: lead.id,
      kind: 'call',
      occurredAt: T0 - DAY,
      text: 'Verfügbarkeit geprüft, Tarif besprochen',
    });
    expect(call).toMatchObject({
      kind: 'call',
      createdBy: t.user.id,
      createdByName: 'Sabine Vogt',
    });
    await t.call('activities.add', {
      leadId: lead.id,
      kind: 'note',
      occurredAt: T0,
      text: 'Rückruf',
    });
    const detail = await t.call('leads.get', { id: lead.id });
    expect(detail.activities.map((a) => a.kind)).toEqual(['note', 'call']);
    expect(t.events.at(-1)).toEqual({ event: 'leads.changed', payload: { ids: [lead.id] } });
    const missing = await t.fail('activities.add', {
      leadId: 'x',
      kind: 'note',
      occurredAt: T0,
      text: 'a',
    });
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('requires a chosen user for writes (NO_USER)', async () => {
    const t = await appWithDatabase();
    const other = testApp();
    await other.call('database.open', { path: t.path });
    const error = await other.fail('leads.create', { fields: { firstName: 'A', lastName: 'B' } });
    expect(error).toMatchObject({
      code: 'NO_USER',
      message: 'Bitte zuerst auswählen, wer Sie sind.',
    });
    expect((await other.call('leads.list', { filters: {} })).total).toBe(0);
  });
});
