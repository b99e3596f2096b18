/** The subscription overview, the price list, scheduled edition / period changes and their cancellation. */
import type { HttpHandler } from 'msw';
import { idempotent } from '../http/idempotency.js';
import { json, route, written } from '../http/route.js';
import type { RouteTarget } from '../http/route.js';
import { Checks } from '../http/validate.js';
import type { ApiChangeRequest } from '../store/contract.js';
import type { ChangeInput } from '../store/store.js';
import { overviewView, planView } from '../store/views.js';

export function subscriptionHandlers(t: RouteTarget): HttpHandler[] {
  return [
    route(t, { method: 'get', path: '/subscription', operationId: 'getSubscription', access: 'billing' }, ({ store }) =>
      json(overviewView(store.world)),
    ),
    route(t, { method: 'get', path: '/plans', operationId: 'listPlans', access: 'billing' }, ({ store }) => {
      const world = store.world;
      return json({ currency: world.tenant.currency, items: world.subscription.plans.map(planView) });
    }),
    route(
      t,
      { method: 'post', path: '/subscription/changes', operationId: 'scheduleChange', access: 'billing' },
      ({ headers, body, store }) => {
        // The contract's schema checked the fields; which one a kind needs is a rule of its own.
        const checks = new Checks();
        const change = body as ApiChangeRequest;
        if (change.kind === 'change-plan' && change.planId === undefined) {
          checks.add('planId', 'required', 'Say which edition to change to.');
        }
        if (change.kind === 'change-period' && change.periodMonths === undefined) {
          checks.add('periodMonths', 'required', 'Say the new billing period in months (1, 6 or 12).');
        }
        checks.done();
        const key = headers['Idempotency-Key'];
        const input: ChangeInput =
          change.kind === 'change-plan'
            ? { kind: 'change-plan', planId: change.planId as string }
            : { kind: 'change-period', periodMonths: change.periodMonths as number };
        return written(
          idempotent(store, key, { op: 'schedule-change', change: input }, () => store.scheduleChange(input, key)),
        );
      },
    ),
    route(
      t,
      {
        method: 'post',
        path: '/subscription/changes/:orderId/cancel',
        operationId: 'cancelScheduledChange',
        access: 'billing',
      },
      ({ path, headers, store }) => {
        const orderId = path['orderId'] as string;
        const key = headers['Idempotency-Key'];
        return written(
          idempotent(store, key, { op: 'cancel-change', orderId }, () => store.cancelScheduledChange(orderId, key)),
        );
      },
    ),
  ];
}
