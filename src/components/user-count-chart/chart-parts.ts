/**
 * How `<billing-user-count-chart>` draws with chart.js. The element imports this module
 * dynamically when it is connected, so chart.js stays out of the kit's main chunk; named imports
 * let bundlers leave every part of chart.js out that is not named here.
 *
 * chart.js lays out and draws the axes, ticks and grid (its linear scale), sizes the
 * canvas for the screen's pixel ratio and redraws on resize. The series are drawn by a
 * small dataset controller of the kit's own (a documented chart.js extension point): a
 * line, a dashed or stepped line, dots, bars and a marker are a few canvas calls each,
 * while chart.js's line and bar controllers with their elements would weigh about 5.5 kB
 * gzip of the chart's 60 kB budget.
 *
 * New figures update the chart in place (see `Plot`), drawing the same pixels as a new
 * chart would.
 */
import { Chart, DatasetController, Element, LinearScale, type ChartConfiguration, type Scale } from 'chart.js';
import { _addGrace } from 'chart.js/helpers';
import type { DailyUsage, MonthUsage } from '../../client/client.js';
import type { MessageKey } from '../../i18n/index.js';
import type { Drawing } from './chart-canvas.js';

/** A point of a series as drawn (chart.js does not parse it); `y: null` is a gap. */
export interface Point {
  x: number;
  y: number | null;
  /** A bar's own colour and opacity, and whether it is outlined. */
  color?: string;
  alpha?: number;
  outline?: boolean;
}

/**
 * A series: by default a line (2 px, solid, straight from point to point); or bars
 * centred on their points, from zero; or a diamond marker on each point.
 */
export interface Series {
  label: string;
  data: Point[];
  color: string;
  kind?: 'bars' | 'marker';
  width?: number;
  dashed?: boolean;
  /** Each point a horizontal step, half a unit either side of it. */
  steps?: boolean;
  /** A dot of this radius on each point. */
  dots?: number;
  /** The area between the line and `level`, above `level`, is filled with `color`. */
  above?: { level: number; color: string };
  /** The marker's outline. */
  outline?: string;
}

/** The theme's colours in force, as canvas colours, its font, and the element's writing direction. */
export interface Palette {
  accent: string;
  text: string;
  muted: string;
  border: string;
  surface: string;
  warning: string;
  danger: string;
  font: string;
  /** Right to left: time runs from right to left, the counts' axis on the right. */
  rtl: boolean;
}

/** What to draw: a month's days, or a year's months (of which `shown` have figures). */
export type Figures = {
  locale: string;
  palette: Palette;
  /** The element's words. */
  t: (key: MessageKey) => string;
  /** Licenses held (prepaid plans) from a day to a day: the current period's, drawn over it. */
  held?: [count: number, from: string, to: string];
} & (
  | {
      daily: DailyUsage;
      /** Users above the included users at the peak: the peak is marked as a danger. */
      extra: boolean;
    }
  | {
      months: MonthUsage[];
      shown: MonthUsage[];
      /** What the billed count is called under the year's model. */
      billed: MessageKey;
    }
);

/** Up to this many days, each day's point is drawn as a dot and each day has a tick. */
const DOTS_UP_TO = 62;
const DAY = 86_400_000;

/** Date formats by locale and options: making one takes longer than drawing a month. */
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

function utc(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d ?? 1);
}

const TYPE = 'billing-series';

/** What chart.js keeps per point (its position); the controller draws the points itself. */
class Mark extends Element {
  static id = 'billing-mark';
  static override defaults = {};
}

/** Segments of a line stroked at once (see `SeriesController`). */
const PIECE = 128;

/** The points of `run` (x, y pairs) from `from` to `to`, as a line added to `path`. */
function trace(run: number[], from: number, to: number, path = new Path2D()): Path2D {
  for (let i = from; i < to; i += 2) path[i > from ? 'lineTo' : 'moveTo'](run[i]!, run[i + 1]!);
  return path;
}

/** Draws one `Series` (the dataset) on the chart's canvas. */
class SeriesController extends DatasetController {
  static id = TYPE;
  static defaults = { dataElementType: Mark.id };

