import type { LogEvent } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appWithDatabase, createLead } from './harness';
import { HEADERS, runImport, summaryOf, writeCsv } from './import-harness';

/**
 * An import reads what its duplicate and suppression checks need before it takes the write
 * lock (`BEGIN IMMEDIATE`), so that colleagues' edits wait only for its writes; when
 * another connection committed in between, it reads again inside the transaction.
 */

type Statement = { sql: string; inTransaction: boolean; transaction: number };

/** Records the job connection's statements, each with the write transaction it ran in. */
function statementLog() {
  const statements: Statement[] = [];
  let transaction = 0;
  let open = false;
  const log = (event: LogEvent) => {
    const sql = event.query.sql.trim().toLowerCase();
    if (sql === 'begin immediate') {
      transaction += 1;
      open = true;
    }
    statements.push({ sql, inTransaction: open, transaction });
    if (sql === 'commit' || sql === 'rollback') open = false;
  };
  return { statements, log, isOpen: () => open };
}

/**
 * A read of what duplicate and suppression checks look up: match candidates among the leads
 * (the only reads of leads that ask for the file row of a pending lead), or suppressions.
 * Scoring's reads of a lead it rescores are part of writing and stay inside.
 */
function isLookUp(sql: string): boolean {
  return (
    sql.startsWith('select') &&
    (sql.includes('as "pending_row"') || sql.includes('from "suppression_list"'))
  );
}

/** The transactions that wrote a chunk (inserted leads). */
function chunkTransactions(statements: readonly Statement[]): number[] {
  const ids = statements
    .filter((s) => s.inTransaction && s.sql.startsWith('insert into "leads"'))
    .map((s) => s.transaction);
  return [...new Set(ids)];
}

describe('import write lock', () => {
  it('looks duplicates and suppressions up before BEGIN IMMEDIATE, never inside', async () => {
    const { statements, log } = statementLog();
    const t = await appWithDatabase({ importLog: log });
    await createLead(t, { firstName: 'Vera', lastName: 'Vorhanden', email: 'vera@alt.de' });
    const blocked = await createLead(t, {
      firstName: 'Sven',
      lastName: 'Sperre',
      email: 'sven@sperre.de',
    });
    await t.call('leads.update', {
      id: blocked.id,
      version: blocked.version,
      fields: { doNotContact: true },
    });
    const rows: string[][] = [];
    for (let i = 0; i < 1200; i++) {
      rows.push([`P${i}`, `Q${i}`, `Firma ${i % 50}`, `p${i}@kunde.de`, '', '']);
    }
    // A stored lead, a blocked person, and a row repeating one of an earlier chunk.
    rows[100] = ['Vera', 'Vorhanden', '', 'VERA@alt.de', '030 1234567', ''];
    rows[700] = ['Sven', 'Sperre', '', 'sven@sperre.de', '', ''];
    rows[1100] = ['P3', 'Q3', '', 'p3@kunde.de', '', '0171 7654321'];
    const path = writeCsv(t.dir, 'kunden.csv', [[...HEADERS], ...rows]);

    const summary = summaryOf(await runImport(t, path));
    expect(summary).toMatchObject({
      rows: 1200,
      created: 1197,
      filled: 2,
      suppressed: 1,
      // Vera, and the blocked Sven (found by email, left out).
      duplicatesInDatabase: 2,
      duplicatesInFile: 1,
    });
    const chunks = chunkTransactions(statements);
    expect(chunks).toHaveLength(3);
    const inside = statements.filter(
      (s) => s.inTransaction && chunks.includes(s.transaction) && isLookUp(s.sql),
    );
    expect(inside).toEqual([]);
    const outside = statements.filter((s) => !s.inTransaction && isLookUp(s.sql));
    expect(outside.some((s) => s.sql.includes('collate nocase'))).toBe(true);
    expect(outside.some((s) => s.sql.includes('from "suppression_list"'))).toBe(true);
  });

  it('looks up again inside the transaction when another connection committed meanwhile', async () => {
    const { statements, log, isOpen } = statementLog();
    let colleague: Promise<unknown> | null = null;
    let app: Awaited<ReturnType<typeof appWithDatabase>> | null = null;
    // Between the chunk's look-up of emails and its write, a colleague saves a lead with the
    // email of row 3 on the app's own connection.
    const hook = async (event: LogEvent) => {
      log(event);
      const sql = event.query.sql.toLowerCase();
      const emailLookUp = sql.includes('from "leads"') && sql.includes('email collate nocase');
      if (app !== null && colleague === null && !isOpen() && emailLookUp) {
        colleague = createLead(app, {
          firstName: 'Nina',
          lastName: 'Neu',
          email: 'nina@neu.de',
          jobTitle: 'Einkauf',
        });
        await colleague;
      }
    };
    const t = await appWithDatabase({ importLog: hook });
    const path = writeCsv(t.dir, 'neu.csv', [
      [...HEADERS],
      ['Otto', 'Anders', '', 'otto@anders.de', '', ''],
      ['Nina', 'Neu', 'Neu GmbH', 'NINA@neu.de', '089 555111', ''],
    ]);
    app = t;
    const summary = summaryOf(await runImport(t, path));
    expect(colleague).not.toBeNull();
    expect(summary).toMatchObject({ created: 1, filled: 1, duplicatesInDatabase: 1 });
    expect(summary.duplicates[0]?.match).toMatchObject({ reason: 'email', name: 'Nina Neu' });
    const ninas = (await t.call('leads.list', { filters: {} })).rows.filter(
      (lead) => lead.lastName === 'Neu',
    );
    expect(ninas).toHaveLength(1);
    const nina = (await t.call('leads.get', { id: ninas[0]?.id ?? '' })).lead;
    expect(nina).toMatchObject({ jobTitle: 'Einkauf', phone: '+4989555111' });
    // The rare path ran: the chunk's transaction read the leads again.
    const [chunk] = chunkTransactions(statements);
    expect(
      statements.some((s) => s.inTransaction && s.transaction === chunk && isLookUp(s.sql)),
    ).toBe(true);
  });
});
