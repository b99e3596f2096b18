/**
 * Bench page: `<billing-user-count-chart>` fed with `data` (no request), drawn with 31,
 * 1,100 and 3,650 daily points, and the same series drawn by the peers (uPlot, chart.js's
 * standard line chart) in the same run (bench/chart.bench.ts drives it).
 */
import type { AlignedData } from 'uplot';
import type { DailyUsage } from '../../src/client/client.js';
import type { BillingUserCountChart } from '../../src/components/user-count-chart/user-count-chart.js';
import type { BenchWindow, ChartBench, ChartRun, PeerKind } from './api.js';
import { afterNextPaint, changedAtFrame, LongTasks, paintedWhen } from './frames.js';

const longTasks = new LongTasks();
await import('../../src/define.js');
const box = document.getElementById('box')!;

/** `days` daily counts from 2017-01-01: a tenant growing from 400 to 1,000 people, with weekends. */
function series(days: number, seed = 1): DailyUsage {
  let state = seed;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const start = Date.UTC(2017, 0, 1);
  const out: DailyUsage['days'] = [];
  let peak = { count: -1, on: '' };
  for (let i = 0; i < days; i++) {
    const date = new Date(start + i * 86_400_000);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    const count = Math.round((400 + (600 * i) / days) * (weekend ? 0.35 : 0.9) + random() * 60);
    const iso = date.toISOString().slice(0, 10);
    out.push({ date: iso, count });
    if (count > peak.count) peak = { count, on: iso };
  }
  return { month: out[0]!.date.slice(0, 7), days: out, peak, includedUsers: 800, provisional: false };
}

function newChart(): BillingUserCountChart {
  const el = document.createElement('billing-user-count-chart');
  el.lang = 'en';
  return el;
}

/** Lets the long task observer deliver, and the page settle. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300));

/** Updates of a drawn chart measured in a run, each with new data. */
const UPDATES = 5;

/**
 * `UPDATES` updates of a drawn chart of `points` days, each with new data set at the start
 * of a frame and timed to that frame painted: their times, and their synchronous script runs.
 */
