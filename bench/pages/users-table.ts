/**
 * Bench page: `<billing-users-table>` against the browser mock with the generated
 * 100,000-person tenant, or (`?api=<url>`) the same tenant from the mock served over HTTP
 * (bench/users-table.bench.ts drives it).
 *
 * The table shows placeholder rows (`tr.placeholder`, no data) for rows not loaded yet,
 * and fetches them once the scroll slows or stops. So besides frame times, every scroll
 * here also counts the frames whose rows in view showed no data, and a stop is timed
 * until the rows in view show data: a table that stayed smooth by never filling in its
 * rows would show up there, not pass.
 */
import { startBrowserMock } from '../../mocks/browser.js';
import type { BenchWindow, FirstRows, RoundTrip, ScrollRun, UsersTableBench } from './api.js';
import { LongTasks, nextFrame, paintedWhen } from './frames.js';

const longTasks = new LongTasks();
let firstUsersResponse: number | undefined;
let firstRowInserted: number | undefined;

// The host's fetch (the provider's `fetch` property) marks when the first users page arrives.
// Set before the tag is defined, so the provider's first requests already use it.
const provider = document.querySelector('billing-provider') as HTMLElement & {
  fetch?: (request: Request) => Promise<Response>;
};
provider.fetch = async (request) => {
  const response = await fetch(request);
  if (firstUsersResponse === undefined && new URL(request.url).pathname.endsWith('/users')) {
    firstUsersResponse = performance.now();
  }
  return response;
};

// `?api=<url>`: the mock backend served over HTTP by the bench (a backend outside the page,
// as a host's is: the throttled figures); else the browser mock, in this page.
const api = new URLSearchParams(location.search).get('api');
if (api) provider.setAttribute('base-url', api);
else await startBrowserMock({ persistence: 'memory', quiet: true, scenario: 'generated-100k' });
await import('../../src/define.js');

const table = document.querySelector('billing-users-table')!;
await table.updateComplete;
const root = table.shadowRoot!;

const scroller = (): HTMLElement | null => root.querySelector<HTMLElement>('.scroller');
const firstRow = (): HTMLElement | null => root.querySelector<HTMLElement>('tbody tr.row[data-index="0"]');
/** A new query's rows are on their way: the loading state, or (a sort, search or tab change) the last rows kept, marked stale. */
const loading = (): boolean => root.querySelector('.state.loading, table.stale') !== null;

// Watched from the start, every frame: the first frame with a row is timed whenever it comes,
// not from when Playwright's call to `firstRows()` reaches a main thread busy with the mock.
const firstRowPainted = paintedWhen(() => firstRow() !== null, 60_000, 'the first row');
firstRowPainted.catch(() => undefined); // reported by firstRows()

// Sees the loading state of a new query even when it lasts less than a frame. Not while
// the page scrolls: each row's class change would run its queries inside the measured frames.
let sawLoading = false;
const watcher = new MutationObserver(() => {
  if (loading()) sawLoading = true;
  if (firstRowInserted === undefined && firstRow()) firstRowInserted = performance.now();
});
const watch = (): void =>
  watcher.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
watch();

let armed: Promise<RoundTrip> | undefined;

/** A scroll, with what it looked like. */
export interface TableScrollRun extends ScrollRun {
  /** Frames in which a row in view showed no data (a placeholder, or blank space). */
  framesWithoutData: number;
}

/** A fast scroll that stops: frames, and how long until the rows in view show data. */
export interface ScrollStop extends TableScrollRun {
  /** From the last scroll step to the first frame whose rows in view all show data, painted, ms. */
  stopToData: number;
}

/** Row and header heights, and the height of the scroller's view (read once, outside the timed frames). */
function geometry(el: HTMLElement): { row: number; head: number; view: number } {
  const row = root.querySelector<HTMLElement>('tbody tr[data-index]')?.offsetHeight || 44;
  const head = root.querySelector<HTMLElement>('thead')?.offsetHeight ?? 0;
  return { row, head, view: el.clientHeight - head };
}

/**
 * True when every row in view at scroll position `top` is in the DOM and shows data (not a
 * placeholder, not blank space). Reads only the DOM's classes and indices, no layout, and
 * walks the tree once (not a query per row), so checking it every frame changes the frame
 * as little as it can.
 */
function dataInView(top: number, g: { row: number; view: number }): boolean {
  const total = Number(root.querySelector('table')?.getAttribute('aria-rowcount') ?? 1) - 1;
  const first = Math.floor(top / g.row);
  const last = Math.min(total - 1, Math.floor((top + g.view - 1) / g.row));
  const withData = new Set<number>();
  for (const tr of root.querySelectorAll<HTMLElement>('tbody tr.row')) withData.add(Number(tr.dataset['index']));
  for (let i = first; i <= last; i++) if (!withData.has(i)) return false;
  return true;
}

/** Every row in view at the current scroll position shows data. */
function viewFilled(el: HTMLElement, g: { row: number; view: number }): boolean {
  return dataInView(el.scrollTop, g);
}

