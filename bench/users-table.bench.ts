/**
 * `<billing-users-table>` with the 100,000-person tenant, in headless Chromium against the
 * browser mock (bench/pages/users-table.html), issue 8's budgets:
 * - data to first rows painted ≤ 100 ms
 * - rows in the DOM ≤ 110, whatever the tenant's size
 * - frame times while scrolling to the end, p95 ≤ 16.7 ms (one frame at 60 Hz)
 * - a sort and a search round trip ≤ 200 ms
 * and one of our own, since the table shows placeholder rows while a scroll is too fast to
 * fetch for, and fetches when it slows or stops:
 * - a fast scroll's stop → the rows in view show data, painted, ≤ 100 ms (median of the
 *   stop at the end and eight stops on the way). The frame times alone would reward a table
 *   that never filled its rows in; this figure and the count of frames whose rows in view
 *   showed no data (in each scroll's detail) keep the smoothness honest.
 * and, issue 20, the drag and the wheel again under 4× CPU throttling (a mid-range
 * laptop): p95 ≤ 16.7 ms and no frame over 50 ms; and the main thread's CPU time a frame
 * of each (its thread time, which a busy machine does not lengthen, unthrottled): ≤ 4.2 ms,
 * a 4× slower CPU's frame, and no more than vaadin-grid's.
 * See bench/README.md for how each is taken.
 */
import type { Browser, Page } from 'playwright';
import type { BrowserSession } from './browser.js';
import { evaluate, openBenchPage } from './browser.js';
import { median, percentile, record } from './harness.js';
import type { FirstRows, RoundTrip } from './pages/api.js';
import type { ScrollStop, TableScrollRun } from './pages/users-table.js';
import { startMockServer } from '../mocks/server/index.js';

const SUITE = 'users-table';
/** Page loads measured for the first rows (after one warm-up load). */
const LOADS = 5;
/** Animation frames to scroll from the first row to the last. */
const SCROLL_FRAMES = 300;
/** Fast scrolls that stop on the way (after the one that stops at the end), and their frames. */
const STOPS = 8;
const STOP_FRAMES = 30;
/** How much slower the throttled figures run the page's CPU (a mid-range laptop). */
const CPU_SLOWDOWN = 4;
/**
 * Throttled runs of each scroll, of which the figures are the medians (as every other
 * timing here): one run's figure swings with the machine (wheel late frames 0 to 30 of 120
 * between runs of the same code on a busy 2-core machine).
 */
const THROTTLED_RUNS = 3;

/**
 * The main thread's CPU time during `scroll` (a call of the bench page's API), per frame
 * scrolled: the thread time of every task of the page's main thread in a trace of it, so
 * time the thread waited for a core (a busy machine) is not counted, nor the frames it
 * made late. Unthrottled: the same work under a 4× slower CPU takes 4 times as long.
 */
async function cpuPerFrame(browser: Browser, page: Page, scroll: string): Promise<number> {
  await browser.startTracing(page, { categories: ['toplevel'] });
  const run = await evaluate<{ frames: number[] }>(page, scroll, 240_000);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: { name: string; ph: string; pid: number; tid: number; tdur?: number; args?: { name?: string } }[];
  };
  const threads = new Set(
    trace.traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // The page's own renderer: the main thread with the most work in the trace.
  const cpu = new Map<string, number>();
  for (const e of trace.traceEvents) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || !threads.has(thread)) continue;
    cpu.set(thread, (cpu.get(thread) ?? 0) + (e.tdur ?? 0) / 1000);
  }
  return Math.max(0, ...cpu.values()) / run.frames.length;
}

/**
 * Frame durations rounded to whole refresh intervals: rAF timestamps are coarsened and
 * jitter (16.6, 16.8 ms at 60 Hz), but a frame is either on time or one or more late.
 */
function snap(frames: number[], interval: number): number[] {
  return frames.map((d) => Math.max(1, Math.round(d / interval)) * interval);
}

