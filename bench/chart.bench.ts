/**
 * `<billing-user-count-chart>` fed 1,100 and 3,650 daily points through its `data`
 * property (no request), in headless Chromium (bench/pages/chart.html), issue 8's budget:
 * (and 31 days, with uPlot and chart.js's standard line chart drawing the same series in
 * the same run: issue 20's budget is an update no slower than uPlot's, as a ratio)
 * no long task (> 50 ms) while it first renders or updates. The render and update times
 * are printed beside it. chart.js is loaded once before the runs (a first small chart), so
 * they measure drawing, not loading.
 */
import type { BrowserSession } from './browser.js';
import { evaluate, openBenchPage } from './browser.js';
import { median, record } from './harness.js';
import type { Page } from 'playwright';
import type { ChartRun, PeerKind } from './pages/api.js';

const SUITE = 'chart';
const SIZES = [31, 1100, 3650];
/** The peers drawn with the same series in the same run (issue 20: an update ≤ uPlot's at every size). */
const PEERS = ['uplot', 'chartjs'] as const;
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
    await peerFigures(page, runs);
    if (errors.length) console.log(`        page errors: ${errors.join(' | ')}`);
  } finally {
    await context.close();
  }
}

const PEER_NAMES: Record<PeerKind, string> = { uplot: 'uPlot', chartjs: "chart.js's line chart" };

/**
 * The same series drawn and updated by uPlot and by chart.js's standard line chart, in the
 * same page and run, and the element's update time as a ratio of theirs: issue 20's budget
 * is an update no slower than uPlot's at every size.
 */
async function peerFigures(page: Page, mine: ChartRun[]): Promise<void> {
  const peers = new Map<PeerKind, ChartRun[]>();
  for (const kind of PEERS) {
    await evaluate(page, `window.chart.peer('${kind}', 31)`); // loads its module
    const runs: ChartRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      for (const points of SIZES) runs.push(await evaluate<ChartRun>(page, `window.chart.peer('${kind}', ${points})`));
    }
    peers.set(kind, runs);
  }
  for (const points of SIZES) {
    const label = points.toLocaleString('en');
    const ours = median(mine.filter((r) => r.points === points).map((r) => r.updateMs));
    for (const kind of PEERS) {
      const theirs = median(
        peers
          .get(kind)!
          .filter((r) => r.points === points)
          .map((r) => r.updateMs),
      );
      record(SUITE, `${label} days: update, the element ÷ ${PEER_NAMES[kind]}`, ours / theirs, {
        unit: '×',
        stat: 'median',
        runs: RUNS,
        ...(kind === 'uplot' ? { budget: 1 } : {}),
        detail: `${ours.toFixed(1)} ms against ${theirs.toFixed(1)} ms`,
      });
    }
  }
}
