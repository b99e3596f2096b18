/**
 * What the month and the year view of `<billing-user-count-chart>` show, in words: the
 * title (the period), the provisional note, the model whose rule is explained, the empty
 * state, the figures above a month's chart (peak, included, extra; billable, monthly
 * active; licenses), and each view's rows, legend and summary for screen readers, which
 * the element shows as the chart or the table (`ViewContext.show`, ./figures-display.ts);
 * and what the chart draws of them (`chartFigures`, for ./chart-parts.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { BillingModel, DailyUsage, MonthUsage } from '../../client/client.js';
import { formatCount, formatDate, formatMonth } from '../../internal/format.js';
import { emptyState } from '../../internal/states.js';
import type { MessageKey, MessageParams } from '../../i18n/index.js';
import type { Figures, Palette } from './chart-parts.js';
import type { Legend, Rows } from './figures-display.js';
import { billedKey, extraUsers, heldOn, notCharged, shownMonths, yearModel, type Tenant } from './usage.js';
import type { YearUsage } from './user-count-chart.js';

/**
 * What the views are made with: the element's words and locale, what the fetched figures
 * add, and how the element shows a view's rows.
 */
export interface ViewContext {
  t: (key: MessageKey, params?: MessageParams) => string;
  locale: string;
  /** The tenant's trial and licenses (fetched figures only). */
  tenant: Tenant | undefined;
  /** The month's billing figures (model, billed count, monthly active users), when known. */
  usage: MonthUsage | undefined;
  /** The counts open the people behind them (fetched figures, not the host's). */
  people: boolean;
  /**
   * Shows the rows of the view shown, as the chart or the table: `label` names the chart
   * for screen readers; `describedBy` adds the figures above it.
   */
  show: (rows: Rows, caption: string, legend: Legend, label: string, describedBy?: string) => TemplateResult;
}

/**
 * A view as the panel shows it: its title, the note that its figures are provisional (or
 * ''), the billing model whose rule is explained (once there are figures), and its body
 * (the figures, or the empty state; none while they load).
 */
export type Panel = [title: string, provisional: string, model?: BillingModel, body?: TemplateResult];

/** A count, or nothing for `null`. */
function count(c: ViewContext, n: number | null): string {
  return n === null ? '' : formatCount(n, c.locale);
}

/** A figure above the chart. */
function stat(c: ViewContext, key: MessageKey, n: number, cls: string, sub = ''): TemplateResult {
  return html`<div class="stat ${cls}">
    <dt>${c.t(key)}</dt>
    <dd>${formatCount(n, c.locale)} ${sub ? html`<small>${sub}</small>` : nothing}</dd>
  </div>`;
}

function renderStats(c: ViewContext, daily: DailyUsage): TemplateResult {
  const usage = c.usage;
  const model = usage?.model;
  const { peak, includedUsers: included } = daily;
  const extra = extraUsers(daily, usage);
  const stats = [
    stat(
      c,
      model === 'peak-daily' || (!model && included !== null) ? 'chart.series.peak' : 'chart.stat.highest',
      peak!.count,
      'peak',
      c.t('chart.stat.peak-on', { date: formatDate(peak!.on, c.locale) }),
    ),
  ];
  if (usage && model !== 'peak-daily') {
    stats.unshift(stat(c, billedKey(usage.model), usage.billedCount, 'billed'));
    if (model === 'full-month' && usage.monthlyActiveUsers !== null) {
      stats.splice(1, 0, stat(c, 'chart.series.mau', usage.monthlyActiveUsers, 'mau'));
    }
  } else if (included !== null) {
    stats.push(stat(c, 'chart.series.included', included, 'included'));
    if (extra !== null) stats.push(stat(c, 'chart.stat.extra', extra, extra ? 'extra' : ''));
  }
  const held = heldOn(c.tenant, daily.month);
  if (held !== null) stats.push(stat(c, 'chart.series.held', held, 'included'));
  return html`<dl class="stats" id="stats" part="stats">${stats}</dl>
    ${usage?.beforeFirstBilledMonth ? html`<p class="notice">${c.t(notCharged(c.tenant, usage))}</p>` : nothing}`;
}

