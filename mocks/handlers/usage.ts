/** Daily user counts of a month and the monthly billed counts of a year. */
import type { HttpHandler } from 'msw';
import { json, route } from '../http/route.js';
import type { RouteTarget } from '../http/route.js';
import { dailyCounts, monthlyBilling } from '../engine/usage.js';
import { dailyUsageView, monthUsageView } from '../store/views.js';

export function usageHandlers(t: RouteTarget): HttpHandler[] {
  return [
    route(
      t,
      { method: 'get', path: '/usage/daily', operationId: 'getDailyUsage', access: 'billing' },
      ({ query, store }) => json(dailyUsageView(dailyCounts(store.world, query['month'] as string))),
    ),
    route(
      t,
      { method: 'get', path: '/usage/monthly', operationId: 'getMonthlyUsage', access: 'billing' },
      ({ query, store }) => {
        const year = query['year'] as number;
        return json({ year, months: monthlyBilling(store.world, year).map(monthUsageView) });
      },
    ),
  ];
}