function frameStats(frames: number[], interval: number) {
  const snapped = snap(frames, interval).sort((a, b) => a - b);
  const raw = [...frames].sort((a, b) => a - b);
  const late = snapped.filter((d) => d > interval * 1.5).length;
  return {
    p95: percentile(snapped, 95),
    late,
    detail:
      `${frames.length} frames at ${(1000 / interval).toFixed(0)} Hz, ${late} late (${((late / frames.length) * 100).toFixed(0)}%), ` +
      `median ${percentile(snapped, 50).toFixed(1)} ms, longest ${(raw.at(-1) ?? NaN).toFixed(0)} ms`,
  };
}

const spread = (values: number[]): string => `runs ${values.map((v) => v.toFixed(0)).join(', ')} ms`;

export async function runUsersTableBench(session: BrowserSession): Promise<void> {
  try {
    // Warm-up: the dev server transforms and pre-bundles on the first load.
    {
      const { context } = await openBenchPage(session.browser, session.pages, 'users-table.html');
      await context.close();
    }

    const firstRows: FirstRows[] = [];
    for (let i = 0; i < LOADS; i++) {
      const { context, page, errors } = await openBenchPage(session.browser, session.pages, 'users-table.html');
      try {
        firstRows.push(await evaluate<FirstRows>(page, 'window.usersTable.firstRows()'));
        if (i < LOADS - 1) continue;

        // On the last page: scrolling, sorting and searching, each run beside vaadin-grid's
        // same run on a page of its own, open beside this one: one after the other (the
        // sorts, searches and stops alternate which goes first), so a busy moment of the
        // machine falls on both, not on one figure of a ratio.
        const table = page.locator('billing-users-table');
        const search = table.locator('input[type="search"]');
        const peer = await openBenchPage(session.browser, session.pages, 'vaadin-grid.html');
        let interval: number;
        let toEnd: ScrollStop;
        let wheel: TableScrollRun;
        let fastStep: number;
        const stops: ScrollStop[] = [];
        const sorts: RoundTrip[] = [];
        const searches: RoundTrip[] = [];
        const theirs: PeerRuns = { first: NaN, interval: NaN, stops: [], sorts: [], searches: [] };
        try {
          const f = await evaluate<FirstRows>(peer.page, 'window.vaadinGrid.firstRows()');
          theirs.first = f.paintedAt - f.responseAt;
          /** Runs the pair (the table's, the grid's) in turn, each after its page is idle; `k` odd: the grid's first. */
          const pair = async <T>(k: number, ours: () => Promise<T>, peers: () => Promise<T>): Promise<[T, T]> => {
            const runs = k % 2 ? [peers, ours] : [ours, peers];
            const [a, b] = [await settled(runs[0]!), await settled(runs[1]!)];
            return k % 2 ? [b, a] : [a, b];
          };
          const settled = async <T>(run: () => Promise<T>): Promise<T> => {
            await evaluate(page, 'window.usersTable.idleFrames(10)');
            await evaluate(peer.page, 'window.vaadinGrid.idleFrames(10)');
            return run();
          };

          interval = median(await evaluate<number[]>(page, 'window.usersTable.idleFrames(60)'));
          theirs.interval = median(await evaluate<number[]>(peer.page, 'window.vaadinGrid.idleFrames(60)'));
          // The drag to the end (its stop the first of the stops), then the wheel from the top.
          [toEnd, theirs.toEnd] = await pair(
            0,
            () => evaluate<ScrollStop>(page, `window.usersTable.scrollToEnd(${SCROLL_FRAMES})`, 120_000),
            () => evaluate<ScrollStop>(peer.page, `window.vaadinGrid.scrollToEnd(${SCROLL_FRAMES})`, 120_000),
          );
          await evaluate(page, 'window.usersTable.scrollToTop()');
          await evaluate(peer.page, 'window.vaadinGrid.scrollToTop()');
          [wheel, theirs.wheel] = await pair(
            0,
            () => evaluate<TableScrollRun>(page, 'window.usersTable.scrollBy(100, 120)'),
            () => evaluate<TableScrollRun>(peer.page, 'window.vaadinGrid.scrollBy(100, 120)'),
          );
          // Fast scrolls down at the speed of the one to the end (the same share of the list
          // a frame on both), each stopping a while.
          stops.push(toEnd);
          theirs.stops.push(theirs.toEnd);
          fastStep = Math.round(toEnd.distance / SCROLL_FRAMES);
          const peerStep = Math.round(theirs.toEnd.distance / SCROLL_FRAMES);
          for (let k = 0; k < STOPS; k++) {
            const [ours, peers] = await pair(
              k + 1,
              () => evaluate<ScrollStop>(page, `window.usersTable.scrollAndStop(${fastStep}, ${STOP_FRAMES})`),
              () => evaluate<ScrollStop>(peer.page, `window.vaadinGrid.scrollAndStop(${peerStep}, ${STOP_FRAMES})`),
            );
            stops.push(ours);
            theirs.stops.push(peers);
          }
          await evaluate(page, 'window.usersTable.scrollToTop()');
          await evaluate(peer.page, 'window.vaadinGrid.scrollToTop()');

          const peerSearch = peer.page.locator('input[type="search"]');
          // The same headers clicked on both (the grid's sorters are labelled as the table's columns).
          const columns = ['E-mail', 'E-mail', 'Start', 'Name', 'Name'];
          for (const [k, column] of columns.entries()) {
            const [ours, peers] = await pair(
              k,
              async () => {
                await evaluate(page, "window.usersTable.arm('click')");
                await table.getByRole('button', { name: new RegExp(`^${column}`) }).click();
                return evaluate<RoundTrip>(page, 'window.usersTable.result()');
              },
              async () => {
                await evaluate(peer.page, "window.vaadinGrid.arm('click')");
                await peer.page.locator('vaadin-grid-sorter', { hasText: column }).click();
                return evaluate<RoundTrip>(peer.page, 'window.vaadinGrid.result()');
              },
            );
            sorts.push(ours);
            theirs.sorts.push(peers);
          }
          for (const [k, q] of ['ma', 'van', 'li', 'sa', 'de', 'jo', 'an', 'el', 'ro'].entries()) {
            const [ours, peers] = await pair(
              k,
              async () => {
                await evaluate(page, "window.usersTable.arm('enter')");
                await search.fill(q);
                await search.press('Enter');
                return evaluate<RoundTrip>(page, 'window.usersTable.result()');
              },
              async () => {
                await evaluate(peer.page, "window.vaadinGrid.arm('enter')");
                await peerSearch.fill(q);
                await peerSearch.press('Enter');
                return evaluate<RoundTrip>(peer.page, 'window.vaadinGrid.result()');
              },
            );
            searches.push(ours);
            theirs.searches.push(peers);
          }
          if (peer.errors.length) console.log(`        vaadin-grid page errors: ${peer.errors.join(' | ')}`);
        } finally {
          await peer.context.close();
        }
        const typed: RoundTrip[] = [];
        for (const q of ['ja', 'ko', 'er']) {
          await search.fill('');
          await search.press('Enter');
          await evaluate(page, 'window.usersTable.scrollToTop()');
          await evaluate(page, "window.usersTable.arm('input')");
          await search.pressSequentially(q, { delay: 60 });
          typed.push(await evaluate<RoundTrip>(page, 'window.usersTable.result()'));
        }

        const first = firstRows.map((f) => f.paintedAt - f.responseAt);
        const toDom = firstRows.map((f) => f.renderedAt - f.responseAt);
        const longTasks = firstRows.flatMap((f) => f.longTasks);
        record(
          SUITE,
          `data to first rows painted (${firstRows[0]!.total.toLocaleString('en')} billed users)`,
          median(first),
          {
            stat: 'median',
            runs: first.length,
            budget: 100,
            detail:
              `${spread(first)}; rows in the DOM after ${median(toDom).toFixed(0)} ms` +
              (longTasks.length ? `; long tasks ${longTasks.join(', ')} ms` : ''),
          },
        );
        record(SUITE, 'rows in the DOM (the most at any frame, scrolling to the end)', toEnd.maxRows, {
          unit: 'rows',
          stat: 'max',
          budget: 110,
        });
        const end = frameStats(toEnd.frames, interval);
        record(
          SUITE,
          `frame time scrolling to the end (${(toEnd.distance / 1e6).toFixed(1)} Mpx in ${SCROLL_FRAMES} frames)`,
          end.p95,
          {
            stat: 'p95',
            runs: toEnd.frames.length,
            budget: 16.7,
            detail:
              end.detail +
              `; rows in view without data in ${toEnd.framesWithoutData} frames` +
              (toEnd.reachedEnd ? '' : '; did not reach the end'),
          },
        );
        const stopTimes = stops.map((s) => s.stopToData);
        record(SUITE, 'fast scroll stops → rows in view show data, painted', median(stopTimes), {
          stat: 'median',
          runs: stopTimes.length,
          budget: 100,
          detail: `${spread(stopTimes)} (at the end, then ${STOPS} stops after ${STOP_FRAMES} frames of ${fastStep.toLocaleString('en')} px)`,
        });
        const slow = frameStats(wheel.frames, interval);
        record(SUITE, 'frame time scrolling at wheel speed (100 px per frame)', slow.p95, {
          stat: 'p95',
          runs: wheel.frames.length,
          detail: `${slow.detail}; rows in view without data in ${wheel.framesWithoutData} frames`,
        });
        const sortTimes = sorts.map((r) => r.end - r.start);
        record(SUITE, 'sort round trip (click a header → new first row painted)', median(sortTimes), {
          stat: 'median',
          runs: sortTimes.length,
          budget: 200,
          detail: spread(sortTimes),
        });
        const searchTimes = searches.map((r) => r.end - r.start);
        record(SUITE, 'search round trip (Enter → new first row painted)', median(searchTimes), {
          stat: 'median',
          runs: searchTimes.length,
          budget: 200,
          detail: spread(searchTimes),
        });
        const typedTimes = typed.map((r) => r.end - r.start);
        record(SUITE, 'search as you type (last key → new first row painted; 250 ms pause)', median(typedTimes), {
          stat: 'median',
          runs: typedTimes.length,
          detail: spread(typedTimes),
        });
        const throttled = await throttledFigures(session, 'users-table.html', 'usersTable', true);
        await peerFigures(session, theirs, {
          firstRows: median(first),
          dragLate: end.late,
          wheelLate: slow.late,
          stop: median(stopTimes),
          sort: median(sortTimes),
          search: median(searchTimes),
          throttledDragLate: throttled.dragLate,
          throttledWheelLate: throttled.wheelLate,
          dragCpu: throttled.dragCpu,
          wheelCpu: throttled.wheelCpu,
        });
        if (errors.length) console.log(`        page errors: ${errors.join(' | ')}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    // The mock served over HTTP for the throttled figures, if they started it.
    await (await served)?.close();
    served = undefined;
  }
}

/** The mock served over HTTP, for the throttled figures (see {@link throttledFigures}). */
let served: Promise<{ url: string; close(): Promise<void> }> | undefined;

/**
 * A mid-range laptop: the drag and the wheel with the page's CPU slowed 4× (DevTools'
 * `Emulation.setCPUThrottlingRate`), so the budgets hold on slow devices and depend less on
 * how busy the bench machine is. Issue 20's budgets: p95 one frame, no frame over 50 ms.
 *
 * The data comes from the mock served over HTTP (`startMockServer`, the same generated
 * tenant), not the browser mock: on a laptop the backend is elsewhere, while the browser
 * mock keeps its 86k-person world in the page's heap (45 MB against 20 MB, and a major GC
 * pause of it took 120 ms of a throttled frame) and answers on the page's main thread,
 * throttled too (40-50 ms a page). The page first drags to the end and back unthrottled,
 * as the unthrottled figures' page did, so the throttled drag ends on rows it has loaded.
 * The same for the table (`record`: its figures printed) and for vaadin-grid (its late frames).
 */
async function throttledFigures(
  session: BrowserSession,
  path: string,
  api: 'usersTable' | 'vaadinGrid',
  print: boolean,
): Promise<{ dragLate: number; wheelLate: number; dragCpu: number; wheelCpu: number }> {
  served ??= startMockServer({ scenario: 'generated-100k', port: 0, cors: ['*'] });
  const { url } = await served;
  const { context, page, errors } = await openBenchPage(
    session.browser,
    session.pages,
    `${path}?api=${encodeURIComponent(url)}`,
  );
  const cdp = await context.newCDPSession(page);
  try {
    await evaluate(page, `window.${api}.firstRows()`);
    const interval = median(await evaluate<number[]>(page, `window.${api}.idleFrames(60)`));
    await evaluate(page, `window.${api}.scrollToEnd(${SCROLL_FRAMES})`, 120_000);
    const drags: TableScrollRun[] = [];
    const wheels: TableScrollRun[] = [];
    for (let run = 0; run < THROTTLED_RUNS; run++) {
      await evaluate(page, `window.${api}.scrollToTop()`);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      drags.push(await evaluate<ScrollStop>(page, `window.${api}.scrollToEnd(${SCROLL_FRAMES})`, 240_000));
      await evaluate(page, `window.${api}.scrollToTop()`);
      wheels.push(await evaluate<TableScrollRun>(page, `window.${api}.scrollBy(100, 120)`));
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    const late: number[] = [];
    for (const [name, runs] of [
      ['dragging to the end', drags],
      ['at wheel speed', wheels],
    ] as const) {
      const stats = runs.map((run) => frameStats(run.frames, interval));
      late.push(median(stats.map((s) => s.late)));
      if (!print) continue;
      const each = (values: number[]) => values.map((v) => v.toFixed(1)).join(', ');
      record(SUITE, `${CPU_SLOWDOWN}× CPU throttling: frame time ${name}`, median(stats.map((s) => s.p95)), {
        stat: 'median',
        runs: THROTTLED_RUNS,
        budget: 16.7,
        detail:
          `each run's p95 ${each(stats.map((s) => s.p95))} ms; late frames ${stats.map((s) => s.late).join(', ')} of ${runs[0]!.frames.length}; ` +
          `rows in view without data in ${runs.map((r) => r.framesWithoutData).join(', ')} frames; the mock over HTTP`,
      });
      const longest = runs.map((run) => Math.max(...run.frames));
      record(SUITE, `${CPU_SLOWDOWN}× CPU throttling: longest frame ${name}`, median(longest), {
        stat: 'median',
        runs: THROTTLED_RUNS,
        budget: 50,
        detail: `each run's longest ${each(longest)} ms`,
      });
    }
    // The same scrolls unthrottled, traced: the main thread's CPU time a frame.
    const dragCpu: number[] = [];
    const wheelCpu: number[] = [];
    for (let run = 0; run < THROTTLED_RUNS; run++) {
      await evaluate(page, `window.${api}.scrollToTop()`);
      dragCpu.push(await cpuPerFrame(session.browser, page, `window.${api}.scrollToEnd(${SCROLL_FRAMES})`));
      await evaluate(page, `window.${api}.scrollToTop()`);
      wheelCpu.push(await cpuPerFrame(session.browser, page, `window.${api}.scrollBy(100, 120)`));
    }
    if (print) {
      for (const [name, runs] of [
        ['dragging to the end', dragCpu],
        ['at wheel speed', wheelCpu],
      ] as const) {
        record(SUITE, `main thread's CPU time a frame ${name} (thread time)`, median(runs), {
          stat: 'median',
          runs: THROTTLED_RUNS,
          budget: 16.7 / CPU_SLOWDOWN,
          detail: `each run's ${runs.map((v) => v.toFixed(2)).join(', ')} ms; ×${CPU_SLOWDOWN}: ${(median(runs) * CPU_SLOWDOWN).toFixed(1)} ms of a 16.7 ms frame; the mock over HTTP`,
        });
      }
    }
    if (errors.length) console.log(`        page errors (${path}, throttled): ${errors.join(' | ')}`);
    return { dragLate: late[0]!, wheelLate: late[1]!, dragCpu: median(dragCpu), wheelCpu: median(wheelCpu) };
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }).catch(() => undefined);
    await context.close();
  }
}

