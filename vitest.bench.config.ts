import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@core': resolve(import.meta.dirname, 'src/core') };

/**
 * `npm run bench`: benchmarks are ordinary vitest files under tests/bench that time work
 * through `dispatch` on real files and print one line per figure. They assert behaviour, never
 * timings, and run one file at a time so figures do not disturb each other.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    name: 'bench',
    include: ['tests/bench/**/*.bench.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
