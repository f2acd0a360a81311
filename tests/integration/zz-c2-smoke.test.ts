import { join } from 'node:path';
import { it } from 'vitest';
import { appWithDatabase } from './harness';
import { GERMAN_MAPPING, runImport, writeGermanExcelCsv } from './import-harness';

it('smoke', async () => {
  const t = await appWithDatabase();
  const path = join(t.dir, 'big.csv');
  writeGermanExcelCsv(path, 20000);
  let started = performance.now();
  const dry = await runImport(t, path, { mapping: { ...GERMAN_MAPPING } }, true);
  console.log('dry', performance.now() - started, JSON.stringify({ ...dry.summary, preview: dry.summary?.preview.slice(0, 2), duplicates: dry.summary?.duplicates.slice(0, 1), issues: dry.summary?.issues.slice(0, 5) }));
  started = performance.now();
  const real = await runImport(t, path, { mapping: { ...GERMAN_MAPPING } });
  console.log('real', performance.now() - started, real.summary?.created, real.summary?.filled);
}, 300000);
