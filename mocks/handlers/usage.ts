/** Daily user counts of a month and the monthly billed counts of a year. */
import type { HttpHandler } from 'msw';
import { json, route } from '../http/route.js';
import type { RouteTarget } from '../http/route.js';
import { Query } from '../http/validate.js';
import { dailyCounts, monthlyBilling } from '../engine/usage.js';
import { dailyUsageView, monthUsageView } from '../store/views.js';

export function usageHandlers(t: RouteTarget): HttpHandler[] {
  return [
    route(
      t,
      { method: 'get', path: '/usage/daily', operationId: 'getDailyUsage', access: 'billing' },
      ({ request, store }) => {
        const q = new Query(request);
        const month = q.month('month', true);
        q.checks.done();
        return json(dailyUsageView(dailyCounts(store.world, month)));
      },
    ),
    route(
      t,
      { method: 'get', path: '/usage/monthly', operationId: 'getMonthlyUsage', access: 'billing' },
      ({ request, store }) => {
        const q = new Query(request);
        const year = q.int('year', { min: 2000, max: 2100, required: true });
        q.checks.done();
        return json({ year, months: monthlyBilling(store.world, year as number).map(monthUsageView) });
      },
    ),
  ];
}
