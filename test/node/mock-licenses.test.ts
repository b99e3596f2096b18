/**
 * Prepaid licenses through the API: summary, quote, orders (idempotent, one order per
 * key), removals below the active users refused, scheduled changes, license actions on a
 * per-user plan refused (409), and deactivation / reactivation under licenses.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { licenseSummary } from '../../mocks/engine/licenses.js';
import { prorate } from '../../mocks/engine/money.js';
import { send } from '../mocks/fixtures.js';
import { BASE, failure, useMockServer, world } from './mock-setup.js';

const { store, client } = useMockServer();
const licensed = world('prepaid-licenses', 200, 4);

describe('mock licenses', () => {
  beforeEach(() => store.loadWorld(licensed));

  it('GET /licenses: held, assigned, free and the periods, from the engine', async () => {
    const s = await client.getLicenses();
    const e = licenseSummary(store.world);
    assert.equal(s.licenses, e.licenses);
    assert.equal(s.assigned, e.assigned);
    assert.equal(s.free, e.free);
    assert.equal(s.periodQuantity, e.licenses * e.periodMonths);
    assert.deepEqual(s.period, { ...e.period, months: e.periodMonths });
    assert.deepEqual(s.nextPeriod, e.nextPeriod);
  });

  it('a quote prorates the rest of the period: quantity × price × months × daysRemaining / daysInPeriod', async () => {
    const q = await client.quoteLicenses(2);
    // 6-month period 2026-11-01..2027-04-30 (181 days), today 2026-11-22 (160 days left).
    assert.deepEqual(q.period, { start: '2026-11-01', end: '2027-04-30', months: 6 });
    assert.equal(q.daysInPeriod, 181);
    assert.equal(q.daysRemaining, 160);
    assert.equal(q.amount, prorate(2000, [2, 6], 160, 181));
    assert.equal(q.amount, 21215);
    assert.equal(q.currency, licensed.tenant.currency);
  });

  it('adding licenses orders at once and bills the proration on its own invoice', async () => {
    const before = await client.getLicenses();
    const r = await send(
      BASE,
      'POST',
      '/licenses/orders',
      { kind: 'add', quantity: 2 },
      { 'Idempotency-Key': 'add-two-0001' },
    );
    assert.equal(r.status, 201);
    assert.equal(r.headers.get('Idempotent-Replayed'), null);
    const result = (await r.json()) as Awaited<ReturnType<typeof client.orderLicenses>>;
    assert.equal(result.order.kind, 'add-licenses');
    assert.equal(result.order.quantity, 2);
    assert.equal(result.order.effectiveOn, '2026-11-22');
    assert.equal(result.order.amount, 21215);
    assert.equal(result.invoice?.lines[0]?.kind, 'proration');
    assert.equal(result.invoice?.subtotal, 21215);
    assert.equal(result.invoice?.status, 'open');
    const after = await client.getLicenses();
    assert.equal(after.licenses, before.licenses + 2);
    assert.equal(after.free, before.free + 2);
    const orders = await client.listOrders();
    assert.equal(orders.items[0]?.id, result.order.id);
    const invoices = await client.listInvoices();
    assert.equal(invoices.items[0]?.id, result.invoice?.id);
  });

  it('a replay with the same Idempotency-Key returns the first result and orders once', async () => {
    const key = 'order-once-0001';
    const first = await client.orderLicenses('add', 3, { idempotencyKey: key });
    const r = await send(BASE, 'POST', '/licenses/orders', { kind: 'add', quantity: 3 }, { 'Idempotency-Key': key });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(await r.json(), first);
    const again = await client.orderLicenses('add', 3, { idempotencyKey: key });
    assert.deepEqual(again, first);
    assert.equal(store.world.orders.filter((o) => o.kind === 'add-licenses').length, 1);
    assert.equal(store.world.invoices.filter((i) => i.orderId !== undefined).length, 1);
    assert.equal((await client.getLicenses()).licenses, licensed.subscription.licenses!.initialCount + 3);
  });

  it('the same key with a different request is refused (422 key-reused), nothing ordered', async () => {
    await client.orderLicenses('add', 1, { idempotencyKey: 'reused-key-1' });
    const e = await failure(client.orderLicenses('add', 2, { idempotencyKey: 'reused-key-1' }));
    assert.equal(e.status, 422);
    assert.equal(e.code, 'key-reused');
    assert.deepEqual(Object.keys(e.fieldErrors), ['Idempotency-Key']);
    const e2 = await failure(client.settleBalance({ idempotencyKey: 'reused-key-1' }));
    assert.equal(e2.code, 'key-reused');
    assert.equal(store.world.orders.length, 1);
  });

  it('removing below the active users is refused with the field quantity; a removal within is scheduled', async () => {
    const s = await client.getLicenses();
    const e = await failure(client.orderLicenses('remove', s.free + 1));
    assert.equal(e.status, 422);
    assert.equal(e.code, 'below-active-users');
    assert.match(e.fieldErrors['quantity'] ?? '', /active users/);
    assert.equal(store.world.orders.length, 0);
    const ok = await client.orderLicenses('remove', s.free);
    assert.equal(ok.order.kind, 'remove-licenses');
    assert.equal(ok.order.effectiveOn, s.nextPeriod.start);
    assert.equal(ok.invoice, undefined);
    const after = await client.getLicenses();
    assert.equal(after.licenses, s.licenses, 'still held this period (no credit)');
    assert.equal(after.nextPeriod.licenses, s.licenses - s.free);
    const overview = await client.getSubscription();
    assert.deepEqual(
      overview.scheduledChanges.map((o) => o.id),
      [ok.order.id],
    );
  });

  it('edition and period changes are scheduled for the next period, and show in the overview', async () => {
    const plan = await client.scheduleChange({ kind: 'change-plan', planId: 'severa-enterprise' });
    assert.equal(plan.kind, 'change-plan');
    assert.equal(plan.effectiveOn, '2027-05-01');
    const period = await client.scheduleChange(
      { kind: 'change-period', periodMonths: 12 },
      { idempotencyKey: 'period-12-a' },
    );
    const replay = await send(
      BASE,
      'POST',
      '/subscription/changes',
      { periodMonths: 12, kind: 'change-period' },
      {
        'Idempotency-Key': 'period-12-a',
      },
    );
    assert.equal(replay.status, 200);
    assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
    const o = await client.getSubscription();
    assert.equal(o.model, 'prepaid-licenses');
    assert.deepEqual(o.currentPeriod, { start: '2026-11-01', end: '2027-04-30', months: 6 });
    assert.equal(o.nextPeriod.planId, 'severa-enterprise');
    assert.equal(o.nextPeriod.months, 12);
    assert.deepEqual(
      o.scheduledChanges.map((x) => x.id),
      [plan.id, period.id],
    );
    assert.equal(o.licenses?.licenses, licensed.subscription.licenses!.initialCount);
    assert.equal(o.usage, undefined);
    const same = await failure(client.scheduleChange({ kind: 'change-plan', planId: 'severa-enterprise' }));
    assert.equal(same.status, 422);
    assert.equal(same.code, 'same-plan');
  });

  it('deactivating with removeLicense schedules the removal of one license', async () => {
    const s = await client.getLicenses();
    const id = store.world.people.find((p) => !p.deactivatedOn && !p.deletedOn && p.billingStart < '2026-11-01')
      ?.id as string;
    const change = await client.deactivateUser(id, { removeLicense: true });
    assert.equal(change.user.status, 'deactivated');
    assert.equal(change.user.deactivatedOn, '2026-11-22');
    assert.equal(change.order?.kind, 'remove-licenses');
    assert.equal(change.order?.quantity, 1);
    const after = await client.getLicenses();
    assert.equal(after.assigned, s.assigned - 1);
    assert.equal(after.nextPeriod.licenses, s.licenses - 1);
  });

  it('deactivating without removeLicense keeps the license (it becomes free)', async () => {
    const s = await client.getLicenses();
    const id = store.world.people.find((p) => !p.deactivatedOn && !p.deletedOn)?.id as string;
    const change = await client.deactivateUser(id);
    assert.equal(change.order, undefined);
    const after = await client.getLicenses();
    assert.equal(after.free, s.free + 1);
    assert.equal(after.nextPeriod.licenses, s.licenses);
  });
});

describe('mock licenses with no free license (m365-declined)', () => {
  beforeEach(() => store.loadScenario('m365-declined'));

  it('reactivating needs a license: 422 license-required with the quote, unless buyLicense', async () => {
    const s = await client.getLicenses();
    assert.equal(s.free, 0);
    const before = JSON.stringify(store.world);
    const e = await failure(client.reactivateUser('p-00022'));
    assert.equal(e.status, 422);
    assert.equal(e.code, 'license-required');
    const quote = e.problem?.quote;
    assert.equal(quote?.quantity, 1);
    assert.equal(quote?.periodMonths, 1);
    assert.ok((quote?.amount ?? 0) > 0);
    assert.equal(JSON.stringify(store.world), before, 'nothing changed');

    const key = 'buy-and-reactivate-1';
    const change = await client.reactivateUser('p-00022', { buyLicense: true }, { idempotencyKey: key });
    assert.equal(change.user.status, 'active');
    assert.equal(change.user.deactivatedOn, undefined);
    assert.equal(change.user.startDate, store.world.people.find((p) => p.id === 'p-00022')?.billingStart);
    assert.equal(change.order?.kind, 'add-licenses');
    assert.equal(change.order?.quantity, 1);
    assert.equal(change.order?.amount, quote?.amount);
    assert.equal(change.invoice?.total, change.invoice!.subtotal + change.invoice!.tax);
    const after = await client.getLicenses();
    assert.equal(after.licenses, s.licenses + 1);
    assert.equal(after.assigned, s.assigned + 1);
    assert.equal(after.free, 0);

    const replay = await send(
      BASE,
      'POST',
      '/users/p-00022/reactivate',
      { buyLicense: true },
      { 'Idempotency-Key': key },
    );
    assert.equal(replay.status, 200);
    assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(await replay.json(), change);
    assert.equal(store.world.orders.filter((o) => o.kind === 'add-licenses' && o.placedOn === '2026-11-22').length, 1);
  });

  it('with a free license (after a deactivation) reactivating needs no purchase', async () => {
    await client.deactivateUser('p-00005');
    const change = await client.reactivateUser('p-00022');
    assert.equal(change.user.status, 'active');
    assert.equal(change.order, undefined);
    assert.equal((await client.getLicenses()).free, 0);
  });
});

describe('mock license actions on a per-user plan', () => {
  beforeEach(() => store.loadWorld(world()));

  it('are a 409 not-licensed, and change nothing', async () => {
    const before = JSON.stringify(store.world);
    for (const call of [
      () => client.getLicenses(),
      () => client.quoteLicenses(1),
      () => client.orderLicenses('add', 1),
      () => client.orderLicenses('remove', 1),
      () => client.scheduleChange({ kind: 'change-period', periodMonths: 12 }),
      () => client.deactivateUser(store.world.people[3]!.id, { removeLicense: true }),
    ]) {
      const e = await failure(call());
      assert.equal(e.status, 409);
      assert.equal(e.kind, 'conflict');
      assert.equal(e.code, 'not-licensed');
    }
    assert.equal(JSON.stringify(store.world), before);
  });

  it('the order history and edition changes still work (every change is an order)', async () => {
    const plans = await client.listPlans();
    assert.equal(plans.currency, store.world.tenant.currency);
    const other = plans.items.find((p) => p.id !== store.world.subscription.planId)?.id as string;
    const order = await client.scheduleChange({ kind: 'change-plan', planId: other });
    assert.equal(order.effectiveOn, '2026-12-01');
    assert.deepEqual((await client.listOrders()).items, [order]);
    const o = await client.getSubscription();
    assert.equal(o.nextPeriod.planId, other);
    assert.deepEqual(o.currentPeriod, { start: '2026-11-01', end: '2026-11-30', months: 1 });
  });
});
