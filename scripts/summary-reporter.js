/**
 * A @web/test-runner reporter that ends the run with one plain line CI can count:
 *   wtr: 123 passed, 0 failed, 2 skipped
 * The default reporter prints its own summary after `stop()`, so this line is printed
 * on process exit, after everything else.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

export function summaryReporter() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let fileErrors = 0;
  /** @type {string[]} */
  let failures = [];

  function walk(suite, file, path) {
    if (!suite) return;
    for (const t of suite.tests ?? []) {
      if (t.skipped) skipped++;
      else if (t.passed) passed++;
      else {
        failed++;
        const why = String(t.error?.message ?? '')
          .split('\n')[0]
          .slice(0, 200);
        failures.push(`${file} › ${[...path, t.name].join(' › ')}${why ? `: ${why}` : ''}`);
      }
    }
    for (const s of suite.suites ?? []) walk(s, file, [...path, s.name]);
  }

  return {
    onTestRunFinished({ sessions }) {
      passed = failed = skipped = fileErrors = 0;
      failures = [];
      for (const session of sessions) {
        const file = relative(process.cwd(), session.testFile);
        walk(session.testResults, file, []);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          fileErrors++;
          failures.push(
            `${file}: ${String(session.errors[0]?.message ?? 'error outside a test')
              .split('\n')[0]
              .slice(0, 200)}`,
          );
        }
      }
      failed += fileErrors;
    },
    stop() {
      process.on('exit', () => {
        // Under scripts/test.js the counts go to a file and one combined line closes the run.
        if (process.env.WTR_SUMMARY_FILE) {
          writeFileSync(process.env.WTR_SUMMARY_FILE, JSON.stringify({ passed, failed, skipped, failures }));
        } else {
          for (const f of failures) process.stdout.write(`\n  ✗ ${f}`);
          process.stdout.write(`\nwtr: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
        }
      });
    },
  };
}
