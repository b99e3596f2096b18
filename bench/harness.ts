/**
 * A small benchmark harness: runs a function a number of times after a warm-up and
 * reports the median and the 95th percentile, or records a figure measured elsewhere (a
 * bundle's size, a time measured in the browser). Figures are printed beside their budget
 * and their change against the baseline; a broken budget makes the run exit non-zero.
 * Timings belong here, never in tests.
 */
import { performance } from 'node:perf_hooks';

/** `×`: a ratio to a peer measured in the same run (1 = as fast as the peer). */
export type Unit = 'ms' | 'kB' | 'rows' | 'modules' | '×';

export interface Figure {
  suite: string;
  name: string;
  /** In `unit` (milliseconds unless it says otherwise). */
  value: number;
  unit: Unit;
  /** How `value` was taken from the runs: their median, 95th percentile, or maximum; `once` for a single run. */
  stat: 'median' | 'p95' | 'max' | 'once' | 'gzip';
  /** The figure may not exceed this (same unit). */
  budget?: number;
  runs: number;
  /** Further detail, printed beside the figure. */
  detail?: string;
  /** The same figure in the baseline, and the change against it in percent. */
  baseline?: number;
  change?: number;
}

export interface MeasureOptions {
  runs?: number;
  warmup?: number;
  budget?: number;
  /** Prepares fresh input for each run, outside the timed part. */
  setup?: () => unknown;
}

export interface RecordOptions {
  unit?: Unit;
  stat: Figure['stat'];
  budget?: number;
  runs?: number;
  detail?: string;
}

const figures: Figure[] = [];
const failures: string[] = [];
let baseline = new Map<string, number>();

const keyOf = (f: Pick<Figure, 'suite' | 'name'>): string => `${f.suite} › ${f.name}`;

export function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** The figures to compare with (a previous run's `figures`); figures are matched by suite and name. */
export function setBaseline(previous: readonly Pick<Figure, 'suite' | 'name' | 'value'>[]): void {
  baseline = new Map(previous.map((f) => [keyOf(f), f.value]));
}

/** Prints a suite's heading. */
export function section(title: string): void {
  console.log(`\n${title}`);
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
  return add(
    {
      suite,
      name,
      value: percentile(times, 50),
      unit: 'ms',
      stat: 'median',
      runs,
      ...(options.budget !== undefined ? { budget: options.budget } : {}),
    },
    `p95 ${percentile(times, 95).toFixed(2)} ms`,
  );
}

/** Times `fn` once (for things too slow or stateful to repeat). */
export function once(suite: string, name: string, fn: () => unknown, budget?: number): Figure {
  const t0 = performance.now();
  fn();
  return add({
    suite,
    name,
    value: performance.now() - t0,
    unit: 'ms',
    stat: 'once',
    runs: 1,
    ...(budget !== undefined ? { budget } : {}),
  });
}

/** Records a figure measured elsewhere (a bundle's size, a time taken in the browser). */
export function record(suite: string, name: string, value: number, options: RecordOptions): Figure {
  return add({
    suite,
    name,
    value,
    unit: options.unit ?? 'ms',
    stat: options.stat,
    runs: options.runs ?? 1,
    ...(options.budget !== undefined ? { budget: options.budget } : {}),
    ...(options.detail ? { detail: options.detail } : {}),
  });
}

/** Notes a suite that could not run: the run fails, like a broken budget. */
export function fail(suite: string, error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  failures.push(`${suite}: ${message.split('\n')[0]}`);
  console.log(` FAIL  ${suite} could not run: ${message}`);
}

export function format(value: number, unit: Unit): string {
  if (unit === 'kB') return `${value.toFixed(1)} kB`;
  if (unit === 'rows' || unit === 'modules') return `${Math.round(value)} ${unit}`;
  if (unit === '×') return `${value.toFixed(2)}×`;
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

function add(f: Figure, extra?: string): Figure {
  const before = baseline.get(keyOf(f));
  if (before !== undefined) {
    f.baseline = before;
    if (before > 0) f.change = ((f.value - before) / before) * 100;
  }
  figures.push(f);
  const verdict = f.budget === undefined ? '      ' : f.value <= f.budget ? '  ok  ' : ' OVER ';
  const stat = f.stat === 'once' || f.stat === 'gzip' ? f.stat : `${f.stat} of ${f.runs}`;
  const details = [extra, f.detail].filter(Boolean).join('; ');
  const budget = f.budget === undefined ? '' : `  budget ${format(f.budget, f.unit)}`;
  const change =
    f.change !== undefined
      ? `  ${f.change >= 0 ? '+' : '-'}${Math.abs(f.change).toFixed(0)}% vs baseline`
      : before !== undefined
        ? '  (baseline 0)'
        : '';
  console.log(
    `${verdict} ${f.suite} › ${f.name}: ${format(f.value, f.unit)} ${stat}${details ? ` (${details})` : ''}${budget}${change}`,
  );
  return f;
}

export function allFigures(): readonly Figure[] {
  return figures;
}

/** The figures over their budget. */
export function brokenBudgets(): Figure[] {
  return figures.filter((f) => f.budget !== undefined && f.value > f.budget);
}

/** The suites that could not run. */
export function failedSuites(): readonly string[] {
  return failures;
}
