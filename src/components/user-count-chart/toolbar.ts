/**
 * The toolbar of `<billing-user-count-chart>`, its range controls: the Month and Year
 * switch, the month picker (the last two years, from the subscription's first year) or the
 * year picker, and the table toggle. They set the element's `month`, `year` and
 * `showTable`; the switch calls back the element (`setView`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatMonth } from '../../internal/format.js';
import { addMonths } from '../../internal/months.js';
import type { MessageKey } from '../../i18n/index.js';
import type { BillingUserCountChart } from './user-count-chart.js';
import type { ViewContext } from './view-figures.js';

/** Months offered in the month picker at most, counting back from the current one. */
const MONTHS_BACK = 24;

function renderPicker<T extends string | number>(
  t: ViewContext['t'],
  label: MessageKey,
  current: T,
  options: T[],
  format: (o: T) => string,
  onChange: (value: string) => void,
): TemplateResult {
  if (!options.includes(current)) options.unshift(current);
  return html`<label
    >${t(label)}
    <select @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      ${options.map((o) => html`<option value=${o} ?selected=${o === current}>${format(o)}</option>`)}
    </select>
  </label>`;
}

/**
 * The toolbar of `host`, in the words of `c`: the pickers offer the months and years from
 * `first` to `today`, with `month` and `year` selected; `failed` (chart.js could not be
 * loaded) keeps the table shown; `periods` (truthy when both views have figures: fetched,
 * or the host's) offers the Month and Year switch, which calls `setView`; `ownData` (the
 * figures are the host's) hides the pickers.
 */
export function renderToolbar(
  host: BillingUserCountChart,
  c: Pick<ViewContext, 't' | 'locale'>,
  today: string,
  first: number,
  month: string,
  year: number,
  failed: boolean,
  periods: unknown,
  ownData: boolean,
  setView: (view: BillingUserCountChart['view']) => void,
): TemplateResult {
  const t = c.t;
  const table = host.showTable || failed;
  // The period switch only offers views that have figures: fetched, or given by the host.
  return html`<div class="toolbar" part="toolbar">
    ${
      periods
        ? html`<div class="segmented" role="group" aria-label=${t('chart.period')}>
            ${(['month', 'year'] as const).map(
              (v) =>
                html`<button
                  type="button"
                  part="period-button"
                  aria-pressed=${host.view === v}
                  @click=${() => setView(v)}
                >
                  ${t(`chart.period.${v}`)}
                </button>`,
            )}
          </div>`
        : nothing
    }
    ${
      ownData
        ? nothing
        : host.view === 'month'
          ? renderPicker(
              t,
              'chart.period.month',
              month,
              Array.from({ length: MONTHS_BACK }, (_, i) => addMonths(today, -i)).filter((m) => m >= String(first)),
              (m) => formatMonth(m, c.locale),
              (m) => {
                host.month = m;
                host.year = 0;
              },
            )
          : renderPicker(
              t,
              'chart.period.year',
              year,
              Array.from({ length: Number(today.slice(0, 4)) - first + 1 }, (_, i) => Number(today.slice(0, 4)) - i),
              String,
              (y) => (host.year = Number(y)),
            )
    }
    <button
      type="button"
      part="table-toggle"
      aria-pressed=${table}
      ?disabled=${failed}
      @click=${() => (host.showTable = !table)}
    >
      ${t('chart.show-table')}
    </button>
  </div>`;
}
