/**
 * Bench page: `<billing-users-table>` against the browser mock with the generated
 * 100,000-person tenant (bench/users-table.bench.ts drives it).
 */
import { startWorker } from '../../mocks/browser.js';
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

await startWorker({ persistence: 'memory', quiet: true, scenario: 'generated-100k' });
await import('../../src/define.js');

const table = document.querySelector('billing-users-table')!;
await table.updateComplete;
const root = table.shadowRoot!;

const scroller = (): HTMLElement | null => root.querySelector<HTMLElement>('.scroller');
const firstRow = (): HTMLElement | null => root.querySelector<HTMLElement>('tbody tr.row[data-index="0"]');
const loading = (): boolean => root.querySelector('.state.loading') !== null;

// Sees the loading state of a new query even when it lasts less than a frame.
let sawLoading = false;
new MutationObserver(() => {
  if (loading()) sawLoading = true;
  if (firstRowInserted === undefined && firstRow()) firstRowInserted = performance.now();
}).observe(root, { childList: true, subtree: true });

let armed: Promise<RoundTrip> | undefined;

/** Moves `el.scrollTop` by `step` once per animation frame, `frames` times, noting each frame's duration. */
async function scroll(el: HTMLElement, step: number, frames: number): Promise<ScrollRun> {
  const from = el.scrollTop;
  const deltas: number[] = [];
  let maxRows = root.querySelectorAll('tr').length;
  let last = await nextFrame();
  for (let i = 1; i <= frames; i++) {
    el.scrollTop = Math.round(from + step * i);
    const now = await nextFrame();
    deltas.push(now - last);
    last = now;
    maxRows = Math.max(maxRows, root.querySelectorAll('tr').length);
  }
  return { frames: deltas, maxRows, distance: el.scrollTop - from, reachedEnd: false };
}

const bench: UsersTableBench = {
  async firstRows(): Promise<FirstRows> {
    const paintedAt = await paintedWhen(() => firstRow() !== null, 60_000, 'the first row');
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

  async scrollToEnd(frames: number): Promise<ScrollRun> {
    const el = scroller();
    if (!el) throw new Error('no table to scroll');
    const distance = el.scrollHeight - el.clientHeight - el.scrollTop;
    const run = await scroll(el, distance / frames, frames);
    // The last rows arrive after the last step: let them render, and count the rows then too.
    const lastIndex = Number(root.querySelector('table')?.getAttribute('aria-rowcount') ?? 1) - 2;
    await paintedWhen(() => root.querySelector(`tr.row[data-index="${lastIndex}"]`) !== null, 10_000, 'the last row');
    run.maxRows = Math.max(run.maxRows, root.querySelectorAll('tr').length);
    run.reachedEnd = el.scrollTop >= el.scrollHeight - el.clientHeight - 1;
    return run;
  },

  async scrollBy(step: number, frames: number): Promise<ScrollRun> {
    const el = scroller();
    if (!el) throw new Error('no table to scroll');
    return scroll(el, step, frames);
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
