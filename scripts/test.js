/**
 * The test step of `npm test`: Node tests (test/node/, node:test + tsx) then the browser
 * suite (test/**, @web/test-runner in headless Chromium), and one closing line that
 * counts both:
 *   tests: 412 passed, 0 failed, 1 skipped
 * Extra arguments go to the test runner (e.g. `npm run test:browser -- --watch`).
 */
import { spawnSync } from 'node:child_process';
import { globSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { finished } from 'node:stream/promises';

const counts = { passed: 0, failed: 0, skipped: 0 };

async function nodeTests() {
  const files = globSync('test/node/**/*.test.ts');
  if (files.length === 0) return;
  console.log(`\n== Node tests (${files.length} files)\n`);
  const stream = run({ files, execArgv: ['--import', 'tsx'], concurrency: 2 });
  stream.on('test:pass', (e) => {
    if (e.details?.type === 'suite') return;
    if (e.skip || e.todo) counts.skipped++;
    else counts.passed++;
  });
  stream.on('test:fail', (e) => {
    if (e.details?.type === 'suite' && e.details?.error?.failureType === 'subtestsFailed') return;
    counts.failed++;
  });
  const out = stream.compose(spec);
  out.pipe(process.stdout);
  await finished(out);
}

function browserTests() {
  console.log('\n== Browser tests (headless Chromium)\n');
  const summaryFile = join(mkdtempSync(join(tmpdir(), 'wtr-')), 'summary.json');
  const bin = fileURLToPath(new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url));
  const r = spawnSync(process.execPath, [bin, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, WTR_SUMMARY_FILE: summaryFile },
  });
  try {
    const s = JSON.parse(readFileSync(summaryFile, 'utf8'));
    counts.passed += s.passed;
    counts.failed += s.failed;
    counts.skipped += s.skipped;
  } catch {
    counts.failed++; // the runner died before reporting
  }
  if (r.status !== 0 && counts.failed === 0) counts.failed++;
}

await nodeTests();
browserTests();
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exitCode = counts.failed > 0 ? 1 : 0;
