import { createHash, createHmac } from 'node:crypto';
import type { Transaction } from 'kysely';
import { emailKey } from '@core/import/match-keys';
import type { Database } from '../db/schema';
import { flaggedLeadsSharingContact } from '../repositories/leads-repository';
import { addSuppressed, removeSuppressed } from '../repositories/suppression-repository';

/** What a suppression hash was made of. */
export type SuppressionKind = 'email' | 'phone';

/** One entry of the suppression list: a hashed address or number, never the value itself. */
export type SuppressionEntry = { hash: string; kind: SuppressionKind };

/**
 * HMAC-SHA-256 under the file's key of the SHA-256 hex of `text`. The inner SHA-256 is what
 * lists before migration 4 stored; the migration keyed those in place the same way.
 */
function keyedHash(key: Buffer, text: string): string {
  const inner = createHash('sha256').update(text, 'utf8').digest('hex');
  return createHmac('sha256', key).update(inner, 'utf8').digest('hex');
}

/**
 * The suppression hashes of a person's contact data, keyed with the file's `key` (see
 * `OpenDatabase.suppressionKey`): of `email:<lower-cased email>` and of `phone:<E.164>` for
 * phone and mobile (one entry when both are the same). The list keeps only hashes so that a
 * deleted person's address is not stored in clear, yet an import of the same address or
 * number is still recognised; the key, which lives only in the file, keeps anyone from
 * confirming a guessed address with a plain hash. Every writer stores phones as E.164
 * already (lead schema, import), so they are hashed as they are — no second parse on the
 * import's hot path.
 */
export function suppressionHashes(
  key: Buffer,
  values: { email: string | null; phone: string | null; mobile: string | null },
): SuppressionEntry[] {
  const entries = new Map<string, SuppressionEntry>();
  if (values.email !== null && values.email.trim() !== '') {
    const hash = keyedHash(key, `email:${emailKey(values.email)}`);
    entries.set(hash, { hash, kind: 'email' });
  }
  for (const phone of [values.phone, values.mobile]) {
    if (phone === null || phone.trim() === '') continue;
    const hash = keyedHash(key, `phone:${phone.trim()}`);
    entries.set(hash, { hash, kind: 'phone' });
  }
  return [...entries.values()];
}

type ContactValues = Parameters<typeof suppressionHashes>[1];

/**
 * Puts a flagged person's current email and numbers on the suppression list (inside the
 * caller's transaction). Hashes already there stay: when a flagged lead's email changes,
 * the old address remains suppressed next to the new one.
 */
export async function suppressContact(
  trx: Transaction<Database>,
  key: Buffer,
  values: ContactValues,
  now: number,
  userId: string | null,
): Promise<void> {
  await addSuppressed(trx, suppressionHashes(key, values), now, userId);
}

/**
 * Undoes {@link suppressContact} when the flag is cleared on lead `leadId`: removes the
 * hashes of exactly its current values, except those another flagged lead shares. An
 * objection is normally kept on record, but a flag set by mistake must be reversible;
 * addresses the lead had earlier while flagged, and hashes of deleted leads with other
 * values, stay listed. A deleted lead with the same value cannot be told apart and its
 * hash goes too: clearing the flag is the user's statement that this person may be
 * contacted.
 */
export async function releaseContact(
  trx: Transaction<Database>,
  key: Buffer,
  leadId: string,
  values: ContactValues,
): Promise<void> {
  const own = suppressionHashes(key, values);
  if (own.length === 0) return;
  const phones = [values.phone, values.mobile].filter((phone) => phone !== null);
  const others = await flaggedLeadsSharingContact(trx, leadId, {
    emails: values.email === null ? [] : [values.email],
    phones,
  });
  const shared = new Set(
    others.flatMap((other) => suppressionHashes(key, other).map((e) => e.hash)),
  );
  await removeSuppressed(
    trx,
    own.filter((entry) => !shared.has(entry.hash)).map((entry) => entry.hash),
  );
}
