/**
 * `npm run bench`: every benchmark of the kit in one run. Prints each figure beside its
 * budget and its change against the committed baseline (bench/results/baseline.json),
 * writes them with the machine's details to bench/results/latest.json, and exits non-zero
 * when a budget is broken or a suite cannot run (not when a figure is merely slower than
 * the baseline). What each figure means: bench/README.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openBrowserSession, type BrowserSession } from './browser.js';
import { runChartBench } from './chart.bench.js';
import { runDemoBench } from './demo.bench.js';
import { runEngineBench } from './engine.bench.js';
import { allFigures, brokenBudgets, fail, failedSuites, format, section, setBaseline, type Figure } from './harness.js';
import { runHeadroomBench } from './headroom.bench.js';
import { runMockBench } from './mock.bench.js';
import { runSizeBench } from './size.bench.js';
import { runUsersTableBench } from './users-table.bench.js';

interface Results {
  date: string;
  machine: Record<string, string | number | number[]>;
  durationSeconds: number;
  figures: readonly Figure[];
}

const started = performance.now();
const resultsDir = new URL('./results/', import.meta.url);
const baselineFile = new URL('baseline.json', resultsDir);

const machine: Results['machine'] = {
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  chromium: 'not run',
  platform: `${process.platform}-${process.arch} ${release()}`,
  loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
};

let baseline: Results | undefined;
if (existsSync(baselineFile)) {
  baseline = JSON.parse(readFileSync(baselineFile, 'utf8')) as Results;
  setBaseline(baseline.figures);
}

console.log(
  `billing-elements bench on ${machine['cores']} × ${machine['cpu']}, ${machine['memoryGiB']} GiB, Node ${machine['node']}` +
    ` (load average ${(machine['loadAverageAtStart'] as number[]).join(' ')})`,
);
console.log(
  baseline
    ? `Compared with bench/results/baseline.json of ${baseline.date.slice(0, 10)} (${baseline.machine['cores']} × ${baseline.machine['cpu']}).`
    : 'No bench/results/baseline.json to compare with.',
);

/** `npm run bench -- size users` runs only the suites whose names start with those words. */
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wanted = (name: string): boolean => only.length === 0 || only.some((o) => name.startsWith(o));

async function suite(name: string, run: () => unknown, always = false): Promise<void> {
  if (!always && !wanted(name)) return;
  section(name);
  try {
    await run();
  } catch (error) {
    fail(name, error);
  }
}

await suite('size (minified, gzip -9)', runSizeBench);
await suite('engine (Node)', runEngineBench);
await suite('mock (Node)', runMockBench);
await suite('headroom (Node, 1,000,000 people, millions of events)', runHeadroomBench);

let session: BrowserSession | undefined;
const browserSuites = ['users table', 'chart', 'demo'];
if (only.length === 0 || browserSuites.some(wanted))
  await suite(
    'browser',
    async () => {
      session = await openBrowserSession();
      machine['chromium'] = session.browser.version();
      console.log(`        Chromium ${machine['chromium']}, pages served by Vite at ${session.pages.url}`);
    },
    true,
  );
if (session) {
  const s = session;
  await suite('users table (Chromium, mock in the page)', () => runUsersTableBench(s));
  await suite('chart (Chromium)', () => runChartBench(s));
  await suite('demo page (Chromium)', () => runDemoBench(s));
  await s.close();
}

machine['loadAverageAtEnd'] = loadavg().map((l) => Math.round(l * 100) / 100);
const durationSeconds = Math.round((performance.now() - started) / 100) / 10;
const results: Results = { date: new Date().toISOString(), machine, durationSeconds, figures: allFigures() };
if (only.length === 0) {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(new URL('latest.json', resultsDir), JSON.stringify(results, null, 2) + '\n');
}

const broken = brokenBudgets();
const failed = failedSuites();
console.log(
  `\n${allFigures().length} figures, ${broken.length} over budget${failed.length ? `, ${failed.length} suites failed` : ''}, in ${durationSeconds} s. ${only.length ? `Only ${only.join(', ')}: bench/results/latest.json is left as it was` : 'Results: bench/results/latest.json'}`,
);
for (const f of broken) {
  console.log(`  over budget: ${f.suite} › ${f.name}: ${format(f.value, f.unit)} > ${format(f.budget!, f.unit)}`);
}
for (const s of failed) console.log(`  failed: ${s}`);
const busiest = Math.max(loadavg()[0] ?? 0, (machine['loadAverageAtStart'] as number[])[0] ?? 0);
if (busiest > cpus().length) {
  console.log(
    `Note: the machine was busy (load average ${busiest.toFixed(1)} on ${cpus().length} cores): other processes ` +
      'competed for the CPU, so the timings above, the browser ones most, are slower than this code on its own.',
  );
}
if (broken.length > 0 || failed.length > 0) process.exitCode = 1;
