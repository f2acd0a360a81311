import { describe, expect, it } from 'vitest';
import { appWithDatabase, createContent, createLead, T0 } from './harness';

describe('content library', () => {
  it('creates items, lists them by name and hides archived ones unless asked', async () => {
    const t = await appWithDatabase();
    const paper = await createContent(t, {
      name: 'Cloudlösungen im Mittelstand',
      type: 'whitepaper',
      topic: ' Cloud ',
      phase: 'consideration',
      targetRole: 'decision_maker',
      url: 'https://wolke7.de/whitepaper',
    });
    expect(paper).toMatchObject({
      name: 'Cloudlösungen im Mittelstand',
      type: 'whitepaper',
      topic: 'Cloud',
      phase: 'consideration',
      targetRole: 'decision_maker',
      archived: false,
      createdAt: T0,
      version: 1,
    });
    expect(t.events.at(-1)).toEqual({ event: 'content.changed', payload: {} });
    await createContent(t, { name: 'alte Preisliste', type: 'price_list', archived: true });
    await createContent(t, { name: 'Blog: Backup', type: 'blog_post' });
    const names = async (includeArchived: boolean) =>
      (await t.call('content.list', { includeArchived })).map((item) => item.name);
    expect(await names(false)).toEqual(['Blog: Backup', 'Cloudlösungen im Mittelstand']);
    expect(await names(true)).toEqual([
      'alte Preisliste',
      'Blog: Backup',
      'Cloudlösungen im Mittelstand',
    ]);
  });

  it('refuses a duplicate name (any case) as a field error, and a stale version as CONFLICT', async () => {
    const t = await appWithDatabase();
    const paper = await createContent(t, { name: 'Cloud-Leitfaden', type: 'ebook' });
    const other = await createContent(t, { name: 'Datenblatt', type: 'data_sheet' });
    const duplicate = await t.fail('content.create', {
      fields: { ...paper, name: 'CLOUD-LEITFADEN' },
    });
    expect(duplicate).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['fields', 'name'], key: 'validation.duplicate' }],
    });
    const renamed = await t.fail('content.update', {
      id: other.id,
      version: 1,
      fields: { ...other, name: 'cloud-leitfaden' },
    });
    expect(renamed.issues).toEqual([{ path: ['fields', 'name'], key: 'validation.duplicate' }]);

    const saved = await t.call('content.update', {
      id: paper.id,
      version: 1,
      fields: { ...paper, name: 'Cloud-Leitfaden 2025', archived: true },
    });
    expect(saved).toMatchObject({ name: 'Cloud-Leitfaden 2025', archived: true, version: 2 });
    const stale = await t.fail('content.update', {
      id: paper.id,
      version: 1,
      fields: { ...paper, name: 'Überschrieben' },
    });
    expect(stale.code).toBe('CONFLICT');
    const missing = await t.fail('content.update', { id: 'nope', version: 1, fields: paper });
    expect(missing.code).toBe('NOT_FOUND');
    expect((await t.call('content.list', { includeArchived: true })).map((c) => c.name)).toEqual([
      'Cloud-Leitfaden 2025',
      'Datenblatt',
    ]);
  });

  it('rescores the leads that used an item when its type changes', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, {
      firstName: 'Jan',
      lastName: 'Anders',
      phone: '030 1234567',
    });
    const item = await createContent(t, { name: 'Tarife 2025', type: 'blog_post', topic: 'Strom' });
    await t.call('activities.add', {
      leadId: lead.id,
      kind: 'download',
      occurredAt: T0,
      contentId: item.id,
    });
    const before = await t.call('leads.get', { id: lead.id });
    expect(before.activities[0]).toMatchObject({ contentId: item.id, contentName: 'Tarife 2025' });
    expect(before.score.topics.map((topic) => topic.topic)).toEqual(['Strom']);
    await t.call('content.update', {
      id: item.id,
      version: 1,
      fields: { ...item, name: 'Preisliste 2025', type: 'price_list' },
    });
    expect(t.events.at(-1)).toEqual({ event: 'leads.changed', payload: { ids: [lead.id] } });
    const after = await t.call('leads.get', { id: lead.id });
    expect(after.score.engagement).toBeGreaterThan(before.score.engagement);
    expect(after.activities[0]?.contentName).toBe('Preisliste 2025');
    const [row] = (await t.call('leads.list', { filters: {} })).rows;
    expect(row?.scoreEngagement).toBe(after.score.engagement);
  });
});