  override draw(): void {
    const { ctx, chartArea: area } = this.chart;
    const { xScale, yScale } = this.getMeta();
    const s = this.getDataset() as unknown as Series;
    const x = (v: number): number => xScale!.getPixelForValue(v);
    const y = (v: number): number => yScale!.getPixelForValue(v);
    const points = s.data.filter((p): p is Point & { y: number } => p.y !== null);
    ctx.save();
    ctx.fillStyle = ctx.strokeStyle = s.color;
    ctx.lineWidth = s.width ?? 2;
    ctx.setLineDash(s.dashed ? [6, 4] : []);
    if (s.kind === 'bars') {
      const width = Math.min(48, (x(1) - x(0)) * 0.72);
      for (const p of points) {
        const top = y(p.y);
        ctx.beginPath();
        ctx.roundRect(x(p.x) - width / 2, top, width, y(0) - top, [3, 3, 0, 0]);
        ctx.fillStyle = ctx.strokeStyle = p.color ?? s.color;
        ctx.globalAlpha = p.alpha ?? 1;
        ctx.fill();
        ctx.globalAlpha = 1;
        if (p.outline) ctx.stroke();
      }
    } else if (s.kind === 'marker') {
      ctx.strokeStyle = s.outline ?? s.color;
      for (const p of points) {
        const [px, py, r] = [x(p.x), y(p.y), 7];
        ctx.beginPath();
        ctx.moveTo(px, py - r);
        ctx.lineTo(px + r, py);
        ctx.lineTo(px, py + r);
        ctx.lineTo(px - r, py);
        ctx.closePath();
        ctx.fill();
        ctx.stroke();
      }
    } else {
      // The line, broken at gaps: its runs of points, as x, y pairs.
      const runs: number[][] = [];
      let run: number[] | undefined;
      for (const p of s.data) {
        if (p.y === null) {
          run = undefined;
          continue;
        }
        if (!run) runs.push((run = []));
        const py = y(p.y);
        run.push(x(s.steps ? p.x - 0.5 : p.x), py);
        if (s.steps) run.push(x(p.x + 0.5), py);
      }
      const line = new Path2D();
      for (const r of runs) trace(r, 0, r.length, line);
      if (s.above && points.length) {
        // Closed along the level, and clipped to what lies above it.
        const level = y(s.above.level);
        const fill = new Path2D(line);
        fill.lineTo(x(points.at(-1)!.x), level);
        fill.lineTo(x(points[0]!.x), level);
        ctx.save();
        ctx.beginPath();
        ctx.rect(area.left, area.top, area.width, level - area.top);
        ctx.clip();
        ctx.globalAlpha = 0.3;
        ctx.fillStyle = s.above.color;
        ctx.fill(fill);
        ctx.restore();
      }
      if (runs.reduce((n, r) => n + r.length, 0) <= 2 * PIECE) {
        ctx.stroke(line);
      } else {
        // A long line is stroked in pieces of PIECE segments, each overlapping the next by
        // one (so every join is drawn): the browser rasterises one line of 3,650 points
        // (its outline crossing itself at every week) about twice as slowly.
        for (const r of runs) {
          for (let i = 0; i < r.length - 2; i += 2 * PIECE)
            ctx.stroke(trace(r, i, Math.min(r.length, i + 2 * PIECE + 4)));
        }
      }
      if (s.dots) {
        for (const p of points) {
          ctx.beginPath();
          ctx.arc(x(p.x), y(p.y), s.dots, 0, 2 * Math.PI);
          ctx.fill();
        }
      }
    }
    ctx.restore();
  }
}

