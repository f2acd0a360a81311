import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { personKey } from '@core/import/match-keys';
import { appWithDatabase, company, createLead, rawConnection, T0 } from './harness';

type App = Awaited<ReturnType<typeof appWithDatabase>>;

/**
 * The list entry of `text` in this file: HMAC-SHA-256 under the file's own key of the
 * SHA-256 hex of `text`.
 */
function keyedSha(t: App): (text: string) => string {
  const raw = rawConnection(t.path, { readonly: true });
  const key = raw
    .prepare(`SELECT value FROM file_secrets WHERE name = 'suppression_hmac'`)
    .pluck()
    .get() as Buffer;
  raw.close();
  return (text) => {
    const inner = createHash('sha256').update(text, 'utf8').digest('hex');
    return createHmac('sha256', key).update(inner, 'utf8').digest('hex');
  };
}

/** The suppression list as stored: hash → kind. */
function suppressionList(t: App): Map<string, string> {
  const raw = rawConnection(t.path, { readonly: true });
  const rows = raw.prepare('SELECT hash, kind FROM suppression_list').all() as {
    hash: string;
    kind: string;
  }[];
  raw.close();
  return new Map(rows.map((row) => [row.hash, row.kind]));
}

function storedPersonKey(t: App, id: string): string | null {
  const raw = rawConnection(t.path, { readonly: true });
  const key = raw.prepare('SELECT person_key FROM leads WHERE id = ?').pluck().get(id);
  raw.close();
  return key as string | null;
}

describe('do not contact', () => {
  it('puts the hashes of email (lower case) and numbers (E.164) on the list when set', async () => {
    const t = await appWithDatabase();
    const sha = keyedSha(t);
    const lead = await createLead(t, {
      firstName: 'Anna',
      lastName: 'Petersen',
      email: 'Anna.Petersen@Schick-Schmuck.DE',
      phone: '040 1234567',
      mobile: '0171 2345678',
    });
    expect(lead.doNotContact).toBe(false);
    expect(suppressionList(t).size).toBe(0);

    const updated = await t.call('leads.update', {
      id: lead.id,
      version: lead.version,
      fields: { doNotContact: true },
    });
    expect(updated.lead.doNotContact).toBe(true);
    expect(suppressionList(t)).toEqual(
      new Map([
        [sha('email:anna.petersen@schick-schmuck.de'), 'email'],
        [sha('phone:+49401234567'), 'phone'],
        [sha('phone:+491712345678'), 'phone'],
      ]),
    );
    const list = await t.call('leads.list', { filters: {} });
    expect(list.rows[0]).toMatchObject({ id: lead.id, doNotContact: true });
  });

  it('suppresses a lead created with the flag in the same write', async () => {
    const t = await appWithDatabase();
    const sha = keyedSha(t);
    const lead = await createLead(t, {
      firstName: 'Bernd',
      lastName: 'Anders',
      email: 'b.anders@example.org',
      doNotContact: true,
    });
    expect(lead.doNotContact).toBe(true);
    expect([...suppressionList(t).keys()]).toEqual([sha('email:b.anders@example.org')]);
  });

  it('adds the new email of a flagged lead and keeps the old one', async () => {
    const t = await appWithDatabase();
    const sha = keyedSha(t);
    const lead = await createLead(t, {
      firstName: 'Bernd',
      lastName: 'Anders',
      email: 'alt@example.org',
      doNotContact: true,
    });
    await t.call('leads.update', {
      id: lead.id,
      version: lead.version,
      fields: { email: 'Neu@Example.org', phone: '+49 30 1234567' },
    });
    expect(new Set(suppressionList(t).keys())).toEqual(
      new Set([
        sha('email:alt@example.org'),
        sha('email:neu@example.org'),
        sha('phone:+49301234567'),
      ]),
    );
  });

  it('removes the current hashes when the flag is cleared, unless another flagged lead shares them', async () => {
    const t = await appWithDatabase();
    const sha = keyedSha(t);
    const first = await createLead(t, {
      firstName: 'Bernd',
      lastName: 'Anders',
      email: 'bernd@example.org',
      phone: '030 1234567',
      doNotContact: true,
    });
    // the same number as the other one's phone, given as mobile
    await createLead(t, {
      firstName: 'Clara',
      lastName: 'Anders',
      email: 'clara@example.org',
      mobile: '+49 30 1234567',
      doNotContact: true,
    });
    const cleared = await t.call('leads.update', {
      id: first.id,
      version: first.version,
      fields: { doNotContact: false },
    });
    expect(cleared.lead.doNotContact).toBe(false);
    expect(new Set(suppressionList(t).keys())).toEqual(
      new Set([sha('email:clara@example.org'), sha('phone:+49301234567')]),
    );
  });

  it('deletes a lead with its history and keeps its hashes on the list', async () => {
    const t = await appWithDatabase();
    const sha = keyedSha(t);
    const lead = await createLead(t, {
      firstName: 'Bernd',
      lastName: 'Anders',
      email: 'bernd@example.org',
      company: company('Happy Current'),
      doNotContact: true,
    });
    await t.call('activities.add', { leadId: lead.id, kind: 'call', occurredAt: T0, text: 'Nein' });
    await t.call('bant.update', {
      leadId: lead.id,
      version: 0,
      bant: {
        budgetStatus: 'unknown',
        budgetCents: null,
        budgetMaxCents: null,
        authority: 'unknown',
        deciderName: null,
        need: 'unknown',
        needText: '',
        timing: null,
      },
    });
    const current = (await t.call('leads.get', { id: lead.id })).lead;

    const stale = await t.fail('leads.delete', { id: lead.id, version: current.version - 1 });
    expect(stale.code).toBe('CONFLICT');
    t.events.length = 0;
    expect(await t.call('leads.delete', { id: lead.id, version: current.version })).toEqual({
      id: lead.id,
    });
    expect(t.events).toEqual([{ event: 'leads.changed', payload: { ids: [lead.id] } }]);

    expect((await t.fail('leads.get', { id: lead.id })).code).toBe('NOT_FOUND');
    expect((await t.fail('leads.delete', { id: lead.id, version: current.version })).code).toBe(
      'NOT_FOUND',
    );
    const raw = rawConnection(t.path, { readonly: true });
    const count = (table: string) =>
      raw.prepare(`SELECT count(*) FROM ${table} WHERE lead_id = ?`).pluck().get(lead.id);
    expect([count('lead_stage_changes'), count('lead_activities'), count('lead_bant')]).toEqual([
      0, 0, 0,
    ]);
    // Its company had no other lead: it went with it.
    expect(raw.prepare('SELECT count(*) FROM companies').pluck().get()).toBe(0);
    expect([...suppressionList(t).keys()]).toEqual([sha('email:bernd@example.org')]);
  });

  it('deletes an unflagged lead without listing anything', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, { firstName: 'Bernd', lastName: 'Anders', email: 'b@x.de' });
    await t.call('leads.delete', { id: lead.id, version: lead.version });
    expect(suppressionList(t).size).toBe(0);
    expect((await t.call('leads.list', { filters: {} })).total).toBe(0);
  });
});

