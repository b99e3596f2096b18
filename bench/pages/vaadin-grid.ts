/**
 * Bench page: @vaadin/grid, the peer of `<billing-users-table>`, over the same data: the
 * browser mock's 100,000-person tenant, fetched a page at a time by a data provider through
 * the kit's own client (the same requests the table makes), with the same columns. Its
 * figures are taken like the table's (bench/users-table.bench.ts), so the bench can print
 * the table's as ratios of vaadin-grid's in the same run (issue 20).
 */
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-sort-column.js';
import { BillingClient } from '../../src/client/client.js';
import type { UserPage } from '../../src/client/client.js';
import { startBrowserMock } from '../../mocks/browser.js';
import type { BenchWindow, FirstRows, PeerGridBench, RoundTrip, ScrollRun } from './api.js';
import { LongTasks, nextFrame, paintedWhen } from './frames.js';

type User = UserPage['items'][number];
type Grid = HTMLElement & {
  size: number;
  pageSize: number;
  dataProvider: (
    params: { page: number; pageSize: number; sortOrders: { path: string; direction: 'asc' | 'desc' | null }[] },
    callback: (items: User[], size: number) => void,
  ) => void;
  clearCache(): void;
  $: { table: HTMLElement };
};

const longTasks = new LongTasks();
// `?api=<url>`: the mock served over HTTP by the bench, as for the table's page.
const api = new URLSearchParams(location.search).get('api');
if (!api) await startBrowserMock({ persistence: 'memory', quiet: true, scenario: 'generated-100k' });

let firstUsersResponse: number | undefined;
const client = new BillingClient({
  baseUrl: api ?? '/api/billing',
  fetch: async (request) => {
    const response = await fetch(request);
    if (firstUsersResponse === undefined && new URL(request.url).pathname.endsWith('/users')) {
      firstUsersResponse = performance.now();
    }
    return response;
  },
});
const month = (await client.getMe()).today.slice(0, 7);
let query = '';
let total = 0;
/** When the data provider last handed the grid a page. */
let answeredAt = 0;
/** The round trip `arm()` watches for (a sort or a search), until its new first row is painted. */
let armed: Promise<RoundTrip> | undefined;

const grid = document.querySelector('vaadin-grid') as unknown as Grid;
grid.pageSize = 50;
for (const [path, header] of [
  ['name', 'Name'],
  ['email', 'E-mail'],
  ['role', 'Role'],
  ['startDate', 'Start'],
  ['reason', 'Reason'],
]) {
  const column = document.createElement('vaadin-grid-sort-column');
  column.setAttribute('path', path!);
  column.setAttribute('header', header!);
  grid.append(column);
}
grid.dataProvider = (params, callback) => {
  const order = params.sortOrders.find((s) => s.direction);
  const sort = order ? `${order.direction === 'desc' ? '-' : ''}${order.path}` : 'name';
  void client
    .listUsers({
      month,
      billed: true,
      offset: params.page * params.pageSize,
      limit: params.pageSize,
      sort: sort as 'name',
      ...(query ? { q: query } : {}),
    })
    .then((page) => {
      total = page.total;
      answeredAt = performance.now();
      callback(page.items, page.total);
    });
};

const shadow = grid.shadowRoot!;
const scroller = (): HTMLElement => grid.$.table;
/** The text of the first body row's first cell (its content lives in the light DOM, slotted). */
function firstRowText(): string {
  const row = shadow.querySelector<HTMLElement>('#items tr:not([hidden])');
  if (!row || row.hasAttribute('loading')) return '';
  const slot = row.querySelector('slot');
  return (slot?.assignedElements()[0]?.textContent ?? '').trim();
}
/** Body rows in the DOM that wait for their data. */
const loadingRows = (): number => shadow.querySelectorAll('#items tr[loading]').length;

const firstRowPainted = paintedWhen(() => firstRowText() !== '', 60_000, 'the first row');
firstRowPainted.catch(() => undefined);