/** The table's figures that are compared with its peer's. */
interface Compared {
  firstRows: number;
  dragLate: number;
  wheelLate: number;
  stop: number;
  sort: number;
  search: number;
  throttledDragLate: number;
  throttledWheelLate: number;
  dragCpu: number;
  wheelCpu: number;
}

/** vaadin-grid's runs taken beside the table's, on the table's last page (see `runUsersTableBench`). */
interface PeerRuns {
  /** Data to first rows painted on that page (ms), and its frame interval. */
  first: number;
  interval: number;
  toEnd?: ScrollStop;
  wheel?: TableScrollRun;
  /** The stop at the end, then the {@link STOPS} on the way. */
  stops: ScrollStop[];
  sorts: RoundTrip[];
  searches: RoundTrip[];
}

/**
 * @vaadin/grid over the same tenant, the same requests (the kit's client against the same
 * mock) and the same columns (bench/pages/vaadin-grid.html), measured the same way in the
 * same run; each of the table's figures is printed as a ratio of the grid's, with issue
 * 20's budget: the table no slower than vaadin-grid on any of them. Late frames are
 * compared as (table + 1) ÷ (grid + 1), so that none against none is 1. The grid's scrolls,
 * stops, sorts and searches are taken beforehand, each beside the table's (`peer`); here
 * its other first loads and its throttled figures.
 */
