import { describe, expect, it } from 'vitest';
import { translate, translateKeyOf } from '@core/i18n';
import { appWithDatabase, company, createContent, createLead, type TestApp } from './harness';

const FULL_BANT = {
  budgetStatus: 'amount',
  budgetCents: 1_500_000,
  budgetMaxCents: null,
  authority: 'none',
  deciderName: null,
  need: 'confirmed',
  needText: 'Neue Telefonanlage für sieben Filialen',
  timing: '2025-10',
} as const;

/** Frau Petersen: assistant to the management, downloaded an e-book for her boss. */
async function petersen(t: TestApp) {
  const lead = await createLead(t, {
    salutation: 'frau',
    firstName: 'Anna',
    lastName: 'Petersen',
    email: 'a.petersen@schick-schmuck.de',
    phone: '040 7654321',
    jobTitle: 'Assistenz der Geschäftsführung',
    buyingRole: 'assistant',
    company: company('Schick und Schmuck', { branches: 7 }),
  });
  const ebook = await createContent(t, { name: 'Telefonie für Filialisten', type: 'ebook' });
  await t.call('activities.add', {
    leadId: lead.id,
    kind: 'download',
    occurredAt: lead.createdAt,
    contentId: ebook.id,
  });
  return lead;
}

describe('stage gates', () => {
  it('refuses SAL naming exactly the missing handover criteria in German, and allows it once met', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, {
      firstName: 'Jan',
      lastName: 'Anders',
      email: 'jan@anders.de',
    });
    const refused = await t.fail('leads.move', { id: lead.id, version: 1, to: 'sal' });
    expect(refused).toMatchObject({
      code: 'MOVE_REFUSED',
      key: 'refusal.handover_incomplete',
      params: {
        missing:
          'Firma, Funktion (Berufsbezeichnung), Position im Buying Center, Mindestens ein genutzter Inhalt',
      },
      message:
        'Übergabe an den Vertrieb noch nicht möglich. Es fehlt: Firma, Funktion (Berufsbezeichnung), Position im Buying Center, Mindestens ein genutzter Inhalt.',
    });
    const detail = await t.call('leads.get', { id: lead.id });
    expect(detail.lead).toMatchObject({ stage: 'lead', version: 1 });
    expect(detail.gates.handover).toEqual(['company', 'job_title', 'buying_role', 'content_used']);

    const updated = await t.call('leads.update', {
      id: lead.id,
      version: 1,
      fields: { company: company('Happy Current'), jobTitle: 'Inhaber', buyingRole: 'influencer' },
    });
    const partial = await t.fail('leads.move', {
      id: lead.id,
      version: updated.lead.version,
      to: 'sal',
    });
    expect(partial.params).toEqual({ missing: 'Mindestens ein genutzter Inhalt' });
    const item = await createContent(t, { name: 'Tarifrechner', type: 'roi_calculator' });
    await t.call('activities.add', {
      leadId: lead.id,
      kind: 'download',
      occurredAt: updated.lead.updatedAt,
      contentId: item.id,
    });
    const ready = await t.call('leads.get', { id: lead.id });
    expect(ready.gates.handover).toEqual([]);
    const moved = await t.call('leads.move', {
      id: lead.id,
      version: ready.lead.version,
      to: 'sal',
    });
    expect(moved.stage).toBe('sal');
  });

  it('keeps Frau Petersen from SQL until the decider is named in BANT', async () => {
    const t = await appWithDatabase();
    const lead = await petersen(t);
    const atSal = await t.call('leads.move', { id: lead.id, version: 1, to: 'sal' });
    const noBant = await t.fail('leads.move', { id: lead.id, version: atSal.version, to: 'sql' });
    expect(noBant).toMatchObject({
      key: 'refusal.bant_incomplete',
      params: { missing: 'Budget, Entscheidungsbefugnis, Bedarf, Zeitrahmen' },
    });
    const qualified = await t.call('bant.update', { leadId: lead.id, version: 0, bant: FULL_BANT });
    expect(qualified.gates.bant).toEqual(['authority']);
    const refused = await t.fail('leads.move', { id: lead.id, version: atSal.version, to: 'sql' });
    expect(refused).toMatchObject({ code: 'MOVE_REFUSED', key: 'refusal.bant_incomplete' });
    expect(refused.message).toBe('Für SQL muss BANT geklärt sein. Offen: Entscheidungsbefugnis.');
    expect((await t.call('leads.get', { id: lead.id })).lead.stage).toBe('sal');

    const named = await t.call('bant.update', {
      leadId: lead.id,
      version: qualified.bantVersion,
      bant: { ...FULL_BANT, deciderName: 'Herr Schick (Geschäftsführer)' },
    });
    expect(named.gates).toEqual({ handover: [], bant: [] });
    const sql = await t.call('leads.move', { id: lead.id, version: atSal.version, to: 'sql' });
    expect(sql.stage).toBe('sql');
  });

  it('names both lists when a lead skips to SQL, in the chosen language', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, {
      firstName: 'Jan',
      lastName: 'Anders',
      phone: '030 1234567',
    });
    const both = await t.fail('leads.move', { id: lead.id, version: 1, to: 'sql' });
    expect(both).toMatchObject({
      key: 'refusal.gates_incomplete',
      params: {
        handover:
          'Firma, Funktion (Berufsbezeichnung), Position im Buying Center, Mindestens ein genutzter Inhalt',
        bant: 'Budget, Entscheidungsbefugnis, Bedarf, Zeitrahmen',
      },
    });
    await t.call('app.setLanguage', { language: 'en' });
    const english = await t.fail('leads.move', { id: lead.id, version: 1, to: 'sal' });
    const missing = ['company', 'job_title', 'buying_role', 'content_used']
      .map((criterion) => translateKeyOf('en', `scoring.handover.${criterion}`))
      .join(', ');
    expect(english.params).toEqual({ missing });
    expect(english.message).toBe(translate('en', 'refusal.handover_incomplete', { missing }));
    expect(english.message).not.toContain('Firma');
  });

  it('lets moves back and wins pass without gates', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, {
      firstName: 'Jan',
      lastName: 'Anders',
      phone: '030 1234567',
    });
    const won = await t.call('leads.move', {
      id: lead.id,
      version: 1,
      to: 'customer',
      dealValueCents: 90_000,
    });
    expect(won.stage).toBe('customer');
  });
});
