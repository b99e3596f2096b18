/**
 * Billing details (recipients, contact, address, e-invoicing, PO number; company name and
 * VAT number read-only) with optimistic concurrency: the `ETag` is `"v<version>"`, a
 * save needs `If-Match` (`428` without, `412` with the current details when stale).
 * Malformed bodies are `400`; what the details rules refuse is `422`, every field listed.
 */
import type { HttpHandler } from 'msw';
import type { BillingDetailsInput } from '../engine/details.js';
import type { World } from '../engine/types.js';
import { pickWords } from '../http/language.js';
import { versionsNamed } from '../http/preconditions.js';
import { json, route } from '../http/route.js';
import type { RouteTarget } from '../http/route.js';
import type { ApiBillingDetails } from '../store/contract.js';
import { StoreError } from '../store/errors.js';
import type { PlacePicker } from '../store/views.js';
import { companyPlace, detailsEtag, detailsView } from '../store/views.js';

/**
 * `companyManagedAt` in the words of the request's `Accept-Language` (the kit sends the
 * element's language), else of the tenant's locale, else English: a world may give it per
 * language (`{ en, nl, de… }`).
 */
function placePicker(request: Request, world: World): PlacePicker {
  return (words) => pickWords(words, request.headers.get('Accept-Language'), world.tenant.locale)?.text;
}

/** Details the store answered (in English), with `companyManagedAt` in the request's language. */
function inLanguage(body: ApiBillingDetails, world: World, pick: PlacePicker): ApiBillingDetails {
  const place = companyPlace(world.billingDetails?.companyManagedAt, pick);
  return place === undefined ? body : { ...body, companyManagedAt: place };
}

/** Answers vary by the language asked for. */
const VARY = { Vary: 'Accept-Language' };

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
      ({ request, store }) =>
        json(detailsView(store.world, placePicker(request, store.world)), 200, {
          ETag: detailsEtag(store.world),
          ...VARY,
        }),
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
      ({ request, headers, body, store }) => {
        const pick = placePicker(request, store.world);
        // If-Match is there (428 otherwise) and well-formed (400); the versions its strong
        // tags name are those the save may replace (412 with the current details otherwise).
        let result;
        try {
          result = store.putBillingDetails(body as BillingDetailsInput, versionsNamed(headers['If-Match'] as string));
        } catch (e) {
          // The current details of a stale save, in the request's language too.
          if (e instanceof StoreError && e.extra['current'] !== undefined) {
            const current = inLanguage(e.extra['current'] as ApiBillingDetails, store.world, pick);
            throw new StoreError(e.kind, e.code, e.message, {
              errors: e.errors,
              extra: { ...e.extra, current },
              ...(e.params ? { params: e.params } : {}),
            });
          }
          throw e;
        }
        return json(inLanguage(result.body, store.world, pick), 200, { ETag: detailsEtag(store.world), ...VARY });
      },
    ),
    route(t, { method: 'get', path: '/people', operationId: 'searchPeople', access: 'billing' }, ({ query, store }) =>
      json({ items: store.searchPeople((query['q'] as string | undefined) ?? '', query['limit'] as number) }),
    ),
  ];
}