/**
 * Moves the grid's scroller by `step` once per animation frame, `frames` times, as the
 * table's page does (bench/pages/users-table.ts): with when the last step was set.
 */
async function scroll(
  step: number,
  frames: number,
): Promise<ScrollRun & { framesWithoutData: number; stoppedAt: number }> {
  const el = scroller();
  const from = el.scrollTop;
  const max = el.scrollHeight - el.clientHeight;
  const deltas: number[] = [];
  let maxRows = shadow.querySelectorAll('tr').length;
  let framesWithoutData = 0;
  let stoppedAt = performance.now();
  let last = await nextFrame();
  for (let i = 1; i <= frames; i++) {
    el.scrollTop = Math.min(max, Math.max(0, Math.round(from + step * i)));
    stoppedAt = performance.now();
    const now = await nextFrame();
    deltas.push(now - last);
    last = now;
    maxRows = Math.max(maxRows, shadow.querySelectorAll('tr').length);
    if (loadingRows() > 0) framesWithoutData++;
  }
  return {
    frames: deltas,
    maxRows,
    distance: el.scrollTop - from,
    reachedEnd: el.scrollTop >= max - 1,
    framesWithoutData,
    stoppedAt,
  };
}

/** From `start` to the frame that shows rows of a page answered after `start`, none loading, painted. */
async function roundTrip(start: number): Promise<RoundTrip> {
  const end = await paintedWhen(
    () => answeredAt > start && firstRowText() !== '' && loadingRows() === 0,
    30_000,
    'the new first row',
  );
  return { start, end, firstRow: firstRowText() };
}

const bench: PeerGridBench = {
  async firstRows(): Promise<FirstRows> {
    const paintedAt = await firstRowPainted;
    const responseAt = firstUsersResponse ?? NaN;
    const tasks = longTasks
      .since(responseAt - 50)
      .filter((t) => t.start + t.duration > responseAt && t.start < paintedAt)
      .map((t) => Math.round(t.duration));
    return { responseAt, renderedAt: NaN, paintedAt, total, longTasks: tasks };
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
  // Timed from the last step, as the table's are (not from the frame after it).
  async scrollToEnd(frames: number) {
    const el = scroller();
    const { stoppedAt, ...run } = await scroll((el.scrollHeight - el.clientHeight - el.scrollTop) / frames, frames);
    const filledAt = await paintedWhen(() => loadingRows() === 0, 10_000, 'the last rows');
    return { ...run, stopToData: filledAt - stoppedAt };
  },
  async scrollAndStop(step: number, frames: number) {
    const { stoppedAt, ...run } = await scroll(step, frames);
    const filledAt = await paintedWhen(() => loadingRows() === 0, 10_000, 'the rows in view');
    return { ...run, stopToData: filledAt - stoppedAt };
  },
  async scrollBy(step: number, frames: number) {
    const { stoppedAt: _, ...run } = await scroll(step, frames);
    return run;
  },
  async scrollToTop(): Promise<void> {
    scroller().scrollTop = 0;
    await paintedWhen(() => firstRowText() !== '' && loadingRows() === 0, 10_000, 'the first row');
  },
  arm(trigger: 'click' | 'enter'): void {
    const type = trigger === 'click' ? 'click' : 'keydown';
    armed = new Promise<number>((resolve) => {
      const onEvent = (e: Event): void => {
        if (trigger === 'enter' && (e as KeyboardEvent).key !== 'Enter') return;
        document.removeEventListener(type, onEvent, true);
        resolve(e.timeStamp);
      };
      document.addEventListener(type, onEvent, true);
    }).then(roundTrip);
  },
  result(): Promise<RoundTrip> {
    if (!armed) return Promise.reject(new Error('not armed'));
    return armed;
  },
};

// The search field: Enter filters by its text (the data provider asks again), as the table's does.
const searchField = document.querySelector('input')!;
searchField.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter') return;
  query = searchField.value.trim();
  grid.clearCache();
});

(window as unknown as BenchWindow).vaadinGrid = bench;
document.body.dataset['ready'] = 'true';