/** The series and the x axis of the figures: its ends, a tick on every value, the ticks' words, and what they depend on. */
function seriesOf(f: Figures): [Series[], number, number, boolean, (value: number) => string, string] {
  const p = f.palette;
  const { t } = f;
  const dashed = { label: t('chart.series.included'), color: p.muted, width: 1.5, dashed: true };
  const [licenses = 0, from = '', to = ''] = f.held ?? [];
  const held = { ...dashed, label: t('chart.series.held') };
  if ('daily' in f) {
    const { days, includedUsers: level, month } = f.daily;
    const n = days.length;
    const first = utc(days[0]!.date);
    // The open month's axis runs to the month's last day: the days still to come stay empty.
    const span =
      days[0]!.date === `${month}-01` && n <= 31 ? Math.max(n, 32 - new Date(first + 31 * DAY).getUTCDate()) : n;
    const [a, b] = [days[0]!.date, days.at(-1)!.date];
    const format = dateFormat(f.locale, {
      timeZone: 'UTC',
      ...(a.slice(0, 7) === b.slice(0, 7)
        ? { day: 'numeric' }
        : a.slice(0, 4) === b.slice(0, 4) || n <= 366
          ? { day: 'numeric', month: 'short' }
          : { month: 'short', year: 'numeric' }),
    });
    const series: Series[] = [
      {
        label: t('chart.series.peak'),
        data: [{ x: days.findIndex((d) => d.date === f.daily.peak!.on), y: f.daily.peak!.count }],
        color: f.extra ? p.danger : p.warning,
        kind: 'marker',
        outline: p.surface,
      },
      {
        label: t('chart.series.daily'),
        data: days.map((d, i) => ({ x: i, y: d.count })),
        color: p.accent,
        dots: n > DOTS_UP_TO ? 0 : 2.5,
        above: level === null ? undefined : { level, color: p.warning },
      },
    ];
    if (level !== null) {
      series.push({
        ...dashed,
        data: [
          { x: 0, y: level },
          { x: span - 1, y: level },
        ],
      });
    }
    // The licenses over the days of the period on the axis.
    const [x0, x1] = [from, to].map((d) => (utc(d) - first) / DAY) as [number, number];
    if (f.held && x1 >= 0 && x0 <= span - 1) {
      series.push({
        ...held,
        data: [
          { x: Math.max(0, x0), y: licenses },
          { x: Math.min(span - 1, x1), y: licenses },
        ],
      });
    }
    return [series, 0, span - 1, span <= DOTS_UP_TO, (i) => format.format(first + i * DAY), `${a} ${b} ${n} ${span}`];
  }
  const { months, shown } = f;
  const points = (value: (m: MonthUsage) => number | null): Point[] =>
    months.map((m, i) => ({ x: i, y: shown.includes(m) ? value(m) : null }));
  const format = dateFormat(f.locale, { month: 'short', timeZone: 'UTC' });
  const series: Series[] = [];
  if (shown.at(-1)!.model === 'full-month') {
    series.push({ label: t('chart.series.mau'), data: points((m) => m.monthlyActiveUsers), color: p.text, dots: 3.5 });
  }
  if (months.some((m) => m.includedUsers !== null)) {
    series.push({ ...dashed, data: points((m) => m.includedUsers), steps: true });
  }
  const inPeriod = (m: MonthUsage): boolean => m.month >= from.slice(0, 7) && m.month <= to.slice(0, 7);
  if (f.held && months.some(inPeriod)) {
    // Also over the months still to come of the period: the licenses are held then too.
    series.push({ ...held, data: months.map((m, i) => ({ x: i, y: inPeriod(m) ? licenses : null })), steps: true });
  }
  series.push({
    label: t(f.billed),
    // Months not charged (a trial, before the subscription) muted, the month in progress pale and outlined.
    data: points((m) => m.billedCount).map((point, i) => {
      const m = months[i]!;
      const trial = m.beforeFirstBilledMonth;
      return {
        ...point,
        color: trial ? p.muted : p.accent,
        alpha: trial ? 0.45 : m.provisional ? 0.4 : 1,
        outline: m.provisional,
      };
    }),
    color: p.accent,
    kind: 'bars',
  });
  return [
    series,
    -0.5,
    months.length - 0.5,
    true,
    (i) => format.format(utc(months[i]!.month)),
    `${months[0]!.month} ${months.length}`,
  ];
}

/** The highest count chart.js's count axis would find in `series` (it skips points off the x axis, and gaps). */
function highest(series: Series[], min: number, max: number): number {
  let top = 0;
  for (const s of series) {
    for (const p of s.data) if (p.y !== null && p.y > top && p.x >= min && p.x <= max) top = p.y;
  }
  return top;
}

/**
 * The ticks chart.js's count axis makes for the highest count `top` at its current size:
 * its own tick generation, on its own scale (as its layout runs it: from 0, with the
 * grace), the scale left as it was.
 */
function countTicks(chart: Chart, top: number): string {
  const scale = chart.scales['y'] as LinearScale;
  const state = scale as unknown as Record<string, unknown>;
  const keys = ['min', 'max', 'start', 'end', '_range'];
  const saved = keys.map((k) => state[k]);
  scale.min = 0;
  scale.max = top || 1;
  state['_range'] = _addGrace(scale, scale.options.grace!, scale.options.beginAtZero);
  const ticks = scale
    .buildTicks()
    .map((t) => t.value)
    .join();
  keys.forEach((k, i) => (state[k] = saved[i]));
  return ticks;
}

let registered = false;

/** The attributes the element reflects itself: their changes are not a theme's. */
const OWN = ['view', 'month', 'year', 'show-table'];

