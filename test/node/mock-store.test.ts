/**
 * The store: loading worlds (validated, every problem listed) and scenarios, reset,
 * and persistence — the state survives a store re-created with the same adapter,
 * compactly (the scenario name and the mutations, replayed), the HTTP layer's
 * idempotency records included (they are read from the replayed log), and a session
 * saved in format 1 still loads.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { idempotent } from '../../mocks/http/idempotency.js';
import { ProblemError } from '../../mocks/http/problem.js';
import { createStore, MockStore } from '../../mocks/store/store.js';
import { MockError, StoreError } from '../../mocks/store/errors.js';
import { memoryAdapter } from '../../mocks/store/persistence.js';
import { detailsVersion } from '../../mocks/store/views.js';
import { scenarioNames } from '../../mocks/scenarios/index.js';
import { dueInvoices } from '../../mocks/engine/invoices.js';
import type { Problem } from '../../src/client/index.js';
import { send, validDetails } from '../mocks/fixtures.js';
import { BASE, failure, useMockServer, world } from './mock-setup.js';

const { store, client } = useMockServer();

describe('mock store: worlds and scenarios', () => {
  it('loads a world, issuing the invoices that are due', () => {
    const w = world();
    assert.equal(w.invoices.length, 0);
    store.loadWorld(w);
    assert.equal(store.world.invoices.length, 12);
    assert.deepEqual(dueInvoices(store.world), []);
    assert.equal(w.invoices.length, 0, 'the given world is copied, never changed');
  });

  it('refuses a malformed world listing every problem, and keeps the current one', async () => {
    store.loadWorld(world());
    const current = store.world;
    const bad = { ...world(), today: '2026-02-30', tenant: { ...world().tenant, currency: 'EURO' } };
    assert.throws(
      () => store.loadWorld(bad),
      (e: unknown) => e instanceof MockError && e.code === 'invalid-world' && e.errors.length >= 2,
    );
    assert.equal(store.world, current);
    const r = await send(BASE, 'PUT', '/__mock/world', bad);
    assert.equal(r.status, 422);
    const p = (await r.json()) as Problem;
    const fields = (p.errors ?? []).map((e) => e.field);
    assert.ok(fields.includes('today'), fields.join());
    assert.ok(fields.includes('tenant.currency'), fields.join());
    assert.equal((await send(BASE, 'PUT', '/__mock/world', '{')).status, 400);
  });

  it('PUT and GET /__mock/world round-trip a world', async () => {
    const r = await send(BASE, 'PUT', '/__mock/world', world('invited', 120, 9));
    assert.equal(r.status, 204);
    const got = (await (await send(BASE, 'GET', '/__mock/world')).json()) as typeof store.world;
    assert.deepEqual(got, store.world);
    assert.equal(got.subscription.plans[0]?.model, 'invited');
  });

  for (const name of scenarioNames) {
    it(`loads scenario ${name} and answers from it`, async () => {
      const r = await send(BASE, 'POST', `/__mock/scenario/${name}`);
      assert.equal(r.status, 204);
      assert.equal(store.scenario, name);
      const o = await client.getSubscription();
      assert.equal(o.today, store.world.today);
      const page = await client.listUsers({ month: store.world.today.slice(0, 7), limit: 10, q: 'a', sort: '-name' });
      assert.ok(page.items.length <= 10);
      const invoices = await client.listInvoices({ limit: 5 });
      assert.equal(invoices.total, store.world.invoices.filter((i) => i.issuedOn <= store.world.today).length);
      await client.getBillingDetails();
      await client.getUpcomingInvoice();
      if (o.model === 'prepaid-licenses') assert.ok((await client.getLicenses()).licenses > 0);
    });
  }

  it('an unknown scenario is a 404, over HTTP and from JS', async () => {
    const r = await send(BASE, 'POST', '/__mock/scenario/nope');
    assert.equal(r.status, 404);
    assert.equal(((await r.json()) as Problem).code, 'unknown-scenario');
    assert.throws(() => store.loadScenario('nope'), MockError);
  });

  it('reset: the default scenario, role admin, no faults', async () => {
    store.loadWorld(world());
    store.setSession({ role: 'guest' });
    store.setFaults([{ operation: 'getMe', kind: 'error-500' }]);
    const r = await send(BASE, 'POST', '/__mock/reset');
    assert.equal(r.status, 204);
    assert.equal(store.scenario, 'injixo-advanced');
    assert.equal(store.role, 'admin');
    assert.deepEqual(store.faults, []);
    assert.equal((await client.getMe()).tenantId, store.world.tenant.id);
  });
});

describe('mock store: persistence', () => {
  it('survives a store re-created with the same adapter: world, session, faults, idempotency', async () => {
    const adapter = memoryAdapter();
    const a = await createStore({ scenario: 'severa-prepaid', persistence: adapter });
    const first = a.orderLicenses('add', 2, 'persisted-key-1');
    const active = a.world.people.find((p) => !p.deactivatedOn && !p.deletedOn)!;
    a.deactivateUser(active.id, { removeLicense: true }, 'deactivate-key-1');
    const version = detailsVersion(a.world);
    const details = a.putBillingDetails(validDetails(), version);
    assert.equal(details.body.version, `"v${version + 1}"`);
    const paid = idempotent(a, 'settle-key-1', { op: 'settle' }, () => a.settleBalance('settle-key-1'));
    a.setToday('2026-12-03');
    a.setSession({ role: 'finance' });
    a.setFaults([{ operation: 'getMe', kind: 'latency', latencyMs: 10, times: 3 }]);
    await a.flush();
    assert.equal(adapter.size, 1, 'a scenario is stored by name: no world');

    const b = await createStore({ persistence: adapter });
    assert.equal(b.scenario, 'severa-prepaid');
    assert.deepEqual(b.world, a.world);
    assert.equal(b.role, 'finance');
    assert.deepEqual(b.faults, a.faults);
    assert.deepEqual(
      b.mutations.map((m) => m.op),
      ['order-licenses', 'deactivate', 'put-details', 'settle', 'set-today'],
    );
    const replay = b.orderLicenses('add', 2, 'persisted-key-1');
    assert.equal(replay.replayed, true);
    assert.deepEqual(replay.body, first.body);
    assert.equal(b.world.orders.length, a.world.orders.length, 'ordered once');
    assert.throws(
      () => b.orderLicenses('add', 5, 'deactivate-key-1'),
      (e: unknown) => (e as MockError).code === 'key-reused',
    );
    // The HTTP layer's records come from the replayed log: a settle (no order, nothing the
    // engine remembers) sent again answers the first answer and changes nothing.
    const changes = b.changes.length;
    const again = idempotent(b, 'settle-key-1', { op: 'settle' }, () => b.settleBalance('settle-key-1'));
    assert.equal(again.replayed, true);
    assert.deepEqual(again.body, paid.body);
    assert.equal(b.changes.length, changes, 'nothing logged');
    assert.throws(
      () => idempotent(b, 'settle-key-1', { op: 'order-licenses', kind: 'add', quantity: 1 }, () => b.settleBalance()),
      (e: unknown) => e instanceof ProblemError && e.status === 422 && e.init.code === 'key-reused',
    );
  });

  it('a session saved in format 1 (put-details with its If-Match text) still loads, and is saved in format 2', async () => {
    const adapter = memoryAdapter();
    const version = detailsVersion((await createStore({ scenario: 'injixo-classic' })).world);
    await adapter.set('session', {
      version: 1,
      base: { kind: 'scenario', name: 'injixo-classic' },
      mutations: [
        { op: 'put-details', input: validDetails(), ifMatch: `W/"x", "v${version}"` },
        { op: 'set-today', today: '2026-12-03' },
      ],
      role: 'finance',
      faults: [{ operation: 'getMe', kind: 'latency', latencyMs: 5 }],
    });
    const b = await createStore({ persistence: adapter });
    assert.equal(b.role, 'finance');
    assert.equal(b.today, '2026-12-03');
    assert.equal(detailsVersion(b.world), version + 1, 'the save was replayed');
    assert.deepEqual(b.faults, [{ operation: 'getMe', kind: 'latency', latencyMs: 5 }]);
    const [details] = b.mutations;
    assert.deepEqual(details, { op: 'put-details', input: validDetails(), basedOn: '*' });
    b.setSession({ role: 'admin' });
    await b.flush();
    const saved = (await adapter.get('session')) as { version: number; mutations: unknown[] };
    assert.equal(saved.version, 2);
    assert.deepEqual(saved.mutations[0], { op: 'put-details', input: validDetails(), basedOn: '*' });
  });

  it('a save based on another version is refused as stale, with the current details', async () => {
    const a = await createStore({ scenario: 'injixo-classic' });
    const current = detailsVersion(a.world);
    const before = a.world;
    assert.throws(
      () => a.putBillingDetails(validDetails(), [current + 1, current + 7]),
      (e: unknown) =>
        e instanceof StoreError &&
        e.kind === 'stale' &&
        e.code === 'stale-version' &&
        (e.extra['current'] as { version: string }).version === `"v${current}"`,
    );
    assert.equal(a.world, before, 'nothing changed');
    assert.equal(a.putBillingDetails(validDetails(), '*').body.version, `"v${current + 1}"`);
    assert.equal(a.putBillingDetails(validDetails(), [current, current + 1]).body.version, `"v${current + 2}"`);
  });

  it('a custom world is stored whole, with the mutations after it', async () => {
    const adapter = memoryAdapter();
    const a = new MockStore({ persistence: adapter });
    await a.ready;
    a.loadWorld(world('per-user', 150, 5));
    a.swapTestCard();
    await a.flush();
    assert.equal(adapter.size, 2);
    const b = await createStore({ persistence: adapter });
    assert.equal(b.scenario, undefined);
    assert.deepEqual(b.world, a.world);
    assert.equal(b.world.paymentMethod?.last4, '4242');
    b.loadScenario('injixo-classic');
    await b.flush();
    assert.equal(adapter.size, 1, 'the custom world is dropped once a scenario is loaded');
  });

  it('reset forgets the saved state', async () => {
    const adapter = memoryAdapter();
    const a = await createStore({ scenario: 'injixo-classic', persistence: adapter });
    a.setSession({ role: 'member' });
    await a.flush();
    await a.reset();
    assert.equal(adapter.size, 0);
    const b = await createStore({ persistence: adapter });
    assert.equal(b.scenario, 'injixo-advanced');
    assert.equal(b.role, 'admin');
  });

  it('a world given to the constructor is saved whole with its first change', async () => {
    const adapter = memoryAdapter();
    const a = await createStore({ world: world('prepaid-licenses', 200, 4), persistence: adapter });
    const result = a.scheduleChange({ kind: 'change-period', periodMonths: 12 }, 'period-key-1');
    assert.equal(result.created, true);
    await a.flush();
    const b = await createStore({ persistence: adapter });
    assert.deepEqual(b.world, a.world);
    assert.equal(b.scheduleChange({ periodMonths: 12, kind: 'change-period' }, 'period-key-1').replayed, true);
  });

  it('a saved state wins over the options of a new store (a page reload)', async () => {
    const adapter = memoryAdapter();
    const a = await createStore({ scenario: 'injixo-classic', persistence: adapter });
    a.setToday('2026-11-30');
    await a.flush();
    const b = await createStore({ scenario: 'workplace-trial', persistence: adapter });
    assert.equal(b.scenario, 'injixo-classic');
    assert.equal(b.today, '2026-11-30');
  });

  it('the HTTP API answers from the store it serves', async () => {
    store.loadWorld(world('prepaid-licenses', 200, 4));
    await client.scheduleChange({ kind: 'change-period', periodMonths: 12 });
    assert.equal(
      (await failure(client.scheduleChange({ kind: 'change-period', periodMonths: 12 }))).code,
      'same-period',
    );
  });
});
