/** The payment method on file (never a card number; updating it is the host's job). */
import type { HttpHandler } from 'msw';
import { json, route } from '../http/route.js';
import type { RouteTarget } from '../http/route.js';
import { paymentMethodView } from '../store/views.js';

export function paymentHandlers(t: RouteTarget): HttpHandler[] {
  return [
    route(
      t,
      { method: 'get', path: '/payment-method', operationId: 'getPaymentMethod', access: 'billing' },
      ({ store }) => json(paymentMethodView(store.world)),
    ),
  ];
}