describe('person key', () => {
  it('is kept equal to personKey(first, last, company) on create, update and company rename', async () => {
    const t = await appWithDatabase();
    const lead = await createLead(t, {
      firstName: 'Jürgen',
      lastName: 'Weiß',
      company: company('Müller GmbH'),
    });
    const colleague = await createLead(t, {
      firstName: 'Petra',
      lastName: 'Schulz',
      company: company('Müller GmbH'),
    });
    const alone = await createLead(t, { firstName: 'Ohne', lastName: 'Firma' });
    expect(storedPersonKey(t, lead.id)).toBe(personKey('Jürgen', 'Weiß', 'Müller GmbH'));
    expect(storedPersonKey(t, lead.id)).not.toBeNull();
    expect(storedPersonKey(t, alone.id)).toBeNull();

    const renamedPerson = await t.call('leads.update', {
      id: lead.id,
      version: lead.version,
      fields: { firstName: 'Karl' },
    });
    expect(storedPersonKey(t, lead.id)).toBe(personKey('Karl', 'Weiß', 'Müller GmbH'));

    // a new name for the linked company renames it for its other leads too
    await t.call('leads.update', {
      id: lead.id,
      version: renamedPerson.lead.version,
      fields: { company: company('Schick und Schmuck KG') },
    });
    expect(storedPersonKey(t, lead.id)).toBe(personKey('Karl', 'Weiß', 'Schick und Schmuck KG'));
    expect(storedPersonKey(t, colleague.id)).toBe(
      personKey('Petra', 'Schulz', 'Schick und Schmuck KG'),
    );

    const unlinked = await t.call('leads.get', { id: alone.id });
    await t.call('leads.update', {
      id: alone.id,
      version: unlinked.lead.version,
      fields: { company: company('Happy Current') },
    });
    expect(storedPersonKey(t, alone.id)).toBe(personKey('Ohne', 'Firma', 'Happy Current'));
  });

  it('is set on the worked examples and generated demo leads', async () => {
    const t = await appWithDatabase();
    await t.call('demo.generate', { count: 25 });
    const raw = rawConnection(t.path, { readonly: true });
    const rows = raw
      .prepare(
        `SELECT leads.first_name, leads.last_name, leads.person_key, companies.name AS company
         FROM leads LEFT JOIN companies ON companies.id = leads.company_id`,
      )
      .all() as {
      first_name: string;
      last_name: string;
      person_key: string | null;
      company: string | null;
    }[];
    expect(rows.length).toBeGreaterThan(25);
    expect(rows.filter((row) => row.person_key !== null).length).toBeGreaterThan(25);
    for (const row of rows) {
      expect(row.person_key).toBe(personKey(row.first_name, row.last_name, row.company));
    }
  });
});

