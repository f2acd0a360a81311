import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/connection';
import type { ReadableDb, WritableDb } from '../../src/main/db/handles';
import { findSetting, upsertSetting } from '../../src/main/repositories/settings-repository';
import { T0, tempDir } from './harness';

const setting = { key: 'probe', value: '1', updated_at: T0, updated_by: null };

/**
 * Never called: `tsc -b` checks that a write repository refuses the plain connection, so a
 * write outside a transaction (which deadlocks inside one, and skips BEGIN IMMEDIATE outside)
 * does not compile. An unused `@ts-expect-error` fails the type check.
 */
export async function writesNeedATransaction(db: ReadableDb, trx: WritableDb): Promise<void> {
  // @ts-expect-error -- a write takes the transaction's handle, not the connection
  await upsertSetting(db, setting);
  await upsertSetting(trx, setting);
  await findSetting(db, setting.key);
  await findSetting(trx, setting.key);
}

describe('write and read handles', () => {
  it('writes through the transaction and reads through either handle', async () => {
    const opened = await openDatabase(join(tempDir(), 'handles.leadwerk'), 'create', {
      busyTimeoutMs: 1000,
      now: () => T0,
    });
    try {
      await opened.db.transaction().execute(async (trx) => {
        await upsertSetting(trx, setting);
        expect((await findSetting(trx, 'probe'))?.value).toBe('1');
      });
      expect((await findSetting(opened.db, 'probe'))?.value).toBe('1');
    } finally {
      await opened.close();
    }
  });
});