function monthNote(c: ViewContext, m: MonthUsage): string {
  return m.beforeFirstBilledMonth ? c.t(notCharged(c.tenant, m)) : m.provisional ? c.t('chart.note.provisional') : '';
}

/**
 * The period a day series covers, in words: a month, or a range of dates. `words` keeps
 * the last month put in words, and its key (locale and month): an update of the same
 * month formats no date.
 */
function periodOf(c: ViewContext, words: string[], { days, month }: DailyUsage): string {
  const first = days[0]?.date ?? month;
  const last = days.at(-1)?.date ?? month;
  if (first.slice(0, 7) !== last.slice(0, 7)) {
    return c.t('chart.range', { from: formatDate(first, c.locale), to: formatDate(last, c.locale) });
  }
  if (!/^\d{4}-\d\d/.test(first)) return first;
  const key = c.locale + first.slice(0, 7);
  if (words[0] !== key) words.splice(0, 2, key, formatMonth(first.slice(0, 7), c.locale));
  return words[1]!;
}

/** The table's caption: the title, and whether its figures are final. */
function captionOf(c: ViewContext, title: string, provisional: string): string {
  return provisional ? c.t('chart.caption.provisional', { caption: title }) : title;
}

/** The month view of `daily` (its peak known): the figures above the chart, and the days shown by `c.show`. */
function renderMonth(c: ViewContext, daily: DailyUsage, title: string, caption: string): TemplateResult {
  const { days, peak, includedUsers: included } = daily;
  const strong = days.findIndex((d) => d.date === peak!.on);
  const held = heldOn(c.tenant, daily.month) !== null;
  return html`${renderStats(c, daily)}
  ${c.show(
    {
      heads: [
        c.t('chart.col.date'),
        c.t('chart.col.users'),
        ...(held ? [c.t('chart.series.held')] : []),
        c.t('chart.col.note'),
      ],
      count: days.length,
      cells: (r) => [
        formatDate(days[r]!.date, c.locale),
        formatCount(days[r]!.count, c.locale),
        ...(held ? [count(c, heldOn(c.tenant, days[r]!.date))] : []),
        r === strong ? c.t('chart.series.peak') : '',
      ],
      y: (r) => days[r]!.count,
      x0: 0,
      strong,
      people: c.people
        ? (r) => ({ figure: 'day', month: daily.month, day: days[r]!.date, count: days[r]!.count })
        : undefined,
    },
    caption,
    [
      ['line', c.t('chart.series.daily')],
      ['dashed', included !== null && c.t('chart.series.included')],
      ['dashed', held && c.t('chart.series.held')],
      ['above', included !== null && c.t('chart.series.above')],
      [extraUsers(daily, c.usage) ? 'peak' : 'peak warn', c.t('chart.series.peak')],
    ],
    `${title}.`,
    'stats',
  )}`;
}

