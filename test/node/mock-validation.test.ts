/**
 * Requests are checked against the contract: malformed parameters and bodies are 400 with
 * a field error per problem; rule refusals are 422. A rejected request changes nothing.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { Problem } from '../../src/client/index.js';
import { send } from '../mocks/fixtures.js';
import { BASE, failure, useMockServer, world } from './mock-setup.js';

const { store, client } = useMockServer();

async function problemOf(r: Response): Promise<Problem> {
  assert.equal(r.headers.get('Content-Type'), 'application/problem+json');
  return (await r.json()) as Problem;
}

/** The fields named by a 400 answer to `path`. */
async function badFields(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  const r = await send(BASE, method, path, body, headers);
  const p = await problemOf(r);
  assert.equal(r.status, 400, `${method} ${path}: ${JSON.stringify(p)}`);
  assert.equal(p.status, 400);
  assert.equal(p.code, 'invalid-request');
  for (const e of p.errors ?? []) assert.ok(e.message.length > 0);
  return (p.errors ?? []).map((e) => `${e.field}:${e.code}`).sort();
}

describe('mock validation: query parameters', () => {
  beforeEach(() => store.loadWorld(world()));

  it('GET /users: month required and well-formed, limit ≤ 500, offset ≥ 0, sort and billed known, q ≤ 200', async () => {
    assert.deepEqual(await badFields('GET', '/users'), ['month:required']);
    assert.deepEqual(await badFields('GET', '/users?month=2026-13'), ['month:invalid-month']);
    assert.deepEqual(await badFields('GET', '/users?month=26-03'), ['month:invalid-month']);
    assert.deepEqual(await badFields('GET', '/users?month=2026-03&limit=501'), ['limit:out-of-range']);
    assert.deepEqual(await badFields('GET', '/users?month=2026-03&limit=0'), ['limit:out-of-range']);
    assert.deepEqual(await badFields('GET', '/users?month=2026-03&limit=ten'), ['limit:invalid']);
    assert.deepEqual(await badFields('GET', '/users?month=2026-03&offset=-1'), ['offset:out-of-range']);
    assert.deepEqual(await badFields('GET', '/users?month=2026-03&sort=salary'), ['sort:invalid']);
    assert.deepEqual(await badFields('GET', '/users?month=2026-03&billed=yes'), ['billed:invalid']);
    assert.deepEqual(await badFields('GET', `/users?month=2026-03&q=${'x'.repeat(201)}`), ['q:too-long']);
    assert.deepEqual(await badFields('GET', '/users?month=2026-03&month=2026-04'), ['month:repeated']);
    // Every problem at once.
    assert.deepEqual(await badFields('GET', '/users?month=2026-3&limit=1000&sort=x'), [
      'limit:out-of-range',
      'month:invalid-month',
      'sort:invalid',
    ]);
  });

  it('the typed client gets the same as kind "invalid" with field errors', async () => {
    const e = await failure(client.listUsers({ month: '2026-03', limit: 600 }));
    assert.equal(e.status, 400);
    assert.equal(e.kind, 'invalid');
    assert.deepEqual(Object.keys(e.fieldErrors), ['limit']);
  });

  it('usage, invoices, people and export check theirs', async () => {
    assert.deepEqual(await badFields('GET', '/usage/daily?month=2026-00'), ['month:invalid-month']);
    assert.deepEqual(await badFields('GET', '/usage/monthly'), ['year:required']);
    assert.deepEqual(await badFields('GET', '/usage/monthly?year=1999'), ['year:out-of-range']);
    assert.deepEqual(await badFields('GET', '/invoices?status=open,lost'), ['status:invalid']);
    assert.deepEqual(await badFields('GET', '/invoices?year=2101&limit=501'), [
      'limit:out-of-range',
      'year:out-of-range',
    ]);
    assert.deepEqual(await badFields('GET', '/people?limit=9999'), ['limit:out-of-range']);
    assert.deepEqual(await badFields('GET', '/users/export?month=March'), ['month:invalid-month']);
    assert.deepEqual(await badFields('GET', '/users/export'), ['month:required']);
  });
});

