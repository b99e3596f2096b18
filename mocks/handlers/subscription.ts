/** The subscription overview, the price list and scheduled edition / period changes. */
import type { HttpHandler } from 'msw';
import { json, route, written } from '../http/route.js';
import type { RouteTarget } from '../http/route.js';
import { Checks, checkShape, idempotencyKey, jsonBody } from '../http/validate.js';
import type { Shape } from '../http/validate.js';
import type { ApiChangeRequest } from '../store/contract.js';
import type { ChangeInput } from '../store/store.js';
import { overviewView, planView } from '../store/views.js';

const CHANGE: Shape = {
  type: 'object',
  required: ['kind'],
  properties: {
    kind: { type: 'string', enum: ['change-plan', 'change-period'] },
    planId: { type: 'string', minLength: 1, maxLength: 100 },
    periodMonths: { type: 'integer', enum: [1, 6, 12] },
  },
};

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
      async ({ request, store }) => {
        const checks = new Checks();
        const key = idempotencyKey(request, checks, false);
        const body = await jsonBody(request, true);
        checkShape(body, CHANGE, checks);
        const change = body as ApiChangeRequest;
        if (checks.errors.length === 0) {
          if (change.kind === 'change-plan' && change.planId === undefined) {
            checks.add('planId', 'required', 'Say which edition to change to.');
          }
          if (change.kind === 'change-period' && change.periodMonths === undefined) {
            checks.add('periodMonths', 'required', 'Say the new billing period in months (1, 6 or 12).');
          }
        }
        checks.done();
        const input: ChangeInput =
          change.kind === 'change-plan'
            ? { kind: 'change-plan', planId: change.planId as string }
            : { kind: 'change-period', periodMonths: change.periodMonths as number };
        return written(store.scheduleChange(input, key));
      },
    ),
  ];
}
