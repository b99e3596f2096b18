import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { RuleError, WorldError } from '../../mocks/engine/errors.js';
import {
  amountPaid,
  chargeRefusal,
  creditBalance,
  invoiceBalance,
  issueInvoice,
  nextInvoiceNumber,
  outstanding,
  recordPayment,
  settleBalance,
} from '../../mocks/engine/payments.js';
import type { Invoice, Payment, PaymentMethod, World } from '../../mocks/engine/types.js';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** An issued invoice of `total` (no tax), `creditApplied` of it paid from credit. */
function invoice(id: string, issuedOn: string, total: number, creditApplied = 0): Invoice {
  return {
    id,
    number: `INV-${issuedOn.slice(0, 4)}-${id.slice(-4)}`,
    periodStart: issuedOn,
    periodEnd: issuedOn,
    issuedOn,
    dueOn: issuedOn,
    currency: 'EUR',
    lines: [{ kind: 'users', description: 'Users', quantity: 1, unitPrice: total, amount: total }],
    subtotal: total,
    taxRate: 0,
    tax: 0,
    total,
    creditApplied,
    amountDue: total - creditApplied,
    planId: 'classic',
  };
}

function world(
  o: { today?: string; invoices?: Invoice[]; payments?: Payment[]; paymentMethod?: PaymentMethod | null } = {},
): World {
  const w: World = {
    schemaVersion: 1,
    today: o.today ?? '2026-05-10',
    tenant: {
      id: 't1',
      name: 'Acme BV',
      timeZone: 'Europe/Amsterdam',
      currency: 'EUR',
      paymentTermDays: 30,
      taxRate: 2100,
      locale: 'nl-NL',
    },
    subscription: {
      planId: 'classic',
      plans: [{ id: 'classic', name: 'injixo Classic', model: 'per-user', unitPrice: 1000 }],
      startedOn: '2026-01-01',
    },
    people: [],
    activity: [],
    orders: [],
    invoices: o.invoices ?? [
      invoice('inv-2026-0001', '2026-02-01', 1000),
      invoice('inv-2026-0002', '2026-03-01', 2000),
      invoice('inv-2026-0003', '2026-04-01', 4000),
    ],
    payments: o.payments ?? [],
  };
  if (o.paymentMethod !== null) {
    w.paymentMethod = o.paymentMethod ?? { kind: 'card', brand: 'visa', last4: '4242', expires: '2027-06' };
  }
  return deepFreeze(w);
}

function apply(w: World, payments: Payment[]): World {
  return deepFreeze({ ...w, payments: [...w.payments, ...payments] });
}

function ruleError(fn: () => unknown): RuleError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleError) return e;
    throw e;
  }
  throw new Error('expected a RuleError');
}

const paid = (id: string, invoiceId: string | undefined, amount: number, on = '2026-05-01'): Payment =>
  invoiceId === undefined
    ? { id, on, amount, outcome: 'succeeded' }
    : { id, on, amount, outcome: 'succeeded', invoiceId };

