/** `GET /me`: the caller's role and what it may do, for every signed-in role. */
import type { HttpHandler } from 'msw';
import { json, route } from '../http/route.js';
import type { RouteTarget } from '../http/route.js';
import { permissionsView } from '../store/views.js';

export function accessHandlers(t: RouteTarget): HttpHandler[] {
  return [
    route(t, { method: 'get', path: '/me', operationId: 'getMe', access: 'signed-in' }, ({ store }) =>
      json(permissionsView(store.world, store.role as string)),
    ),
  ];
}
