import { describe, expect, it } from 'vitest';
import { appWithDatabase, createLead, rawConnection } from './harness';
import { HEADERS, runImport, summaryOf, writeCsv } from './import-harness';

type App = Awaited<ReturnType<typeof appWithDatabase>>;

async function byLastName(t: App) {
  const rows = (await t.call('leads.list', { filters: {}, limit: 500 })).rows;
  return new Map(rows.map((row) => [row.lastName, row]));
}

describe('import undo', () => {
  it('removes created leads, restores filled and overwritten fields, keeps what changed since', async () => {
    const t = await appWithDatabase();
    const filled = await createLead(t, {
      firstName: 'Anna',
      lastName: 'Fill',
      email: 'anna@fill.de',
    });
    const overwritten = await createLead(t, {
      firstName: 'Otto',
      lastName: 'Over',
      email: 'otto@over.de',
      phone: '040 999999',
    });
    const path = writeCsv(t.dir, 'u.csv', [
      [...HEADERS],
      ['Anna', 'Fill', 'Fill GmbH', 'anna@fill.de', '040 111111', ''],
      ['Otto', 'Over', '', 'otto@over.de', '040 222222', ''],
      ['Neu', 'Created', 'Neu AG', 'neu@created.de', '', ''],
      ['Kai', 'Edited', 'Kai KG', 'kai@edited.de', '', ''],
      ['Lea', 'Logged', '', 'lea@logged.de', '', ''],
    ]);
    const job = await runImport(t, path, {
      duplicateOverrides: [{ row: 3, action: 'overwrite' }],
    });
    expect(summaryOf(job)).toMatchObject({ created: 3, filled: 1, overwritten: 1 });
    const batchId = job.batchId ?? '';
    let leads = await byLastName(t);
    expect((await t.call('leads.get', { id: filled.id })).lead).toMatchObject({
      phone: '+4940111111',
      company: expect.objectContaining({ name: 'Fill GmbH' }),
    });
    expect((await t.call('leads.get', { id: overwritten.id })).lead.phone).toBe('+4940222222');

    // Afterwards someone edits one created lead and logs a call with another.
    const edited = leads.get('Edited');
    const editedDetail = await t.call('leads.get', { id: edited?.id ?? '' });
    await t.call('leads.update', {
      id: editedDetail.lead.id,
      version: editedDetail.lead.version,
      fields: { jobTitle: 'Einkauf' },
    });
    await t.call('activities.add', {
      leadId: leads.get('Logged')?.id ?? '',
      kind: 'call',
      occurredAt: t.clock.now,
      text: 'Angerufen',
      contentId: null,
      topic: null,
      url: null,
    });

    const result = await t.call('imports.undo', { batchId });
    expect(result.removed).toBe(1);
    expect(result.restored).toBe(2);
    expect(result.kept.map((k) => k.name).sort()).toEqual(['Kai Edited', 'Lea Logged']);

    leads = await byLastName(t);
    expect([...leads.keys()].sort()).toEqual(['Edited', 'Fill', 'Logged', 'Over']);
    const restoredFill = (await t.call('leads.get', { id: filled.id })).lead;
    expect(restoredFill).toMatchObject({ phone: null, company: null });
    expect(restoredFill.version).toBeGreaterThan(filled.version + 1);
    expect((await t.call('leads.get', { id: overwritten.id })).lead.phone).toBe('+4940999999');
    // The company only the removed lead used is gone; the kept lead's company stays.
    const raw = rawConnection(t.path, { readonly: true });
    const names = raw.prepare('SELECT name FROM companies ORDER BY name').all();
    expect(names).toEqual([{ name: 'Kai KG' }]);

    const [batch] = await t.call('imports.list', {});
    expect(batch).toMatchObject({
      id: batchId,
      status: 'undone',
      undoneByName: 'Sabine Vogt',
      canUndo: false,
    });
    expect(batch?.undoneAt).toBe(t.clock.now);

    const again = await t.fail('imports.undo', { batchId });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('nicht rückgängig gemacht werden');
  });

  it('keeps a filled lead that was changed after the import', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, {
      firstName: 'Mia',
      lastName: 'Later',
      email: 'mia@later.de',
    });
    const path = writeCsv(t.dir, 'k.csv', [
      [...HEADERS],
      ['Mia', 'Later', '', 'mia@later.de', '040 123123', ''],
    ]);
    const job = await runImport(t, path);
    const current = (await t.call('leads.get', { id: lead.id })).lead;
    await t.call('leads.update', {
      id: lead.id,
      version: current.version,
      fields: { jobTitle: 'Leitung' },
    });
    const result = await t.call('imports.undo', { batchId: job.batchId ?? '' });
    expect(result).toEqual({
      removed: 0,
      restored: 0,
      kept: [{ leadId: lead.id, name: 'Mia Later' }],
    });
    expect((await t.call('leads.get', { id: lead.id })).lead).toMatchObject({
      phone: '+4940123123',
      jobTitle: 'Leitung',
    });
  });

  it('counts leads deleted in the meantime as gone', async () => {
    const t = await appWithDatabase();
    const path = writeCsv(t.dir, 'g.csv', [
      [...HEADERS],
      ['Gone', 'Away', '', 'gone@away.de', '', ''],
      ['Stay', 'Here', '', 'stay@here.de', '', ''],
    ]);
    const job = await runImport(t, path);
    const away = (await byLastName(t)).get('Away');
    await t.call('leads.delete', { id: away?.id ?? '', version: away?.version ?? 0 });
    const result = await t.call('imports.undo', { batchId: job.batchId ?? '' });
    expect(result).toEqual({ removed: 1, restored: 0, kept: [] });
    expect((await byLastName(t)).size).toBe(0);
  });
});
