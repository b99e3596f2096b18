/**
 * Billing details (recipients, contact, address, e-invoicing, PO number; company name and
 * VAT number read-only) with optimistic concurrency: the `ETag` is `"v<version>"`, a
 * save needs `If-Match` (`428` without, `412` with the current details when stale).
 * Malformed bodies are `400`; what the details rules refuse is `422`, every field listed.
 */
import type { HttpHandler } from 'msw';
import type { BillingDetailsInput } from '../engine/details.js';
import { ProblemError } from '../http/problem.js';
import { json, route } from '../http/route.js';
import type { RouteTarget } from '../http/route.js';
import { jsonBody, Query, shaped } from '../http/validate.js';
import type { Shape } from '../http/validate.js';
import { detailsEtag, detailsView } from '../store/views.js';

const TEXT: Shape = { type: 'string' };

/** The body's structure (types, known fields); the rules themselves are the engine's (422). */
const DETAILS: Shape = {
  type: 'object',
  properties: {
    recipients: { type: 'array', items: TEXT },
    contact: { type: 'object', properties: { personId: TEXT, email: TEXT, name: TEXT } },
    address: {
      type: 'object',
      properties: { line1: TEXT, line2: TEXT, postalCode: TEXT, city: TEXT, country: TEXT },
    },
    eInvoicing: {
      type: 'object',
      properties: { enabled: { type: 'boolean' }, address: TEXT, operatorCode: TEXT },
    },
    poNumber: TEXT,
  },
};

export function detailsHandlers(t: RouteTarget): HttpHandler[] {
  return [
    route(
      t,
      { method: 'get', path: '/billing-details', operationId: 'getBillingDetails', access: 'billing' },
      ({ store }) => json(detailsView(store.world), 200, { ETag: detailsEtag(store.world) }),
    ),
    route(
      t,
      { method: 'put', path: '/billing-details', operationId: 'putBillingDetails', access: 'billing' },
      async ({ request, store }) => {
        const ifMatch = request.headers.get('If-Match');
        if (ifMatch === null || ifMatch.trim() === '') {
          throw new ProblemError(428, {
            code: 'if-match-required',
            detail: 'Send the version you edited in If-Match (the ETag of GET /billing-details).',
          });
        }
        const input = shaped<BillingDetailsInput>(await jsonBody(request, true), DETAILS);
        const result = store.putBillingDetails(input, ifMatch);
        return json(result.body, 200, { ETag: detailsEtag(store.world) });
      },
    ),
    route(
      t,
      { method: 'get', path: '/people', operationId: 'searchPeople', access: 'billing' },
      ({ request, store }) => {
        const q = new Query(request);
        const search = q.string('q', 200) ?? '';
        const limit = q.int('limit', { min: 1, max: 500, default: 100 });
        q.checks.done();
        return json({ items: store.searchPeople(search, limit) });
      },
    ),
  ];
}