async function peerFigures(session: BrowserSession, peer: PeerRuns, ours: Compared): Promise<void> {
  // First rows: the median of as many loads as the table's (the one beside the table's runs among them).
  const firsts: number[] = [peer.first];
  for (let i = 0; i < LOADS - 1; i++) {
    const load = await openBenchPage(session.browser, session.pages, 'vaadin-grid.html');
    try {
      const f = await evaluate<FirstRows>(load.page, 'window.vaadinGrid.firstRows()');
      firsts.push(f.paintedAt - f.responseAt);
    } finally {
      await load.context.close();
    }
  }
  const slow = await throttledFigures(session, 'vaadin-grid.html', 'vaadinGrid', false);

  const theirs: Compared = {
    firstRows: median(firsts),
    dragLate: frameStats(peer.toEnd!.frames, peer.interval).late,
    wheelLate: frameStats(peer.wheel!.frames, peer.interval).late,
    stop: median(peer.stops.map((s) => s.stopToData)),
    sort: median(peer.sorts.map((r) => r.end - r.start)),
    search: median(peer.searches.map((r) => r.end - r.start)),
    throttledDragLate: slow.dragLate,
    throttledWheelLate: slow.wheelLate,
    dragCpu: slow.dragCpu,
    wheelCpu: slow.wheelCpu,
  };
  const rows: [keyof Compared, string, 'ms' | 'frames'][] = [
    ['firstRows', 'data to first rows painted', 'ms'],
    ['dragLate', `late frames dragging to the end (${SCROLL_FRAMES} frames)`, 'frames'],
    ['wheelLate', 'late frames at wheel speed (120 frames)', 'frames'],
    ['stop', `fast scroll stops (the end, then ${STOPS} on the way) → rows with data, painted`, 'ms'],
    ['sort', 'sort round trip', 'ms'],
    ['search', 'search round trip', 'ms'],
    ['throttledDragLate', `${CPU_SLOWDOWN}× CPU throttling: late frames dragging to the end`, 'frames'],
    ['throttledWheelLate', `${CPU_SLOWDOWN}× CPU throttling: late frames at wheel speed`, 'frames'],
    ['dragCpu', "main thread's CPU time a frame dragging to the end", 'ms'],
    ['wheelCpu', "main thread's CPU time a frame at wheel speed", 'ms'],
  ];
  for (const [key, name, unit] of rows) {
    const a = ours[key];
    const b = theirs[key];
    const ratio = unit === 'frames' ? (a + 1) / (b + 1) : a / b;
    record(SUITE, `${name}, the table ÷ vaadin-grid`, ratio, {
      unit: '×',
      // A ratio of two medians (first rows: 5 loads each; stops: 9 each and sorts: 5 each, in
      // pairs; searches: 9 each, in pairs; throttled late frames: 3 runs each), or of one run each.
      stat: /^(dragLate|wheelLate)$/.test(key) ? 'once' : 'median',
      runs:
        key === 'firstRows'
          ? LOADS
          : key === 'search'
            ? peer.searches.length
            : key === 'stop'
              ? peer.stops.length
              : key.startsWith('throttled') || key.endsWith('Cpu')
                ? THROTTLED_RUNS
                : 5,
      budget: 1,
      detail:
        unit === 'frames'
          ? `${a} against ${b} late frames`
          : `${a.toFixed(key.endsWith('Cpu') ? 2 : 1)} ms against ${b.toFixed(key.endsWith('Cpu') ? 2 : 1)} ms`,
    });
  }
}
