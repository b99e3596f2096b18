/**
 * The billed / not billed users of a month (paged, sorted, searched), their CSV export,
 * and deactivating or reactivating a person.
 */
import type { HttpHandler } from 'msw';
import { attachment } from '../http/headers.js';
import { idempotent } from '../http/idempotency.js';
import { documentLanguage } from '../http/language.js';
import { json, route, written } from '../http/route.js';
import type { RouteTarget } from '../http/route.js';
import type { UserSort } from '../store/contract.js';
import { exportHeader, usersCsv } from './users-export.js';

/** The CSV columns of the export, in order (in English; `lang` asks for another language). */
export const EXPORT_HEADER = exportHeader('en');

export function usersHandlers(t: RouteTarget): HttpHandler[] {
  return [
    route(t, { method: 'get', path: '/users', operationId: 'listUsers', access: 'billing' }, ({ query, store }) => {
      const search = query['q'] as string | undefined;
      const day = query['day'] as string | undefined;
      return json(
        store.listUsers({
          month: query['month'] as string,
          billed: query['billed'] as boolean,
          offset: query['offset'] as number,
          limit: query['limit'] as number,
          sort: query['sort'] as UserSort,
          ...(search ? { q: search } : {}),
          ...(day ? { day } : {}),
        }),
      );
    }),
    route(
      t,
      { method: 'get', path: '/users/export', operationId: 'exportUsers', access: 'billing' },
      ({ query, request, store }) => {
        const month = query['month'] as string;
        const billed = query['billed'] as boolean;
        const lang = query['lang'] as string | undefined;
        const { language } = documentLanguage(request, lang, store.world.tenant.locale);
        const csv = usersCsv(store.exportUsers(month, billed), language);
        const fileName = `${billed ? 'billed' : 'not-billed'}-users-${month}.csv`;
        return new Response(csv, {
          status: 200,
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': attachment(fileName),
            'Content-Language': language,
            Vary: 'Accept-Language',
          },
        });
      },
    ),
    route(
      t,
      { method: 'get', path: '/users/:userId/timeline', operationId: 'getUserTimeline', access: 'billing' },
      ({ path, query, store }) => json(store.userTimeline(path['userId'] as string, query['month'] as string)),
    ),
    route(
      t,
      {
        method: 'get',
        path: '/users/:userId/deactivate/preview',
        operationId: 'previewDeactivation',
        access: 'billing',
      },
      ({ path, query, store }) =>
        json(store.previewDeactivation(path['userId'] as string, { removeLicense: query['removeLicense'] === true })),
    ),
    route(
      t,
      { method: 'post', path: '/users/:userId/deactivate', operationId: 'deactivateUser', access: 'billing' },
      ({ path, headers, body, store }) => {
        const userId = path['userId'] as string;
        const removeLicense = (body as { removeLicense?: boolean } | undefined)?.removeLicense === true;
        const key = headers['Idempotency-Key'];
        return written(
          idempotent(store, key, { op: 'deactivate', userId, removeLicense }, () =>
            store.deactivateUser(userId, { removeLicense }, key),
          ),
        );
      },
    ),
    route(
      t,
      { method: 'post', path: '/users/:userId/reactivate', operationId: 'reactivateUser', access: 'billing' },
      ({ path, headers, body, store }) => {
        const userId = path['userId'] as string;
        const buyLicense = (body as { buyLicense?: boolean } | undefined)?.buyLicense === true;
        const key = headers['Idempotency-Key'];
        return written(
          idempotent(store, key, { op: 'reactivate', userId, buyLicense }, () =>
            store.reactivateUser(userId, { buyLicense }, key),
          ),
        );
      },
    ),
  ];
}
