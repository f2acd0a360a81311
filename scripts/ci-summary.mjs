// Sums the test counts of vitest's and Playwright's JSON reports and prints the final
// "N passed, N failed" line CI reads. A failed step without a failed test (typecheck, lint,
// a crashed runner) counts as one failure, so a red step can never print "0 failed".
import { existsSync, readFileSync } from 'node:fs';

const failedSteps = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

const vitest = read('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}
const e2e = read('test-results/e2e.json');
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected + e2e.stats.skipped;
}
if (failedSteps > 0 && failed === 0) failed = failedSteps;
if (!vitest) failed += 1;
if (!e2e) failed += 1;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps > 0 || failed > 0 ? 1 : 0);
