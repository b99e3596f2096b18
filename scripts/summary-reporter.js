/**
 * A @web/test-runner reporter that ends the run with one plain line CI can count:
 *   wtr: 123 passed, 0 failed, 2 skipped
 * The default reporter prints its own summary after `stop()`, so this line is printed
 * on process exit, after everything else.
 */
import { writeFileSync } from 'node:fs';

export function summaryReporter() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let fileErrors = 0;

  function walk(suite) {
    if (!suite) return;
    for (const t of suite.tests ?? []) {
      if (t.skipped) skipped++;
      else if (t.passed) passed++;
      else failed++;
    }
    for (const s of suite.suites ?? []) walk(s);
  }

  return {
    onTestRunFinished({ sessions }) {
      passed = failed = skipped = fileErrors = 0;
      for (const session of sessions) {
        walk(session.testResults);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) fileErrors++;
      }
      failed += fileErrors;
    },
    stop() {
      process.on('exit', () => {
        // Under scripts/test.js the counts go to a file and one combined line closes the run.
        if (process.env.WTR_SUMMARY_FILE) {
          writeFileSync(process.env.WTR_SUMMARY_FILE, JSON.stringify({ passed, failed, skipped }));
        } else {
          process.stdout.write(`\nwtr: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
        }
      });
    },
  };
}