describe('mock validation: bodies and headers', () => {
  beforeEach(() => store.loadWorld(world('prepaid-licenses', 200, 4)));
  const key = { 'Idempotency-Key': 'key-0000001' };

  it('a body that is not JSON, or missing, is a 400', async () => {
    assert.deepEqual(await badFields('POST', '/licenses/quote', '{"quantity":', key), [':invalid-json']);
    assert.deepEqual(await badFields('POST', '/licenses/quote'), [':required']);
  });

  it('license orders: kind, quantity 1–100000, no unknown fields, Idempotency-Key required (8–200)', async () => {
    assert.deepEqual(await badFields('POST', '/licenses/orders', { kind: 'add', quantity: 1 }), [
      'Idempotency-Key:required',
    ]);
    assert.deepEqual(
      await badFields('POST', '/licenses/orders', { kind: 'add', quantity: 1 }, { 'Idempotency-Key': 'short' }),
      ['Idempotency-Key:too-short'],
    );
    assert.deepEqual(await badFields('POST', '/licenses/orders', { kind: 'buy', quantity: 0, note: 'x' }, key), [
      'kind:invalid',
      'note:unknown-field',
      'quantity:out-of-range',
    ]);
    assert.deepEqual(await badFields('POST', '/licenses/orders', { quantity: 1.5 }, key), [
      'kind:required',
      'quantity:invalid-type',
    ]);
    assert.deepEqual(await badFields('POST', '/licenses/quote', { quantity: 100001 }), ['quantity:out-of-range']);
  });

  it('subscription changes: kind required, planId for change-plan, periodMonths 1, 6 or 12', async () => {
    assert.deepEqual(await badFields('POST', '/subscription/changes', {}), ['kind:required']);
    assert.deepEqual(await badFields('POST', '/subscription/changes', { kind: 'change-plan' }), ['planId:required']);
    assert.deepEqual(await badFields('POST', '/subscription/changes', { kind: 'change-period', periodMonths: 3 }), [
      'periodMonths:invalid',
    ]);
  });

  it('deactivate / reactivate take an optional body with known booleans', async () => {
    const id = store.world.people[5]?.id as string;
    assert.deepEqual(await badFields('POST', `/users/${id}/deactivate`, { removeLicense: 'yes' }), [
      'removeLicense:invalid-type',
    ]);
    assert.deepEqual(await badFields('POST', `/users/${id}/reactivate`, { buy: true }), ['buy:unknown-field']);
  });

  it('faults: items required and each fault checked', async () => {
    assert.deepEqual(await badFields('PUT', '/__mock/faults', {}), ['items:required']);
    assert.deepEqual(
      await badFields('PUT', '/__mock/faults', { items: [{ operation: 'getMe', kind: 'explode', times: 0 }] }),
      ['items[0].kind:invalid', 'items[0].times:out-of-range'],
    );
  });

  it('a rejected write changes nothing', async () => {
    const before = JSON.stringify(store.world);
    const active = store.world.people.filter((p) => !p.deactivatedOn && !p.deletedOn).length;
    const summary = await client.getLicenses();
    // 400s, a 422 below the active users, a 409 (already active), a 404 and a 428.
    await badFields('POST', '/licenses/orders', { kind: 'add', quantity: 0 }, key);
    const e422 = await failure(client.orderLicenses('remove', summary.licenses - active + 1));
    assert.equal(e422.status, 422);
    assert.equal(e422.code, 'below-active-users');
    assert.deepEqual(Object.keys(e422.fieldErrors), ['quantity']);
    const activeId = store.world.people.find((p) => !p.deactivatedOn && !p.deletedOn)?.id as string;
    assert.equal((await failure(client.reactivateUser(activeId))).status, 409);
    assert.equal((await failure(client.deactivateUser('p-nobody'))).status, 404);
    const r = await send(BASE, 'PUT', '/billing-details', { recipients: [] });
    assert.equal(r.status, 428);
    const e = await failure(client.scheduleChange({ kind: 'change-plan', planId: 'no-such-plan' }));
    assert.equal(e.status, 422);
    assert.equal(e.code, 'unknown-plan');
    assert.equal(JSON.stringify(store.world), before);
    assert.equal(store.mutations.length, 0);
  });
});
