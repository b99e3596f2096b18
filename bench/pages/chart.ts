/**
 * Bench page: `<billing-user-count-chart>` fed with `data` (no request), drawn with 31,
 * 1,100 and 3,650 daily points, and the same series drawn by the peers (uPlot, chart.js's
 * standard line chart) in the same run (bench/chart.bench.ts drives it).
 */
import type { DailyUsage } from '../../src/client/client.js';
import type { BillingUserCountChart } from '../../src/components/user-count-chart/user-count-chart.js';
import type { BenchWindow, ChartBench, ChartRun, PeerKind } from './api.js';
import { afterNextPaint, LongTasks, paintedWhen } from './frames.js';

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
    const next = series(points, 2);
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

    // Update: new data for the drawn chart.
    const t1 = performance.now();
    el.data = next;
    await el.updateComplete;
    const updateScript = performance.now() - t1;
    const updated = await afterNextPaint();
    await settle();

    const tasks = longTasks.since(from).map((t) => t.duration);
    el.remove();
    return {
      points,
      renderMs: rendered - t0,
      updateMs: updated - t1,
      renderScriptMs: renderScript,
      updateScriptMs: updateScript,
      longTasks: tasks,
    };
  },
};

/** The peers' charts of `days` points, drawn into a 960 × 320 box like the element's. */
type PeerChart = { update(days: DailyUsage): void; destroy(): void };

async function peerChart(kind: PeerKind, data: DailyUsage): Promise<PeerChart> {
  const holder = document.createElement('div');
  holder.style.cssText = 'width: 960px; height: 320px';
  box.append(holder);
  const xs = (d: DailyUsage) => d.days.map((p) => Date.parse(p.date) / 1000);
  const ys = (d: DailyUsage) => d.days.map((p) => p.count);
  if (kind === 'uplot') {
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
  const next = series(points, 2);
  await settle();
  const from = performance.now();
  const t0 = performance.now();
  const chart = await peerChart(kind, data);
  const renderScript = performance.now() - t0;
  const rendered = await afterNextPaint();
  await settle();
  const t1 = performance.now();
  chart.update(next);
  const updateScript = performance.now() - t1;
  const updated = await afterNextPaint();
  await settle();
  const tasks = longTasks.since(from).map((t) => t.duration);
  chart.destroy();
  return {
    points,
    renderMs: rendered - t0,
    updateMs: updated - t1,
    renderScriptMs: renderScript,
    updateScriptMs: updateScript,
    longTasks: tasks,
  };
};

(window as unknown as BenchWindow).chart = bench;
document.body.dataset['ready'] = 'true';