describe('payments', () => {
  describe('balances and credit', () => {
    it('has no credit without payments, and lists everything outstanding oldest first', () => {
      const w = world();
      expect(creditBalance(w)).to.equal(0);
      const o = outstanding(w);
      expect(o.invoices.map((i) => i.id)).to.deep.equal(['inv-2026-0001', 'inv-2026-0002', 'inv-2026-0003']);
      expect(o.total).to.equal(7000);
    });

    it('credits overpayments and payments on account, ignores declines, and subtracts credit applied', () => {
      const w = world({
        payments: [
          paid('a', 'inv-2026-0001', 1500), // 500 over
          paid('b', undefined, 300), // on account
          {
            id: 'c',
            on: '2026-05-01',
            amount: 0,
            outcome: 'declined',
            declineReason: 'card_declined',
            invoiceId: 'inv-2026-0002',
          },
          paid('d', 'inv-2026-0002', 1200), // partly paid: no credit
        ],
      });
      expect(creditBalance(w)).to.equal(800);
      expect(amountPaid(w, w.invoices[1]!)).to.equal(1200);
      expect(invoiceBalance(w, w.invoices[0]!)).to.equal(0);
      expect(invoiceBalance(w, w.invoices[1]!)).to.equal(800);
      expect(outstanding(w)).to.deep.equal({ invoices: [w.invoices[1], w.invoices[2]], total: 4800 });

      const used = deepFreeze({ ...w, invoices: [...w.invoices, invoice('inv-2026-0004', '2026-05-01', 1000, 800)] });
      expect(creditBalance(used)).to.equal(0);
      expect(invoiceBalance(used, used.invoices[3]!)).to.equal(200);
    });

    it('never reports a negative credit balance', () => {
      const w = world({ invoices: [invoice('inv-2026-0001', '2026-02-01', 1000, 400)] });
      expect(creditBalance(w)).to.equal(0);
    });

    it('refuses a payment naming an invoice that was never issued', () => {
      const w = world({ payments: [paid('a', 'inv-nope', 100)] });
      expect(() => creditBalance(w))
        .to.throw(WorldError)
        .with.property('field', 'payments[0].invoiceId');
    });
  });

  describe('settle balance', () => {
    it('pays everything outstanding with a valid method', () => {
      const w = world({ payments: [paid('a', 'inv-2026-0002', 500)] });
      const r = settleBalance(w);
      expect(r.outcome).to.equal('paid');
      expect(r.payments).to.deep.equal([
        { id: 'pay-2', on: '2026-05-10', amount: 1000, outcome: 'succeeded', invoiceId: 'inv-2026-0001' },
        { id: 'pay-3', on: '2026-05-10', amount: 1500, outcome: 'succeeded', invoiceId: 'inv-2026-0002' },
        { id: 'pay-4', on: '2026-05-10', amount: 4000, outcome: 'succeeded', invoiceId: 'inv-2026-0003' },
      ]);
      const after = apply(w, r.payments);
      expect(outstanding(after).total).to.equal(0);
      expect(creditBalance(after)).to.equal(0);
      expect(settleBalance(after)).to.deep.equal({ outcome: 'nothing-due', payments: [] });
    });

    it('fails with card_expired while the card is expired, and succeeds once it is updated', () => {
      const expired: PaymentMethod = { kind: 'card', last4: '0005', expires: '2026-04' };
      let w = world({ paymentMethod: expired });
      expect(chargeRefusal(w)).to.equal('card_expired');
      expect(chargeRefusal(deepFreeze({ ...w, today: '2026-04-30' }))).to.equal(undefined); // valid through April
      const first = settleBalance(w, { idPrefix: 'att-' });
      expect(first.outcome).to.equal('failed');
      expect(first.reason).to.equal('card_expired');
      expect(first.payments.map((p) => [p.id, p.outcome, p.amount, p.declineReason])).to.deep.equal([
        ['att-1', 'declined', 0, 'card_expired'],
        ['att-2', 'declined', 0, 'card_expired'],
        ['att-3', 'declined', 0, 'card_expired'],
      ]);
      w = apply(w, first.payments);
      const again = settleBalance(w, { idPrefix: 'att-' });
      expect(again.outcome).to.equal('failed');
      expect(again.payments[0]!.id).to.equal('att-4');
      w = apply(w, again.payments);
      expect(outstanding(w).total).to.equal(7000);

      const updated = deepFreeze({ ...w, paymentMethod: { ...expired, expires: '2029-04' } });
      const ok = settleBalance(updated);
      expect(ok.outcome).to.equal('paid');
      expect(outstanding(apply(updated, ok.payments)).total).to.equal(0);
    });

    it('fails with card_declined for a blocked card, and without a charge when there is no method', () => {
      const blocked = settleBalance(world({ paymentMethod: { kind: 'card', expires: '2030-01', declines: true } }));
      expect([blocked.outcome, blocked.reason, blocked.payments.length]).to.deep.equal(['failed', 'card_declined', 3]);
      expect(settleBalance(world({ paymentMethod: null }))).to.deep.equal({
        outcome: 'failed',
        payments: [],
        reason: 'no_payment_method',
      });
      expect(settleBalance(world({ paymentMethod: { kind: 'invoice' } })).reason).to.equal('not_chargeable');
      expect(settleBalance(world({ paymentMethod: { kind: 'sepa-debit' } })).outcome).to.equal('paid');
    });

    it('has nothing to do without outstanding invoices', () => {
      expect(settleBalance(world({ invoices: [], paymentMethod: null })).outcome).to.equal('nothing-due');
    });
  });

  describe('record payment', () => {
    it('settles the named invoice and keeps the rest as credit', () => {
      const w = world();
      const r = recordPayment(w, { amount: 1500, invoiceId: 'inv-2026-0002', on: '2026-05-03' });
      expect(r).to.deep.equal([
        { id: 'pay-1', on: '2026-05-03', amount: 1500, outcome: 'succeeded', invoiceId: 'inv-2026-0002' },
      ]);
      const over = recordPayment(w, { amount: 2600, invoiceId: 'inv-2026-0002' });
      expect(over.map((p) => [p.amount, p.invoiceId])).to.deep.equal([
        [2000, 'inv-2026-0002'],
        [600, undefined],
      ]);
      expect(creditBalance(apply(w, over))).to.equal(600);
    });

    it('without an invoice, pays the outstanding invoices oldest first', () => {
      const r = recordPayment(world(), { amount: 8000 });
      expect(r.map((p) => [p.amount, p.invoiceId])).to.deep.equal([
        [1000, 'inv-2026-0001'],
        [2000, 'inv-2026-0002'],
        [4000, 'inv-2026-0003'],
        [1000, undefined],
      ]);
    });

    it('refuses bad amounts, future dates and unknown invoices', () => {
      for (const amount of [0, -5, 1.5, Number.NaN]) {
        expect(ruleError(() => recordPayment(world(), { amount })).field).to.equal('amount');
      }
      expect(ruleError(() => recordPayment(world(), { amount: 1, on: '2026-05-11' })).code).to.equal('in-future');
      expect(ruleError(() => recordPayment(world(), { amount: 1, on: '10-05-2026' })).code).to.equal('invalid-date');
      expect(ruleError(() => recordPayment(world(), { amount: 1, invoiceId: 'nope' })).field).to.equal('invoiceId');
    });
  });

  describe('issuing', () => {
    it('numbers invoices per issue year after the highest number used', () => {
      expect(nextInvoiceNumber(world(), '2026-05-01')).to.deep.equal({ number: 'INV-2026-0004', id: 'inv-2026-0004' });
      expect(nextInvoiceNumber(world(), '2027-01-01')).to.deep.equal({ number: 'INV-2027-0001', id: 'inv-2027-0001' });
    });

    it('refuses a nonsense payment term', () => {
      const w = deepFreeze({ ...world(), tenant: { ...world().tenant, paymentTermDays: -1 } });
      const draft = { periodStart: '2026-05-01', periodEnd: '2026-05-31', planId: 'classic', lines: [] };
      expect(() => issueInvoice(w, draft, '2026-06-01')).to.throw(WorldError);
    });
  });

  describe('properties', () => {
    it('balances never go negative and money is conserved: received = settled + credit + credit applied', () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.record({
              amount: fc.integer({ min: 1, max: 10000 }),
              target: fc.constantFrom<string | undefined>(undefined, 'inv-2026-0001', 'inv-2026-0002', 'inv-2026-0003'),
            }),
            { maxLength: 8 },
          ),
          (receipts) => {
            let w = world();
            let received = 0;
            for (const r of receipts) {
              w = apply(
                w,
                recordPayment(w, r.target === undefined ? { amount: r.amount } : { ...r, invoiceId: r.target }),
              );
              received += r.amount;
            }
            const settled = w.invoices.reduce((s, inv) => s + inv.amountDue - invoiceBalance(w, inv), 0);
            for (const inv of w.invoices) expect(invoiceBalance(w, inv)).to.be.within(0, inv.amountDue);
            expect(creditBalance(w)).to.be.at.least(0);
            expect(settled + creditBalance(w)).to.equal(received);
            expect(outstanding(w).total).to.equal(7000 - settled);
          },
        ),
      );
    });
  });
});
