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
await startBrowserMock({ persistence: 'memory', quiet: true, scenario: 'generated-100k' });

let firstUsersResponse: number | undefined;
const client = new BillingClient({
  baseUrl: '/api/billing',
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

async function scroll(step: number, frames: number): Promise<ScrollRun & { framesWithoutData: number }> {
  const el = scroller();
  const from = el.scrollTop;
  const max = el.scrollHeight - el.clientHeight;
  const deltas: number[] = [];
  let maxRows = shadow.querySelectorAll('tr').length;
  let framesWithoutData = 0;
  let last = await nextFrame();
  for (let i = 1; i <= frames; i++) {
    el.scrollTop = Math.min(max, Math.max(0, Math.round(from + step * i)));
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
  async scrollToEnd(frames: number) {
    const el = scroller();
    const run = await scroll((el.scrollHeight - el.clientHeight - el.scrollTop) / frames, frames);
    const stoppedAt = performance.now();
    const filledAt = await paintedWhen(() => loadingRows() === 0, 10_000, 'the last rows');
    return { ...run, stopToData: filledAt - stoppedAt };
  },
  scrollBy: (step: number, frames: number) => scroll(step, frames),
  async scrollToTop(): Promise<void> {
    scroller().scrollTop = 0;
    await paintedWhen(() => firstRowText() !== '' && loadingRows() === 0, 10_000, 'the first row');
  },
  async sort(path: string): Promise<RoundTrip> {
    const sorter = [...grid.querySelectorAll<HTMLElement & { path?: string }>('vaadin-grid-sorter')].find(
      (s) => s.path === path,
    );
    if (!sorter) throw new Error(`no sorter for ${path}`);
    const start = performance.now();
    sorter.click();
    return roundTrip(start);
  },
  async search(q: string): Promise<RoundTrip> {
    const start = performance.now();
    query = q;
    grid.clearCache();
    return roundTrip(start);
  },
};

(window as unknown as BenchWindow).vaadinGrid = bench;
document.body.dataset['ready'] = 'true';
