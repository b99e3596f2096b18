import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { addDays } from '../../mocks/engine/dates.js';
import {
  dueInvoices,
  invoiceBalance,
  invoiceState,
  invoiceStatus,
  monthDraft,
  upcomingInvoice,
} from '../../mocks/engine/invoices.js';
import { addLicenses, removeLicenses } from '../../mocks/engine/licenses.js';
import { taxOn } from '../../mocks/engine/money.js';
import { creditBalance, recordPayment, settleBalance } from '../../mocks/engine/payments.js';
import type { Invoice, Order, Payment, PaymentMethod, Person, Plan, World } from '../../mocks/engine/types.js';

const PLANS: Plan[] = [
  {
    id: 'essential',
    name: 'injixo Essential',
    model: 'peak-daily',
    baseFee: 49900,
    includedUsers: 50,
    unitPrice: 1250,
  },
  { id: 'classic', name: 'injixo Classic', model: 'per-user', unitPrice: 2050 },
  { id: 'core', name: 'Workplace Core', model: 'full-month', unitPrice: 400 },
  { id: 'severa-pro', name: 'Severa Pro', model: 'prepaid-licenses', unitPrice: 2000 },
];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function person(id: string, billingStart: string, extra: Partial<Person> = {}): Person {
  return {
    id,
    name: id,
    email: `${id}@example.com`,
    role: 'member',
    directories: ['wfm-employees'],
    billingStart,
    ...extra,
  };
}

function many(prefix: string, n: number, billingStart: string, extra: Partial<Person> = {}): Person[] {
  return Array.from({ length: n }, (_, i) => person(`${prefix}${i + 1}`, billingStart, extra));
}

interface Options {
  today: string;
  planId: string;
  startedOn?: string;
  people?: Person[];
  invoices?: Invoice[];
  payments?: Payment[];
  orders?: Order[];
  paymentTermDays?: number;
  taxRate?: number;
  poNumber?: string;
  trialStartedOn?: string;
  paymentMethod?: PaymentMethod | null;
  licenses?: { initialCount: number; periodMonths: number };
}

function world(o: Options): World {
  const w: World = {
    schemaVersion: 1,
    today: o.today,
    tenant: {
      id: 't1',
      name: 'Acme BV',
      timeZone: 'Europe/Amsterdam',
      currency: 'EUR',
      paymentTermDays: o.paymentTermDays ?? 30,
      taxRate: o.taxRate ?? 2100,
      locale: 'nl-NL',
    },
    subscription: {
      planId: o.planId,
      plans: PLANS,
      startedOn: o.startedOn ?? '2026-01-01',
      licenses: o.licenses ?? { initialCount: 10, periodMonths: 6 },
    },
    people: o.people ?? [person('a', '2025-06-01')],
    activity: [],
    orders: o.orders ?? [],
    invoices: o.invoices ?? [],
    payments: o.payments ?? [],
  };
  if (o.poNumber !== undefined) w.subscription.poNumber = o.poNumber;
  if (o.trialStartedOn !== undefined) w.subscription.trial = { startedOn: o.trialStartedOn };
  if (o.paymentMethod !== null) {
    w.paymentMethod = o.paymentMethod ?? { kind: 'card', brand: 'visa', last4: '4242', expires: '2029-12' };
  }
  return deepFreeze(w);
}

/** The store: a new world with the results appended (and, optionally, a new day). */
function apply(
  w: World,
  add: { orders?: Order[]; invoices?: Invoice[]; payments?: Payment[] },
  today = w.today,
): World {
  return deepFreeze({
    ...w,
    today,
    orders: [...w.orders, ...(add.orders ?? [])],
    invoices: [...w.invoices, ...(add.invoices ?? [])],
    payments: [...w.payments, ...(add.payments ?? [])],
  });
}

/** Moves the clock and issues what is due, as the store does every day. */
function advance(w: World, today: string): World {
  const moved = apply(w, {}, today);
  return apply(moved, { invoices: dueInvoices(moved) });
}