/**
 * Moves `el.scrollTop` by `step` once per animation frame, `frames` times, noting each
 * frame's duration and whether the rows it showed in view all had data. The check
 * runs at the start of the next frame, on the DOM the last frame painted, against the
 * position that frame painted.
 */
async function scroll(el: HTMLElement, step: number, frames: number): Promise<TableScrollRun & { stoppedAt: number }> {
  const g = geometry(el);
  const from = el.scrollTop;
  const max = el.scrollHeight - el.clientHeight;
  const deltas: number[] = [];
  watcher.disconnect();
  let maxRows = root.querySelectorAll('tr').length;
  let framesWithoutData = 0;
  let stoppedAt = performance.now();
  let last = await nextFrame();
  for (let i = 1; i <= frames; i++) {
    const top = Math.min(max, Math.max(0, Math.round(from + step * i)));
    el.scrollTop = top;
    stoppedAt = performance.now();
    const now = await nextFrame();
    deltas.push(now - last);
    last = now;
    maxRows = Math.max(maxRows, root.querySelectorAll('tr').length);
    if (!dataInView(top, g)) framesWithoutData++;
  }
  watch();
  return { frames: deltas, maxRows, distance: el.scrollTop - from, reachedEnd: false, framesWithoutData, stoppedAt };
}

const bench: UsersTableBench & { scrollAndStop(step: number, frames: number): Promise<ScrollStop> } = {
  async firstRows(): Promise<FirstRows> {
    const paintedAt = await firstRowPainted;
    const total = Number(root.querySelector('table')?.getAttribute('aria-rowcount') ?? 1) - 1;
    const responseAt = firstUsersResponse ?? NaN;
    const longTasksAfterResponse = longTasks
      .since(responseAt - 50)
      .filter((t) => t.start + t.duration > responseAt && t.start < paintedAt)
      .map((t) => Math.round(t.duration));
    return { responseAt, renderedAt: firstRowInserted ?? NaN, paintedAt, total, longTasks: longTasksAfterResponse };
  },

  async idleFrames(count: number): Promise<number[]> {
    const deltas: number[] = [];
    let last = await nextFrame();
    for (let i = 0; i < count; i++) {
      const now = await nextFrame();
      deltas.push(now - last);
      last = now;
    }
    return deltas;
  },

  async scrollToEnd(frames: number): Promise<ScrollStop> {
    const el = scroller();
    if (!el) throw new Error('no table to scroll');
    const distance = el.scrollHeight - el.clientHeight - el.scrollTop;
    const { stoppedAt, ...run } = await scroll(el, distance / frames, frames);
    // The last rows arrive after the last step: time them, and count the rows then too.
    const g = geometry(el);
    const lastIndex = Number(root.querySelector('table')?.getAttribute('aria-rowcount') ?? 1) - 2;
    const filledAt = await paintedWhen(
      () => viewFilled(el, g) && root.querySelector(`tr.row[data-index="${lastIndex}"]`) !== null,
      10_000,
      'the last rows',
    );
    run.maxRows = Math.max(run.maxRows, root.querySelectorAll('tr').length);
    run.reachedEnd = el.scrollTop >= el.scrollHeight - el.clientHeight - 1;
    return { ...run, stopToData: filledAt - stoppedAt };
  },

  async scrollAndStop(step: number, frames: number): Promise<ScrollStop> {
    const el = scroller();
    if (!el) throw new Error('no table to scroll');
    const { stoppedAt, ...run } = await scroll(el, step, frames);
    const g = geometry(el);
    const filledAt = await paintedWhen(() => viewFilled(el, g), 10_000, 'the rows in view');
    return { ...run, stopToData: filledAt - stoppedAt };
  },

  async scrollBy(step: number, frames: number): Promise<TableScrollRun> {
    const el = scroller();
    if (!el) throw new Error('no table to scroll');
    const { stoppedAt: _stoppedAt, ...run } = await scroll(el, step, frames);
    return run;
  },

  async scrollToTop(): Promise<void> {
    const el = scroller();
    if (el) el.scrollTop = 0;
    await paintedWhen(() => firstRow() !== null, 10_000, 'the first row');
  },

  arm(trigger): void {
    sawLoading = false;
    let start = NaN;
    const type = trigger === 'click' ? 'click' : trigger === 'enter' ? 'keydown' : 'input';
    const onEvent = (e: Event): void => {
      if (trigger === 'enter' && (e as KeyboardEvent).key !== 'Enter') return;
      start = e.timeStamp;
      if (trigger !== 'input') root.removeEventListener(type, onEvent, true);
    };
    root.addEventListener(type, onEvent, true);
    armed = paintedWhen(
      () => sawLoading && !loading() && firstRow() !== null && !Number.isNaN(start),
      30_000,
      'the new first row',
    ).then((end) => {
      root.removeEventListener(type, onEvent, true);
      return { start, end, firstRow: firstRow()?.textContent?.replace(/\s+/g, ' ').trim() ?? '' };
    });
  },

  result(): Promise<RoundTrip> {
    if (!armed) return Promise.reject(new Error('not armed'));
    return armed;
  },
};

(window as unknown as BenchWindow).usersTable = bench;
document.body.dataset['ready'] = 'true';