/**
 * The chart of `<billing-user-count-chart>` on its canvas: created at its box's size,
 * following the box (chart.js's `responsive` mode misjudges shadow DOM), and updated in
 * place. New figures replace the datasets' contents (chart.js keeps its controllers) and
 * update without animation; the options (colours, font, direction, locale) are built
 * again only when one of those changed, and read the axis of the figures drawn through
 * functions. The theme's colours are read from the probe once, and again only when the
 * theme may have changed: the probe's colours transitioned (a token or the colour scheme
 * changed anywhere above it, or the direction), the system's colour scheme changed, an
 * attribute of the element changed (`lang`, `dir`, a class or style), or the chart was
 * hidden and shown (no transition runs while hidden). `changed` asks the element to draw
 * again.
 */
export class Plot {
  readonly canvas: HTMLCanvasElement;
  chart!: Chart;
  readonly #changed: () => void;
  readonly #stop: () => void;
  #palette: Palette | undefined;
  #paletteKey = '';
  /** What the chart shows: when any of these changes (by identity), it is drawn again. */
  #from: unknown[] = [];
  /** What the options were built from. */
  #optionsKey = '';
  /** The x axis of the figures drawn (the options read it): its ends, a tick on every value, the ticks' words. */
  #x = { min: 0, max: 0, everyOne: false, tick: (_value: number): string => '' };
  /** What the x axis's ticks depend on, as drawn. */
  #xKey = '';
  /** The highest count drawn, and the counts' ticks it gives at the chart's size (when asked for). */
  #top = 0;
  #yTicks: string | undefined;
  #hidden = false;
  /** The axes and grid as last drawn (see `#keepAxes`), and whether they are being drawn over. */
  #axes: HTMLCanvasElement | undefined;
  #replaying = false;

  constructor(canvas: HTMLCanvasElement, changed: () => void) {
    this.canvas = canvas;
    this.#changed = changed;
    // Drawn at its box's size at once (not at the canvas's default size, then again).
    const box = canvas.parentElement!;
    canvas.width = box.clientWidth || 300;
    canvas.height = box.clientHeight || 150;
    const resize = new ResizeObserver(() => this.#resize());
    resize.observe(box);
    const theme = (): void => {
      this.#palette = undefined;
      changed();
    };
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', theme);
    const root = canvas.getRootNode() as ShadowRoot;
    const transition = (e: Event): void => {
      if ((e.target as HTMLElement).classList.contains('probe')) theme();
    };
    root.addEventListener('transitionend', transition);
    const attributes = new MutationObserver((records) => {
      if (records.some((r) => !OWN.includes(r.attributeName!))) theme();
    });
    attributes.observe(root.host, { attributes: true });
    this.#stop = () => {
      resize.disconnect();
      scheme.removeEventListener('change', theme);
      root.removeEventListener('transitionend', transition);
      attributes.disconnect();
    };
  }

