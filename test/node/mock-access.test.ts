/**
 * Roles: admin and finance read and write; member and guest get 403 on every endpoint but
 * GET /me; no session is 401 everywhere. The mock's control endpoints ignore roles.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { contextOf, READ_CALLS, send, WRITE_CALLS } from '../mocks/fixtures.js';
import { BASE, failure, useMockServer, world } from './mock-setup.js';
import type { Role } from '../../mocks/engine/types.js';

const { store, client } = useMockServer();
const licensed = world('prepaid-licenses', 200, 4);

describe('mock access by role', () => {
  beforeEach(() => {
    store.loadWorld(licensed);
    store.setSession({ role: 'admin' });
  });
  const ctx = () => contextOf(store.world, store.world.invoices[0]?.id ?? 'none');

  for (const role of ['admin', 'finance'] as const) {
    it(`${role}: every read answers`, async () => {
      store.setSession({ role });
      for (const [op, call] of READ_CALLS) {
        await assert.doesNotReject(call(client, ctx()), `${op} as ${role}`);
      }
    });

    it(`${role}: may write (a license order and a details save)`, async () => {
      store.setSession({ role });
      const result = await client.orderLicenses('add', 1);
      assert.equal(result.order.kind, 'add-licenses');
      const { etag } = await client.getBillingDetails();
      const saved = await client.putBillingDetails(
        {
          recipients: ['ap@example.com'],
          address: { line1: 'Main St 1', postalCode: '1000', city: 'Brussels', country: 'BE' },
          eInvoicing: { enabled: false },
        },
        etag,
      );
      assert.equal(saved.details.recipients[0], 'ap@example.com');
    });
  }

  for (const role of ['member', 'guest'] as const) {
    it(`${role}: 403 forbidden on every endpoint, with "ask your administrator"`, async () => {
      store.setSession({ role });
      const before = JSON.stringify(store.world);
      for (const [op, call] of [...READ_CALLS, ...WRITE_CALLS]) {
        const e = await failure(call(client, ctx()));
        assert.equal(e.status, 403, op);
        assert.equal(e.kind, 'forbidden', op);
        assert.equal(e.code, 'forbidden', op);
        assert.match(e.problem?.detail ?? '', /^Ask your administrator/, op);
        assert.equal(e.problem?.type, 'urn:billing:problem:forbidden');
      }
      assert.equal(JSON.stringify(store.world), before, 'nothing changed');
    });

    it(`${role}: GET /me still answers, saying it may not read or write`, async () => {
      store.setSession({ role });
      const me = await client.getMe();
      assert.equal(me.role, role);
      assert.equal(me.canRead, false);
      assert.equal(me.canWrite, false);
      assert.equal(me.today, store.world.today);
    });
  }

  it('GET /me for admin and finance grants read and write, with the tenant settings', async () => {
    for (const role of ['admin', 'finance'] as Role[]) {
      store.setSession({ role });
      const me = await client.getMe();
      assert.deepEqual(
        { role: me.role, canRead: me.canRead, canWrite: me.canWrite, currency: me.currency },
        { role, canRead: true, canWrite: true, currency: licensed.tenant.currency },
      );
      assert.equal(me.tenantId, licensed.tenant.id);
      assert.equal(me.locale, licensed.tenant.locale);
      assert.equal(me.timeZone, licensed.tenant.timeZone);
    }
  });

  it('no session: 401 on every endpoint, GET /me included', async () => {
    store.setSession({ role: null });
    for (const [op, call] of [
      ['getMe', (c) => c.getMe()] as (typeof READ_CALLS)[number],
      ...READ_CALLS,
      ...WRITE_CALLS,
    ]) {
      const e = await failure(call(client, ctx()));
      assert.equal(e.status, 401, op);
      assert.equal(e.kind, 'unauthorized', op);
      assert.equal(e.code, 'unauthorized', op);
    }
  });

  it('the session is set over HTTP too, and the control endpoints ignore roles', async () => {
    let r = await send(BASE, 'PUT', '/__mock/session', { role: 'guest' });
    assert.equal(r.status, 204);
    assert.equal((await failure(client.getSubscription())).status, 403);
    r = await send(BASE, 'GET', '/__mock/world');
    assert.equal(r.status, 200);
    r = await send(BASE, 'PUT', '/__mock/session', { role: null });
    assert.equal(r.status, 204);
    assert.equal(store.role, null);
    r = await send(BASE, 'GET', '/__mock/faults');
    assert.equal(r.status, 200);
    r = await send(BASE, 'PUT', '/__mock/session', { role: 'finance' });
    assert.equal((await client.getMe()).role, 'finance');
  });

  it('a bad session is a 400 naming the field', async () => {
    const r = await send(BASE, 'PUT', '/__mock/session', { role: 'no such role!', today: '2026-02-30', extra: 1 });
    assert.equal(r.status, 400);
    assert.equal(r.headers.get('Content-Type'), 'application/problem+json');
    const p = (await r.json()) as { errors: { field: string }[] };
    assert.deepEqual(p.errors.map((e) => e.field).sort(), ['extra', 'role', 'today']);
    const r2 = await send(BASE, 'PUT', '/__mock/session', { today: '2026-02-30' });
    assert.equal(r2.status, 400);
    assert.equal(((await r2.json()) as { errors: { field: string }[] }).errors[0]?.field, 'today');
  });
});

describe('unhandled requests', () => {
  /** Runs `fn` with console.error captured (MSW reports each unhandled request there). */
  async function quietly(fn: () => Promise<void>): Promise<string[]> {
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    try {
      await fn();
    } finally {
      console.error = original;
    }
    return logged;
  }

  it('fail: a path or method the API does not have rejects the fetch, and says so', async () => {
    const logged = await quietly(async () => {
      await assert.rejects(fetch(`${BASE}/no-such-endpoint`));
      await assert.rejects(fetch(`${BASE}/users`, { method: 'DELETE' }));
      await assert.rejects(fetch('http://elsewhere.test/'));
    });
    assert.equal(logged.length, 3);
    assert.match(logged[0] ?? '', /without a matching request handler/);
    assert.match(logged[1] ?? '', /DELETE http:\/\/billing\.test\/api\/billing\/users/);
  });

  it('reach the client as a network error', async () => {
    const { BillingClient } = await import('../../src/client/index.js');
    const wrong = new BillingClient({ baseUrl: 'http://billing.test/api/wrong' });
    await quietly(async () => {
      const e = await failure(wrong.getMe());
      assert.equal(e.kind, 'network');
    });
  });
});