describe('leads of an import still running', () => {
  it('are invisible to board, list, counts, search, get, update, move and delete', async () => {
    const t = await appWithDatabase();
    const visible = await createLead(t, {
      firstName: 'Anna',
      lastName: 'Sichtbar',
      email: 'anna@example.org',
      company: company('Happy Current'),
    });
    const companyId = (await t.call('leads.get', { id: visible.id })).lead.company!.id;
    const raw = rawConnection(t.path);
    raw
      .prepare(
        `INSERT INTO import_batches (id, file_name, file_path, file_size, content_hash, format,
           options, source_channel, status, started_at, heartbeat_at)
         VALUES ('b1', 'messe.csv', '/tmp/messe.csv', 10, 'abc', 'csv', '{}', 'trade_fair',
           'running', ?, ?)`,
      )
      .run(T0, T0);
    raw
      .prepare(
        `INSERT INTO leads (id, salutation, first_name, last_name, email, buying_role, company_id,
           source_channel, stage, stage_entered_at, expected_value_cents, search_text,
           created_at, updated_at, import_pending)
         VALUES ('pending1', 'herr', 'Paul', 'Versteckt', 'paul@example.org', 'unknown', ?,
           'trade_fair', 'lead', ?,
           50000, 'paul versteckt happy current paul@example.org', ?, ?, 'b1')`,
      )
      .run(companyId, T0, T0, T0);
    raw.close();

    const board = await t.call('board.load', { filters: {} });
    const lead = board.columns.find((column) => column.stage === 'lead')!;
    expect(lead.count).toBe(1);
    expect(lead.sumCents).toBe(0);
    expect(lead.cards.map((card) => card.id)).toEqual([visible.id]);
    const column = await t.call('board.column', {
      stage: 'lead',
      filters: {},
      offset: 0,
      limit: 10,
    });
    expect([column.total, column.cards.length]).toEqual([1, 1]);
    const list = await t.call('leads.list', { filters: {} });
    expect([list.total, list.rows.map((row) => row.id)]).toEqual([1, [visible.id]]);
    const search = await t.call('leads.list', { filters: { search: 'versteckt' } });
    expect(search.total).toBe(0);

    expect((await t.fail('leads.get', { id: 'pending1' })).code).toBe('NOT_FOUND');
    expect(
      (await t.fail('leads.update', { id: 'pending1', version: 1, fields: { notes: 'x' } })).code,
    ).toBe('NOT_FOUND');
    expect((await t.fail('leads.move', { id: 'pending1', version: 1, to: 'mql' })).code).toBe(
      'NOT_FOUND',
    );
    expect((await t.fail('leads.delete', { id: 'pending1', version: 1 })).code).toBe('NOT_FOUND');

    // renaming the shared company rewrites the hidden lead's keys but does not announce it
    t.events.length = 0;
    await t.call('leads.update', {
      id: visible.id,
      version: visible.version,
      fields: { company: company('Happy Current Energie') },
    });
    expect(t.events).toEqual([{ event: 'leads.changed', payload: { ids: [visible.id] } }]);
    expect(storedPersonKey(t, 'pending1')).toBe(
      personKey('Paul', 'Versteckt', 'Happy Current Energie'),
    );
  });
});
