/**
 * `<billing-user-count-chart>` fed 1,100 and 3,650 daily points through its `data`
 * property (no request), in headless Chromium (bench/pages/chart.html), issue 8's budget:
 * no long task (> 50 ms) while it first renders or updates. The render and update times
 * are printed beside it. chart.js is loaded once before the runs (a first small chart), so
 * they measure drawing, not loading.
 */
import type { BrowserSession } from './browser.js';
import { evaluate, openBenchPage } from './browser.js';
import { median, record } from './harness.js';
import type { ChartRun } from './pages/api.js';

const SUITE = 'chart';
const SIZES = [1100, 3650];
const RUNS = 5;

export async function runChartBench(session: BrowserSession): Promise<void> {
  const { context, page, errors } = await openBenchPage(session.browser, session.pages, 'chart.html');
  try {
    await evaluate(page, 'window.chart.warmUp()');
    const runs: ChartRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      for (const points of SIZES) runs.push(await evaluate<ChartRun>(page, `window.chart.run(${points})`));
    }
    for (const points of SIZES) {
      const mine = runs.filter((r) => r.points === points);
      const label = points.toLocaleString('en');
      record(SUITE, `${label} days: first render → painted`, median(mine.map((r) => r.renderMs)), {
        stat: 'median',
        runs: mine.length,
        detail: `script ${median(mine.map((r) => r.renderScriptMs)).toFixed(0)} ms`,
      });
      record(SUITE, `${label} days: update → painted`, median(mine.map((r) => r.updateMs)), {
        stat: 'median',
        runs: mine.length,
        detail: `script ${median(mine.map((r) => r.updateScriptMs)).toFixed(0)} ms`,
      });
    }
    // The browser reports only tasks over 50 ms; under that, the longest script run of a
    // render or update stands in (a lower bound of its task). Each round (both sizes, render
    // and update) has its longest task; the figure is the median round's, so one stall of a
    // busy machine does not decide it, while a task that is long every time does.
    const rounds = Array.from({ length: RUNS }, (_, i) => runs.slice(i * SIZES.length, (i + 1) * SIZES.length));
    const longestOf = (round: ChartRun[]): number =>
      Math.max(...round.flatMap((r) => [...r.longTasks, r.renderScriptMs, r.updateScriptMs]));
    const perRound = rounds.map(longestOf);
    const reported = runs.flatMap((r) => r.longTasks);
    record(SUITE, 'longest task while rendering and updating', median(perRound), {
      stat: 'median',
      runs: RUNS,
      budget: 50,
      detail:
        `rounds ${perRound.map((d) => d.toFixed(0)).join(', ')} ms; ` +
        (reported.length
          ? `long tasks reported: ${reported.map((d) => d.toFixed(0)).join(', ')} ms`
          : 'no long task reported'),
    });
    if (errors.length) console.log(`        page errors: ${errors.join(' | ')}`);
  } finally {
    await context.close();
  }
}
