import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';

/**
 * Heap limits of the import's worker threads (the job, the file probe). Both make short-
 * lived objects for every record they read. A small young generation is scavenged more
 * often, cheaply (with V8's default one a dry run of 100,000 vCards peaked at about 400 MB).
 * The old generation's cap is far above what a run keeps (a chunk, the summary's samples,
 * bounded indexes) and mainly makes V8 collect before its heap has doubled and redoubled:
 * with the default cap of some 4 GB it lets the heap grow to four times what is live.
 * Measured by the import memory benchmark.
 */
export const WORKER_LIMITS: ResourceLimits = {
  maxYoungGenerationSizeMb: 16,
  maxOldGenerationSizeMb: 512,
};

/**
 * The built worker `file` next to the bundled code that asks for it: `out/main/<file>`,
 * seen from an entry in `out/main` or from a shared chunk in `out/main/chunks`. None when
 * running the TypeScript sources (vitest): callers then do the work in this thread.
 */
export function builtWorker(file: string): string | null {
  for (const relative of [`./${file}`, `../${file}`]) {
    const url = new URL(relative, import.meta.url);
    if (url.protocol !== 'file:') continue;
    const path = fileURLToPath(url);
    if (existsSync(path)) return path;
  }
  return null;
}