/** Worked example 1: B1, March 2026, 50 included users, peak 53 on 10–19 March. */
function example1(today = '2026-04-01'): World {
  return world({
    today,
    planId: 'essential',
    startedOn: '2026-03-01',
    poNumber: 'PO-7781',
    people: [
      ...many('base', 44, '2025-11-01'),
      ...many('leaver', 4, '2025-11-01', { deactivatedOn: '2026-03-20' }),
      ...many('joiner', 5, '2026-03-10'),
      person('late', '2026-03-25'),
    ],
  });
}

describe('invoices', () => {
  describe('B1 lines', () => {
    it('shows worked example 1: base fee, the user count 53 on 2026-03-10 on its own line, 3 extra users', () => {
      const [inv, ...rest] = dueInvoices(example1());
      expect(rest).to.have.length(0);
      expect(inv).to.include({
        id: 'inv-2026-0001',
        number: 'INV-2026-0001',
        periodStart: '2026-03-01',
        periodEnd: '2026-03-31',
        issuedOn: '2026-04-01',
        dueOn: '2026-05-01',
        currency: 'EUR',
        planId: 'essential',
        poNumber: 'PO-7781',
        subtotal: 49900 + 3 * 1250,
        taxRate: 2100,
        tax: taxOn(53650, 2100),
        total: 53650 + 11267,
        creditApplied: 0,
        amountDue: 64917,
      });
      const kinds = inv!.lines.map((l) => l.kind);
      expect(kinds).to.deep.equal(['base-fee', 'user-count', 'extra-users']);
      expect(inv!.lines[0]).to.include({ quantity: 1, unitPrice: 49900, amount: 49900 });
      expect(inv!.lines[1]).to.include({ quantity: 53, unitPrice: 0, amount: 0, informative: true });
      expect(inv!.lines[1]!.peak).to.deep.equal({ count: 53, on: '2026-03-10' });
      // Lines carry params to be worded in any language, never an English sentence.
      expect(inv!.lines.map((l) => l.params)).to.deep.equal([
        { plan: example1().subscription.plans.find((p) => p.id === 'essential')!.name, included: 50 },
        { count: 53 },
        { included: 50 },
      ]);
      expect(inv!.lines[2]!.peak).to.deep.equal({ count: 53, on: '2026-03-10' });
      expect(inv!.lines.some((l) => 'description' in l)).to.equal(false);
      expect(inv!.lines[2]).to.include({ quantity: 3, unitPrice: 1250, amount: 3750 });
    });

    it('keeps the extra users line at 0 when the peak stays within the included users', () => {
      const w = world({ today: '2026-02-01', planId: 'essential', people: many('p', 20, '2025-01-01') });
      const [inv] = dueInvoices(w);
      expect(inv!.lines[2]).to.include({ kind: 'extra-users', quantity: 0, amount: 0 });
      expect(inv!.subtotal).to.equal(49900);
    });
  });

  describe('issuing', () => {
    it('issues one invoice per month in arrears, oldest first, numbered by issue order and year', () => {
      const w = world({ today: '2027-01-15', planId: 'classic', startedOn: '2026-10-10', paymentTermDays: 14 });
      const due = dueInvoices(w);
      expect(due.map((i) => [i.number, i.periodStart, i.issuedOn, i.dueOn])).to.deep.equal([
        ['INV-2026-0001', '2026-10-01', '2026-11-01', '2026-11-15'],
        ['INV-2026-0002', '2026-11-01', '2026-12-01', '2026-12-15'],
        ['INV-2027-0001', '2026-12-01', '2027-01-01', '2027-01-15'],
      ]);
      expect(dueInvoices(apply(w, { invoices: due }))).to.deep.equal([]);
    });

    it('bills nothing before the first billed month after a trial (worked example 3)', () => {
      const w = world({ today: '2026-12-05', planId: 'core', startedOn: '2026-09-19', trialStartedOn: '2026-09-19' });
      const due = dueInvoices(w);
      expect(due.map((i) => [i.periodStart, i.issuedOn])).to.deep.equal([['2026-11-01', '2026-12-01']]);
      expect(due[0]!.lines[0]).to.include({ kind: 'users', quantity: 1, unitPrice: 400 });
    });

    it('rounds tax half up on the subtotal: 21 % of 20.50 = 4.305 → 4.31', () => {
      const [inv] = dueInvoices(world({ today: '2026-02-01', planId: 'classic' }));
      expect(inv).to.include({ subtotal: 2050, tax: 431, total: 2481, amountDue: 2481 });
      const [nine] = dueInvoices(world({ today: '2026-02-01', planId: 'classic', taxRate: 900 }));
      expect(nine).to.include({ subtotal: 2050, tax: 185, total: 2235 }); // 184.5 → 185
    });

    it('sets the due date across month and year ends', () => {
      const cases: [string, number, string][] = [
        ['2026-02-01', 30, '2026-03-03'],
        ['2028-02-01', 30, '2028-03-02'],
        ['2026-12-01', 31, '2027-01-01'],
        ['2026-03-01', 0, '2026-03-01'],
      ];
      for (const [issuedOn, paymentTermDays, dueOn] of cases) {
        const w = world({ today: issuedOn, planId: 'classic', startedOn: '2025-01-01', paymentTermDays });
        const inv = dueInvoices(w).at(-1)!;
        expect([inv.issuedOn, inv.dueOn], issuedOn).to.deep.equal([issuedOn, dueOn]);
      }
    });

    it('prints the PO number in force at issue', () => {
      const w = world({ today: '2026-02-01', planId: 'classic' });
      expect(dueInvoices(w)[0]!.poNumber).to.equal(undefined);
      const withPo = deepFreeze({ ...w, subscription: { ...w.subscription, poNumber: 'PO-1' } });
      expect(dueInvoices(withPo)[0]!.poNumber).to.equal('PO-1');
    });

    it('bills B5 in advance: worked example 4 period invoice of 60 license-months = 1,200.00', () => {
      const w = world({ today: '2026-01-01', planId: 'severa-pro' });
      const [inv, ...rest] = dueInvoices(w);
      expect(rest).to.have.length(0);
      expect(inv).to.include({ periodStart: '2026-01-01', periodEnd: '2026-06-30', issuedOn: '2026-01-01' });
      expect(inv!.lines).to.have.length(1);
      expect(inv!.lines[0]).to.include({ kind: 'licenses', quantity: 60, unitPrice: 2000, amount: 120000 });
      expect(inv!.subtotal).to.equal(120000);
    });

    it('bills additions at once and the next period with the changes in effect', () => {
      let w = advance(world({ today: '2026-01-01', planId: 'severa-pro' }), '2026-04-01');
      const add = addLicenses(w, { quantity: 2 });
      expect(add.invoice.number).to.equal('INV-2026-0002');
      expect(add.invoice.subtotal).to.equal(12066);
      w = apply(w, { orders: [add.order], invoices: [add.invoice] });
      const removal = removeLicenses(w, { quantity: 5 });
      w = apply(w, { orders: [removal.order] });
      const upcoming = upcomingInvoice(w);
      expect(upcoming).to.include({ status: 'upcoming', provisional: true, periodStart: '2026-07-01', number: '' });
      expect(upcoming.lines[0]).to.include({ quantity: 7 * 6, amount: 7 * 6 * 2000 });
      w = advance(w, '2026-07-02');
      expect(w.invoices.map((i) => [i.number, i.periodStart, i.subtotal])).to.deep.equal([
        ['INV-2026-0001', '2026-01-01', 120000],
        ['INV-2026-0002', '2026-04-01', 12066],
        ['INV-2026-0003', '2026-07-01', 84000],
      ]);
    });

    it('issues a missing invoice for an addition ordered without one', () => {
      const order: Order = {
        id: 'ord-1',
        kind: 'add-licenses',
        placedOn: '2026-04-01',
        effectiveOn: '2026-04-01',
        quantity: 2,
      };
      const due = dueInvoices(world({ today: '2026-04-02', planId: 'severa-pro', orders: [order] }));
      expect(due.map((i) => [i.issuedOn, i.orderId, i.subtotal])).to.deep.equal([
        ['2026-01-01', undefined, 120000],
        ['2026-04-01', 'ord-1', 12066],
      ]);
    });
  });

  describe('upcoming', () => {
    it('shows the open month so far, provisional', () => {
      const up = upcomingInvoice(example1('2026-03-15'));
      expect(up).to.include({
        status: 'upcoming',
        provisional: true,
        periodStart: '2026-03-01',
        issuedOn: '2026-04-01',
      });
      expect(up.lines[1]!.peak).to.deep.equal({ count: 53, on: '2026-03-10' });
      expect(invoiceStatus(example1('2026-03-15'), up)).to.equal('upcoming');
    });

    it('previews the credit that would be applied', () => {
      const w = world({
        today: '2026-02-10',
        planId: 'classic',
        invoices: dueInvoices(world({ today: '2026-02-01', planId: 'classic' })),
        payments: [{ id: 'x', on: '2026-02-05', amount: 1000, outcome: 'succeeded' }],
      });
      expect(upcomingInvoice(w)).to.include({ creditApplied: 1000, amountDue: 2481 - 1000 });
      expect(creditBalance(w)).to.equal(1000);
    });
  });

  describe('status', () => {
    it('goes open → past_due, payment_failed on a decline, paid once settled with a valid card', () => {
      const expired: PaymentMethod = { kind: 'card', brand: 'visa', last4: '0005', expires: '2026-01' };
      let w = advance(world({ today: '2026-01-20', planId: 'classic', paymentMethod: expired }), '2026-02-01');
      const inv = w.invoices[0]!;
      expect(inv.dueOn).to.equal('2026-03-03');
      expect(invoiceStatus(w, inv)).to.equal('open');
      expect(invoiceStatus(apply(w, {}, '2026-03-03'), inv)).to.equal('open');
      expect(invoiceStatus(apply(w, {}, '2026-03-04'), inv)).to.equal('past_due');

      w = apply(w, {}, '2026-02-10');
      const failed = settleBalance(w);
      expect(failed.outcome).to.equal('failed');
      expect(failed.reason).to.equal('card_expired');
      w = apply(w, { payments: failed.payments });
      expect(invoiceState(w, inv)).to.deep.equal({
        status: 'payment_failed',
        balance: 2481,
        paid: 0,
        declineReason: 'card_expired',
        declinedOn: '2026-02-10',
      });
      // Still invalid: it fails again.
      expect(settleBalance(w).outcome).to.equal('failed');
      // After the due date, past_due wins but the decline reason stays available.
      const late = apply(w, {}, '2026-03-10');
      expect(invoiceState(late, inv)).to.include({ status: 'past_due', declineReason: 'card_expired' });

      const updated = deepFreeze({
        ...late,
        paymentMethod: { kind: 'card' as const, last4: '4444', expires: '2030-01' },
      });
      const ok = settleBalance(updated);
      expect(ok.outcome).to.equal('paid');
      const paid = apply(updated, { payments: ok.payments });
      expect(invoiceStatus(paid, inv)).to.equal('paid');
      expect(invoiceBalance(paid, inv)).to.equal(0);
      expect(settleBalance(paid).outcome).to.equal('nothing-due');
    });

    it('counts the credit applied: an invoice fully paid from credit is paid at issue', () => {
      let w = world({
        today: '2026-01-20',
        planId: 'classic',
        payments: [{ id: 'pre', on: '2026-01-15', amount: 5000, outcome: 'succeeded' }],
      });
      w = advance(w, '2026-02-01');
      const inv = w.invoices[0]!;
      expect(inv).to.include({ total: 2481, creditApplied: 2481, amountDue: 0 });
      expect(inv.lines.at(-1)).to.include({ kind: 'credit', amount: -2481, informative: true });
      // The day the credit arose: the payment on account of 15 January.
      expect(inv.lines.at(-1)!.params).to.deep.equal({ date: '2026-01-15' });
      expect(inv.subtotal).to.equal(2050);
      expect(invoiceStatus(w, inv)).to.equal('paid');
      expect(creditBalance(w)).to.equal(5000 - 2481);
    });
  });

  describe('credit', () => {
    it('turns an overpayment into credit applied to the next invoice', () => {
      let w = advance(world({ today: '2026-01-20', planId: 'classic' }), '2026-02-01');
      const first = w.invoices[0]!;
      const received = recordPayment(w, { amount: 3000, invoiceId: first.id });
      expect(received.map((p) => [p.amount, p.invoiceId])).to.deep.equal([
        [2481, first.id],
        [519, undefined],
      ]);
      w = apply(w, { payments: received });
      expect(invoiceStatus(w, first)).to.equal('paid');
      expect(creditBalance(w)).to.equal(519);
      w = advance(w, '2026-03-01');
      const second = w.invoices[1]!;
      expect(second).to.include({ subtotal: 2050, tax: 431, total: 2481, creditApplied: 519, amountDue: 1962 });
      expect(second.lines.find((l) => l.kind === 'credit')).to.include({ amount: -519, informative: true });
      expect(second.lines.find((l) => l.kind === 'credit')!.params).to.deep.equal({ date: received[1]!.on });
      expect(creditBalance(w)).to.equal(0);
      expect(invoiceBalance(w, second)).to.equal(1962);
    });
  });

  describe('immutability', () => {
    it('never recomputes an issued invoice when people change afterwards', () => {
      const w = advance(example1('2026-03-31'), '2026-04-01');
      const issued = w.invoices[0]!;
      const snapshot = structuredClone(issued);
      // Someone back-dates changes: everyone leaves on 1 March, ten more join on 5 March.
      const changed = deepFreeze({
        ...w,
        today: '2026-04-20',
        people: [...w.people.map((p) => ({ ...p, deactivatedOn: '2026-03-01' })), ...many('extra', 10, '2026-03-05')],
      });
      expect(monthDraft(changed, '2026-03').lines[1]!.quantity).to.equal(10); // a recomputation would differ
      expect(dueInvoices(changed)).to.deep.equal([]);
      expect(changed.invoices[0]).to.deep.equal(snapshot);
      expect(invoiceStatus(changed, changed.invoices[0]!)).to.equal('open');
    });

    it('never mutates the world it reads', () => {
      const w = example1('2026-06-15');
      const snapshot = structuredClone(w);
      dueInvoices(w);
      upcomingInvoice(w);
      expect(w).to.deep.equal(snapshot);
    });
  });

  describe('properties', () => {
    it('total = subtotal + tax (half up), 0 <= creditApplied <= total and amountDue = total − creditApplied >= 0', () => {
      fc.assert(
        fc.property(
          fc.record({
            plan: fc.constantFrom('essential', 'classic', 'severa-pro'),
            users: fc.integer({ min: 0, max: 80 }),
            taxRate: fc.integer({ min: 0, max: 3000 }),
            months: fc.integer({ min: 2, max: 14 }),
            credit: fc.integer({ min: 0, max: 200000 }),
            licenses: fc.integer({ min: 0, max: 40 }),
            period: fc.constantFrom(1, 3, 12),
          }),
          (p) => {
            const w = world({
              today: addDays('2026-01-01', p.months * 30),
              planId: p.plan,
              taxRate: p.taxRate,
              people: many('u', p.users, '2025-12-20'),
              licenses: { initialCount: p.licenses, periodMonths: p.period },
              payments: p.credit > 0 ? [{ id: 'c', on: '2026-01-01', amount: p.credit, outcome: 'succeeded' }] : [],
            });
            const due = dueInvoices(w);
            expect(due.length).to.be.greaterThan(0);
            let credit = p.credit;
            for (const inv of [...due, upcomingInvoice(w)]) {
              const charged = inv.lines.filter((l) => !l.informative).reduce((s, l) => s + l.amount, 0);
              expect(inv.subtotal).to.equal(charged);
              expect(inv.tax).to.equal(taxOn(inv.subtotal, p.taxRate));
              expect(inv.total).to.equal(inv.subtotal + inv.tax);
              expect(inv.creditApplied).to.be.within(0, inv.total);
              expect(inv.amountDue).to.equal(inv.total - inv.creditApplied);
              expect(inv.amountDue).to.be.at.least(0);
              if (!('provisional' in inv)) {
                expect(inv.creditApplied).to.equal(Math.min(credit, inv.total));
                credit -= inv.creditApplied;
              }
            }
            expect(creditBalance(apply(w, { invoices: due }))).to.equal(credit);
          },
        ),
      );
    });
  });
});
