/**
 * The test step of `npm test`: Node tests (test/node/, node:test + tsx), the browser
 * suite (test/**, @web/test-runner in headless Chromium), the package as a host installs
 * it (scripts/package-check.js; SKIP_PACKAGE=1 skips it), then every Storybook story
 * opened in Chromium with its play function (SKIP_STORYBOOK=1 skips that pass), and one
 * closing line that counts them all:
 *   tests: 412 passed, 0 failed, 1 skipped
 * Extra arguments go to the test runner (e.g. `npm run test:browser -- --watch`).
 */
import { spawnSync } from 'node:child_process';
import { globSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { finished } from 'node:stream/promises';

const counts = { passed: 0, failed: 0, skipped: 0 };
/** Each failure's name (and first line of its reason), listed again just before the closing line. */
const failures = [];

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
    const why = String(e.details?.error?.cause?.message ?? e.details?.error?.message ?? '')
      .split('\n')[0]
      .slice(0, 200);
    failures.push(`${e.file ? relative(process.cwd(), e.file) : 'node'} › ${e.name}${why ? `: ${why}` : ''}`);
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
    failures.push(...(s.failures ?? []));
  } catch {
    counts.failed++; // the runner died before reporting
    failures.push('browser tests: the runner stopped before reporting');
  }
  if (r.status !== 0 && counts.failed === 0) {
    counts.failed++;
    failures.push(`browser tests: the runner exited with ${r.status}`);
  }
}

/** Builds Storybook and opens every story (play functions included); see storybook-smoke.js. */
function storybookSmoke() {
  if (process.env.SKIP_STORYBOOK === '1') return;
  console.log('\n== Storybook: build, then open every story\n');
  const build = spawnSync('npm run build-storybook', { stdio: 'inherit', shell: true });
  if (build.status !== 0) {
    counts.failed++;
    failures.push('storybook: the build failed');
    return;
  }
  runCounted('./storybook-smoke.js', 'SMOKE_SUMMARY_FILE');
}

/**
 * The package as a host installs it (scripts/package-check.js): builds and packs the kit,
 * installs the tarball into a fresh project and checks its types, entries, examples and
 * docs' example test there. SKIP_PACKAGE=1 skips it.
 */
function packageCheck() {
  if (process.env.SKIP_PACKAGE === '1') return;
  runCounted('./package-check.js', 'PACKAGE_SUMMARY_FILE');
}

/**
 * Runs one of the scripts beside this one that count their own checks, and adds its counts:
 * it writes `{ passed, failed }` to the file named by `summaryVariable`. A script that dies
 * before writing it, or exits non-zero with no failure counted, counts as one failure.
 */
function runCounted(script, summaryVariable) {
  const summaryFile = join(mkdtempSync(join(tmpdir(), 'counted-')), 'summary.json');
  const r = spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], {
    stdio: 'inherit',
    env: { ...process.env, [summaryVariable]: summaryFile },
  });
  const before = counts.failed;
  try {
    const s = JSON.parse(readFileSync(summaryFile, 'utf8'));
    counts.passed += s.passed;
    counts.failed += s.failed;
    failures.push(...(s.failures ?? []));
  } catch {
    counts.failed++;
    failures.push(`${script}: stopped before reporting`);
  }
  if (r.status !== 0 && counts.failed === before) {
    counts.failed++;
    failures.push(`${script}: exited with ${r.status}`);
  }
}

const only = process.argv.slice(2);
await nodeTests();
browserTests();
// A run of chosen test files (arguments) skips the package check and the Storybook pass.
if (only.length === 0) {
  packageCheck();
  storybookSmoke();
}
// The failures again, named, so that the end of the log alone says what failed.
if (failures.length > 0) console.log(`\nfailed:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exitCode = counts.failed > 0 ? 1 : 0;
