/**
 * The billed / not billed users of a month (paged, sorted, searched), their CSV export,
 * and deactivating or reactivating a person.
 */
import type { HttpHandler } from 'msw';
import { toCsv } from '../csv.js';
import { attachment } from '../http/headers.js';
import { idempotent } from '../http/idempotency.js';
import { json, route, written } from '../http/route.js';
import type { RouteTarget } from '../http/route.js';
import type { ApiBillingUser, UserSort } from '../store/contract.js';

/** The CSV columns of the export, in order. */
export const EXPORT_HEADER = [
  'Name',
  'E-mail',
  'Role',
  'Directories',
  'Start date',
  'Status',
  'Deactivated on',
  'Billed',
  'Reason',
  'Reason date',
];

function exportRow(u: ApiBillingUser): string[] {
  return [
    u.name,
    u.email,
    u.role,
    u.directories.join('; '),
    u.startDate,
    u.status,
    u.deactivatedOn ?? '',
    u.billable ? 'yes' : 'no',
    u.reason,
    u.reasonDate ?? '',
  ];
}

export function usersHandlers(t: RouteTarget): HttpHandler[] {
  return [
    route(t, { method: 'get', path: '/users', operationId: 'listUsers', access: 'billing' }, ({ query, store }) => {
      const search = query['q'] as string | undefined;
      return json(
        store.listUsers({
          month: query['month'] as string,
          billed: query['billed'] as boolean,
          offset: query['offset'] as number,
          limit: query['limit'] as number,
          sort: query['sort'] as UserSort,
          ...(search ? { q: search } : {}),
        }),
      );
    }),
    route(
      t,
      { method: 'get', path: '/users/export', operationId: 'exportUsers', access: 'billing' },
      ({ query, store }) => {
        const month = query['month'] as string;
        const billed = query['billed'] as boolean;
        const csv = toCsv(EXPORT_HEADER, store.exportUsers(month, billed).map(exportRow));
        const fileName = `${billed ? 'billed' : 'not-billed'}-users-${month}.csv`;
        return new Response(csv, {
          status: 200,
          headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment(fileName) },
        });
      },
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
