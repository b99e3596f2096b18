/**
 * Cancelling a scheduled change (`POST /subscription/changes/{orderId}/cancel`) and the
 * license guard's figure (`removableLicenses`): through the API, and the engine's rule
 * (what a cancellation leaves, a later change that depended on it).
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { RuleError } from '../../mocks/engine/errors.js';
import {
  cancelScheduledChange,
  fewestFreeLicenses,
  nextChangeDate,
  removableLicenses,
  scheduledChanges,
} from '../../mocks/engine/licenses.js';
import type { Order, World } from '../../mocks/engine/types.js';
import { send } from '../mocks/fixtures.js';
import { BASE, failure, useMockServer, world } from './mock-setup.js';

const { store, client } = useMockServer();
const licensed = world('prepaid-licenses', 200, 4);

describe('cancelling a scheduled change through the API', () => {
  beforeEach(() => store.loadWorld(licensed));

  it('a cancelled license removal: the licenses stay, it leaves the scheduled changes and the history', async () => {
    const before = await client.getLicenses();
    const { order } = await client.orderLicenses('remove', 2);
    assert.equal((await client.getLicenses()).nextPeriod.licenses, before.nextPeriod.licenses - 2);

    const r = await send(BASE, 'POST', `/subscription/changes/${order.id}/cancel`, undefined, {
      'Idempotency-Key': 'cancel-remove-1',
    });
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), order);

    const after = await client.getLicenses();
    assert.equal(after.nextPeriod.licenses, before.nextPeriod.licenses);
    assert.equal(after.removableLicenses, before.removableLicenses);
    const sub = await client.getSubscription();
    assert.ok(!sub.scheduledChanges.some((o) => o.id === order.id));
    assert.ok(!(await client.listOrders()).items.some((o) => o.id === order.id));

    // The same key again: the first answer, nothing more done.
    const replay = await send(BASE, 'POST', `/subscription/changes/${order.id}/cancel`, undefined, {
      'Idempotency-Key': 'cancel-remove-1',
    });
    assert.equal(replay.status, 200);
    assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(await replay.json(), order);

    // A new request for the same order: it is no longer there.
    const again = await failure(client.cancelScheduledChange(order.id));
    assert.equal(again.status, 404);
    assert.equal(again.code, 'unknown-order');
  });

  it('an edition change cancelled: the edition in force stays from the next period', async () => {
    const sub = await client.getSubscription();
    const order = await client.scheduleChange({ kind: 'change-plan', planId: 'severa-enterprise' });
    assert.equal((await client.getSubscription()).nextPeriod.planId, 'severa-enterprise');
    const cancelled = await client.cancelScheduledChange(order.id, { idempotencyKey: 'cancel-plan-1' });
    assert.deepEqual(cancelled, order);
    const after = await client.getSubscription();
    assert.equal(after.nextPeriod.planId, sub.plan.id);
    assert.deepEqual(after.scheduledChanges, sub.scheduledChanges);
  });

  it('404 for an unknown order, 409 already-effective (with its date) for one in effect, nothing changed', async () => {
    const unknown = await failure(client.cancelScheduledChange('ord-nope'));
    assert.equal(unknown.status, 404);
    assert.equal(unknown.code, 'unknown-order');

    const { order } = await client.orderLicenses('add', 1); // effective today
    const worldBefore = JSON.stringify(store.world);
    const effective = await failure(client.cancelScheduledChange(order.id));
    assert.equal(effective.status, 409);
    assert.equal(effective.code, 'already-effective');
    assert.deepEqual(effective.problem?.params, { date: order.effectiveOn });
    assert.equal(JSON.stringify(store.world), worldBefore);

    // A removal whose date has come (the clock moved past it) cannot be cancelled either.
    const { order: removal } = await client.orderLicenses('remove', 1);
    store.setToday(removal.effectiveOn);
    const late = await failure(client.cancelScheduledChange(removal.id));
    assert.equal(late.status, 409);
    assert.equal(late.code, 'already-effective');
    assert.equal(late.problem?.params?.date, removal.effectiveOn);
  });

  it('admin and finance only: other roles get 403 and nothing is cancelled', async () => {
    const { order } = await client.orderLicenses('remove', 1);
    store.setSession({ role: 'member' });
    try {
      const refused = await failure(client.cancelScheduledChange(order.id));
      assert.equal(refused.status, 403);
      assert.ok(store.world.orders.some((o) => o.id === order.id));
      store.setSession({ role: 'finance' });
      await client.cancelScheduledChange(order.id);
      assert.ok(!store.world.orders.some((o) => o.id === order.id));
    } finally {
      store.setSession({ role: 'admin' });
    }
  });
});

describe('the most licenses one removal may take (removableLicenses)', () => {
  beforeEach(() => store.loadWorld(licensed));

  it('is what a removal is refused above: its max; removing exactly that many is accepted', async () => {
    const s = await client.getLicenses();
    assert.equal(s.removableLicenses, removableLicenses(store.world));
    assert.equal(s.removableLicenses, Math.max(0, fewestFreeLicenses(store.world, nextChangeDate(store.world)).free));
    assert.ok((s.removableLicenses ?? 0) > 0);
    const tooMany = await failure(client.orderLicenses('remove', s.removableLicenses! + 1));
    assert.equal(tooMany.code, 'below-active-users');
    assert.equal(tooMany.problem?.errors?.[0]?.params?.max, s.removableLicenses);
    await client.orderLicenses('remove', s.removableLicenses!);
    assert.equal((await client.getLicenses()).removableLicenses, 0);
    const sub = await client.getSubscription();
    assert.equal(sub.licenses?.removableLicenses, 0);
  });
});

describe('the engine: cancelScheduledChange', () => {
  /** The licensed world with `orders` scheduled on the next period start (placed today). */
  function scheduled(...orders: Partial<Order>[]): World {
    const w = structuredClone(licensed);
    const on = nextChangeDate(w);
    orders.forEach((o, i) =>
      w.orders.push({ id: `s-${i}`, kind: 'change-plan', placedOn: w.today, effectiveOn: on, ...o }),
    );
    return w;
  }

  function refusal(fn: () => unknown): RuleError {
    try {
      fn();
    } catch (e) {
      if (e instanceof RuleError) return e;
      throw e;
    }
    throw new Error('expected a refusal');
  }

  it('a later edition change back to the edition in force is withdrawn with the change it undid', () => {
    const current = licensed.subscription.planId;
    const w = scheduled({ planId: 'severa-enterprise' }, { planId: current });
    const r = cancelScheduledChange(w, 's-0');
    assert.equal(r.order.id, 's-0');
    assert.deepEqual(
      r.withdrawn.map((o) => o.id),
      ['s-1'],
    );
    assert.ok(!r.orders.some((o) => o.id === 's-0' || o.id === 's-1'));
    assert.deepEqual(scheduledChanges({ ...w, orders: r.orders }), scheduledChanges(licensed));
    // Cancelling the later one leaves the first as it was.
    const later = cancelScheduledChange(w, 's-1');
    assert.deepEqual(later.withdrawn, []);
    assert.ok(later.orders.some((o) => o.id === 's-0'));
  });

  it('a frequency change back to the period in force is withdrawn too; other kinds are kept', () => {
    const months = licensed.subscription.licenses!.periodMonths;
    const w = scheduled(
      { kind: 'change-period', periodMonths: 12 },
      { kind: 'remove-licenses', quantity: 1 },
      { kind: 'change-period', periodMonths: months },
    );
    const r = cancelScheduledChange(w, 's-0');
    assert.deepEqual(
      r.withdrawn.map((o) => o.id),
      ['s-2'],
    );
    assert.ok(r.orders.some((o) => o.id === 's-1'));
  });

  it('refuses an unknown order, one in effect (with its date) and one with its own invoice', () => {
    assert.equal(refusal(() => cancelScheduledChange(licensed, 'nope')).code, 'unknown-order');
    const past = licensed.orders.find((o) => o.effectiveOn <= licensed.today);
    if (past) {
      const e = refusal(() => cancelScheduledChange(licensed, past.id));
      assert.equal(e.code, 'already-effective');
      assert.deepEqual(e.params, { date: past.effectiveOn });
    }
    const w = scheduled({ kind: 'add-licenses', quantity: 1, amount: 100 });
    w.invoices.push({ ...structuredClone(w.invoices[0]!), id: 'inv-x', number: 'X-1', orderId: 's-0' });
    assert.equal(refusal(() => cancelScheduledChange(w, 's-0')).code, 'order-invoiced');
  });

  it('never changes the world it is given', () => {
    const w = scheduled({ planId: 'severa-enterprise' });
    const before = JSON.stringify(w);
    cancelScheduledChange(w, 's-0');
    assert.equal(JSON.stringify(w), before);
  });
});
