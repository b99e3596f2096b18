/**
 * Billing details (recipients, contact, address, e-invoicing, PO number; company name and
 * VAT number read-only) with optimistic concurrency: the `ETag` is `"v<version>"`, a
 * save needs `If-Match` (`428` without, `412` with the current details when stale).
 * Malformed bodies are `400`; what the details rules refuse is `422`, every field listed.
 */
import type { HttpHandler } from 'msw';
import type { BillingDetailsInput } from '../engine/details.js';
import { versionsNamed } from '../http/preconditions.js';
import { json, route } from '../http/route.js';
import type { RouteTarget } from '../http/route.js';
import { detailsEtag, detailsView } from '../store/views.js';

/**
 * What the billing details rules check themselves, each with the message the contacts
 * editor shows beside its field (`422`, every field at once): required fields, e-mail
 * addresses, the country code and non-empty values. The contract's schema checks the
 * rest (types, unknown fields, lengths and counts: `400`).
 */
const DETAILS_RULES = ['required', 'minLength', 'minItems', 'format', 'pattern'];

export function detailsHandlers(t: RouteTarget): HttpHandler[] {
  return [
    route(
      t,
      { method: 'get', path: '/billing-details', operationId: 'getBillingDetails', access: 'billing' },
      ({ store }) => json(detailsView(store.world), 200, { ETag: detailsEtag(store.world) }),
    ),
    route(
      t,
      {
        method: 'put',
        path: '/billing-details',
        operationId: 'putBillingDetails',
        access: 'billing',
        defer: DETAILS_RULES,
      },
      ({ headers, body, store }) => {
        // If-Match is there (428 otherwise) and well-formed (400); the versions its strong
        // tags name are those the save may replace (412 with the current details otherwise).
        const result = store.putBillingDetails(
          body as BillingDetailsInput,
          versionsNamed(headers['If-Match'] as string),
        );
        return json(result.body, 200, { ETag: detailsEtag(store.world) });
      },
    ),
    route(t, { method: 'get', path: '/people', operationId: 'searchPeople', access: 'billing' }, ({ query, store }) =>
      json({ items: store.searchPeople((query['q'] as string | undefined) ?? '', query['limit'] as number) }),
    ),
  ];
}
