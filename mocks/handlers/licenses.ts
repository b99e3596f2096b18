/**
 * Prepaid licenses (B5): the summary, a quote for adding some, the order history, and
 * orders (add now, billed prorated; remove from the next period). A license action on a
 * subscription billed by users is a `409` (`not-licensed`).
 */
import type { HttpHandler } from 'msw';
import { isLicensed, orderHistory } from '../engine/licenses.js';
import { idempotent } from '../http/idempotency.js';
import { ProblemError } from '../http/problem.js';
import { json, route, written } from '../http/route.js';
import type { RouteTarget } from '../http/route.js';
import type { World } from '../engine/types.js';
import { licenseSummaryView, orderView } from '../store/views.js';

function requireLicensed(world: World): void {
  if (!isLicensed(world)) {
    throw new ProblemError(409, {
      code: 'not-licensed',
      detail: 'This subscription is billed by its users, not by prepaid licenses: there are no licenses.',
    });
  }
}

export function licensesHandlers(t: RouteTarget): HttpHandler[] {
  return [
    route(t, { method: 'get', path: '/licenses', operationId: 'getLicenses', access: 'billing' }, ({ store }) => {
      requireLicensed(store.world);
      return json(licenseSummaryView(store.world));
    }),
    route(
      t,
      { method: 'post', path: '/licenses/quote', operationId: 'quoteLicenses', access: 'billing' },
      ({ body, store }) => json(store.quoteLicenses((body as { quantity: number }).quantity)),
    ),
    route(t, { method: 'get', path: '/licenses/orders', operationId: 'listOrders', access: 'billing' }, ({ store }) =>
      json({ items: orderHistory(store.world).map(orderView) }),
    ),
    route(
      t,
      { method: 'post', path: '/licenses/orders', operationId: 'orderLicenses', access: 'billing' },
      ({ headers, body, store }) => {
        const { kind, quantity } = body as { kind: 'add' | 'remove'; quantity: number };
        const key = headers['Idempotency-Key'] as string;
        return written(
          idempotent(store, key, { op: 'order-licenses', kind, quantity }, () =>
            store.orderLicenses(kind, quantity, key),
          ),
        );
      },
    ),
  ];
}
