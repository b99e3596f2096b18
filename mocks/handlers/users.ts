/**
 * The billed / not billed users of a month (paged, sorted, searched), their CSV export,
 * and deactivating or reactivating a person.
 */
import type { HttpHandler } from 'msw';
import { toCsv } from '../csv.js';
import { json, route, written } from '../http/route.js';
import type { RouteTarget } from '../http/route.js';
import { Checks, checkShape, idempotencyKey, jsonBody, Query } from '../http/validate.js';
import type { Shape } from '../http/validate.js';
import type { ApiBillingUser, UserSort } from '../store/contract.js';
import { USER_SORT_KEYS } from '../store/contract.js';

const SORTS: readonly UserSort[] = USER_SORT_KEYS.flatMap((k) => [k, `-${k}` as const]);

const DEACTIVATE: Shape = { type: 'object', properties: { removeLicense: { type: 'boolean' } } };
const REACTIVATE: Shape = { type: 'object', properties: { buyLicense: { type: 'boolean' } } };

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
    route(t, { method: 'get', path: '/users', operationId: 'listUsers', access: 'billing' }, ({ request, store }) => {
      const q = new Query(request);
      const month = q.month('month', true);
      const billed = q.bool('billed', true);
      const offset = q.int('offset', { min: 0, max: Number.MAX_SAFE_INTEGER, default: 0 });
      const limit = q.int('limit', { min: 1, max: 500, default: 100 });
      const sort = q.oneOf('sort', SORTS, 'name');
      const search = q.string('q', 200);
      q.checks.done();
      return json(store.listUsers({ month, billed, offset, limit, sort, ...(search ? { q: search } : {}) }));
    }),
    route(
      t,
      { method: 'get', path: '/users/export', operationId: 'exportUsers', access: 'billing' },
      ({ request, store }) => {
        const q = new Query(request);
        const month = q.month('month', true);
        const billed = q.bool('billed', true);
        q.checks.done();
        const csv = toCsv(EXPORT_HEADER, store.exportUsers(month, billed).map(exportRow));
        const fileName = `${billed ? 'billed' : 'not-billed'}-users-${month}.csv`;
        return new Response(csv, {
          status: 200,
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="${fileName}"`,
          },
        });
      },
    ),
    route(
      t,
      { method: 'post', path: '/users/:userId/deactivate', operationId: 'deactivateUser', access: 'billing' },
      async ({ request, params, store }) => {
        const checks = new Checks();
        const key = idempotencyKey(request, checks, false);
        const body = (await jsonBody(request, false)) ?? {};
        checkShape(body, DEACTIVATE, checks);
        checks.done();
        const { removeLicense } = body as { removeLicense?: boolean };
        return written(
          store.deactivateUser(params['userId'] as string, { removeLicense: removeLicense === true }, key),
        );
      },
    ),
    route(
      t,
      { method: 'post', path: '/users/:userId/reactivate', operationId: 'reactivateUser', access: 'billing' },
      async ({ request, params, store }) => {
        const checks = new Checks();
        const key = idempotencyKey(request, checks, false);
        const body = (await jsonBody(request, false)) ?? {};
        checkShape(body, REACTIVATE, checks);
        checks.done();
        const { buyLicense } = body as { buyLicense?: boolean };
        return written(store.reactivateUser(params['userId'] as string, { buyLicense: buyLicense === true }, key));
      },
    ),
  ];
}
