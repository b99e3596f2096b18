/**
 * The mock's control endpoints (`/__mock/*`): the world, scenarios, reset, the session
 * (role and clock), faults, and a test card. Never subject to faults or roles; a host's
 * own backend does not implement them.
 */
import type { HttpHandler } from 'msw';
import { json, noContent, route } from '../http/route.js';
import type { RouteTarget } from '../http/route.js';
import { checkFaults } from '../http/faults.js';
import { Checks } from '../http/validate.js';
import type { IsoDate } from '../engine/types.js';
import type { Fault } from '../store/store.js';

export function mockHandlers(t: RouteTarget): HttpHandler[] {
  return [
    route(t, { method: 'get', path: '/__mock/world', operationId: 'mockGetWorld', access: 'mock' }, ({ store }) =>
      json(store.world),
    ),
    route(
      t,
      { method: 'put', path: '/__mock/world', operationId: 'mockPutWorld', access: 'mock' },
      ({ body, store }) => {
        store.loadWorld(body, { copy: false });
        return noContent();
      },
    ),
    route(
      t,
      { method: 'post', path: '/__mock/scenario/:name', operationId: 'mockLoadScenario', access: 'mock' },
      ({ path, store }) => {
        store.loadScenario(path['name'] as string);
        return noContent();
      },
    ),
    route(t, { method: 'post', path: '/__mock/reset', operationId: 'mockReset', access: 'mock' }, async ({ store }) => {
      await store.reset();
      return noContent();
    }),
    route(
      t,
      { method: 'put', path: '/__mock/session', operationId: 'mockSetSession', access: 'mock' },
      ({ body, store }) => {
        store.setSession(body as { role?: string | null; today?: IsoDate });
        return noContent();
      },
    ),
    route(t, { method: 'get', path: '/__mock/faults', operationId: 'mockGetFaults', access: 'mock' }, ({ store }) =>
      json({ items: store.faults }),
    ),
    route(
      t,
      { method: 'put', path: '/__mock/faults', operationId: 'mockPutFaults', access: 'mock' },
      ({ body, store }) => {
        // The contract's schema checked each fault's fields; checkFaults checks the list as a whole.
        const checks = new Checks();
        const items = (body as { items: unknown }).items;
        for (const e of checkFaults(items)) checks.add(e.field, e.code, e.message);
        checks.done();
        store.setFaults(items as Fault[]);
        return noContent();
      },
    ),
    route(
      t,
      { method: 'post', path: '/__mock/payment-method/test-swap', operationId: 'mockSwapCard', access: 'mock' },
      ({ store }) => json(store.swapTestCard()),
    ),
  ];
}
