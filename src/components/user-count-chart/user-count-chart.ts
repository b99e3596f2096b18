import { de, en, nl } from './user-count-chart.messages.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Chart } from 'chart.js';
import type { BillingClient, BillingModel, DailyUsage, MonthUsage } from '../../client/client.js';
import type { ChangeTopic } from '../../context/context.js';
import { onDemand } from '../../internal/on-demand.js';
import type { PeopleQuery } from '../../internal/events.js';
import { showPeople } from '../../internal/show-people.js';
import type { MessageKey } from '../../i18n/index.js';
import { BillingElement } from '../../internal/billing-element.js';
import { toolbarStyles } from '../../internal/toolbar.styles.js';
import { Query } from '../../internal/query.js';
import { emptyState, errorState, forbiddenState, loadingState } from '../../internal/states.js';
import { ChartCanvas } from './chart-canvas.js';
import { userCountChartStyles } from './user-count-chart.styles.js';

/** This element's catalogues (a plain object, not a module namespace: no namespace helper in the build). */
const messages = { en, nl, de };

/** What `getMonthlyUsage(year)` answers: a year's twelve months. */
export interface YearUsage {
  year: number;
  months: MonthUsage[];
}

type View = 'month' | 'year';

/**
 * The figures of the view shown, row by row: the table shows every row, the readout one.
 * Row `r` is drawn at `x0 + r` on the chart's x axis.
 */
interface Rows {
  heads: string[];
  count: number;
  cells: (r: number) => string[];
  /** The value the readout points at. */
  y: (r: number) => number;
  x0: number;
  /** The row set in bold (the peak), or -1. */
  strong: number;
  /** The people behind row `r`'s count (fetched figures only). */
  people?: (r: number) => PeopleQuery;
}

/** What the billed count is called under a model (series, figure, column). */
function billedKey(model: BillingModel): MessageKey {
  return model === 'full-month'
    ? 'chart.series.billable'
    : model === 'prepaid-licenses'
      ? 'chart.series.licenses'
      : 'chart.series.billed';
}

/** Months offered in the month picker at most, counting back from the current one. */
const MONTHS_BACK = 24;
/** Years offered in the year picker at most, counting back from the current one. */
const YEARS_BACK = 5;

/** The changes that alter the counts (a user deactivated, licenses bought, the edition changed). */
const TOPICS: readonly ChangeTopic[] = ['users', 'licenses', 'subscription'];

/**
 * What only a drawn chart needs, loaded then: chart.js, with only the pieces
 * ./chart-parts.js draws with. Tests replace it to see the table take the chart's place.
 */
export const onFirstUse = {
  chart: onDemand(() => import('./chart-parts.js')),
};

