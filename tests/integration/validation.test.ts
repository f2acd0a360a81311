import { describe, expect, it } from 'vitest';
import { translate, translateKeyOf } from '@core/i18n';
import { appWithDatabase, createLead, rawConnection, T0 } from './harness';

function leadCount(path: string): number {
  const raw = rawConnection(path, { readonly: true });
  const n = raw.prepare('SELECT count(*) FROM leads').pluck().get() as number;
  raw.close();
  return n;
}

describe('bad input', () => {
  it('rejects an empty last name with a German field message and writes nothing', async () => {
    const t = await appWithDatabase();
    const error = await t.fail('leads.create', { fields: { firstName: 'Anna', lastName: '  ' } });
    expect(error.code).toBe('VALIDATION');
    expect(error.key).toBe('errors.VALIDATION');
    expect(error.message).toBe('Bitte die markierten Felder prüfen.');
    expect(error.issues).toEqual([{ path: ['fields', 'lastName'], key: 'validation.required' }]);
    expect(translateKeyOf('de', error.issues?.[0]?.key ?? '')).toBe('Pflichtfeld');
    expect(leadCount(t.path)).toBe(0);
    expect(t.events.filter((e) => e.event === 'leads.changed')).toEqual([]);
  });

  it('accepts a lead with a last name only (one-name contacts)', async () => {
    const t = await appWithDatabase();
    const created = await t.call('leads.create', { fields: { lastName: 'Ñandú' } });
    expect(created.lead).toMatchObject({ firstName: '', lastName: 'Ñandú' });
    expect(leadCount(t.path)).toBe(1);
  });

  it('rejects a malformed email but accepts an umlaut domain, stored as punycode', async () => {
    const t = await appWithDatabase();
    const error = await t.fail('leads.create', {
      fields: { firstName: 'Eva', lastName: 'Klein', email: 'eva@@klein' },
    });
    expect(error.issues).toEqual([{ path: ['fields', 'email'], key: 'validation.email' }]);
    expect(translate('de', 'validation.email')).toBe('Keine gültige E-Mail-Adresse');
    expect(leadCount(t.path)).toBe(0);

    const lead = await createLead(t, {
      firstName: 'Eva',
      lastName: 'Klein',
      email: 'info@münchen.de',
    });
    expect(lead.email).toBe('info@xn--mnchen-3ya.de');
    const raw = rawConnection(t.path, { readonly: true });
    expect(raw.prepare('SELECT email FROM leads').pluck().get()).toBe('info@xn--mnchen-3ya.de');
  });

  it('rejects an invalid phone number and a negative value on update, keeping the lead as it was', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, { firstName: 'Eva', lastName: 'Klein' });
    const phone = await t.fail('leads.update', {
      id: lead.id,
      version: 1,
      fields: { phone: '12', notes: 'wichtig' },
    });
    expect(phone.issues).toEqual([{ path: ['fields', 'phone'], key: 'validation.phone' }]);
    const value = await t.fail('leads.update', {
      id: lead.id,
      version: 1,
      fields: { expectedValueCents: -100 },
    });
    expect(value.issues).toEqual([
      { path: ['fields', 'expectedValueCents'], key: 'validation.negative' },
    ]);
    expect(translate('de', 'validation.negative')).toBe('Darf nicht negativ sein');
    const now = await t.call('leads.get', { id: lead.id });
    expect(now.lead).toMatchObject({
      phone: null,
      notes: '',
      expectedValueCents: null,
      version: 1,
    });
  });

  it('rejects a negative deal value on a move before the rules are asked', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, {
      firstName: 'Eva',
      lastName: 'Klein',
      email: 'eva@klein.de',
    });
    const error = await t.fail('leads.move', {
      id: lead.id,
      version: 1,
      to: 'customer',
      dealValueCents: -5,
    });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['dealValueCents'], key: 'validation.negative' }],
    });
    expect((await t.call('leads.get', { id: lead.id })).lead.stage).toBe('lead');
  });

  it('rejects an owner that is not in the file as a field error', async () => {
    const t = await appWithDatabase();
    const error = await t.fail('leads.create', {
      fields: { firstName: 'Eva', lastName: 'Klein', ownerId: 'ghost' },
    });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['fields', 'ownerId'], key: 'validation.invalid' }],
    });
    expect(leadCount(t.path)).toBe(0);
  });

  it('answers unknown channels with BAD_REQUEST and unknown stages with a field error', async () => {
    const t = await appWithDatabase();
    expect((await t.fail('leads.purge', {})).code).toBe('BAD_REQUEST');
    const stage = await t.fail('board.column', { stage: 'won', filters: {}, offset: 0, limit: 10 });
    expect(stage.issues).toEqual([{ path: ['stage'], key: 'validation.stage' }]);
  });

  it('needs a text for sales contacts but not for tracked behaviour, and a known content item', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, { firstName: 'Eva', lastName: 'Klein' });
    const call = await t.fail('activities.add', {
      leadId: lead.id,
      kind: 'call',
      occurredAt: T0,
      text: '  ',
    });
    expect(call.issues).toEqual([{ path: ['text'], key: 'validation.required' }]);
    const content = await t.fail('activities.add', {
      leadId: lead.id,
      kind: 'download',
      occurredAt: T0,
      contentId: 'ghost',
    });
    expect(content).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['contentId'], key: 'validation.invalid' }],
    });
    expect((await t.call('leads.get', { id: lead.id })).activities).toEqual([]);
    const visit = await t.call('activities.add', {
      leadId: lead.id,
      kind: 'page_visit',
      occurredAt: T0,
      url: 'https://example.de/preise',
      topic: 'Strom',
    });
    expect(visit).toMatchObject({ text: '', url: 'https://example.de/preise', topic: 'Strom' });
  });

  it('speaks English after app.setLanguage', async () => {
    const t = await appWithDatabase();
    await t.call('app.setLanguage', { language: 'en' });
    const error = await t.fail('leads.get', { id: 'nope' });
    expect(error.message).toBe('The record was not found. It may have been deleted.');
  });
});
