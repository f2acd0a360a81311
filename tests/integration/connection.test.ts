import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/connection';
import { appWithDatabase, createLead, rawConnection, T0, tempDir, testApp } from './harness';

async function openFresh(busyTimeoutMs = 1234) {
  const path = join(tempDir(), 'conn.sqlite');
  const opened = await openDatabase(path, 'create', { busyTimeoutMs, now: () => T0 });
  return { path, opened };
}

describe('the database connection', () => {
  it('runs with the pragmas of DEVELOPERS.md, read back from SQLite', async () => {
    const { opened } = await openFresh(1234);
    try {
      expect(opened.raw.pragma('journal_mode', { simple: true })).toBe('truncate');
      expect(opened.raw.pragma('synchronous', { simple: true })).toBe(2);
      expect(opened.raw.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(opened.raw.pragma('secure_delete', { simple: true })).toBe(1);
      expect(opened.raw.pragma('busy_timeout', { simple: true })).toBe(1234);
    } finally {
      await opened.close();
    }
  });

  it('begins transactions IMMEDIATE: the write lock is held before the first statement', async () => {
    const { path, opened } = await openFresh();
    const other = rawConnection(path, { timeout: 0 });
    try {
      await opened.db.transaction().execute(async () => {
        expect(opened.raw.inTransaction).toBe(true);
        expect(() => other.exec('BEGIN IMMEDIATE')).toThrow(/locked|busy/i);
      });
      other.exec('BEGIN IMMEDIATE');
      other.exec('ROLLBACK');
    } finally {
      await opened.close();
    }
  });

  it('fails a write with DB_LOCKED while another connection holds the write lock; reads go on', async () => {
    const t = await appWithDatabase({ busyTimeoutMs: 50 });
    await createLead(t, { firstName: 'Anna', lastName: 'Petersen' });
    const other = rawConnection(t.path);
    other.exec('BEGIN IMMEDIATE');
    other.exec(`UPDATE users SET name = name`);

    const error = await t.fail('leads.create', {
      fields: { firstName: 'Jan', lastName: 'Anders' },
    });
    expect(error.code).toBe('DB_LOCKED');
    expect(error.params).toEqual({ file: 'team.sqlite' });
    const list = await t.call('leads.list', { filters: {} });
    expect(list.rows.map((r) => r.lastName)).toEqual(['Petersen']);

    other.exec('COMMIT');
    await createLead(t, { firstName: 'Jan', lastName: 'Anders' });
    expect((await t.call('leads.list', { filters: {} })).total).toBe(2);
  });

  it('lets a second connection see committed changes', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, { firstName: 'Petra', lastName: 'Teichmann' });
    const raw = rawConnection(t.path, { readonly: true });
    expect(raw.prepare('SELECT last_name FROM leads WHERE id = ?').pluck().get(lead.id)).toBe(
      'Teichmann',
    );

    // A second machine on the same file sees it too, and the first sees the second's change.
    const second = testApp({ configDir: join(t.dir, 'config-2') });
    await second.call('database.open', { path: t.path });
    await second.call('users.select', { id: t.user.id });
    const seen = await second.call('leads.get', { id: lead.id });
    expect(seen.lead.lastName).toBe('Teichmann');
    await second.call('leads.update', {
      id: lead.id,
      version: 1,
      fields: { jobTitle: 'Head of IT' },
    });
    expect((await t.call('leads.get', { id: lead.id })).lead.jobTitle).toBe('Head of IT');
  });

  it('returns CONFLICT with the reload message when the lead changed meanwhile', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, { firstName: 'Jan', lastName: 'Anders' });
    const second = testApp({ configDir: join(t.dir, 'config-2') });
    await second.call('database.open', { path: t.path });
    await second.call('users.create', { name: 'Tom Berger' });
    await second.call('leads.update', {
      id: lead.id,
      version: lead.version,
      fields: { notes: 'x' },
    });

    const error = await t.fail('leads.update', {
      id: lead.id,
      version: lead.version,
      fields: { notes: 'mine' },
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.key).toBe('errors.CONFLICT');
    expect(error.message).toContain('von jemand anderem geändert');
    const moved = await t.fail('leads.move', { id: lead.id, version: lead.version, to: 'mql' });
    expect(moved.code).toBe('CONFLICT');
    const now = await t.call('leads.get', { id: lead.id });
    expect(now.lead).toMatchObject({ notes: 'x', version: 2, stage: 'suspect' });
  });
});
