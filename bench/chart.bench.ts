/**
 * `<billing-user-count-chart>` fed 31, 1,100 and 3,650 daily points through its `data`
 * property (no request), in headless Chromium (bench/pages/chart.html). Issue 8's budget:
 * no long task (> 50 ms) while it first renders or updates. Issue 20's: an update no
 * slower than uPlot's drawing the same picture, in the same run, as a ratio (uPlot's line
 * alone and chart.js's standard line chart are printed beside it). chart.js is loaded once
 * before the runs (a first small chart), so they measure drawing, not loading.
 */
import type { BrowserSession } from './browser.js';
import { evaluate, openBenchPage } from './browser.js';
import { median, record } from './harness.js';
import type { ChartRun, PeerKind } from './pages/api.js';

const SUITE = 'chart';
const SIZES = [31, 1100, 3650];
/** The peers drawn with the same data in the same run (issue 20: an update ≤ uPlot's at every size). */
const PEERS = ['uplot', 'uplot-line', 'chartjs'] as const;
const RUNS = 7;

export async function runChartBench(session: BrowserSession): Promise<void> {
  const { context, page, errors } = await openBenchPage(session.browser, session.pages, 'chart.html');
  try {
    await evaluate(page, 'window.chart.warmUp()');
    for (const kind of PEERS) await evaluate(page, `window.chart.peer('${kind}', 31)`); // loads its module
    // Each round draws every size with the element and both peers, one after the other, in
    // turn first, so a busy moment of the machine falls on every side of a ratio alike.
    const runs: ChartRun[] = [];
    const peers = new Map<PeerKind, ChartRun[]>(PEERS.map((kind) => [kind, []]));
    const sides = ['element', ...PEERS] as const;
    for (let i = 0; i < RUNS; i++) {
      for (const [s, points] of SIZES.entries()) {
        for (let k = 0; k < sides.length; k++) {
          const side = sides[(i + s + k) % sides.length]!;
          if (side === 'element') runs.push(await evaluate<ChartRun>(page, `window.chart.run(${points})`));
          else peers.get(side)!.push(await evaluate<ChartRun>(page, `window.chart.peer('${side}', ${points})`));
        }
      }
    }
    for (const points of SIZES) {
      const mine = runs.filter((r) => r.points === points);
      const label = points.toLocaleString('en');
      record(SUITE, `${label} days: first render → painted`, median(mine.map((r) => r.renderMs)), {
        stat: 'median',
        runs: mine.length,
        detail: `script ${median(mine.map((r) => r.renderScriptMs)).toFixed(0)} ms`,
      });
      record(SUITE, `${label} days: update → painted`, median(mine.map((r) => median(r.updateMs))), {
        stat: 'median',
        runs: mine.length,
        detail: `script ${median(mine.map((r) => median(r.updateScriptMs))).toFixed(1)} ms`,
      });
    }
    // The browser reports only tasks over 50 ms; under that, the longest script run of a
    // render or update stands in (a lower bound of its task). Each round (every size, render
    // and update) has its longest task; the figure is the median round's, so one stall of a
    // busy machine does not decide it, while a task that is long every time does.
    const rounds = Array.from({ length: RUNS }, (_, i) => runs.slice(i * SIZES.length, (i + 1) * SIZES.length));
    const longestOf = (round: ChartRun[]): number =>
      Math.max(...round.flatMap((r) => [...r.longTasks, r.renderScriptMs, ...r.updateScriptMs]));
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
    peerFigures(runs, peers);
    if (errors.length) console.log(`        page errors: ${errors.join(' | ')}`);
  } finally {
    await context.close();
  }
}

const PEER_NAMES: Record<PeerKind, string> = {
  uplot: 'uPlot',
  'uplot-line': "uPlot's line alone",
  chartjs: "chart.js's line chart",
};

/**
 * The same series drawn and updated by uPlot and by chart.js's standard line chart, in the
 * same page and run, and the element's update time as a ratio of theirs: issue 20's budget
 * is an update no slower than uPlot's at every size.
 */
function peerFigures(mine: ChartRun[], peers: Map<PeerKind, ChartRun[]>): void {
  const updates = (runs: ChartRun[], points: number) => {
    const these = runs.filter((r) => r.points === points);
    return {
      ms: median(these.map((r) => median(r.updateMs))),
      script: median(these.map((r) => median(r.updateScriptMs))),
    };
  };
  for (const points of SIZES) {
    const label = points.toLocaleString('en');
    const ours = updates(mine, points);
    for (const kind of PEERS) {
      const theirs = updates(peers.get(kind)!, points);
      record(SUITE, `${label} days: update, the element ÷ ${PEER_NAMES[kind]}`, ours.ms / theirs.ms, {
        unit: '×',
        stat: 'median',
        runs: RUNS,
        ...(kind === 'uplot' ? { budget: 1 } : {}),
        detail:
          `${ours.ms.toFixed(1)} ms (script ${ours.script.toFixed(1)}) against ` +
          `${theirs.ms.toFixed(1)} ms (script ${theirs.script.toFixed(1)})`,
      });
    }
  }
}
