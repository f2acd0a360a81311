import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '@core/ipc/channels';
import type { Result } from '@core/ipc/result';
import { contract } from '@core/ipc/schemas';
import { appWithDatabase, company, createContent, createLead, rawConnection } from './harness';
import { arbitraryFor, hostile, type FuzzHints } from './fuzz-arbitraries';

/**
 * Malformed payloads on every channel, through `dispatch` on a real temporary database:
 * dispatch never throws, never hangs, never answers INTERNAL, and a refused call writes
 * nothing; afterwards the file passes SQLite's integrity check and no prototype was
 * polluted. Fixed seed and run counts: the same payloads every time.
 */

const SEED = 20_251_203;
const RUNS_PER_CHANNEL = 100;
const RUNS_UNKNOWN = 60;
const HANG_MS = 20_000;

/** Channels that leave the session on another file (or none): the test's file is reopened. */
const SWITCHES_FILE: ReadonlySet<Channel> = new Set<Channel>([
  'database.create',
  'database.open',
  'database.openDemo',
  'database.close',
]);

let payloads = 0;
/** Answers by code ('ok' for success), for the printed summary. */
const answers = new Map<string, number>();

afterAll(() => {
  // The README quotes this figure.
  const byCode = [...answers].map(([code, n]) => `${code} ${n}`).join(', ');
  process.stdout.write(
    `ipc fuzz: ${payloads} malformed payloads on ${CHANNELS.length} channels (${byCode})\n`,
  );
});

async function setup() {
  const t = await appWithDatabase();
  const leads = [
    await createLead(t, {
      firstName: 'Anna',
      lastName: 'Fuzz',
      email: 'anna@fuzz.de',
      company: company('Fuzz GmbH'),
    }),
    await createLead(t, { firstName: 'Bernd', lastName: 'Fuzz', phone: '0221 123456' }),
  ];
  const content = await createContent(t, { name: 'Preisliste', type: 'price_list' });
  const ids = [...leads.map((lead) => lead.id), content.id, t.user.id];
  const sandbox = t.dir;
  const hints: FuzzHints = {
    plausible: {
      id: fc.constantFrom(...ids),
      leadId: fc.constantFrom(...ids),
      contentId: fc.constantFrom(...ids),
      ownerId: fc.constantFrom(...ids, t.user.id, t.user.id),
      campaignId: fc.constantFrom('kampagne-gibt-es-nicht'),
      version: fc.integer({ min: 0, max: 3 }),
      name: fc.constantFrom('Tom Berger', 'Preisliste 2', 'Messe-Mapping'),
      lastName: fc.constantFrom('Müller', 'Ñandú', "O'Brien"),
      email: fc.constantFrom('neu@fuzz.de', 'info@münchen.de'),
      phone: fc.constantFrom('0221 987654', '+49 30 1234567'),
      mobile: fc.constantFrom('0171 2345678'),
      expectedCloseDate: fc.constantFrom('2026-02-28', ''),
      timing: fc.constantFrom('2026-03', ''),
      url: fc.constantFrom('https://fuzz.de/preise'),
      jobId: fc.constantFrom('job-1'),
    },
    confined: {
      // Demo leads: a few, or a count the contract refuses; never thousands.
      count: fc.oneof(
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(-1, 50_001, 1e9, Number.NaN, 0.5, '3', null),
      ),
      // Whatever a path is, it stays inside the test's folder: hostile names are appended
      // to the folder, never used on their own.
      path: fc.oneof(
        fc
          .stringMatching(/^[a-z0-9]{1,12}(\.(csv|xlsx|vcf|sqlite))?$/)
          .map((name) => join(sandbox, name)),
        fc
          .constantFrom(
            'x'.repeat(1024 * 1024),
            'ä'.repeat(300),
            'a\u0000b.sqlite',
            'team.sqlite/unter.sqlite',
            'fehlt/../neu.sqlite',
            ' ',
            '%00.csv',
            '\uD800.csv',
          )
          .map((name) => `${sandbox}/${name}`),
        fc.constantFrom(null, undefined, 42, Number.NaN, [], {}, ['a'], true),
      ),
    },
  };
  // Another connection, as a second machine would read the file.
  const counter = rawConnection(t.path, { readonly: true }).prepare('SELECT count(*) FROM leads');
  const leadCount = () => counter.pluck().get() as number;
  return { t, hints, leadCount };
}

/** Calls dispatch and fails on a throw, a hang or INTERNAL; returns the result. */
async function call(
  dispatch: (channel: string, input: unknown) => Promise<Result<unknown>>,
  channel: string,
  input: unknown,
): Promise<Result<unknown>> {
  payloads += 1;
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${channel} hung`)), HANG_MS);
  });
  try {
    const result = await Promise.race([dispatch(channel, input), hang]);
    if (!result.ok && result.error.code === 'INTERNAL') {
      throw new Error(`${channel} answered INTERNAL: ${result.error.message}`);
    }
    const code = result.ok ? 'ok' : result.error.code;
    answers.set(code, (answers.get(code) ?? 0) + 1);
    return result;
  } finally {
    clearTimeout(timer);
  }
}

describe('IPC fuzz: malformed payloads on every channel', () => {
  it('never throws, hangs or answers INTERNAL; refused calls write nothing', async () => {
    const { t, hints, leadCount } = await setup();
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    let seed = SEED;
    for (const channel of CHANNELS) {
      await fc.assert(
        fc.asyncProperty(arbitraryFor(contract[channel].input, hints), async (payload) => {
          const before = leadCount();
          const result = await call(t.app.dispatch, channel, payload);
          if (!result.ok) expect(leadCount(), channel).toBe(before);
          if (result.ok && SWITCHES_FILE.has(channel)) {
            await t.call('database.open', { path: t.path });
          }
          // A call that switches the language would change the next messages only.
          if (channel === 'app.setLanguage' && result.ok)
            await t.call('app.setLanguage', { language: 'de' });
        }),
        { seed: seed++, numRuns: RUNS_PER_CHANNEL },
      );
    }

    // Unknown channels and payloads that are not even objects.
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom('__proto__', 'constructor', 'leads.list '),
        ),
        hostile,
        async (channel, payload) => {
          const result = await call(t.app.dispatch, channel, payload);
          if (!(CHANNELS as readonly string[]).includes(channel)) {
            expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
          }
        },
      ),
      { seed, numRuns: RUNS_UNKNOWN },
    );

    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The session still works and the file is sound.
    expect((await t.call('app.state', {})).database?.fileName).toBe('team.sqlite');
    const raw = rawConnection(t.path, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    raw.close();
    expect(payloads).toBe(CHANNELS.length * RUNS_PER_CHANNEL + RUNS_UNKNOWN);
  });
});