  /** Draws what the element rendered, if it changed (the first time: creates the chart). */
  draw(d: Drawing): void {
    const palette = (this.#palette ??= this.#read(d.probe!));
    const from = [palette, ...d.from];
    if (this.chart && from.every((x, i) => x === this.#from[i])) return;
    this.#from = from;
    const figures = d.figures(palette);
    const [series, min, max, everyOne, tick, xKey] = seriesOf(figures);
    const top = highest(series, min, max);
    const key = JSON.stringify([palette, figures.locale]);
    const chart = this.chart;
    if (!chart) {
      if (!registered) Chart.register(LinearScale, SeriesController, Mark);
      registered = true;
      Object.assign(this.#x, { min, max, everyOne, tick });
      [this.#optionsKey, this.#xKey, this.#top] = [key, xKey, top];
      this.chart = new Chart(this.canvas, {
        type: TYPE,
        data: { datasets: series },
        options: this.#options(palette, figures.locale),
        plugins: [{ id: 'billing-axes', beforeDatasetsDraw: () => this.#keepAxes() }],
      } as unknown as ChartConfiguration);
      return;
    }
    // Only the series changed, not the axes (the same x axis, and the same counts' ticks
    // for the new highest count): drawn again without chart.js's layout.
    const datasets = chart.data.datasets as unknown as Record<string, unknown>[];
    const axesKept =
      key === this.#optionsKey &&
      xKey === this.#xKey &&
      series.length === datasets.length &&
      (top === this.#top || countTicks(chart, top) === (this.#yTicks ??= countTicks(chart, this.#top)));
    // The same dataset objects with new contents: chart.js keeps its controller of each.
    chart.data.datasets = series.map((s, i) => {
      const kept = datasets[i];
      if (!kept) return s;
      for (const k in kept) delete kept[k];
      return Object.assign(kept, s);
    }) as unknown as typeof chart.data.datasets;
    if (axesKept) {
      this.#drawSeries(chart);
      return;
    }
    Object.assign(this.#x, { min, max, everyOne, tick });
    [this.#xKey, this.#top, this.#yTicks] = [xKey, top, undefined];
    if (key !== this.#optionsKey) {
      this.#optionsKey = key;
      chart.options = this.#options(palette, figures.locale) as typeof chart.options;
    }
    chart.update('none');
  }

  /**
   * Keeps the picture of the axes and the grid as chart.js drew them (its layers under the
   * series), to draw new series over without drawing the axes again.
   */
  #keepAxes(): void {
    if (this.#replaying) return;
    const { canvas } = this;
    const axes = (this.#axes ??= document.createElement('canvas'));
    [axes.width, axes.height] = [canvas.width, canvas.height]; // (also clears it)
    axes.getContext('2d')!.drawImage(canvas, 0, 0);
  }

  /** Draws the series again over the axes kept, as chart.js draws them (its `_drawDatasets`: order, clipping). */
  #drawSeries(chart: Chart): void {
    const { ctx, canvas } = chart;
    const drawDatasets = (chart as unknown as { _drawDatasets?: () => void })._drawDatasets;
    if (!this.#axes || !drawDatasets) return chart.render();
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(this.#axes, 0, 0);
    ctx.restore();
    this.#replaying = true;
    try {
      drawDatasets.call(chart);
    } finally {
      this.#replaying = false;
    }
  }

  destroy(): void {
    this.#stop();
    this.chart?.destroy();
  }

  /** The theme's colours, resolved on the probe (so `light-dark()` and the host's values apply), and the direction. */
  #read(probe: HTMLElement): Palette {
    const s = getComputedStyle(probe);
    const palette: Palette = {
      accent: s.color,
      text: s.backgroundColor,
      muted: s.borderTopColor,
      border: s.borderRightColor,
      surface: s.borderBottomColor,
      warning: s.borderLeftColor,
      danger: s.outlineColor,
      font: s.fontFamily,
      rtl: s.direction === 'rtl',
    };
    // Read again but alike: the same object, so nothing is drawn again.
    const key = JSON.stringify(palette);
    if (key === this.#paletteKey) return this.#from[0] as Palette;
    this.#paletteKey = key;
    return palette;
  }

  /** Sizes the chart to its box. */
  #resize(): void {
    const chart = this.chart;
    const { clientWidth: width, clientHeight: height } = this.canvas.parentElement!;
    if (!chart) return;
    if (!width || !height) {
      this.#hidden = true;
      return;
    }
    if (this.#hidden) {
      this.#hidden = false;
      this.#palette = undefined;
      this.#changed();
    }
    if (width !== chart.width || height !== chart.height) {
      chart.resize(width, height);
      this.#yTicks = undefined;
      this.#changed(); // the readout moves with its point
    }
  }

  /** The options of figures in `palette` and `locale`; the x axis is read from `#x` as it is drawn. */
  #options({ muted, border: color, font, rtl }: Palette, locale: string): ChartConfiguration['options'] {
    const x = this.#x;
    const ticks = { color: muted, font: { family: font } };
    const border = { color };
    return {
      responsive: false,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      normalized: true,
      locale,
      events: [], // the element follows the pointer and the keys itself (its readout)
      layout: { padding: { top: 10, [rtl ? 'left' : 'right']: 10 } },
      scales: {
        x: {
          type: 'linear',
          min: () => x.min,
          max: () => x.max,
          reverse: rtl,
          border,
          grid: { display: false },
          // A tick on every day or month when there are few (chart.js skips those that overlap).
          afterBuildTicks: (scale: Scale) => {
            if (!x.everyOne) return;
            scale.ticks = [];
            for (let value = Math.ceil(x.min); value <= x.max; value++) scale.ticks.push({ value });
          },
          ticks: {
            ...ticks,
            maxRotation: 0,
            includeBounds: false,
            callback: (v: number | string) => (Number.isInteger(v) ? x.tick(Number(v)) : ''),
          },
        },
        y: {
          type: 'linear',
          position: rtl ? 'right' : 'left',
          // Counts start at 0 at every size (a margin below the lowest would run below 0).
          min: 0,
          beginAtZero: true,
          grace: '5%',
          border,
          grid: border,
          ticks: { ...ticks, precision: 0 },
        },
      },
    } as unknown as ChartConfiguration['options'];
  }
}
