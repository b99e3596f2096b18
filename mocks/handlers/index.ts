/**
 * Every handler of the billing API, by domain, over one store. Each is thin: auth →
 * validate → store/engine → respond (see `mocks/http/route.ts`). In front of them, one
 * handler refuses a URL longer than the contract allows (`414`) before any route pattern
 * is matched against it.
 */
import { http } from 'msw';
import type { HttpHandler } from 'msw';
import { problem } from '../http/problem.js';
import { CONTRACT } from '../http/validate.js';
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

/** True when `url` is below `baseUrl` (an absolute URL, or a path on any origin). */
function isBelow(url: string, baseUrl: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:/i.test(baseUrl)) return url === baseUrl || url.startsWith(`${baseUrl}/`);
  try {
    const path = new URL(url).pathname;
    return path === baseUrl || path.startsWith(`${baseUrl}/`);
  } catch {
    return false;
  }
}

/**
 * `414` for a URL longer than the contract's `maxUrlLength` below the API. It runs before
 * the route handlers, which would otherwise fail matching such a URL (MSW refuses to
 * match URLs over 8,192 characters, with a stack trace).
 */
export function uriTooLongHandler(baseUrl: string): HttpHandler {
  const max = CONTRACT.limits.maxUrlLength;
  return http.all(
    ({ request }) => request.url.length > max && isBelow(request.url, baseUrl),
    () => {
      const message = `The address can be at most ${max} characters.`;
      return problem(414, {
        code: 'uri-too-long',
        detail: message,
        params: { max },
        errors: [{ field: '', code: 'too-long', params: { max }, message }],
      });
    },
  );
}

/** The MSW handlers of the whole billing API, answering from `store`. */
export function createHandlers(store: MockStore, options: HandlerOptions = {}): HttpHandler[] {
  const target = { store, baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '') };
  return [
    uriTooLongHandler(target.baseUrl),
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
