/**
 * The mock's clock: invoices issued while it moves are charged with the payment method on
 * file on their issue day (as the scenarios' card customers are), declines recorded
 * (docs/testing.md: "issued and charged").
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths } from '../../mocks/engine/dates.js';
import { generateWorld } from '../../mocks/engine/generate.js';
import { invoiceState } from '../../mocks/engine/invoices.js';
import type { Invoice, PaymentMethod, World } from '../../mocks/engine/types.js';
import { validateWorldAll } from '../../mocks/engine/validate.js';
import { MockStore } from '../../mocks/store/store.js';

/** A small per-user tenant on 2026-11-22 with a year of invoices issued and the given method on file. */
function tenant(paymentMethod: PaymentMethod | undefined, paymentTermDays = 14): World {
  const g = generateWorld({ seed: 5, people: 6, model: 'per-user', today: '2026-11-22', historyMonths: 12 });
  const w: World = { ...g, tenant: { ...g.tenant, paymentTermDays } };
  if (paymentMethod) w.paymentMethod = paymentMethod;
  else delete w.paymentMethod;
  return w;
}

function storeOf(world: World): MockStore {
  const store = new MockStore({ world });
  void store.world; // issue what is due at load
  return store;
}

/** The invoices issued since `before` (by id). */
function issuedSince(store: MockStore, before: readonly Invoice[]): Invoice[] {
  const known = new Set(before.map((i) => i.id));
  return store.world.invoices.filter((i) => !known.has(i.id));
}

describe('the clock charges the invoices it issues', () => {
  const card: PaymentMethod = { kind: 'card', brand: 'visa', last4: '4242', expires: '2030-12' };

  it('a valid card: each invoice issued on the way is paid on its issue day', () => {
    const store = storeOf(tenant(card));
    const before = store.world.invoices;
    const payments = store.world.payments.length;
    store.setToday('2027-03-10');
    const issued = issuedSince(store, before);
    assert.deepEqual(
      issued.map((i) => i.issuedOn),
      ['2026-12-01', '2027-01-01', '2027-02-01', '2027-03-01'],
    );
    const charged = store.world.payments.slice(payments);
    assert.deepEqual(
      charged.map((p) => [p.invoiceId, p.on, p.amount, p.outcome]),
      issued.map((i) => [i.id, i.issuedOn, i.amountDue, 'succeeded']),
    );
    for (const inv of issued) assert.equal(invoiceState(store.world, inv).status, 'paid');
    // Invoices issued before the move are left alone (settling them is the user's act).
    for (const inv of before) assert.equal(store.world.payments.filter((p) => p.invoiceId === inv.id).length, 0);
    assert.deepEqual(validateWorldAll(store.world), []);
  });

  it('an expired card declines: the failed charge is recorded, payment failed, then past due', () => {
    const store = storeOf(tenant({ ...card, expires: '2026-12' }));
    const before = store.world.invoices;
    store.setToday('2027-01-05');
    const [dec, jan] = issuedSince(store, before);
    assert.ok(dec && jan);
    const of = (inv: Invoice) => store.world.payments.filter((p) => p.invoiceId === inv.id);
    // December's invoice (issued 1 December, the card still valid) is paid…
    assert.deepEqual(
      of(dec).map((p) => p.outcome),
      ['succeeded'],
    );
    // …January's declines: the card expired at the end of December.
    assert.deepEqual(
      of(jan).map((p) => [p.on, p.amount, p.outcome, p.declineReason]),
      [['2027-01-01', 0, 'declined', 'card_expired']],
    );
    assert.deepEqual(invoiceState(store.world, jan), {
      status: 'payment_failed',
      balance: jan.amountDue,
      paid: 0,
      declineReason: 'card_expired',
      declinedOn: '2027-01-01',
    });
    store.setToday('2027-01-20'); // past the due date (14 days)
    assert.equal(invoiceState(store.world, jan).status, 'past_due');
    assert.equal(invoiceState(store.world, jan).declineReason, 'card_expired');
  });

  it('a blocked card declines whatever its expiry; a direct debit is collected', () => {
    const blocked = storeOf(tenant({ ...card, declines: true }));
    blocked.setToday('2026-12-02');
    assert.deepEqual(
      blocked.world.payments.slice(-1).map((p) => [p.outcome, p.declineReason]),
      [['declined', 'card_declined']],
    );
    const sepa = storeOf(tenant({ kind: 'sepa-debit', last4: '4821' }));
    sepa.setToday('2026-12-02');
    assert.equal(sepa.world.payments.at(-1)?.outcome, 'succeeded');
  });

  it('bank transfer or no method on file: nothing is charged', () => {
    for (const method of [{ kind: 'invoice' } as PaymentMethod, undefined]) {
      const store = storeOf(tenant(method));
      const payments = store.world.payments.length;
      store.setToday('2027-02-02');
      assert.equal(store.world.payments.length, payments);
      assert.equal(invoiceState(store.world, store.world.invoices.at(-1) as Invoice).status, 'open');
    }
  });

  it('moving day by day or in one jump gives the same ledger', () => {
    const jump = storeOf(tenant({ ...card, expires: '2027-01' }));
    const steps = storeOf(tenant({ ...card, expires: '2027-01' }));
    jump.setToday('2027-03-03');
    for (let m = '2026-12'; m <= '2027-03'; m = addMonths(m, 1)) {
      for (const d of ['01', '02', '15']) if (`${m}-${d}` <= '2027-03-03') steps.setToday(`${m}-${d}`);
    }
    steps.setToday('2027-03-03');
    assert.deepEqual(steps.world.invoices, jump.world.invoices);
    assert.deepEqual(steps.world.payments, jump.world.payments);
  });

  it('replays the charges from the saved mutations (the same world after a reload)', async () => {
    const { memoryAdapter } = await import('../../mocks/store/persistence.js');
    const adapter = memoryAdapter();
    const a = new MockStore({ world: tenant({ ...card, expires: '2026-12' }), persistence: adapter });
    await a.ready;
    a.setToday('2027-02-02');
    await a.flush();
    const b = new MockStore({ world: tenant(undefined), persistence: adapter });
    await b.ready;
    assert.deepEqual(b.world, a.world);
  });
});
