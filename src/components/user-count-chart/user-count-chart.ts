import { de, en, nl } from './user-count-chart.messages.js';
import { html, nothing, type PropertyValues } from 'lit';
import type { Chart } from 'chart.js';
import type { DailyUsage, MonthUsage } from '../../client/client.js';
import type { ChangeTopic } from '../../context/context.js';
import { onDemand } from '../../internal/on-demand.js';
import { showPeople } from '../../internal/show-people.js';
import { BillingElement } from '../../internal/billing-element.js';
import { toolbarStyles } from '../../internal/toolbar.styles.js';
import { Query } from '../../internal/query.js';
import { errorState, forbiddenState, loadingState } from '../../internal/states.js';
import { ChartCanvas } from './chart-canvas.js';
import { chartBox, figuresTable, type CanvasEvents, type Rows } from './figures-display.js';
import { renderToolbar } from './toolbar.js';
import { fetchUsage, oldestYear, type Tenant } from './usage.js';
import { userCountChartStyles } from './user-count-chart.styles.js';
import { chartFigures, monthView, yearView, type ViewContext } from './view-figures.js';

/** This element's catalogues (a plain object, not a module namespace: no namespace helper in the build). */
const messages = { en, nl, de };

/** What `getMonthlyUsage(year)` answers: a year's twelve months. */
export interface YearUsage {
  year: number;
  months: MonthUsage[];
}

type View = 'month' | 'year';

/** The changes that alter the counts (a user deactivated, licenses bought, the edition changed). */
const TOPICS: readonly ChangeTopic[] = ['users', 'licenses', 'subscription'];

/**
 * What only a drawn chart needs, loaded then: chart.js, with only the pieces
 * ./chart-parts.js draws with. Tests replace it to see the table take the chart's place.
 */
export const onFirstUse = {
  chart: onDemand(() => import('./chart-parts.js')),
};

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
    run: async (client, signal, [idle, month, year, changes]) =>
      idle ? undefined : fetchUsage(this.#yearCache, client, signal, month, year, changes),
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
      return { trial, licenses, first: Math.max(Number(startedOn.slice(0, 4)), oldestYear(this.#today)) };
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

  /** The first year offered: the subscription's (its trial's); until known (or if it cannot be), 5 years back. */
  get #firstYear(): number {
    return this.#tenant.value?.first ?? oldestYear(this.#today);
  }

  /** The tenant's trial and licenses, for the fetched figures (none for the host's). */
  get #tenantOf(): Tenant | undefined {
    return this.#usesOwnData ? undefined : this.#tenant.value;
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
    this.#canvas.sync({
      canvas: this.#canvasEl,
      probe: this.#probeEl,
      drawable: !this.#usage.loading && !this.#usage.error,
      from: [this.locale, this.#today, this.#shown, this.#monthUsage, this.#tenant.value],
      figures: (palette) =>
        chartFigures(this.#context, palette, this.view === 'month' && this.#daily!, this.#yearly!, this.#today),
    });
  }

  // ---------------------------------------------------------------------------------
  // Rendering

  /** The last month put in words, and its key (locale and month): an update of the same month formats no date. */
  #monthWords = ['', ''];

  /** What the views are put in words with (see ./view-figures.ts). */
  get #context(): ViewContext {
    return {
      t: (key, params) => this.t(key, params),
      locale: this.locale,
      tenant: this.#tenantOf,
      usage: this.#monthUsage,
      people: !this.#usesOwnData,
      show: this.#show,
    };
  }

  /** What the chart's canvas answers (Lit calls them on the element). */
  #canvasEvents: CanvasEvents = [
    this.#onClick,
    this.#onPointer,
    (e) => e.pointerType !== 'touch' && this.#clearActive(),
    this.#onKey,
    this.#onFocus,
    this.#clearActive,
  ];

  /** Shows the rows of the view shown: the chart (with its legend and readout) or the table. */
  #show: ViewContext['show'] = (rows, caption, legend, label, describedBy = '') => {
    this.#rows = rows;
    return this.showTable || this.#chartFailed
      ? figuresTable(rows, caption, (r) => this.#open(r))
      : chartBox(
          rows,
          legend,
          `${label} ${this.t('chart.aria.hint')}`,
          describedBy,
          this.#canvas.chart,
          this.#activeRow,
          this.#canvasEvents,
        );
  };

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
    const c = this.#context;
    const [title, provisional, model, body = error] =
      this.view === 'month'
        ? monthView(c, this.#monthWords, ready && this.#daily!, this.#month)
        : yearView(c, ready && this.#yearly!, this.#year, this.#today);
    return html`<div class="panel">
      <div class="head">
        <h2 id="title" part="title">${title}</h2>
        ${renderToolbar(
          this,
          c,
          this.#today,
          this.#firstYear,
          this.#month,
          this.#year,
          this.#chartFailed,
          this.billing || (this.data && this.yearData),
          this.#usesOwnData,
          (v) => this.#setView(v),
        )}
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