function shiftMonth(yearMonth: string, delta: number): string {
  const [y, m] = yearMonth.split('-').map(Number);
  const idx = y! * 12 + m! - 1 + delta;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

/**
 * How the tenant's user count develops: a month's daily counts with the peak marked and
 * the included users drawn as a line, so the extra users stand out above it; or a year's
 * billed count per month. Full-month plans show the billable count next to the monthly
 * active users, with the reason the invoice is lower. Month and year pickers browse the
 * history; a toggle shows the same figures as a table. The open month is marked
 * provisional. The pickers offer the years from the subscription's start (its trial's, or
 * the first billed month's) to now; months before it are "before the subscription", and
 * only a tenant that had a trial has trial months. Prepaid-license plans draw the current
 * period's license count as a line (the API has no count per day or month before it).
 * The count axis starts at 0.
 *
 * Pointing at the chart, or focusing it and pressing the arrow keys (Home and End for the
 * ends), shows the figures of a day or month in a readout that screen readers announce.
 * Every count is a way in to the people behind it: a click on a day's point or a month's
 * bar, Enter on the day or month in the readout, or the count's button in the table opens
 * them (`billing-people`: a day's are the people active that day, a month's its billed
 * users; a count of 0 opens nothing). Figures the host gives (`data`, `yearData`) open none.
 *
 * chart.js is imported when the element is connected, while its figures load
 * (./chart-parts.ts): its linear scale draws the axes and grid, a small series controller
 * of the kit's own the lines, bars and peak marker. New figures update the chart in place.
 * The chart follows its box's size (a `ResizeObserver`), the theme's colours (read from
 * the design tokens when the theme changes; light, dark, and changes of either), and is
 * destroyed when the element leaves the page.
 *
 * To show figures without fetching (a benchmark, a story, a host that already has them),
 * set `data` (daily counts, any number of days) or `yearData` (monthly counts).
 *
 * @summary A month's daily user counts or a year's billed users, as a chart or a table.
 * @tagname billing-user-count-chart
 *
 * @event billing-error - A request failed; `event.error` is a `BillingApiError`.
 * @fires billing-people - A day or month was opened to see the people behind its count (`BillingPeopleEvent`, cancelable): `detail` is `{ figure: 'day', month, day, count }` (a point) or `{ figure: 'month', month, count }` (a bar). Unless the host calls `preventDefault()`, the people show in a dialog.
 *
 * @csspart title - The heading naming the period shown.
 * @csspart toolbar - Period switch, month or year picker and table toggle.
 * @csspart period-button - The Month and Year buttons.
 * @csspart table-toggle - The "Show as table" button.
 * @csspart stats - The figures above the chart (peak, included, extra; billable, monthly active; licenses).
 * @csspart legend - The chart's legend.
 * @csspart chart - The box the chart is drawn in.
 * @csspart readout - The figures of the day or month pointed at.
 * @csspart table - The data table.
 * @csspart people-button - A count of the table that opens the people behind it.
 * @csspart rule - The sentence explaining the billing rule behind the figures.
 * @csspart state - Loading, empty, error and forbidden boxes.
 * @csspart retry-button - The retry button of the error state.
 *
 * @cssproperty --billing-user-count-chart-height - Height of the chart. Default `18rem`.
 * @cssproperty --billing-user-count-chart-table-height - Maximum height of the table before it scrolls. Default `24rem`.
 */
export class BillingUserCountChart extends BillingElement {
  static override styles = [...BillingElement.styles, toolbarStyles, userCountChartStyles];
  static override messages = messages;

  static override properties = {
    active: { state: true },
    view: { reflect: true },
    month: { reflect: true },
    year: { type: Number, reflect: true },
    showTable: { type: Boolean, reflect: true, attribute: 'show-table' },
    data: { attribute: false },
    yearData: { attribute: false },
  };

  get #canvasEl(): HTMLCanvasElement | undefined {
    return this.renderRoot?.querySelector<HTMLCanvasElement>('canvas') ?? undefined;
  }
  get #probeEl(): HTMLElement | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('.probe') ?? undefined;
  }

  /**
   * The figures of the selection: the month's daily counts (month view) and its year's
   * monthly counts. Asked for once the tenant's today is known (it picks the period), and
   * not while the host gives the figures (`data`, `yearData`).
   */
  #usage = new Query(this, {
    topics: TOPICS,
    args: () =>
      [
        this.#usesOwnData || !this.#today,
        this.view === 'month' ? this.#month : '',
        this.#year,
        this.billing?.changes(TOPICS),
      ] as const,
    run: async (client, signal, [idle, month, year, changes]) => {
      if (idle) return undefined;
      const [daily, yearly] = await Promise.all([
        month ? client.getDailyUsage(month, { signal }) : undefined,
        this.#fetchYear(client, signal, changes, month ? Number(month.slice(0, 4)) : year),
      ]);
      return { daily, yearly };
    },
  });
  /**
   * What the tenant's history is (`/subscription`): its trial and licenses, and the first
   * year to offer, the subscription's (its trial's, when it had one). Asked for once the
   * first figures are in.
   */
  #tenant = new Query(this, {
    topics: TOPICS,
    args: () => [this.#usesOwnData || !this.#usage.value, this.billing?.changes(TOPICS)] as const,
    run: async (client, signal, [idle]) => {
      if (idle) return undefined;
      const { trial, licenses, startedOn } = await client.getSubscription({ signal });
      // At most the last YEARS_BACK years.
      const first = Math.max(Number(startedOn.slice(0, 4)), Number(this.#today.slice(0, 4)) - YEARS_BACK + 1);
      return { trial, licenses, first };
    },
  });
  /** The row in the readout (-1: none), of the figures in `#activeOf`. */
  private active = -1;

  /** What is shown: `month` (daily counts) or `year` (billed count per month). */
  view: View = 'month';

  /** The month shown in the month view, `YYYY-MM`. Default: the tenant's current month. */
  month = '';

  /** The year shown in the year view. Default (`0`): the year of the month shown. */
  year = 0;

  /** Shows the data table instead of the chart. */
  showTable = false;

  /**
   * Daily counts to show instead of fetching them (`DailyUsage`, the answer of
   * `getDailyUsage`). Any number of days, also across months and years: 3,650 days draw
   * and update without a long task. While set, the month view makes no request and
   * hides its pickers.
   */
  data: DailyUsage | undefined;

  /**
   * Monthly counts to show instead of fetching them (`{ year, months }`, the answer of
   * `getMonthlyUsage`). While set, the year view makes no request.
   */
  yearData: YearUsage | undefined;

  /** The chart.js side: loaded, drawn, resized and destroyed as the figures and the canvas come and go. */
  #canvas = new ChartCanvas(this, () => onFirstUse.chart());
  /** The rows of the view shown, as last rendered. */
  #rows: Rows | undefined;
  #activeOf: object | undefined;
  #yearCache = new Map<string, YearUsage>();

  /** The chart.js instance, once drawn (read-only; for tests and hosts that inspect it). */
  get chart(): Chart | undefined {
    return this.#canvas.chart;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // chart.js loads while the session and the figures do, not after them.
    if (!this.showTable) this.#canvas.preload();
    if (this.hasUpdated) this.requestUpdate(); // draw again after a move
  }

  protected override updated(changed: PropertyValues): void {
    // Only the readout moved: nothing to draw.
    if (changed.size > 1 || !changed.has('active')) this.#syncChart();
  }

  /** chart.js could not be loaded: the table takes the chart's place. */
  get #chartFailed(): boolean {
    return this.#canvas.failed;
  }

  // ---------------------------------------------------------------------------------
  // Data

  /** A year's counts: they serve every month of it, until something changes. */
  async #fetchYear(client: BillingClient, signal: AbortSignal, changes: unknown, y: number): Promise<YearUsage> {
    const key = `${changes}:${y}`;
    const yearly = this.#yearCache.get(key) ?? (await client.getMonthlyUsage(y, { signal }));
    this.#yearCache.set(key, yearly);
    return yearly;
  }

  /** The first year offered: the subscription's (its trial's); until known (or if it cannot be), 5 years back. */
  get #firstYear(): number {
    return this.#tenant.value?.first ?? Number(this.#today.slice(0, 4)) - YEARS_BACK + 1;
  }

  /** The tenant's licenses (prepaid-license plans), for the fetched figures. */
  get #licenses() {
    return this.#usesOwnData ? undefined : this.#tenant.value?.licenses;
  }

  /**
   * The licenses held in the current period on a day or in a month (`YYYY-MM-DD`,
   * `YYYY-MM`), of a prepaid-license plan; `null` outside it (no count per day in the API).
   */
  #heldOn(x: string): number | null {
    const l = this.#licenses;
    return l && x >= l.period.start.slice(0, x.length) && x <= l.period.end.slice(0, x.length) ? l.licenses : null;
  }

  /** Why a month is not charged: its trial, before the subscription, or either (not known). */
  #notCharged(m: MonthUsage): MessageKey {
    const tenant = this.#usesOwnData ? undefined : this.#tenant.value;
    return !tenant
      ? 'chart.note.not-charged'
      : tenant.trial && m.month >= tenant.trial.startedOn.slice(0, 7)
        ? 'chart.series.not-charged'
        : 'chart.series.before';
  }

  /** True when the figures of the current view come from `data`/`yearData`. */
  get #usesOwnData(): boolean {
    return (this.view === 'month' ? this.data : this.yearData) !== undefined;
  }

  /**
   * The tenant's today ('' until known; while `/me` is asked, the one the tab expects, to
   * fetch with). Never the browser's clock: the tenant's month may be another; only
   * figures the host gives (`data`, `yearData`) are shown without it.
   */
  get #today(): string {
    const today = this.billing?.expectedPermissions?.today;
    return today ?? (this.#usesOwnData ? new Date().toLocaleDateString('sv') : ''); // Swedish dates are YYYY-MM-DD
  }

  get #month(): string {
    return this.month || this.#today.slice(0, 7);
  }

  get #year(): number {
    return this.year || Number(this.#month.slice(0, 4));
  }

  /** The daily counts shown (the host's or the fetched ones). */
  get #daily(): DailyUsage | undefined {
    return this.data ?? this.#usage.value?.daily;
  }

  /** The monthly counts shown in the year view. */
  get #yearly(): YearUsage | undefined {
    return this.yearData ?? this.#usage.value?.yearly;
  }

  /** The fetched monthly counts (for the billing figures of a month). */
  get #fetchedYear(): YearUsage | undefined {
    return this.#usage.value?.yearly;
  }

  /** The figures of the view shown. */
  get #shown(): DailyUsage | YearUsage | undefined {
    return this.view === 'month' ? this.#daily : this.#yearly;
  }

  /** The month's billing figures (model, billed count, monthly active users), when known. */
  get #monthUsage(): MonthUsage | undefined {
    const d = this.#daily;
    return d && !this.data ? this.#fetchedYear?.months.find((m) => m.month === d.month) : undefined;
  }

  /** Fetches the figures of the current selection again (and chart.js, if it could not be loaded). */
  refresh(): void {
    this.#yearCache.clear();
    this.#canvas.retry();
    void this.#usage.refresh();
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

  /** Pointer over the chart: the readout follows the nearest day or month. */
  #onPointer(e: PointerEvent): void {
    const x = this.#canvas.chart?.scales['x']!.getValueForPixel(e.offsetX);
    if (x !== undefined) this.#setActive(Math.round(x) - this.#rows!.x0);
  }

  /** A click opens the people of the day or month under the pointer. */
  #onClick(e: MouseEvent): void {
    this.#onPointer(e as PointerEvent);
    this.#open(this.#activeRow);
  }

  /** Opens the people behind row `r`'s count (none behind 0, nor behind the host's figures). */
  #open(r: number | undefined): void {
    const q = r === undefined ? undefined : this.#rows?.people?.(r);
    if (q?.count) void showPeople(this, q).catch((e) => this.reportError(e));
  }

  /** Arrow keys step through the days or months; Home and End go to the first and last; Enter opens the people. */
  #onKey(e: KeyboardEvent): void {
    const last = this.#rows!.count - 1;
    const r = this.#activeRow ?? last;
    if (e.key === 'Enter') this.#open(r);
    const step = this.matches(':dir(rtl)') ? -1 : 1; // right to left, time runs leftwards
    const next = { ArrowLeft: r - step, ArrowRight: r + step, Home: 0, End: last }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    this.#setActive(next);
  }

  #onFocus(): void {
    this.#setActive(this.#activeRow ?? this.#rows!.count - 1);
  }

  /** On leaving the chart (the mouse, or the focus; a tap's readout stays until the focus moves on). */
  #clearActive(): void {
    // After the update that may be under way: the canvas also blurs when a new render removes it.
    queueMicrotask(() => (this.active = -1));
  }

  #setActive(r: number): void {
    this.#activeOf = this.#shown;
    this.active = Math.min(this.#rows!.count - 1, Math.max(0, r));
  }

  /** The row in the readout, if it belongs to the figures shown. */
  get #activeRow(): number | undefined {
    return this.active >= 0 && this.#activeOf === this.#shown ? this.active : undefined;
  }

  // ---------------------------------------------------------------------------------
  // The chart

  /** Draws what is rendered (chart.js loads the first time there is something to draw). */
  #syncChart(): void {
    const month = this.view === 'month';
    this.#canvas.sync({
      canvas: this.#canvasEl,
      probe: this.#probeEl,
      drawable: !this.#usage.loading && !this.#usage.error,
      from: [this.locale, this.#today, this.#shown, this.#monthUsage, this.#tenant.value],
      figures: (palette) => {
        const shown = month ? [] : this.#shownMonths(this.#yearly!);
        const l = this.#licenses;
        return {
          locale: this.locale,
          palette,
          t: (key) => this.t(key),
          held: l && [l.licenses, l.period.start, l.period.end],
          ...(month
            ? { daily: this.#daily!, extra: Boolean(this.#extra()) }
            : { months: this.#yearly!.months, shown, billed: billedKey(this.#yearModel(shown)) }),
        };
      },
    });
  }

  // ---------------------------------------------------------------------------------
  // Figures and words

  /** Users above the included users at the peak: the API's figure, else the difference drawn. */
  #extra(): number | null {
    const { peak, includedUsers } = this.#daily!;
    const usage = this.#monthUsage;
    return usage ? usage.extraUsers : includedUsers === null ? null : Math.max(0, peak!.count - includedUsers);
  }

  /** The months with figures: not in the future, and not before anyone was active. */
  #shownMonths(yearly: YearUsage): MonthUsage[] {
    const today = this.#today.slice(0, 7);
    return yearly.months.filter(
      (m) =>
        (today ? m.month <= today : !m.provisional || m.peak || m.distinctActive) &&
        (m.peak || m.distinctActive || m.billedCount),
    );
  }

  /** The model the year is explained by: that of its latest month with figures. */
  #yearModel(shown: MonthUsage[]): BillingModel {
    return shown.at(-1)!.model;
  }

  #monthNote(m: MonthUsage): string {
    return m.beforeFirstBilledMonth
      ? this.t(this.#notCharged(m))
      : m.provisional
        ? this.t('chart.note.provisional')
        : '';
  }

  /** The last month put in words, and its key (locale and month): an update of the same month formats no date. */
  #monthWords = ['', ''];

  /** The period a day series covers, in words: a month, or a range of dates. */
  #periodOf({ days, month }: DailyUsage): string {
    const first = days[0]?.date ?? month;
    const last = days.at(-1)?.date ?? month;
    if (first.slice(0, 7) !== last.slice(0, 7)) {
      return this.t('chart.range', { from: this.fmtDate(first), to: this.fmtDate(last) });
    }
    if (!/^\d{4}-\d\d/.test(first)) return first;
    const key = this.locale + first.slice(0, 7);
    if (this.#monthWords[0] !== key) this.#monthWords = [key, this.fmtMonth(first.slice(0, 7))];
    return this.#monthWords[1]!;
  }

  // ---------------------------------------------------------------------------------
  // Rendering

  #renderPicker<T extends string | number>(
    label: MessageKey,
    current: T,
    options: T[],
    format: (o: T) => string,
    onChange: (value: string) => void,
  ): TemplateResult {
    if (!options.includes(current)) options.unshift(current);
    return html`<label
      >${this.t(label)}
      <select @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
        ${options.map((o) => html`<option value=${o} ?selected=${o === current}>${format(o)}</option>`)}
      </select>
    </label>`;
  }

  #renderToolbar(): TemplateResult {
    const today = this.#today;
    const first = this.#firstYear;
    const table = this.showTable || this.#chartFailed;
    // The period switch only offers views that have figures: fetched, or given by the host.
    return html`<div class="toolbar" part="toolbar">
      ${
        this.billing || (this.data && this.yearData)
          ? html`<div class="segmented" role="group" aria-label=${this.t('chart.period')}>
              ${(['month', 'year'] as const).map(
                (v) =>
                  html`<button
                    type="button"
                    part="period-button"
                    aria-pressed=${this.view === v}
                    @click=${() => this.#setView(v)}
                  >
                    ${this.t(`chart.period.${v}`)}
                  </button>`,
              )}
            </div>`
          : nothing
      }
      ${
        this.#usesOwnData
          ? nothing
          : this.view === 'month'
            ? this.#renderPicker(
                'chart.period.month',
                this.#month,
                Array.from({ length: MONTHS_BACK }, (_, i) => shiftMonth(today, -i)).filter((m) => m >= String(first)),
                (m) => this.fmtMonth(m),
                (m) => {
                  this.month = m;
                  this.year = 0;
                },
              )
            : this.#renderPicker(
                'chart.period.year',
                this.#year,
                Array.from({ length: Number(today.slice(0, 4)) - first + 1 }, (_, i) => Number(today.slice(0, 4)) - i),
                String,
                (y) => (this.year = Number(y)),
              )
      }
      <button
        type="button"
        part="table-toggle"
        aria-pressed=${table}
        ?disabled=${this.#chartFailed}
        @click=${() => (this.showTable = !table)}
      >
        ${this.t('chart.show-table')}
      </button>
    </div>`;
  }

  /** A count, or nothing for `null`. */
  #n(n: number | null): string {
    return n === null ? '' : this.fmtCount(n);
  }

  /** A figure above the chart. */
  #stat(key: MessageKey, n: number, cls: string, sub = ''): TemplateResult {
    return html`<div class="stat ${cls}">
      <dt>${this.t(key)}</dt>
      <dd>${this.fmtCount(n)} ${sub ? html`<small>${sub}</small>` : nothing}</dd>
    </div>`;
  }

  #renderStats(daily: DailyUsage): TemplateResult {
    const usage = this.#monthUsage;
    const model = usage?.model;
    const { peak, includedUsers: included } = daily;
    const extra = this.#extra();
    const stats = [
      this.#stat(
        model === 'peak-daily' || (!model && included !== null) ? 'chart.series.peak' : 'chart.stat.highest',
        peak!.count,
        'peak',
        this.t('chart.stat.peak-on', { date: this.fmtDate(peak!.on) }),
      ),
    ];
    if (usage && model !== 'peak-daily') {
      stats.unshift(this.#stat(billedKey(usage.model), usage.billedCount, 'billed'));
      if (model === 'full-month' && usage.monthlyActiveUsers !== null) {
        stats.splice(1, 0, this.#stat('chart.series.mau', usage.monthlyActiveUsers, 'mau'));
      }
    } else if (included !== null) {
      stats.push(this.#stat('chart.series.included', included, 'included'));
      if (extra !== null) stats.push(this.#stat('chart.stat.extra', extra, extra ? 'extra' : ''));
    }
    const held = this.#heldOn(daily.month);
    if (held !== null) stats.push(this.#stat('chart.series.held', held, 'included'));
    return html`<dl class="stats" id="stats" part="stats">${stats}</dl>
      ${usage?.beforeFirstBilledMonth ? html`<p class="notice">${this.t(this.#notCharged(usage))}</p>` : nothing}`;
  }

  /**
   * The chart (with its legend and readout) or the table, of the rows of the view shown.
   * `label` names the chart for screen readers; `describedBy` adds the figures above it.
   */
  #renderFigures(
    rows: Rows,
    caption: string,
    legend: [swatch: string, label: string | false][],
    label: string,
    describedBy = '',
  ): TemplateResult {
    this.#rows = rows;
    const chart = this.#canvas.chart;
    const r = this.#activeRow;
    let cursor = '';
    let place = '';
    let readout: unknown[] = [];
    if (chart && r !== undefined) {
      const [head, ...cells] = rows.cells(r);
      const x = chart.scales['x']!.getPixelForValue(rows.x0 + r);
      const { top, height } = chart.chartArea;
      const dot = chart.scales['y']!.getPixelForValue(rows.y(r)) - top;
      cursor = `left:${x}px;top:${top}px;height:${height}px;--y:${dot}px`;
      // Beside the point, on the side with more room.
      place = x < chart.width / 2 ? `left:${x + 12}px` : `right:${chart.width - x + 12}px`;
      readout = [
        html`<strong>${head}</strong>`,
        ...cells.map((c, i) =>
          !c ? nothing : html`<span>${i + 2 < rows.heads.length ? `${rows.heads[i + 1]}: ${c}` : c}</span>`,
        ),
      ];
    }
    const last = rows.heads.length - 1;
    return this.showTable || this.#chartFailed
      ? html`<div class="table-wrap" tabindex="0" role="region" aria-label=${caption}>
          <table part="table">
            <caption>
              ${caption}
            </caption>
            <thead>
              <tr>
                ${rows.heads.map((h, i) => html`<th scope="col" class=${i > 0 && i < last ? 'num' : ''}>${h}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${Array.from({ length: rows.count }, (_, r) => {
                const [head, ...cells] = rows.cells(r);
                const q = rows.people?.(r);
                return html`<tr class=${r === rows.strong ? 'peak' : ''}>
                  <th scope="row">${head}</th>
                  ${cells.map(
                    (c, i) =>
                      html`<td class=${i + 1 < last ? 'num' : 'note'}>
                        ${
                          i || !q?.count
                            ? c
                            : html`<button class="people" part="people-button" @click=${() => this.#open(r)}>
                                ${c}
                              </button>`
                        }
                      </td>`,
                  )}
                </tr>`;
              })}
            </tbody>
          </table>
        </div>`
      : html`<ul class="legend" part="legend">
            ${legend.map(([swatch, text]) =>
              text ? html`<li><span class="swatch ${swatch}" aria-hidden="true"></span>${text}</li>` : nothing,
            )}
          </ul>
          <div class="chart-box" part="chart">
            <canvas
              role="img"
              aria-label=${`${label} ${this.t('chart.aria.hint')}`}
              aria-describedby=${describedBy || nothing}
              tabindex="0"
              class=${rows.people ? 'people' : ''}
              @click=${this.#onClick}
              @pointermove=${this.#onPointer}
              @pointerdown=${this.#onPointer}
              @pointerleave=${(e: PointerEvent) => e.pointerType !== 'touch' && this.#clearActive()}
              @keydown=${this.#onKey}
              @focus=${this.#onFocus}
              @blur=${this.#clearActive}
            ></canvas>
            <div class="cursor" aria-hidden="true" ?hidden=${!readout.length} style=${cursor}></div>
            <div class="readout" part="readout" role="status" style=${place}>${readout}</div>
          </div>`;
  }

  #renderMonth(daily: DailyUsage, title: string, caption: string): TemplateResult {
    const { days, peak, includedUsers: included } = daily;
    const strong = days.findIndex((d) => d.date === peak!.on);
    const held = this.#heldOn(daily.month) !== null;
    return html`${this.#renderStats(daily)}
    ${this.#renderFigures(
      {
        heads: [
          this.t('chart.col.date'),
          this.t('chart.col.users'),
          ...(held ? [this.t('chart.series.held')] : []),
          this.t('chart.col.note'),
        ],
        count: days.length,
        cells: (r) => [
          this.fmtDate(days[r]!.date),
          this.fmtCount(days[r]!.count),
          ...(held ? [this.#n(this.#heldOn(days[r]!.date))] : []),
          r === strong ? this.t('chart.series.peak') : '',
        ],
        y: (r) => days[r]!.count,
        x0: 0,
        strong,
        people: this.data
          ? undefined
          : (r) => ({ figure: 'day', month: daily.month, day: days[r]!.date, count: days[r]!.count }),
      },
      caption,
      [
        ['line', this.t('chart.series.daily')],
        ['dashed', included !== null && this.t('chart.series.included')],
        ['dashed', held && this.t('chart.series.held')],
        ['above', included !== null && this.t('chart.series.above')],
        [this.#extra() ? 'peak' : 'peak warn', this.t('chart.series.peak')],
      ],
      `${title}.`,
      'stats',
    )}`;
  }

  #renderYear(yearly: YearUsage, shown: MonthUsage[], title: string, caption: string): TemplateResult {
    const billed = this.t(billedKey(this.#yearModel(shown)));
    const mau = this.#yearModel(shown) === 'full-month';
    const included = shown.some((m) => m.includedUsers !== null);
    const held = shown.some((m) => this.#heldOn(m.month) !== null);
    const highest = shown.reduce((a, m) => (m.billedCount > a.billedCount ? m : a));
    const latest = shown.at(-1)!;
    const summary = [
      this.t('chart.summary.highest', {
        count: highest.billedCount,
        n: this.#n(highest.billedCount),
        month: this.fmtMonth(highest.month),
      }),
    ];
    if (mau && latest.monthlyActiveUsers !== null) {
      summary.push(
        this.t('chart.summary.mau', { month: this.fmtMonth(latest.month), n: this.#n(latest.monthlyActiveUsers) }),
      );
    }
    if (latest.includedUsers !== null) {
      summary.push(this.t('chart.summary.included', { count: latest.includedUsers, n: this.#n(latest.includedUsers) }));
    }
    return this.#renderFigures(
      {
        heads: [
          this.t('chart.period.month'),
          billed,
          ...(mau ? [this.t('chart.series.mau')] : []),
          ...(included ? [this.t('chart.series.included'), this.t('chart.stat.extra')] : []),
          ...(held ? [this.t('chart.series.held')] : []),
          this.t('chart.col.note'),
        ],
        count: shown.length,
        cells: (r) => {
          const m = shown[r]!;
          return [
            this.fmtMonth(m.month),
            this.#n(m.billedCount),
            ...(mau ? [this.#n(m.monthlyActiveUsers)] : []),
            ...(included ? [this.#n(m.includedUsers), this.#n(m.extraUsers)] : []),
            ...(held ? [this.#n(this.#heldOn(m.month))] : []),
            this.#monthNote(m),
          ];
        },
        y: (r) => shown[r]!.billedCount,
        x0: yearly.months.indexOf(shown[0]!),
        strong: -1,
        people: this.yearData
          ? undefined
          : (r) => ({ figure: 'month', month: shown[r]!.month, count: shown[r]!.billedCount }),
      },
      caption,
      [
        ['', billed],
        ['mau', mau && this.t('chart.series.mau')],
        ['dashed', yearly.months.some((m) => m.includedUsers !== null) && this.t('chart.series.included')],
        ['dashed', yearly.months.some((m) => this.#heldOn(m.month) !== null) && this.t('chart.series.held')],
        [
          'provisional',
          shown.some((m) => m.provisional && !m.beforeFirstBilledMonth) && this.t('chart.series.provisional'),
        ],
        ...[...new Set(shown.filter((m) => m.beforeFirstBilledMonth).map((m) => this.#notCharged(m)))].map(
          (k): [string, string] => ['not-charged', this.t(k)],
        ),
      ],
      `${title}. ${summary.join(' ')}`,
    );
  }

  protected override render() {
    // Its colours are the chart's; their transition tells the chart that the theme changed.
    const probe = html`<span class="probe" aria-hidden="true"></span>`;
    const { error: failure, loading: pending } = this.#usage;
    // The session's failure; figures the host gives need none.
    const session = this.#usesOwnData ? undefined : this.sessionState();
    if (session || this.roleForbidden || failure?.kind === 'forbidden') {
      return html`${session || forbiddenState(this.locale)}${probe}`;
    }
    if (!this.#usesOwnData && !this.billing?.permissions) {
      return html`${loadingState(this.locale, 10)}${probe}`;
    }
    const shown = this.#shown;
    const error = failure && errorState(this.locale, failure, () => this.refresh(), undefined, this.#usage.waiting);
    if (error && !shown) return html`${error}${probe}`;
    const ready = !pending && !error && shown;
    let title: string;
    let provisional = '';
    let model: BillingModel | undefined;
    let body: TemplateResult | undefined = error;
    let figures: ((caption: string) => TemplateResult) | undefined;
    if (this.view === 'month') {
      const daily = ready && this.#daily!;
      const period = daily ? this.#periodOf(daily) : this.fmtMonth(this.#month);
      title = this.t('chart.title.month', { month: period });
      if (daily && daily.peak) {
        model = this.#monthUsage?.model;
        if (daily.provisional) provisional = this.t('state.provisional');
        figures = (caption) => this.#renderMonth(daily, title, caption);
      } else if (daily) {
        body = emptyState(this.t('chart.empty.month.title', { month: period }), this.t('chart.empty.month.body'));
      }
    } else {
      const yearly = ready && this.#yearly!;
      const year = String(yearly ? yearly.year : this.#year);
      title = this.t('chart.title.year', { year });
      const months = yearly ? this.#shownMonths(yearly) : [];
      if (yearly && months.length) {
        model = this.#yearModel(months);
        const open = months.find((m) => m.provisional);
        if (open) provisional = this.t('chart.provisional.year', { month: this.fmtMonth(open.month) });
        figures = (caption) => this.#renderYear(yearly, months, title, caption);
      } else if (yearly) {
        body = emptyState(this.t('chart.empty.year.title', { year }), this.t('chart.empty.year.body'));
      }
    }
    // The table's caption: the title, and whether its figures are final.
    if (figures) body = figures(provisional ? this.t('chart.caption.provisional', { caption: title }) : title);
    return html`<div class="panel">
      <div class="head">
        <h2 id="title" part="title">${title}</h2>
        ${this.#renderToolbar()}
      </div>
      ${provisional ? html`<p class="provisional">${provisional}</p>` : nothing}
      ${this.#chartFailed ? html`<p class="notice" role="status">${this.t('chart.load-failed')}</p>` : nothing}
      <div class="body" aria-busy=${pending}>${body || loadingState(this.locale, 8)}</div>
      ${model ? html`<p class="rule" part="rule">${this.t(`chart.rule.${model}`)}</p>` : nothing} ${probe}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-user-count-chart': BillingUserCountChart;
  }
}