async function updates(
  points: number,
  update: (data: DailyUsage) => unknown,
): Promise<{ painted: number[]; script: number[] }> {
  const painted: number[] = [];
  const script: number[] = [];
  for (let i = 0; i < UPDATES; i++) {
    const data = series(points, 2 + i);
    const t = await changedAtFrame(() => update(data));
    painted.push(t.painted);
    script.push(t.script);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { painted, script };
}

const bench: ChartBench = {
  async warmUp(): Promise<void> {
    const el = newChart();
    el.data = series(31);
    box.append(el);
    await paintedWhen(() => el.chart !== undefined, 30_000, 'the first chart');
    el.remove();
    await settle();
  },

  async run(points: number): Promise<ChartRun> {
    const data = series(points, 1);
    await settle();
    const from = performance.now();

    // First render: a new element with its data, appended, until the chart is painted.
    const el = newChart();
    const t0 = performance.now();
    el.data = data;
    box.append(el);
    await el.updateComplete;
    const renderScript = performance.now() - t0; // still the same task: only microtasks ran
    const rendered = await paintedWhen(() => el.chart !== undefined, 30_000, 'the chart');
    await settle();

    // Updates: new data for the drawn chart.
    const updated = await updates(points, (next) => {
      el.data = next;
      return el.updateComplete;
    });
    await settle();

    const tasks = longTasks.since(from).map((t) => t.duration);
    el.remove();
    return {
      points,
      renderMs: rendered - t0,
      updateMs: updated.painted,
      renderScriptMs: renderScript,
      updateScriptMs: updated.script,
      longTasks: tasks,
    };
  },
};

/** The peers' charts of `days` points, drawn into a 960 × 320 box like the element's. */
type PeerChart = { update(days: DailyUsage): void; destroy(): void };

/**
 * The figures the element shows above its chart (the peak and its day, the included users,
 * the users over them), as a page around a chart library shows them: text, written again
 * with each update. Returns the update.
 */
function figuresAsText(holder: HTMLElement): (d: DailyUsage) => void {
  const list = document.createElement('dl');
  list.style.cssText = 'display: flex; flex-wrap: wrap; gap: 8px 24px; margin: 0 0 12px';
  const stat = (label: string): [HTMLElement, HTMLElement] => {
    const [item, term, value, small] = ['div', 'dt', 'dd', 'small'].map((tag) => document.createElement(tag));
    term!.textContent = label;
    value!.style.cssText = 'margin: 0; font-size: 1.5rem; font-weight: 600; font-variant-numeric: tabular-nums';
    value!.append('', small!);
    item!.append(term!, value!);
    list.append(item!);
    return [value!, small!];
  };
  const [peak, on] = stat('Peak');
  const [included] = stat('Included users');
  const [extra] = stat('Extra users');
  holder.append(list);
  const count = new Intl.NumberFormat('en');
  const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
  return (d) => {
    const level = d.includedUsers ?? 0;
    peak.firstChild!.textContent = `${count.format(d.peak!.count)} `;
    on.textContent = `on ${date.format(Date.parse(d.peak!.on))}`;
    included.firstChild!.textContent = count.format(level);
    extra.firstChild!.textContent = count.format(Math.max(0, d.peak!.count - level));
  };
}

async function peerChart(kind: PeerKind, data: DailyUsage): Promise<PeerChart> {
  const holder = document.createElement('div');
  holder.style.cssText = 'width: 960px; height: 320px';
  box.append(holder);
  const xs = (d: DailyUsage) => d.days.map((p) => Date.parse(p.date) / 1000);
  const ys = (d: DailyUsage) => d.days.map((p) => p.count);
  if (kind === 'uplot-line') {
    const { default: UPlot } = await import('uplot');
    const u = new UPlot(
      { width: 960, height: 320, series: [{}, { label: 'Users', stroke: '#2563eb', width: 2 }] },
      [xs(data), ys(data)],
      holder,
    );
    return {
      update: (d) => u.setData([xs(d), ys(d)]),
      destroy: () => (u.destroy(), holder.remove()),
    };
  }
  if (kind === 'uplot') {
    const { default: UPlot } = await import('uplot');
    // The element's picture: its figures as text above the chart; the daily line (a dot on
    // each day up to 62 days), the included users as a dashed level, the area of the days
    // above it filled, the peak marked.
    holder.style.height = '';
    const figures = figuresAsText(holder);
    figures(data);
    const columns = (d: DailyUsage): AlignedData => {
      const peak = d.days.findIndex((p) => p.date === d.peak!.on);
      return [xs(d), ys(d), d.days.map(() => d.includedUsers), d.days.map((p, i) => (i === peak ? p.count : null))];
    };
    const u = new UPlot(
      {
        width: 960,
        height: 320,
        series: [
          {},
          { label: 'Users', stroke: '#2563eb', width: 2, points: { show: data.days.length <= 62, size: 5 } },
          { label: 'Included', stroke: '#6b7280', width: 1.5, dash: [6, 4], points: { show: false } },
          {
            label: 'Peak',
            paths: () => null,
            points: { show: true, size: 12, width: 2, fill: '#d97706', stroke: '#ffffff' },
          },
        ],
        bands: [{ series: [1, 2], fill: 'rgba(217, 119, 6, 0.3)' }],
      },
      columns(data),
      holder,
    );
    return {
      update: (d) => {
        figures(d);
        u.setData(columns(d));
      },
      destroy: () => (u.destroy(), holder.remove()),
    };
  }
  // chart.js's standard line chart: the same registrations the element makes, defaults otherwise.
  const { Chart, LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler } =
    await import('chart.js');
  Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler);
  const canvas = document.createElement('canvas');
  holder.append(canvas);
  const chart = new Chart(canvas, {
    type: 'line',
    data: { labels: data.days.map((p) => p.date), datasets: [{ label: 'Users', data: ys(data), pointRadius: 0 }] },
    options: { animation: false, responsive: true, maintainAspectRatio: false },
  });
  return {
    update: (d) => {
      chart.data.labels = d.days.map((p) => p.date);
      chart.data.datasets[0]!.data = ys(d);
      chart.update('none');
    },
    destroy: () => (chart.destroy(), holder.remove()),
  };
}

bench.peer = async (kind: PeerKind, points: number): Promise<ChartRun> => {
  const data = series(points, 1);
  await settle();
  const from = performance.now();
  const t0 = performance.now();
  const chart = await peerChart(kind, data);
  const renderScript = performance.now() - t0;
  const rendered = await afterNextPaint();
  await settle();
  const updated = await updates(points, (next) => chart.update(next));
  await settle();
  const tasks = longTasks.since(from).map((t) => t.duration);
  chart.destroy();
  return {
    points,
    renderMs: rendered - t0,
    updateMs: updated.painted,
    renderScriptMs: renderScript,
    updateScriptMs: updated.script,
    longTasks: tasks,
  };
};

(window as unknown as BenchWindow).chart = bench;
document.body.dataset['ready'] = 'true';
