import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appWithDatabase, company, createLead, rawConnection } from './harness';
import { runImport, summaryOf, writeCsv } from './import-harness';

type App = Awaited<ReturnType<typeof appWithDatabase>>;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function fileKey(path: string): Buffer {
  const raw = rawConnection(path, { readonly: true });
  const key = raw
    .prepare(`SELECT value FROM file_secrets WHERE name = 'suppression_hmac'`)
    .pluck()
    .get() as Buffer;
  raw.close();
  return key;
}

function listedHashes(path: string): string[] {
  const raw = rawConnection(path, { readonly: true });
  const hashes = raw.prepare('SELECT hash FROM suppression_list').pluck().all() as string[];
  raw.close();
  return hashes;
}

function companyNames(path: string): string[] {
  const raw = rawConnection(path, { readonly: true });
  const names = raw.prepare('SELECT name FROM companies ORDER BY name').pluck().all() as string[];
  raw.close();
  return names;
}

/** The bytes of the closed database file: what anyone who copies it can read. */
async function closedFileBytes(t: App): Promise<Buffer> {
  await t.call('database.close', {});
  return readFileSync(t.path);
}

describe('deleting a lead leaves nothing of it in the file', () => {
  it('overwrites the deleted e-mail, name and company in the raw file (secure_delete)', async () => {
    const t = await appWithDatabase();
    const kept = await createLead(t, {
      firstName: 'Bleibt',
      lastName: 'Hier',
      email: 'bleibt.hier@beispiel.de',
    });
    const gone = await createLead(t, {
      firstName: 'Gerlinde',
      lastName: 'Vergessenwerden',
      email: 'gerlinde.vergessen@privat-beispiel.de',
      phone: '0221 9876543',
      company: company('Vergessenwerden Einzelunternehmen', { city: 'Gummersbach' }),
      notes: 'Mag keine Anrufe vor 10 Uhr',
    });
    await t.call('activities.add', {
      leadId: gone.id,
      kind: 'call',
      occurredAt: Date.UTC(2025, 5, 1),
      text: 'Rückruf zur Preisliste Vergessenwerden',
    });
    await t.call('leads.delete', { id: gone.id, version: gone.version });

    const bytes = await closedFileBytes(t);
    for (const trace of [
      'gerlinde.vergessen@privat-beispiel.de',
      'Vergessenwerden',
      'vergessenwerden',
      '+492219876543',
      'Gummersbach',
      'Mag keine Anrufe',
    ]) {
      expect(bytes.includes(Buffer.from(trace, 'utf8')), trace).toBe(false);
    }
    expect(bytes.includes(Buffer.from(kept.email ?? '', 'utf8'))).toBe(true);
  });

  it('deletes the company with its last lead and keeps one other leads still have', async () => {
    const t = await appWithDatabase();
    const solo = await createLead(t, {
      firstName: 'Ole',
      lastName: 'Einzel',
      company: company('Ole Einzel Beratung'),
    });
    const first = await createLead(t, {
      firstName: 'Anna',
      lastName: 'Teil',
      company: company('Gemeinsam GmbH'),
    });
    const second = await createLead(t, {
      firstName: 'Bernd',
      lastName: 'Teil',
      company: company('Gemeinsam GmbH'),
    });
    expect(companyNames(t.path)).toEqual(['Gemeinsam GmbH', 'Ole Einzel Beratung']);

    await t.call('leads.delete', { id: solo.id, version: solo.version });
    await t.call('leads.delete', { id: first.id, version: first.version });
    expect(companyNames(t.path)).toEqual(['Gemeinsam GmbH']);
    const detail = await t.call('leads.get', { id: second.id });
    expect(detail.lead.company?.name).toBe('Gemeinsam GmbH');

    // Unlinking the last lead from its company removes the company as well.
    await t.call('leads.update', {
      id: second.id,
      version: detail.lead.version,
      fields: { company: null },
    });
    expect(companyNames(t.path)).toEqual([]);
  });

  it('removes the companies an undone import left without leads, created by it or not', async () => {
    const t = await appWithDatabase();
    const old = await createLead(t, {
      firstName: 'Vorher',
      lastName: 'Da',
      company: company('Altfirma AG'),
    });
    const csv = writeCsv(t.dir, 'messe.csv', [
      ['Vorname', 'Nachname', 'Firma', 'E-Mail'],
      ['Neu', 'Person', 'Altfirma AG', 'neu.person@altfirma.de'],
      ['Ganz', 'Neu', 'Neufirma KG', 'ganz.neu@neufirma.de'],
    ]);
    summaryOf(await runImport(t, csv));
    expect(companyNames(t.path)).toEqual(['Altfirma AG', 'Neufirma KG']);
    // The lead that made Altfirma exist is deleted after the import: the imported lead
    // keeps the company alive until the import is undone.
    await t.call('leads.delete', { id: old.id, version: old.version });
    expect(companyNames(t.path)).toEqual(['Altfirma AG', 'Neufirma KG']);

    const [batch] = await t.call('imports.list', {});
    const undone = await t.call('imports.undo', { batchId: batch?.id ?? '' });
    expect(undone.removed).toBe(2);
    expect(companyNames(t.path)).toEqual([]);
  });
});

describe('suppression hashes keyed per file', () => {
  it('stores no plain SHA-256 of a suppressed address: a guessed e-mail does not confirm', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, {
      firstName: 'Sperr',
      lastName: 'Vermerk',
      email: 'Sperr.Vermerk@Beispiel.DE',
      phone: '030 1234567',
      doNotContact: true,
    });
    await t.call('leads.delete', { id: lead.id, version: lead.version });

    const listed = listedHashes(t.path);
    expect(listed).toHaveLength(2);
    expect(listed).not.toContain(sha256('email:sperr.vermerk@beispiel.de'));
    expect(listed).not.toContain(sha256('phone:+49301234567'));
    const key = fileKey(t.path);
    expect(key.length).toBe(32);
    const keyed = (text: string) =>
      createHmac('sha256', key).update(sha256(text), 'utf8').digest('hex');
    expect(listed.sort()).toEqual(
      [keyed('email:sperr.vermerk@beispiel.de'), keyed('phone:+49301234567')].sort(),
    );

    // The person stays suppressed for imports.
    const csv = writeCsv(t.dir, 'liste.csv', [
      ['Vorname', 'Nachname', 'E-Mail'],
      ['Sperr', 'Vermerk', 'sperr.vermerk@beispiel.de'],
    ]);
    expect(summaryOf(await runImport(t, csv)).suppressed).toBe(1);
  });

  it('gives every file its own key, so the same address hashes differently', async () => {
    const one = await appWithDatabase();
    const two = await appWithDatabase();
    for (const t of [one, two]) {
      await createLead(t, {
        firstName: 'Gleich',
        lastName: 'Adresse',
        email: 'gleich@beispiel.de',
        doNotContact: true,
      });
    }
    expect(fileKey(one.path).equals(fileKey(two.path))).toBe(false);
    expect(listedHashes(one.path)).toHaveLength(1);
    expect(listedHashes(one.path)).not.toEqual(listedHashes(two.path));
  });
});