/** The year view of `yearly`, of which `shown` have figures: its months shown by `c.show`, summed up for screen readers. */
function renderYear(
  c: ViewContext,
  yearly: YearUsage,
  shown: MonthUsage[],
  title: string,
  caption: string,
): TemplateResult {
  const billed = c.t(billedKey(yearModel(shown)));
  const mau = yearModel(shown) === 'full-month';
  const included = shown.some((m) => m.includedUsers !== null);
  const held = shown.some((m) => heldOn(c.tenant, m.month) !== null);
  const highest = shown.reduce((a, m) => (m.billedCount > a.billedCount ? m : a));
  const latest = shown.at(-1)!;
  const summary = [
    c.t('chart.summary.highest', {
      count: highest.billedCount,
      n: count(c, highest.billedCount),
      month: formatMonth(highest.month, c.locale),
    }),
  ];
  if (mau && latest.monthlyActiveUsers !== null) {
    summary.push(
      c.t('chart.summary.mau', { month: formatMonth(latest.month, c.locale), n: count(c, latest.monthlyActiveUsers) }),
    );
  }
  if (latest.includedUsers !== null) {
    summary.push(c.t('chart.summary.included', { count: latest.includedUsers, n: count(c, latest.includedUsers) }));
  }
  return c.show(
    {
      heads: [
        c.t('chart.period.month'),
        billed,
        ...(mau ? [c.t('chart.series.mau')] : []),
        ...(included ? [c.t('chart.series.included'), c.t('chart.stat.extra')] : []),
        ...(held ? [c.t('chart.series.held')] : []),
        c.t('chart.col.note'),
      ],
      count: shown.length,
      cells: (r) => {
        const m = shown[r]!;
        return [
          formatMonth(m.month, c.locale),
          count(c, m.billedCount),
          ...(mau ? [count(c, m.monthlyActiveUsers)] : []),
          ...(included ? [count(c, m.includedUsers), count(c, m.extraUsers)] : []),
          ...(held ? [count(c, heldOn(c.tenant, m.month))] : []),
          monthNote(c, m),
        ];
      },
      y: (r) => shown[r]!.billedCount,
      x0: yearly.months.indexOf(shown[0]!),
      strong: -1,
      people: c.people ? (r) => ({ figure: 'month', month: shown[r]!.month, count: shown[r]!.billedCount }) : undefined,
    },
    caption,
    [
      ['', billed],
      ['mau', mau && c.t('chart.series.mau')],
      ['dashed', yearly.months.some((m) => m.includedUsers !== null) && c.t('chart.series.included')],
      ['dashed', yearly.months.some((m) => heldOn(c.tenant, m.month) !== null) && c.t('chart.series.held')],
      ['provisional', shown.some((m) => m.provisional && !m.beforeFirstBilledMonth) && c.t('chart.series.provisional')],
      ...[...new Set(shown.filter((m) => m.beforeFirstBilledMonth).map((m) => notCharged(c.tenant, m)))].map(
        (k): [string, string] => ['not-charged', c.t(k)],
      ),
    ],
    `${title}. ${summary.join(' ')}`,
  );
}

/**
 * The month view: of `daily` once its figures are in (while they load, none: the title
 * names `month`). `words` is where `periodOf` keeps the last month put in words.
 */
export function monthView(
  c: ViewContext,
  words: string[],
  daily: DailyUsage | false | undefined,
  month: string,
): Panel {
  const period = daily ? periodOf(c, words, daily) : formatMonth(month, c.locale);
  const title = c.t('chart.title.month', { month: period });
  if (daily && daily.peak) {
    const provisional = daily.provisional ? c.t('state.provisional') : '';
    return [title, provisional, c.usage?.model, renderMonth(c, daily, title, captionOf(c, title, provisional))];
  }
  return [
    title,
    '',
    undefined,
    daily ? emptyState(c.t('chart.empty.month.title', { month: period }), c.t('chart.empty.month.body')) : undefined,
  ];
}

/**
 * The year view: of `yearly` once its figures are in (while they load, none: the title
 * names `year`), its months up to `today` (see `shownMonths`).
 */
export function yearView(c: ViewContext, yearly: YearUsage | false | undefined, year: number, today: string): Panel {
  const named = String(yearly ? yearly.year : year);
  const title = c.t('chart.title.year', { year: named });
  const months = yearly ? shownMonths(yearly, today) : [];
  if (yearly && months.length) {
    const open = months.find((m) => m.provisional);
    const provisional = open ? c.t('chart.provisional.year', { month: formatMonth(open.month, c.locale) }) : '';
    return [
      title,
      provisional,
      yearModel(months),
      renderYear(c, yearly, months, title, captionOf(c, title, provisional)),
    ];
  }
  return [
    title,
    '',
    undefined,
    yearly ? emptyState(c.t('chart.empty.year.title', { year: named }), c.t('chart.empty.year.body')) : undefined,
  ];
}

/**
 * What the chart draws in `palette` (see ./chart-parts.ts): the days of `daily` (the month
 * view), else the months of `yearly` up to `today`, and the licenses held.
 */
export function chartFigures(
  c: ViewContext,
  palette: Palette,
  daily: DailyUsage | false,
  yearly: YearUsage,
  today: string,
): Figures {
  const shown = daily ? [] : shownMonths(yearly, today);
  const l = c.tenant?.licenses;
  return {
    locale: c.locale,
    palette,
    t: c.t,
    held: l && [l.licenses, l.period.start, l.period.end],
    ...(daily
      ? { daily, extra: Boolean(extraUsers(daily, c.usage)) }
      : { months: yearly.months, shown, billed: billedKey(yearModel(shown)) }),
  };
}
