/**
 * A small benchmark harness: runs a function a number of times after a warm-up and
 * reports the median and the 95th percentile. Figures are printed beside their budget;
 * a broken budget makes the run exit non-zero. Timings belong here, never in tests.
 */
import { performance } from 'node:perf_hooks';

export interface Figure {
  suite: string;
  name: string;
  /** Milliseconds (median unless `stat` says otherwise). */
  value: number;
  stat: 'median' | 'p95' | 'once';
  budget?: number;
  runs: number;
}

export interface MeasureOptions {
  runs?: number;
  warmup?: number;
  budget?: number;
  /** Prepares fresh input for each run, outside the timed part. */
  setup?: () => unknown;
}

const figures: Figure[] = [];

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

/** Times `fn` and records its median. */
export function measure<T>(
  suite: string,
  name: string,
  fn: (input: T) => unknown,
  options: MeasureOptions = {},
): Figure {
  const runs = options.runs ?? 15;
  const warmup = options.warmup ?? 3;
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const input = options.setup?.() as T;
    const t0 = performance.now();
    fn(input);
    const dt = performance.now() - t0;
    if (i >= warmup) times.push(dt);
  }
  times.sort((a, b) => a - b);
  const figure: Figure = {
    suite,
    name,
    value: percentile(times, 50),
    stat: 'median',
    runs,
    ...(options.budget !== undefined ? { budget: options.budget } : {}),
  };
  report(figure, percentile(times, 95));
  return figure;
}

/** Times `fn` once (for things too slow or stateful to repeat). */
export function once(suite: string, name: string, fn: () => unknown, budget?: number): Figure {
  const t0 = performance.now();
  fn();
  const figure: Figure = {
    suite,
    name,
    value: performance.now() - t0,
    stat: 'once',
    runs: 1,
    ...(budget !== undefined ? { budget } : {}),
  };
  report(figure);
  return figure;
}

function report(f: Figure, p95?: number): void {
  figures.push(f);
  const verdict = f.budget === undefined ? '      ' : f.value <= f.budget ? '  ok  ' : ' OVER ';
  const budget = f.budget === undefined ? '' : `budget ${f.budget} ms`;
  const extra = p95 === undefined ? '' : ` (p95 ${p95.toFixed(2)} ms, ${f.runs} runs)`;
  console.log(`${verdict} ${f.suite} › ${f.name}: ${f.value.toFixed(2)} ms ${f.stat}${extra}  ${budget}`.trimEnd());
}

export function allFigures(): readonly Figure[] {
  return figures;
}

/** The figures over their budget. */
export function brokenBudgets(): Figure[] {
  return figures.filter((f) => f.budget !== undefined && f.value > f.budget);
}
