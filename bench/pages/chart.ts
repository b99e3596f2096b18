/**
 * Bench page: `<billing-user-count-chart>` fed with `data` (no request), drawn with 1,100
 * and 3,650 daily points (bench/chart.bench.ts drives it).
 */
import type { DailyUsage } from '../../src/client/client.js';
import type { BillingUserCountChart } from '../../src/components/user-count-chart/user-count-chart.js';
import type { BenchWindow, ChartBench, ChartRun } from './api.js';
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

(window as unknown as BenchWindow).chart = bench;
document.body.dataset['ready'] = 'true';
