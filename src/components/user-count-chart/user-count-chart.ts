import * as messages from './user-count-chart.messages.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Chart, ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import type { BillingModel, DailyUsage, MonthUsage } from '../../client/client.js';
import type { BillingApiError } from '../../client/errors.js';
import type { MessageKey } from '../../i18n/index.js';
import { BillingElement } from '../../internal/billing-element.js';
import { emptyState, errorState, forbiddenState, loadingState } from '../../internal/states.js';
import { userCountChartStyles } from './user-count-chart.styles.js';

/** What `getMonthlyUsage(year)` answers: a year's twelve months. */
export interface YearUsage {
  year: number;
  months: MonthUsage[];
}

type View = 'month' | 'year';

/** A pre-parsed point: chart.js draws it as is (`parsing: false`). */
interface Point {
  x: number;
  y: number;
}

/** The colours of the theme in force, resolved to canvas colours. */
interface Palette {
  accent: string;
  text: string;
  muted: string;
  border: string;
  surface: string;
  warning: string;
  danger: string;
  font: string;
}

/** What the chart should show now; `key` changes whenever anything drawn changes. */
interface Spec {
  key: string;
  type: 'line' | 'bar';
  build: () => ChartConfiguration;
}

const RULE_KEYS: Record<BillingModel, MessageKey> = {
  'peak-daily': 'chart.rule.peak-daily',
  'per-user': 'chart.rule.per-user',
  'full-month': 'chart.rule.full-month',
  invited: 'chart.rule.invited',
  'prepaid-licenses': 'chart.rule.prepaid-licenses',
};

/** What the billed count is called under each model (series, legend, column). */
const BILLED_KEYS: Record<BillingModel, MessageKey> = {
  'peak-daily': 'chart.series.billed',
  'per-user': 'chart.series.billed',
  'full-month': 'chart.series.billable',
  invited: 'chart.series.billed',
  'prepaid-licenses': 'chart.series.licenses',
};

/** Months offered in the month picker, counting back from the current one. */
const MONTHS_BACK = 24;
/** Years offered in the year picker, counting back from the current one. */
const YEARS_BACK = 5;
/** Up to this many days, each day's point is drawn as a dot. */
const DOTS_UP_TO = 62;

// chart.js is loaded on first use (./chart-parts.js registers only the parts drawn with).
let chartClass: Promise<typeof Chart> | undefined;
function loadChart(): Promise<typeof Chart> {
  chartClass ??= import('./chart-parts.js').then(
    (m) => m.registeredChart(),
    (error: unknown) => {
      chartClass = undefined; // a later attempt may succeed
      throw error;
    },
  );
  return chartClass;
}

/** Points of a day series, computed once per data object (3,650 days stay cheap to re-render). */
const pointsCache = new WeakMap<DailyUsage, Point[]>();
function pointsOf(daily: DailyUsage): Point[] {
  let points = pointsCache.get(daily);
  if (!points) {
    points = daily.days.map((d, i) => ({ x: i, y: d.count }));
    pointsCache.set(daily, points);
  }
  return points;
}

let colorCtx: CanvasRenderingContext2D | null | undefined;
/** A 2D context used only to normalise CSS colours to canvas colours. */
function colorContext(): CanvasRenderingContext2D | null {
  colorCtx ??= document.createElement('canvas').getContext('2d');
  return colorCtx;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    dateFormats.set(key, f);
  }
  return f;
}

/** A stable number per data object, for cache keys. */
const ids = new WeakMap<object, number>();
let nextId = 1;
function idOf(o: object | undefined): number {
  if (!o) return 0;
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId++;
    ids.set(o, id);
  }
  return id;
}

