/**
 * Faults on demand, per operation or everywhere, switchable at run time: latency, 500,
 * network error, hang (until aborted), 429 with Retry-After; `times` counts; the mock's
 * control endpoints are never hit.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { send } from '../mocks/fixtures.js';
import { BASE, failure, useMockServer } from './mock-setup.js';

const { store, client } = useMockServer();

describe('mock faults', () => {
  afterEach(() => store.setFaults([]));

  it('latency: answers after the delay (measured loosely)', async () => {
    store.setFaults([{ operation: 'getMe', kind: 'latency', latencyMs: 150 }]);
    const t0 = performance.now();
    const me = await client.getMe();
    const dt = performance.now() - t0;
    assert.equal(me.role, 'admin');
    assert.ok(dt >= 120, `took ${dt} ms`);
    const t1 = performance.now();
    await client.getSubscription();
    assert.ok(performance.now() - t1 < 1000, 'other operations are not delayed');
  });

  it('error-500: a problem with kind "server", retryable', async () => {
    store.setFaults([{ operation: 'getSubscription', kind: 'error-500' }]);
    const e = await failure(client.getSubscription());
    assert.equal(e.status, 500);
    assert.equal(e.kind, 'server');
    assert.equal(e.retryable, true);
    assert.equal(e.code, 'server-error');
  });

  it('network-error: no answer, kind "network"', async () => {
    store.setFaults([{ operation: 'listInvoices', kind: 'network-error' }]);
    const e = await failure(client.listInvoices());
    assert.equal(e.status, 0);
    assert.equal(e.kind, 'network');
  });

  it('hang: no answer until the caller aborts, kind "aborted"', async () => {
    store.setFaults([{ operation: 'getPaymentMethod', kind: 'hang' }]);
    const controller = new AbortController();
    const pending = client.getPaymentMethod({ signal: controller.signal });
    let settled = false;
    void pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(settled, false, 'still hanging');
    controller.abort();
    const e = await failure(pending);
    assert.equal(e.kind, 'aborted');
  });

  it('rate-limit-429: kind "rate-limited" with Retry-After', async () => {
    store.setFaults([{ operation: 'listUsers', kind: 'rate-limit-429', retryAfter: 7 }]);
    const e = await failure(client.listUsers({ month: '2026-11' }));
    assert.equal(e.status, 429);
    assert.equal(e.kind, 'rate-limited');
    assert.equal(e.retryAfter, 7);
    store.setFaults([{ operation: 'listUsers', kind: 'rate-limit-429' }]);
    assert.equal((await failure(client.listUsers({ month: '2026-11' }))).retryAfter, 1);
  });

  it('times: hits that many requests, then the endpoint answers again', async () => {
    store.setFaults([{ operation: 'getMe', kind: 'error-500', times: 2 }]);
    assert.equal((await failure(client.getMe())).status, 500);
    assert.equal(store.faults[0]?.times, 1);
    assert.equal((await failure(client.getMe())).status, 500);
    assert.deepEqual(store.faults, []);
    assert.equal((await client.getMe()).role, 'admin');
  });

  it('"*" hits every endpoint, but never the control endpoints', async () => {
    store.setFaults([{ operation: '*', kind: 'error-500' }]);
    assert.equal((await failure(client.getMe())).status, 500);
    assert.equal((await failure(client.listPlans())).status, 500);
    const r = await send(BASE, 'GET', '/__mock/faults');
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), { items: [{ operation: '*', kind: 'error-500' }] });
  });

  it('faults come before the role check', async () => {
    store.setSession({ role: 'member' });
    try {
      store.setFaults([{ operation: 'getSubscription', kind: 'network-error' }]);
      assert.equal((await failure(client.getSubscription())).kind, 'network');
      assert.equal((await failure(client.getSubscription())).kind, 'network');
    } finally {
      store.setSession({ role: 'admin' });
    }
  });

  it('switchable at run time over HTTP; replacing the faults releases a hanging request', async () => {
    let r = await send(BASE, 'PUT', '/__mock/faults', { items: [{ operation: 'getBillingDetails', kind: 'hang' }] });
    assert.equal(r.status, 204);
    const hung = failure(client.getBillingDetails());
    await new Promise((res) => setTimeout(res, 50));
    r = await send(BASE, 'PUT', '/__mock/faults', { items: [] });
    assert.equal(r.status, 204);
    assert.equal((await hung).kind, 'network', 'released with a network error');
    assert.equal((await client.getBillingDetails()).etag, '"v0"');
  });
});
