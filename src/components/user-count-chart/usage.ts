/**
 * The figures of `<billing-user-count-chart>` as data: how they are fetched (a year's
 * counts cached for its months), and pure functions of the API's answers that decide what
 * the chart shows (which months have figures, the model a year is explained by, the extra
 * users, the licenses held, why a month is not charged). No words and no DOM:
 * ./view-figures.ts puts them in words.
 */
import type { BillingClient, BillingModel, DailyUsage, MonthUsage, SubscriptionOverview } from '../../client/client.js';
import type { MessageKey } from '../../i18n/index.js';
import type { YearUsage } from './user-count-chart.js';

/** Years offered in the year picker at most, counting back from the current one. */
const YEARS_BACK = 5;

/** What the tenant's history adds to the fetched figures: its trial and its licenses. */
export type Tenant = Pick<SubscriptionOverview, 'trial' | 'licenses'>;

/**
 * The figures of a selection: `month`'s daily counts (none for `''`: the year view) and
 * the monthly counts of its year (else of `year`), those from `cache` (see `fetchYear`).
 */
export async function fetchUsage(
  cache: Map<string, YearUsage>,
  client: BillingClient,
  signal: AbortSignal,
  month: string,
  year: number,
  changes: unknown,
): Promise<{ daily: DailyUsage | undefined; yearly: YearUsage }> {
  const [daily, yearly] = await Promise.all([
    month ? client.getDailyUsage(month, { signal }) : undefined,
    fetchYear(cache, client, signal, changes, month ? Number(month.slice(0, 4)) : year),
  ]);
  return { daily, yearly };
}

/** The oldest year the year picker offers at most, as of `today`: the last YEARS_BACK years. */
export function oldestYear(today: string): number {
  return Number(today.slice(0, 4)) - YEARS_BACK + 1;
}

/** A year's counts: they serve every month of it, until something changes (`changes`). */
async function fetchYear(
  cache: Map<string, YearUsage>,
  client: BillingClient,
  signal: AbortSignal,
  changes: unknown,
  y: number,
): Promise<YearUsage> {
  const key = `${changes}:${y}`;
  const yearly = cache.get(key) ?? (await client.getMonthlyUsage(y, { signal }));
  cache.set(key, yearly);
  return yearly;
}

/** What the billed count is called under a model (series, figure, column). */
export function billedKey(model: BillingModel): MessageKey {
  return model === 'full-month'
    ? 'chart.series.billable'
    : model === 'prepaid-licenses'
      ? 'chart.series.licenses'
      : 'chart.series.billed';
}

/**
 * The licenses held in the current period on a day or in a month (`YYYY-MM-DD`,
 * `YYYY-MM`), of a prepaid-license plan; `null` outside it (no count per day in the API).
 */
export function heldOn(tenant: Tenant | undefined, x: string): number | null {
  const l = tenant?.licenses;
  return l && x >= l.period.start.slice(0, x.length) && x <= l.period.end.slice(0, x.length) ? l.licenses : null;
}

/** Why a month is not charged: its trial, before the subscription, or either (not known). */
export function notCharged(tenant: Tenant | undefined, m: MonthUsage): MessageKey {
  return !tenant
    ? 'chart.note.not-charged'
    : tenant.trial && m.month >= tenant.trial.startedOn.slice(0, 7)
      ? 'chart.series.not-charged'
      : 'chart.series.before';
}

/**
 * Users above the included users at the peak: the API's figure (`usage`, the month's
 * billing figures), else the difference drawn.
 */
export function extraUsers({ peak, includedUsers }: DailyUsage, usage: MonthUsage | undefined): number | null {
  return usage ? usage.extraUsers : includedUsers === null ? null : Math.max(0, peak!.count - includedUsers);
}

/** The months with figures: not in the future (after `today`, if known), and not before anyone was active. */
export function shownMonths(yearly: YearUsage, today: string): MonthUsage[] {
  const month = today.slice(0, 7);
  return yearly.months.filter(
    (m) =>
      (month ? m.month <= month : !m.provisional || m.peak || m.distinctActive) &&
      (m.peak || m.distinctActive || m.billedCount),
  );
}

/** The model the year is explained by: that of its latest month with figures. */
export function yearModel(shown: MonthUsage[]): BillingModel {
  return shown.at(-1)!.model;
}