function utc(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

function addDays(isoDate: string, days: number): string {
  const d = utc(isoDate);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysInMonth(yearMonth: string): number {
  const [y, m] = yearMonth.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).getUTCDate();
}

/** A month nobody was active in (e.g. before the subscription): a gap, not a zero. */
function isBlank(m: MonthUsage): boolean {
  return m.peak === null && m.distinctActive === 0 && m.billedCount === 0;
}

function shiftMonth(yearMonth: string, delta: number): string {
  const [y, m] = yearMonth.split('-').map(Number);
  const idx = (y ?? 2000) * 12 + (m ?? 1) - 1 + delta;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

/** The wall-clock date, only when the tenant's "today" could not be loaded. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * How the tenant's user count develops: a month's daily counts with the peak marked and
 * the included users drawn as a line, so the extra users stand out above it; or a year's
 * billed count per month. Full-month plans show the billable count next to the monthly
 * active users, with the reason the invoice is lower. Month and year pickers browse the
 * history; a toggle shows the same figures as a table. The open month is marked
 * provisional.
 *
 * chart.js is imported on first render, with only the controllers, elements, scales and
 * plugins the element uses. The chart follows its box's size (a `ResizeObserver`), the
 * theme's colours (read from the design tokens; light, dark, and changes of either), and
 * is destroyed when the element leaves the page.
 *
 * To show figures without fetching (a benchmark, a story, a host that already has them),
 * set `data` (daily counts, any number of days) or `yearData` (monthly counts).
 *
 * @summary A month's daily user counts or a year's billed users, as a chart or a table.
 * @tagname billing-user-count-chart
 *
 * @event billing-error - A request failed; `event.error` is a `BillingApiError`.
 *
 * @csspart title - The heading naming the period shown.
 * @csspart toolbar - Period switch, month or year picker and table toggle.
 * @csspart period-button - The Month and Year buttons.
 * @csspart table-toggle - The "Show as table" button.
 * @csspart stats - The figures above the chart (peak, included, extra; billable, monthly active).
 * @csspart legend - The chart's legend.
 * @csspart chart - The box the chart is drawn in.
 * @csspart table - The data table.
 * @csspart rule - The sentence explaining the billing rule behind the figures.
 * @csspart state - Loading, empty, error and forbidden boxes.
 * @csspart retry-button - The retry button of the error state.
 *
 * @cssproperty --billing-user-count-chart-height - Height of the chart. Default `18rem`.
 * @cssproperty --billing-user-count-chart-table-height - Maximum height of the table before it scrolls. Default `24rem`.
 */
export class BillingUserCountChart extends BillingElement {
  static override styles = [...BillingElement.styles, userCountChartStyles];
  static override messages = messages;

  @query('canvas') private canvasEl?: HTMLCanvasElement;
  @query('.probe') private probeEl?: HTMLElement;

  @state() private daily: DailyUsage | undefined;
  @state() private yearly: YearUsage | undefined;
  @state() private error: BillingApiError | undefined;
  /** The figures for the current selection are on their way. */
  @state() private pending = false;
  /** chart.js could not be loaded: the table takes the chart's place. */
  @state() private chartFailed = false;

  /** What is shown: `month` (daily counts) or `year` (billed count per month). */
  @property({ reflect: true }) view: View = 'month';

  /** The month shown in the month view, `YYYY-MM`. Default: the tenant's current month. */
  @property({ reflect: true }) month = '';

  /** The year shown in the year view. Default (`0`): the year of the month shown. */
  @property({ type: Number, reflect: true }) year = 0;

  /** Shows the data table instead of the chart. */
  @property({ type: Boolean, reflect: true, attribute: 'show-table' }) showTable = false;

  /**
   * Daily counts to show instead of fetching them (`DailyUsage`, the answer of
   * `getDailyUsage`). Any number of days, also across months and years: 3,650 days draw
   * and update without a long task. While set, the month view makes no request and
   * hides its pickers.
   */
  @property({ attribute: false }) data: DailyUsage | undefined;

  /**
   * Monthly counts to show instead of fetching them (`{ year, months }`, the answer of
   * `getMonthlyUsage`). While set, the year view makes no request.
   */
  @property({ attribute: false }) yearData: YearUsage | undefined;

  #chart: Chart | undefined;
  #chartKey = '';
  #creating: HTMLCanvasElement | undefined;
  #resizeObserver: ResizeObserver | undefined;
  #themeObserver: MutationObserver | undefined;
  #colorScheme: MediaQueryList | undefined;
  #palette: Palette | undefined;
  #abort = new AbortController();
  #queryKey = '';
  #revision = -1;
  #yearCache = new Map<number, YearUsage>();

  /** The chart.js instance, once drawn (read-only; for tests and hosts that inspect it). */
  get chart(): Chart | undefined {
    return this.#chart;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#colorScheme = window.matchMedia('(prefers-color-scheme: dark)');
    this.#colorScheme.addEventListener('change', this.#onThemeChange);
    this.#themeObserver = new MutationObserver(this.#onThemeChange);
    // The theme can be switched on any ancestor (class, style, a provider's `theme`).
    const parentOf = (node: Node): Node | null =>
      node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
    for (let node = parentOf(this); node; node = parentOf(node)) {
      if (node instanceof Element) {
        this.#themeObserver.observe(node, {
          attributes: true,
          attributeFilter: ['class', 'style', 'theme', 'data-theme', 'data-color-scheme'],
        });
      }
    }
    if (this.hasUpdated) this.requestUpdate(); // draw again after a move
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort.abort();
    this.#queryKey = '';
    this.#colorScheme?.removeEventListener('change', this.#onThemeChange);
    this.#themeObserver?.disconnect();
    this.#destroyChart();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#usesOwnData) return;
    const billing = this.billing;
    if (!billing || this.roleForbidden) return;
    const today = this.#today;
    if (!today) return; // wait for the tenant's today before choosing a period
    if (billing.revision !== this.#revision) {
      this.#revision = billing.revision;
      this.#yearCache.clear();
      this.#queryKey = '';
    }
    const key = JSON.stringify([billing.client.baseUrl, this.view, this.#month, this.#year]);
    if (key !== this.#queryKey) {
      this.#queryKey = key;
      void this.#load();
    }
  }

  protected override updated(): void {
    this.#palette = undefined; // re-read the theme on every update: tokens may have changed
    this.#syncChart();
  }

  // ---------------------------------------------------------------------------------
  // Data

  /** True when the figures of the current view come from `data`/`yearData`. */
  get #usesOwnData(): boolean {
    return this.view === 'month' ? this.data !== undefined : this.yearData !== undefined;
  }

  get #today(): string {
    const p = this.billing?.permissions;
    return p?.today ?? (p === null ? localToday() : '');
  }

  get #month(): string {
    return this.month || this.#today.slice(0, 7);
  }

  get #year(): number {
    return this.year || Number(this.#month.slice(0, 4)) || 0;
  }

  /** The daily counts shown (the host's or the fetched ones). */
  get #daily(): DailyUsage | undefined {
    return this.data ?? this.daily;
  }

  /** The monthly counts shown in the year view. */
  get #yearly(): YearUsage | undefined {
    return this.yearData ?? this.yearly;
  }

  /** The month's billing figures (model, billed count, monthly active users), when known. */
  get #monthUsage(): MonthUsage | undefined {
    const d = this.#daily;
    if (!d || this.data) return undefined;
    return this.yearly?.months.find((m) => m.month === d.month);
  }

  /** Fetches the figures of the current selection again. */
  refresh(): void {
    this.#yearCache.clear();
    this.#queryKey = '';
    this.error = undefined;
    this.requestUpdate();
  }

  async #load(): Promise<void> {
    const billing = this.billing;
    if (!billing) return;
    this.#abort.abort();
    const abort = (this.#abort = new AbortController());
    const { signal } = abort;
    const view = this.view;
    const month = this.#month;
    const year = view === 'month' ? Number(month.slice(0, 4)) : this.#year;
    this.pending = true;
    this.error = undefined;
    try {
      const cached = this.#yearCache.get(year);
      const [daily, yearly] = await Promise.all([
        view === 'month' ? billing.client.getDailyUsage(month, { signal }) : Promise.resolve(undefined),
        cached ? Promise.resolve(cached) : billing.client.getMonthlyUsage(year, { signal }),
      ]);
      if (signal.aborted) return;
      this.#yearCache.set(year, yearly);
      this.yearly = yearly;
      if (daily) this.daily = daily;
      this.pending = false;
    } catch (e) {
      if (signal.aborted) return;
      this.error = this.reportError(e);
      this.pending = false;
    }
  }

  // ---------------------------------------------------------------------------------
  // Handlers

  #setView(view: View): void {
    if (view === this.view) return;
    if (view === 'year') {
      this.year = Number(this.#month.slice(0, 4));
    } else if (this.year && this.year !== Number(this.#month.slice(0, 4))) {
      const current = this.#today.slice(0, 7);
      this.month = current.startsWith(`${this.year}-`) ? current : `${this.year}-12`;
    }
    this.view = view;
  }

  #onMonthChange(e: Event): void {
    this.month = (e.target as HTMLSelectElement).value;
    this.year = 0;
  }

  #onYearChange(e: Event): void {
    this.year = Number((e.target as HTMLSelectElement).value);
  }

  #toggleTable(): void {
    this.showTable = !this.showTable;
  }

  /** The colour scheme or a theme attribute changed: the next update re-reads the colours (and redraws if they differ). */
  #onThemeChange = (): void => {
    this.requestUpdate();
  };

  // ---------------------------------------------------------------------------------
  // The chart

  /** The theme's colours: each token resolved through a probe, so `light-dark()` and the host's values apply. */
  #readPalette(): Palette | undefined {
    if (this.#palette) return this.#palette;
    const probe = this.probeEl;
    if (!probe) return undefined;
    const ctx = colorContext();
    const read = (name: string): string => {
      probe.style.color = `var(${name})`;
      const color = getComputedStyle(probe).color;
      if (!ctx) return color;
      ctx.fillStyle = '#000';
      ctx.fillStyle = color; // normalises to #rrggbb or rgba(), which alpha() understands
      return String(ctx.fillStyle);
    };
    this.#palette = {
      accent: read('--_accent'),
      text: read('--_text'),
      muted: read('--_muted'),
      border: read('--_border'),
      surface: read('--_surface'),
      warning: read('--_warning'),
      danger: read('--_danger'),
      font: getComputedStyle(this).fontFamily,
    };
    probe.style.color = '';
    return this.#palette;
  }

  /** What to draw now, or `undefined` when there is nothing to draw. */
  #spec(): Spec | undefined {
    if (this.pending || this.error) return undefined;
    const palette = this.#readPalette();
    if (!palette) return undefined;
    const base = [this.locale, JSON.stringify(palette)];
    if (this.view === 'month') {
      const daily = this.#daily;
      if (!daily || !daily.peak) return undefined;
      const usage = this.#monthUsage;
      return {
        key: JSON.stringify([...base, 'month', idOf(daily), idOf(usage)]),
        type: 'line',
        build: () => this.#monthConfig(daily, palette),
      };
    }
    const yearly = this.#yearly;
    if (!yearly || !this.#hasYearData(yearly)) return undefined;
    return {
      key: JSON.stringify([...base, 'year', idOf(yearly)]),
      type: 'bar',
      build: () => this.#yearConfig(yearly, palette),
    };
  }

  /** Creates, updates or destroys the chart to match what is rendered. */
  #syncChart(): void {
    const canvas = this.canvasEl;
    const spec = this.#spec();
    const chart = this.#chart;
    if (
      chart &&
      (!canvas || chart.canvas !== canvas || !spec || (chart.config as { type?: string }).type !== spec.type)
    ) {
      this.#destroyChart();
    }
    if (!canvas || !spec || this.showTable || !this.isConnected) return;
    if (this.#chart) {
      if (spec.key !== this.#chartKey) {
        const config = spec.build();
        this.#chart.data = config.data;
        this.#chart.options = config.options ?? {};
        this.#chart.update('none');
        this.#chartKey = spec.key;
      }
      return; // size changes reach the chart through the ResizeObserver
    }
    if (this.#creating === canvas) return;
    this.#creating = canvas;
    loadChart().then(
      (ChartClass) => {
        if (this.#creating !== canvas) return;
        this.#creating = undefined;
        // Things may have moved on while chart.js loaded: draw what is current.
        const now = this.#spec();
        if (!now || this.canvasEl !== canvas || !this.isConnected || this.#chart) {
          this.requestUpdate();
          return;
        }
        this.#chart = new ChartClass(canvas, now.build());
        this.#chartKey = now.key;
        this.#resize();
        this.#resizeObserver = new ResizeObserver(() => this.#resize());
        if (canvas.parentElement) this.#resizeObserver.observe(canvas.parentElement);
      },
      () => {
        if (this.#creating === canvas) this.#creating = undefined;
        this.chartFailed = true;
      },
    );
  }

  /** Sizes the chart to its box (chart.js's own `responsive` mode misjudges shadow DOM). */
  #resize(): void {
    const chart = this.#chart;
    const box = chart?.canvas.parentElement;
    if (!chart || !box) return;
    const width = Math.floor(box.clientWidth);
    const height = Math.floor(box.clientHeight);
    if (width > 0 && height > 0 && (width !== chart.width || height !== chart.height)) chart.resize(width, height);
  }

  #destroyChart(): void {
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#creating = undefined;
    this.#chart?.destroy();
    this.#chart = undefined;
    this.#chartKey = '';
  }

  #scaleStyle(palette: Palette) {
    return {
      ticks: { color: palette.muted, font: { family: palette.font, size: 12 } },
      grid: { color: alpha(palette.border, 0.6) },
      border: { color: palette.border },
    };
  }

  #tooltipStyle(palette: Palette) {
    return {
      backgroundColor: palette.text,
      titleColor: palette.surface,
      bodyColor: palette.surface,
      footerColor: palette.surface,
      titleFont: { family: palette.font },
      bodyFont: { family: palette.font },
      footerFont: { family: palette.font },
      displayColors: false,
    };
  }

  #monthConfig(daily: DailyUsage, palette: Palette): ChartConfiguration {
    const points = pointsOf(daily);
    const n = points.length;
    // The open month's axis runs to the month's last day: the days still to come stay empty.
    const first = daily.days[0]?.date ?? `${daily.month}-01`;
    const span =
      first.startsWith(daily.month) && first.endsWith('-01') && n <= 31 ? Math.max(n, daysInMonth(daily.month)) : n;
    const dateAt = (i: number): string => daily.days[i]?.date ?? addDays(first, i);
    const included = daily.includedUsers;
    const peakIndex = daily.peak ? daily.days.findIndex((d) => d.date === daily.peak?.on) : -1;
    const extra = this.#extra(daily);
    const peakColor = extra ? palette.danger : palette.warning;
    const tickLabel = this.#dayTickFormatter(daily);
    const datasets: ChartDataset<'line', Point[]>[] = [
      {
        label: this.t('chart.series.daily'),
        data: points,
        borderColor: palette.accent,
        backgroundColor: palette.accent,
        borderWidth: 2,
        pointRadius: n <= DOTS_UP_TO ? 2.5 : 0,
        pointHoverRadius: 4,
        pointBackgroundColor: palette.accent,
        tension: 0,
        spanGaps: true,
        clip: 8,
        fill:
          included !== null
            ? { target: { value: included }, above: alpha(palette.warning, 0.3), below: 'transparent' }
            : false,
        order: 2,
      },
    ];
    if (included !== null) {
      datasets.push({
        label: this.t('chart.series.included'),
        data: [
          { x: 0, y: included },
          { x: Math.max(span - 1, 0), y: included },
        ],
        borderColor: palette.muted,
        borderDash: [6, 4],
        borderWidth: 1.5,
        pointRadius: 0,
        pointHoverRadius: 0,
        fill: false,
        order: 3,
      });
    }
    if (daily.peak && peakIndex >= 0) {
      datasets.push({
        label: this.t('chart.series.peak'),
        data: [{ x: peakIndex, y: daily.peak.count }],
        showLine: false,
        pointStyle: 'rectRot',
        pointRadius: 7,
        pointHoverRadius: 8,
        pointBackgroundColor: peakColor,
        pointBorderColor: palette.surface,
        pointBorderWidth: 2,
        clip: 10,
        borderColor: peakColor,
        backgroundColor: peakColor,
        fill: false,
        order: 0,
      });
    }
    const scale = this.#scaleStyle(palette);
    return {
      type: 'line',
      data: { datasets },
      options: {
        responsive: false,
        maintainAspectRatio: false,
        animation: false,
        parsing: false,
        normalized: true,
        spanGaps: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        layout: { padding: { top: 10, right: 10 } },
        plugins: {
          // More days than pixels: draw about one point per pixel (LTTB keeps the shape; the
          // peak keeps its own marker, and the table has every day).
          decimation: { enabled: true, algorithm: 'lttb', threshold: 1 },
          tooltip: {
            ...this.#tooltipStyle(palette),
            filter: (item: TooltipItem<'line'>) => item.datasetIndex === 0,
            callbacks: {
              title: (items: TooltipItem<'line'>[]) => {
                const day = daily.days[Math.round(items[0]?.parsed.x ?? 0)];
                return day ? this.fmtDate(day.date, 'full') : '';
              },
              label: (item: TooltipItem<'line'>) =>
                `${this.t('chart.col.users')}: ${this.fmtCount(item.parsed.y ?? 0)}`,
              footer: () => (included !== null ? `${this.t('chart.series.included')}: ${this.fmtCount(included)}` : ''),
            },
          },
        },
        scales: {
          x: {
            type: 'linear',
            min: 0,
            max: Math.max(span - 1, 0),
            ...scale,
            grid: { display: false },
            ticks: {
              ...scale.ticks,
              autoSkip: true,
              maxRotation: 0,
              ...(span <= DOTS_UP_TO ? { stepSize: 1 } : {}),
              callback: (value: string | number) => {
                const i = Number(value);
                return Number.isInteger(i) && i >= 0 && i < span ? tickLabel(dateAt(i)) : '';
              },
            },
          },
          y: { type: 'linear', grace: '8%', ...scale, ticks: { ...scale.ticks, precision: 0 } },
        },
      },
    } as ChartConfiguration;
  }

  #yearConfig(yearly: YearUsage, palette: Palette): ChartConfiguration {
    const today = this.#today.slice(0, 7);
    const months = yearly.months;
    const model = this.#yearModel(yearly);
    const future = months.map((m) => this.#isFuture(m, today) || isBlank(m));
    const monthFmt = dateFormat(this.locale, { month: 'short' });
    const datasets: ChartDataset<'bar' | 'line', (number | null)[]>[] = [
      {
        type: 'bar',
        label: this.t(BILLED_KEYS[model ?? 'peak-daily']),
        data: months.map((m, i) => (future[i] ? null : m.billedCount)),
        backgroundColor: months.map((m) =>
          m.beforeFirstBilledMonth
            ? alpha(palette.muted, 0.45)
            : m.provisional
              ? alpha(palette.accent, 0.4)
              : palette.accent,
        ),
        borderColor: months.map((m) => (m.beforeFirstBilledMonth ? palette.muted : palette.accent)),
        borderWidth: months.map((m) => (m.provisional ? 2 : 0)),
        borderRadius: 3,
        maxBarThickness: 48,
        order: 2,
      },
    ];
    if (model === 'full-month') {
      datasets.push({
        type: 'line',
        label: this.t('chart.series.mau'),
        data: months.map((m, i) => (future[i] ? null : m.monthlyActiveUsers)),
        borderColor: palette.text,
        backgroundColor: palette.text,
        borderWidth: 2,
        pointRadius: 3.5,
        pointHoverRadius: 5,
        spanGaps: true,
        order: 0,
      });
    }
    if (months.some((m) => m.includedUsers !== null)) {
      datasets.push({
        type: 'line',
        label: this.t('chart.series.included'),
        data: months.map((m, i) => (future[i] ? null : m.includedUsers)),
        borderColor: palette.muted,
        borderDash: [6, 4],
        borderWidth: 1.5,
        pointRadius: 0,
        pointHoverRadius: 0,
        stepped: 'middle',
        order: 1,
      });
    }
    const scale = this.#scaleStyle(palette);
    return {
      type: 'bar',
      data: { labels: months.map((m) => monthFmt.format(utc(`${m.month}-01`))), datasets },
      options: {
        responsive: false,
        maintainAspectRatio: false,
        animation: false,
        normalized: true,
        interaction: { mode: 'index', intersect: false },
        layout: { padding: { top: 10, right: 10 } },
        plugins: {
          tooltip: {
            ...this.#tooltipStyle(palette),
            callbacks: {
              title: (items: TooltipItem<'bar'>[]) => {
                const m = months[items[0]?.dataIndex ?? 0];
                return m ? this.fmtMonth(m.month) : '';
              },
              label: (item: TooltipItem<'bar'>) =>
                `${item.dataset.label ?? ''}: ${this.fmtCount(Number(item.raw ?? 0))}`,
              footer: (items: TooltipItem<'bar'>[]) => {
                const m = months[items[0]?.dataIndex ?? 0];
                return m ? this.#monthNote(m) : '';
              },
            },
          },
        },
        scales: {
          x: { type: 'category', ...scale, grid: { display: false } },
          y: { type: 'linear', beginAtZero: true, grace: '5%', ...scale, ticks: { ...scale.ticks, precision: 0 } },
        },
      },
    } as ChartConfiguration;
  }

  // ---------------------------------------------------------------------------------
  // Figures and words

  /** Users above the included users at the peak: the API's figure, else the difference drawn. */
  #extra(daily: DailyUsage): number | null {
    const usage = this.#monthUsage;
    if (usage) return usage.extraUsers;
    if (daily.includedUsers === null || !daily.peak) return null;
    return Math.max(0, daily.peak.count - daily.includedUsers);
  }

  #isFuture(m: MonthUsage, todayMonth: string): boolean {
    return todayMonth ? m.month > todayMonth : m.provisional && m.peak === null && m.distinctActive === 0;
  }

  #hasYearData(yearly: YearUsage): boolean {
    return yearly.months.some((m) => !isBlank(m));
  }

  /** The months with figures: not in the future, and not before anyone was active. */
  #shownMonths(yearly: YearUsage): MonthUsage[] {
    const today = this.#today.slice(0, 7);
    return yearly.months.filter((m) => !this.#isFuture(m, today) && !isBlank(m));
  }

  /** The model the year is explained by: that of its latest month with figures. */
  #yearModel(yearly: YearUsage): BillingModel | undefined {
    const shown = this.#shownMonths(yearly);
    return (shown.at(-1) ?? yearly.months[0])?.model;
  }

  #monthNote(m: MonthUsage): string {
    if (m.beforeFirstBilledMonth) return this.t('chart.note.not-charged');
    if (m.provisional) return this.t('chart.note.provisional');
    return '';
  }

  /** Tick labels: the day of the month, or day and month, or month and year for long spans. */
  #dayTickFormatter(daily: DailyUsage): (isoDate: string) => string {
    const first = daily.days[0]?.date ?? '';
    const last = daily.days.at(-1)?.date ?? '';
    const options: Intl.DateTimeFormatOptions =
      first.slice(0, 7) === last.slice(0, 7)
        ? { day: 'numeric' }
        : first.slice(0, 4) === last.slice(0, 4) || daily.days.length <= 366
          ? { day: 'numeric', month: 'short' }
          : { month: 'short', year: 'numeric' };
    const f = dateFormat(this.locale, options);
    return (isoDate) => f.format(utc(isoDate));
  }

  /** The period a day series covers, in words: a month, or a range of dates. */
  #periodOf(daily: DailyUsage): string {
    const first = daily.days[0]?.date;
    const last = daily.days.at(-1)?.date;
    const validMonth = /^\d{4}-(0[1-9]|1[0-2])$/.test(daily.month);
    if (first && last && (first.slice(0, 7) !== last.slice(0, 7) || !validMonth)) {
      return this.t('chart.range', { from: this.fmtDate(first), to: this.fmtDate(last) });
    }
    return validMonth ? this.fmtMonth(daily.month) : String(daily.month);
  }

  #monthSummary(daily: DailyUsage): string {
    const parts: string[] = [];
    if (daily.peak) {
      parts.push(
        this.t('chart.summary.peak', {
          count: daily.peak.count,
          n: this.fmtCount(daily.peak.count),
          date: this.fmtDate(daily.peak.on, 'long'),
        }),
      );
    } else {
      parts.push(this.t('chart.summary.none'));
    }
    if (daily.includedUsers !== null) {
      parts.push(
        this.t('chart.summary.included', { count: daily.includedUsers, n: this.fmtCount(daily.includedUsers) }),
      );
      const extra = this.#extra(daily);
      if (extra !== null) parts.push(this.t('chart.summary.extra', { count: extra, n: this.fmtCount(extra) }));
    }
    const usage = this.#monthUsage;
    if (usage?.model === 'full-month' && usage.monthlyActiveUsers !== null) {
      parts.push(`${this.t('chart.stat.billable')}: ${this.fmtCount(usage.billedCount)}.`);
      parts.push(
        this.t('chart.summary.mau', { month: this.fmtMonth(usage.month), n: this.fmtCount(usage.monthlyActiveUsers) }),
      );
    }
    parts.push(this.t('chart.aria.table-hint'));
    return parts.join(' ');
  }

  #yearSummary(yearly: YearUsage): string {
    const shown = this.#shownMonths(yearly);
    const parts: string[] = [];
    const highest = shown.reduce<MonthUsage | undefined>(
      (a, m) => (!a || m.billedCount > a.billedCount ? m : a),
      undefined,
    );
    if (highest) {
      parts.push(
        this.t('chart.summary.highest', {
          count: highest.billedCount,
          n: this.fmtCount(highest.billedCount),
          month: this.fmtMonth(highest.month),
        }),
      );
    }
    const latest = shown.at(-1);
    if (latest?.model === 'full-month' && latest.monthlyActiveUsers !== null) {
      parts.push(
        this.t('chart.summary.mau', {
          month: this.fmtMonth(latest.month),
          n: this.fmtCount(latest.monthlyActiveUsers),
        }),
      );
    }
    if (latest?.includedUsers !== null && latest?.includedUsers !== undefined) {
      parts.push(
        this.t('chart.summary.included', { count: latest.includedUsers, n: this.fmtCount(latest.includedUsers) }),
      );
    }
    parts.push(this.t('chart.aria.table-hint'));
    return parts.join(' ');
  }

  // ---------------------------------------------------------------------------------
  // Rendering

  #monthOptions(current: string): string[] {
    const today = this.#today.slice(0, 7) || current;
    const out = Array.from({ length: MONTHS_BACK }, (_, i) => shiftMonth(today, -i));
    if (current && !out.includes(current)) out.unshift(current);
    return out;
  }

  #yearOptions(current: number): number[] {
    const thisYear = Number(this.#today.slice(0, 4)) || current;
    const out = Array.from({ length: YEARS_BACK }, (_, i) => thisYear - i);
    if (current && !out.includes(current)) out.unshift(current);
    return out;
  }

  #renderToolbar(): TemplateResult {
    const ownData = this.#usesOwnData;
    // The period switch only offers views that have figures: fetched, or given by the host.
    const canSwitch = Boolean(this.billing) || (this.data !== undefined && this.yearData !== undefined);
    return html`<div class="toolbar" part="toolbar">
      ${
        canSwitch
          ? html`<div class="segmented" role="group" aria-label=${this.t('chart.period')}>
              ${(['month', 'year'] as const).map(
                (v) =>
                  html`<button
                    type="button"
                    part="period-button"
                    aria-pressed=${this.view === v ? 'true' : 'false'}
                    @click=${() => this.#setView(v)}
                  >
                    ${this.t(v === 'month' ? 'chart.period.month' : 'chart.period.year')}
                  </button>`,
              )}
            </div>`
          : nothing
      }
      ${
        ownData
          ? nothing
          : this.view === 'month'
            ? html`<label
                >${this.t('chart.pick.month')}
                <select @change=${this.#onMonthChange}>
                  ${this.#monthOptions(this.#month).map(
                    (m) => html`<option value=${m} ?selected=${m === this.#month}>${this.fmtMonth(m)}</option>`,
                  )}
                </select>
              </label>`
            : html`<label
                >${this.t('chart.pick.year')}
                <select @change=${this.#onYearChange}>
                  ${this.#yearOptions(this.#year).map(
                    (y) => html`<option value=${y} ?selected=${y === this.#year}>${y}</option>`,
                  )}
                </select>
              </label>`
      }
      <button
        type="button"
        part="table-toggle"
        aria-pressed=${this.showTable || this.chartFailed ? 'true' : 'false'}
        ?disabled=${this.chartFailed}
        @click=${this.#toggleTable}
      >
        ${this.t('chart.show-table')}
      </button>
    </div>`;
  }

  #stat(label: string, value: string, cls = '', sub = ''): TemplateResult {
    return html`<div class="stat ${cls}">
      <dt>${label}</dt>
      <dd>${value}${sub ? html` <small>${sub}</small>` : nothing}</dd>
    </div>`;
  }

  #renderMonthStats(daily: DailyUsage): TemplateResult {
    const usage = this.#monthUsage;
    const model = usage?.model;
    const peak = daily.peak;
    const peakStat = peak
      ? this.#stat(
          this.t(
            model === 'peak-daily' || (!model && daily.includedUsers !== null)
              ? 'chart.stat.peak'
              : 'chart.stat.highest',
          ),
          this.fmtCount(peak.count),
          'peak',
          this.t('chart.stat.peak-on', { date: this.fmtDate(peak.on) }),
        )
      : nothing;
    const stats: (TemplateResult | typeof nothing)[] = [];
    if (model === 'full-month' && usage) {
      stats.push(this.#stat(this.t('chart.stat.billable'), this.fmtCount(usage.billedCount), 'billed'));
      if (usage.monthlyActiveUsers !== null) {
        stats.push(this.#stat(this.t('chart.stat.mau'), this.fmtCount(usage.monthlyActiveUsers), 'mau'));
      }
      stats.push(peakStat);
    } else if (model && model !== 'peak-daily' && usage) {
      stats.push(
        this.#stat(
          this.t(model === 'prepaid-licenses' ? 'chart.stat.licenses' : 'chart.stat.billed'),
          this.fmtCount(usage.billedCount),
          'billed',
        ),
      );
      stats.push(peakStat);
    } else {
      stats.push(peakStat);
      if (daily.includedUsers !== null) {
        stats.push(this.#stat(this.t('chart.stat.included'), this.fmtCount(daily.includedUsers), 'included'));
        const extra = this.#extra(daily);
        if (extra !== null)
          stats.push(this.#stat(this.t('chart.stat.extra'), this.fmtCount(extra), extra ? 'extra' : ''));
      }
    }
    return html`<dl class="stats" part="stats">${stats}</dl>`;
  }

  #renderMonthLegend(daily: DailyUsage): TemplateResult {
    const extra = this.#extra(daily);
    return html`<ul class="legend" part="legend">
      <li><span class="swatch line" aria-hidden="true"></span>${this.t('chart.series.daily')}</li>
      ${
        daily.includedUsers !== null
          ? html`<li><span class="swatch dashed" aria-hidden="true"></span>${this.t('chart.series.included')}</li>
              <li><span class="swatch above" aria-hidden="true"></span>${this.t('chart.series.above')}</li>`
          : nothing
      }
      ${
        daily.peak
          ? html`<li>
              <span class="swatch peak" style=${extra ? '' : 'background: var(--_warning)'} aria-hidden="true"></span
              >${this.t('chart.series.peak')}
            </li>`
          : nothing
      }
    </ul>`;
  }

  #renderYearLegend(yearly: YearUsage): TemplateResult {
    const shown = this.#shownMonths(yearly);
    const model = this.#yearModel(yearly);
    return html`<ul class="legend" part="legend">
      <li><span class="swatch" aria-hidden="true"></span>${this.t(BILLED_KEYS[model ?? 'peak-daily'])}</li>
      ${
        model === 'full-month'
          ? html`<li><span class="swatch mau" aria-hidden="true"></span>${this.t('chart.series.mau')}</li>`
          : nothing
      }
      ${
        yearly.months.some((m) => m.includedUsers !== null)
          ? html`<li><span class="swatch dashed" aria-hidden="true"></span>${this.t('chart.series.included')}</li>`
          : nothing
      }
      ${
        shown.some((m) => m.provisional && !m.beforeFirstBilledMonth)
          ? html`<li>
              <span class="swatch provisional" aria-hidden="true"></span>${this.t('chart.series.provisional')}
            </li>`
          : nothing
      }
      ${
        shown.some((m) => m.beforeFirstBilledMonth)
          ? html`<li>
              <span class="swatch not-charged" aria-hidden="true"></span>${this.t('chart.series.not-charged')}
            </li>`
          : nothing
      }
    </ul>`;
  }

  #renderChartBox(label: string): TemplateResult {
    return html`<div class="chart-box" part="chart" ?hidden=${this.showTable || this.chartFailed}>
      <canvas role="img" aria-label=${label}></canvas>
    </div>`;
  }

  #renderMonthTable(daily: DailyUsage, caption: string): TemplateResult {
    const peakOn = daily.peak?.on;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${caption}>
      <table part="table">
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.t('chart.col.date')}</th>
            <th scope="col" class="num">${this.t('chart.col.users')}</th>
            <th scope="col">${this.t('chart.col.note')}</th>
          </tr>
        </thead>
        <tbody>
          ${daily.days.map(
            (d) =>
              html`<tr class=${d.date === peakOn ? 'peak' : ''}>
                <th scope="row">${this.fmtDate(d.date)}</th>
                <td class="num">${this.fmtCount(d.count)}</td>
                <td class="note">${d.date === peakOn ? this.t('chart.note.peak') : ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #renderYearTable(yearly: YearUsage, caption: string): TemplateResult {
    const shown = this.#shownMonths(yearly);
    const model = this.#yearModel(yearly);
    const mau = model === 'full-month';
    const included = shown.some((m) => m.includedUsers !== null);
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${caption}>
      <table part="table">
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.t('chart.col.month')}</th>
            <th scope="col" class="num">${this.t(BILLED_KEYS[model ?? 'peak-daily'])}</th>
            ${mau ? html`<th scope="col" class="num">${this.t('chart.col.mau')}</th>` : nothing}
            ${
              included
                ? html`<th scope="col" class="num">${this.t('chart.col.included')}</th>
                    <th scope="col" class="num">${this.t('chart.col.extra')}</th>`
                : nothing
            }
            <th scope="col">${this.t('chart.col.note')}</th>
          </tr>
        </thead>
        <tbody>
          ${shown.map(
            (m) =>
              html`<tr>
                <th scope="row">${this.fmtMonth(m.month)}</th>
                <td class="num">${this.fmtCount(m.billedCount)}</td>
                ${
                  mau
                    ? html`<td class="num">
                        ${m.monthlyActiveUsers === null ? '' : this.fmtCount(m.monthlyActiveUsers)}
                      </td>`
                    : nothing
                }
                ${
                  included
                    ? html`<td class="num">${m.includedUsers === null ? '' : this.fmtCount(m.includedUsers)}</td>
                        <td class="num">${m.extraUsers === null ? '' : this.fmtCount(m.extraUsers)}</td>`
                    : nothing
                }
                <td class="note">${this.#monthNote(m)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #renderMonth(): TemplateResult {
    const daily = this.#daily!;
    const usage = this.#monthUsage;
    const period = this.#periodOf(daily);
    if (!daily.peak) {
      return emptyState(this.t('chart.empty.month.title', { month: period }), this.t('chart.empty.month.body'));
    }
    const caption = daily.provisional
      ? this.t('chart.caption.provisional', { caption: this.t('chart.title.month', { month: period }) })
      : this.t('chart.title.month', { month: period });
    return html`${this.#renderMonthStats(daily)}
    ${usage?.beforeFirstBilledMonth ? html`<p class="notice">${this.t('chart.note.not-charged')}</p>` : nothing}
    ${this.showTable || this.chartFailed ? nothing : this.#renderMonthLegend(daily)}
    ${this.#renderChartBox(this.t('chart.aria.month', { period, summary: this.#monthSummary(daily) }))}
    ${this.showTable || this.chartFailed ? this.#renderMonthTable(daily, caption) : nothing}`;
  }

  #renderYear(): TemplateResult {
    const yearly = this.#yearly!;
    const year = String(yearly.year);
    if (!this.#hasYearData(yearly)) {
      return emptyState(this.t('chart.empty.year.title', { year }), this.t('chart.empty.year.body'));
    }
    const today = this.#today.slice(0, 7);
    const open = yearly.months.find((m) => m.provisional && !this.#isFuture(m, today));
    const caption = open
      ? this.t('chart.caption.provisional', { caption: this.t('chart.title.year', { year }) })
      : this.t('chart.title.year', { year });
    return html`${this.showTable || this.chartFailed ? nothing : this.#renderYearLegend(yearly)}
    ${this.#renderChartBox(this.t('chart.aria.year', { year, summary: this.#yearSummary(yearly) }))}
    ${this.showTable || this.chartFailed ? this.#renderYearTable(yearly, caption) : nothing}`;
  }

  protected override render() {
    const probe = html`<span class="probe" aria-hidden="true"></span>`;
    if (this.roleForbidden || this.error?.kind === 'forbidden') return forbiddenState(this.locale);
    const ownData = this.#usesOwnData;
    if (!ownData && (!this.billing || !this.#today)) {
      return html`${loadingState(this.locale, 10)}${probe}`;
    }
    const month = this.view === 'month';
    const daily = this.#daily;
    const yearly = this.#yearly;
    const ready = !this.pending && !this.error && (month ? daily : yearly);
    if (!ready && this.error && !(month ? daily : yearly)) {
      return html`${errorState(this.locale, this.error, () => this.refresh())}${probe}`;
    }
    const title = month
      ? this.t('chart.title.month', { month: daily && ready ? this.#periodOf(daily) : this.fmtMonth(this.#month) })
      : this.t('chart.title.year', { year: String(yearly && ready ? yearly.year : this.#year) });
    const provisional = ready
      ? month
        ? daily?.provisional
          ? this.t('state.provisional')
          : ''
        : (() => {
            const today = this.#today.slice(0, 7);
            const open = yearly?.months.find((m) => m.provisional && !this.#isFuture(m, today));
            return open ? this.t('chart.provisional.year', { month: this.fmtMonth(open.month) }) : '';
          })()
      : '';
    const empty = ready && (month ? !daily?.peak : !yearly || !this.#hasYearData(yearly));
    const model =
      ready && !empty ? (month ? this.#monthUsage?.model : yearly ? this.#yearModel(yearly) : undefined) : undefined;
    return html`<div class="panel">
      <div class="head">
        <h2 id="title" part="title">${title}</h2>
        ${this.#renderToolbar()}
      </div>
      ${provisional ? html`<p class="provisional">${provisional}</p>` : nothing}
      ${this.chartFailed ? html`<p class="notice" role="status">${this.t('chart.load-failed')}</p>` : nothing}
      <div class="body" aria-busy=${this.pending ? 'true' : 'false'}>
        ${
          this.error
            ? errorState(this.locale, this.error, () => this.refresh())
            : !ready
              ? loadingState(this.locale, 8)
              : month
                ? this.#renderMonth()
                : this.#renderYear()
        }
      </div>
      ${model ? html`<p class="rule" part="rule">${this.t(RULE_KEYS[model])}</p>` : nothing} ${probe}
    </div>`;
  }
}

/** `color` with opacity `a`, for canvas fills (`#rrggbb` and `rgb()`/`rgba()` understood). */
function alpha(color: string, a: number): string {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (hex) return `rgba(${parseInt(hex[1]!, 16)}, ${parseInt(hex[2]!, 16)}, ${parseInt(hex[3]!, 16)}, ${a})`;
  const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/i.exec(color);
  if (rgb) return `rgba(${rgb[1]}, ${rgb[2]}, ${rgb[3]}, ${a})`;
  return color;
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-user-count-chart': BillingUserCountChart;
  }
}
