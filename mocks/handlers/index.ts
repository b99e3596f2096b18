/**
 * Every handler of the billing API, by domain, over one store. Each is thin: auth →
 * validate → store/engine → respond (see `mocks/http/route.ts`).
 */
import type { HttpHandler } from 'msw';
import type { MockStore } from '../store/store.js';
import { accessHandlers } from './access.js';
import { detailsHandlers } from './details.js';
import { invoicesHandlers } from './invoices.js';
import { licensesHandlers } from './licenses.js';
import { mockHandlers } from './mock.js';
import { paymentHandlers } from './payment.js';
import { subscriptionHandlers } from './subscription.js';
import { usageHandlers } from './usage.js';
import { usersHandlers } from './users.js';

/** Where the API is mounted. */
export interface HandlerOptions {
  /**
   * The API's base URL: a path (`/api/billing`, the default; resolved against the page in
   * the browser) or an absolute URL (`http://billing.test/api/billing`, needed in Node).
   */
  baseUrl?: string;
}

export const DEFAULT_BASE_URL = '/api/billing';

/** The MSW handlers of the whole billing API, answering from `store`. */
export function createHandlers(store: MockStore, options: HandlerOptions = {}): HttpHandler[] {
  const target = { store, baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '') };
  return [
    ...accessHandlers(target),
    ...subscriptionHandlers(target),
    ...usersHandlers(target),
    ...usageHandlers(target),
    ...invoicesHandlers(target),
    ...licensesHandlers(target),
    ...detailsHandlers(target),
    ...paymentHandlers(target),
    ...mockHandlers(target),
  ];
}

export { accessHandlers } from './access.js';
export { detailsHandlers } from './details.js';
export { invoicesHandlers } from './invoices.js';
export { licensesHandlers } from './licenses.js';
export { mockHandlers } from './mock.js';
export { paymentHandlers } from './payment.js';
export { subscriptionHandlers } from './subscription.js';
export { usageHandlers } from './usage.js';
export { EXPORT_HEADER, usersHandlers } from './users.js';
