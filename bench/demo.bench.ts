/**
 * The demo page (demo/index.html, served as `npm start` serves it), issue 8: the time from
 * navigation until all five billing elements show their data, with the mock's latency off
 * (no faults: the default tenant). Budget 3,000 ms; see bench/README.md for why. Beside it,
 * the longest task until then (issue 20: the first updates of the five ran as one task).
 */
import { join } from 'node:path';
import type { BrowserSession } from './browser.js';
import { evaluate, freshPage, repoRoot } from './browser.js';
import { median, record } from './harness.js';
import type { DemoReadiness } from './pages/api.js';

const SUITE = 'demo';
const LOADS = 3;

async function load(session: BrowserSession): Promise<DemoReadiness & { firstRequest: number; errors: string[] }> {
  const { context, page, errors } = await freshPage(session.browser);
  try {
    await page.addInitScript({ path: join(repoRoot, 'bench/pages/demo-ready.js') });
    await page.goto(session.demo.url);
    const ready = await evaluate<DemoReadiness>(page, 'window.demoReady');
    const firstRequest = await evaluate<number>(
      page,
      `Math.min(...performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/billing/')).map((e) => e.startTime))`,
    );
    return { ...ready, firstRequest, errors };
  } finally {
    await context.close();
  }
}

export async function runDemoBench(session: BrowserSession): Promise<void> {
  await load(session); // warm-up: the dev server transforms and pre-bundles on the first load
  const loads: Awaited<ReturnType<typeof load>>[] = [];
  for (let i = 0; i < LOADS; i++) loads.push(await load(session));
  const times = loads.map((l) => l.readyAt);
  const tags = Object.keys(loads[0]!.elements);
  const each = tags
    .map((tag) => ({ tag, at: median(loads.map((l) => l.elements[tag] ?? NaN)) }))
    .sort((a, b) => a.at - b.at)
    .map(({ tag, at }) => `${tag.replace('billing-', '')} ${at.toFixed(0)}`)
    .join(', ');
  record(SUITE, 'navigation → every element shows its data (mock latency off)', median(times), {
    stat: 'median',
    runs: times.length,
    budget: 3000,
    detail:
      `runs ${times.map((t) => t.toFixed(0)).join(', ')} ms; first API request at ${median(loads.map((l) => l.firstRequest)).toFixed(0)} ms; ` +
      `each element (ms): ${each}`,
  });
  const longest = loads.map((l) => Math.max(0, ...l.longTasks));
  record(SUITE, 'longest task until every element shows its data', median(longest), {
    stat: 'median',
    runs: longest.length,
    detail: `tasks over 50 ms per load: ${loads.map((l) => (l.longTasks.length ? l.longTasks.join(' + ') : 'none')).join('; ')} (the elements' first updates run one task apart)`,
  });
  const errors = loads.flatMap((l) => l.errors);
  if (errors.length) console.log(`        page errors: ${[...new Set(errors)].join(' | ')}`);
}
