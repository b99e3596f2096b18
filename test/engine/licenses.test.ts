import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from '../../mocks/engine/dates.js';
import { RuleError, WorldError } from '../../mocks/engine/errors.js';
import {
  activeUserCount,
  addLicenses,
  canActivate,
  changePeriod,
  changePlan,
  licenseCountOn,
  licenseSummary,
  nextChangeDate,
  orderHistory,
  periodAt,
  periodLicenseCount,
  quoteAddLicenses,
  removeLicenses,
  scheduledChanges,
} from '../../mocks/engine/licenses.js';
import { prorate } from '../../mocks/engine/money.js';
import type { Invoice, Order, Payment, Person, Plan, World } from '../../mocks/engine/types.js';
import { planOn } from '../../mocks/engine/usage.js';

const PLANS: Plan[] = [
  { id: 'severa-pro', name: 'Severa Pro', model: 'prepaid-licenses', unitPrice: 2000 },
  { id: 'severa-enterprise', name: 'Severa Enterprise', model: 'prepaid-licenses', unitPrice: 3500 },
  { id: 'classic', name: 'injixo Classic', model: 'per-user', unitPrice: 900 },
  {
    id: 'essential',
    name: 'injixo Essential',
    model: 'peak-daily',
    baseFee: 50000,
    includedUsers: 50,
    unitPrice: 1200,
  },
];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function people(n: number, billingStart = '2025-12-01'): Person[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i + 1}`,
    name: `Person ${i + 1}`,
    email: `p${i + 1}@example.com`,
    role: 'member',
    directories: ['severa'],
    billingStart,
  }));
}

interface Options {
  today?: string;
  startedOn?: string;
  planId?: string;
  initialCount?: number;
  periodMonths?: number;
  activeUsers?: number;
  orders?: Order[];
  invoices?: Invoice[];
  unitPrice?: number;
}

/** A frozen B5 world: worked example 4 by default (10 licenses at 20.00, 6-month period from 2026-01-01). */
function world(o: Options = {}): World {
  const plans = o.unitPrice === undefined ? PLANS : PLANS.map((p) => ({ ...p, unitPrice: o.unitPrice as number }));
  return deepFreeze({
    schemaVersion: 1,
    today: o.today ?? '2026-04-01',
    tenant: {
      id: 't1',
      name: 'Acme Oy',
      timeZone: 'Europe/Helsinki',
      currency: 'EUR',
      paymentTermDays: 14,
      taxRate: 2550,
      locale: 'fi-FI',
    },
    subscription: {
      planId: o.planId ?? 'severa-pro',
      plans,
      startedOn: o.startedOn ?? '2026-01-01',
      licenses: { initialCount: o.initialCount ?? 10, periodMonths: o.periodMonths ?? 6 },
    },
    people: people(o.activeUsers ?? 7),
    activity: [],
    orders: o.orders ?? [],
    invoices: o.invoices ?? [],
    payments: [] as Payment[],
    paymentMethod: { kind: 'card', brand: 'visa', last4: '4242', expires: '2029-12' },
  });
}

/** The store's job: a new world with the results appended. */
function apply(w: World, add: { orders?: Order[]; invoices?: Invoice[] }, today = w.today): World {
  return deepFreeze({
    ...w,
    today,
    orders: [...w.orders, ...(add.orders ?? [])],
    invoices: [...w.invoices, ...(add.invoices ?? [])],
  });
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

describe('licenses (B5)', () => {
  describe('periods', () => {
    it('runs consecutive periods of periodMonths from the subscription start', () => {
      const w = world();
      expect(periodAt(w, '2026-01-01')).to.deep.equal({
        start: '2026-01-01',
        end: '2026-06-30',
        months: 6,
        planId: 'severa-pro',
        index: 0,
      });
      expect(periodAt(w, '2026-06-30').index).to.equal(0);
      expect(periodAt(w, '2026-07-01')).to.include({ start: '2026-07-01', end: '2026-12-31', index: 1 });
      expect(periodAt(w, '2031-03-15')).to.include({ start: '2031-01-01', end: '2031-06-30', index: 10 });
    });

    it('counts boundaries in months from the start, clamping short months without drifting', () => {
      const w = world({ startedOn: '2026-01-31', periodMonths: 1, today: '2026-05-05' });
      expect(periodAt(w, '2026-01-31')).to.include({ start: '2026-01-31', end: '2026-02-27' });
      expect(periodAt(w, '2026-02-28')).to.include({ start: '2026-02-28', end: '2026-03-30' });
      expect(periodAt(w, '2026-03-31')).to.include({ start: '2026-03-31', end: '2026-04-29' });
      expect(periodAt(w, '2026-04-30')).to.include({ start: '2026-04-30', end: '2026-05-30', index: 3 });
    });

    it('takes each period length from the periodMonths in force at its start', () => {
      const order: Order = {
        id: 'ord-1',
        kind: 'change-period',
        placedOn: '2026-03-01',
        effectiveOn: '2026-07-01',
        periodMonths: 12,
      };
      const w = world({ orders: [order] });
      expect(periodAt(w, '2026-03-01')).to.include({ start: '2026-01-01', end: '2026-06-30', months: 6 });
      expect(periodAt(w, '2026-07-01')).to.include({ start: '2026-07-01', end: '2027-06-30', months: 12 });
      expect(periodAt(w, '2027-07-01')).to.include({ start: '2027-07-01', end: '2028-06-30', index: 2 });
    });

    it('has no period before the subscription starts', () => {
      expect(() => periodAt(world(), '2025-12-31')).to.throw(WorldError);
    });
  });

  describe('counts and plans', () => {
    it('counts licenses from the initial count and the orders in effect', () => {
      const orders: Order[] = [
        { id: 'ord-1', kind: 'add-licenses', placedOn: '2026-02-10', effectiveOn: '2026-02-10', quantity: 3 },
        { id: 'ord-2', kind: 'remove-licenses', placedOn: '2026-03-01', effectiveOn: '2026-07-01', quantity: 2 },
      ];
      const w = world({ orders });
      expect(licenseCountOn(w, '2026-02-09')).to.equal(10);
      expect(licenseCountOn(w, '2026-02-10')).to.equal(13);
      expect(licenseCountOn(w, '2026-06-30')).to.equal(13);
      expect(licenseCountOn(w, '2026-07-01')).to.equal(11);
    });

    it('bills a period on the licenses held at its start, leaving additions of that day to their own invoice', () => {
      const orders: Order[] = [
        { id: 'ord-1', kind: 'add-licenses', placedOn: '2026-07-01', effectiveOn: '2026-07-01', quantity: 3 },
      ];
      const w = world({ orders, today: '2026-07-01' });
      expect(periodLicenseCount(w, '2026-07-01')).to.equal(10);
      expect(periodLicenseCount(w, '2027-01-01')).to.equal(13);
    });

    it('moves the plan with change-plan orders effective on or before the day', () => {
      const orders: Order[] = [
        {
          id: 'ord-1',
          kind: 'change-plan',
          placedOn: '2026-02-01',
          effectiveOn: '2026-07-01',
          planId: 'severa-enterprise',
        },
      ];
      const w = world({ orders });
      expect(planOn(w, '2026-06-30').id).to.equal('severa-pro');
      expect(planOn(w, '2026-07-01').id).to.equal('severa-enterprise');
      expect(periodAt(w, '2026-08-01').planId).to.equal('severa-enterprise');
    });

    it('counts the active users of a day', () => {
      const w = deepFreeze({
        ...world(),
        people: [
          ...people(3),
          { ...people(1)[0]!, id: 'late', billingStart: '2026-04-02' },
          { ...people(1)[0]!, id: 'gone', deactivatedOn: '2026-04-01' },
          { ...people(1)[0]!, id: 'deleted', deletedOn: '2026-03-01' },
        ],
      });
      expect(activeUserCount(w, '2026-04-01')).to.equal(3);
      expect(activeUserCount(w, '2026-03-31')).to.equal(4);
    });
  });

  describe('summary', () => {
    it('shows licenses, free licenses, the period price and the next period with scheduled changes', () => {
      const orders: Order[] = [
        { id: 'ord-1', kind: 'remove-licenses', placedOn: '2026-03-01', effectiveOn: '2026-07-01', quantity: 2 },
        {
          id: 'ord-2',
          kind: 'change-plan',
          placedOn: '2026-03-02',
          effectiveOn: '2026-07-01',
          planId: 'severa-enterprise',
        },
        { id: 'ord-3', kind: 'change-period', placedOn: '2026-03-03', effectiveOn: '2026-07-01', periodMonths: 12 },
      ];
      const s = licenseSummary(world({ orders }));
      expect(s).to.deep.equal({
        licenses: 10,
        assigned: 7,
        free: 3,
        planId: 'severa-pro',
        periodMonths: 6,
        periodQuantity: 60,
        unitPrice: 2000,
        pricePerPeriod: 120000,
        period: { start: '2026-01-01', end: '2026-06-30' },
        nextPeriod: { start: '2026-07-01', end: '2027-06-30', months: 12, licenses: 8, planId: 'severa-enterprise' },
      });
    });

    it('refuses the license overview for a per-user plan', () => {
      expect(ruleError(() => licenseSummary(world({ planId: 'classic' }))).code).to.equal('not-prepaid-licenses');
    });
  });

  describe('adding licenses', () => {
    it('prices worked example 4 to the cent: 2 × 20.00 × 6 × 91/181 = 120.66', () => {
      const q = quoteAddLicenses(world(), 2, '2026-04-01');
      expect(q).to.deep.equal({
        quantity: 2,
        unitPrice: 2000,
        periodMonths: 6,
        daysRemaining: 91,
        daysInPeriod: 181,
        factor: 91 / 181,
        amount: 12066,
        period: { start: '2026-01-01', end: '2026-06-30' },
      });
    });

    it('prorates over 31-day, 30-day, 28-day and 29-day periods', () => {
      // Monthly periods; 1 license at 20.00 per license-month.
      const jan = quoteAddLicenses(world({ periodMonths: 1 }), 1, '2026-01-17'); // 15/31
      expect([jan.daysRemaining, jan.daysInPeriod, jan.amount]).to.deep.equal([15, 31, 968]); // 967.74
      const apr = quoteAddLicenses(world({ periodMonths: 1 }), 1, '2026-04-16'); // 15/30
      expect([apr.daysRemaining, apr.daysInPeriod, apr.amount]).to.deep.equal([15, 30, 1000]);
      const feb = quoteAddLicenses(world({ periodMonths: 1, unitPrice: 2002 }), 1, '2026-02-22'); // 7/28
      expect([feb.daysRemaining, feb.daysInPeriod, feb.amount]).to.deep.equal([7, 28, 501]); // 500.5 → half up
      const leap = quoteAddLicenses(world({ periodMonths: 1, startedOn: '2028-01-01', today: '2028-02-15' }), 1);
      expect([leap.daysRemaining, leap.daysInPeriod, leap.amount]).to.deep.equal([15, 29, 1034]); // 1034.48
    });

    it('bills the whole period on its first day and one day on its last', () => {
      const first = quoteAddLicenses(world(), 3, '2026-01-01');
      expect(first.factor).to.equal(1);
      expect(first.amount).to.equal(3 * 2000 * 6);
      const last = quoteAddLicenses(world(), 3, '2026-06-30');
      expect([last.daysRemaining, last.daysInPeriod]).to.deep.equal([1, 181]);
      expect(last.factor).to.equal(1 / 181);
      expect(last.amount).to.equal(199); // 36000 / 181 = 198.90
    });

    it('orders at once and issues an invoice today billing the proration', () => {
      const w = world({ today: '2026-04-01' });
      const { order, invoice, replayed } = addLicenses(w, { quantity: 2, idempotencyKey: 'k1', placedBy: 'p1' });
      expect(replayed).to.equal(false);
      expect(order).to.deep.equal({
        id: 'ord-1',
        kind: 'add-licenses',
        placedOn: '2026-04-01',
        effectiveOn: '2026-04-01',
        quantity: 2,
        amount: 12066,
        idempotencyKey: 'k1',
        placedBy: 'p1',
      });
      expect(invoice).to.include({
        issuedOn: '2026-04-01',
        dueOn: '2026-04-15',
        periodStart: '2026-04-01',
        periodEnd: '2026-06-30',
        orderId: 'ord-1',
        subtotal: 12066,
        tax: 3077, // 25.5 % of 120.66 = 30.7683
        total: 15143,
        amountDue: 15143,
        number: 'INV-2026-0001',
      });
      expect(invoice.lines).to.have.length(1);
      expect(invoice.lines[0]).to.include({ kind: 'proration', quantity: 12, unitPrice: 2000, amount: 12066 });
      // Worded from params ("2 licenses × €20.00 × 6 months × 91/181 days"), no English sentence.
      expect(invoice.lines[0]!.params).to.deep.equal({
        plan: w.subscription.plans.find((p) => p.id === invoice.planId)!.name,
        licenses: 2,
        months: 6,
        days: 91,
        periodDays: 181,
      });
      expect(invoice.lines[0]).not.to.have.property('description');
      const after = apply(w, { orders: [order], invoices: [invoice] });
      expect(licenseCountOn(after, '2026-04-01')).to.equal(12);
    });

    it('replays a request with the same idempotency key without ordering twice', () => {
      const w = world();
      const first = addLicenses(w, { quantity: 2, idempotencyKey: 'same' });
      const after = apply(w, { orders: [first.order], invoices: [first.invoice] });
      const again = addLicenses(after, { quantity: 2, idempotencyKey: 'same' });
      expect(again.replayed).to.equal(true);
      expect(again.order).to.equal(after.orders[0]);
      expect(again.invoice).to.equal(after.invoices[0]);
      expect(ruleError(() => addLicenses(after, { quantity: 3, idempotencyKey: 'same' })).field).to.equal(
        'idempotencyKey',
      );
      expect(addLicenses(after, { quantity: 2, idempotencyKey: 'other' }).order.id).to.equal('ord-2');
    });

    it('takes the order id from the caller and refuses a taken one', () => {
      const w = world();
      expect(addLicenses(w, { quantity: 1, id: 'o-42' }).order.id).to.equal('o-42');
      const first = addLicenses(w, { quantity: 1, id: 'o-42' });
      const after = apply(w, { orders: [first.order], invoices: [first.invoice] });
      expect(ruleError(() => addLicenses(after, { quantity: 1, id: 'o-42' })).field).to.equal('id');
    });

    it('refuses anything but a positive whole number of licenses', () => {
      for (const quantity of [0, -1, 1.5, Number.NaN, Infinity]) {
        const e = ruleError(() => addLicenses(world(), { quantity }));
        expect(e.field).to.equal('quantity');
        expect(e.reason).to.match(/whole number/);
      }
    });

    it('refuses licenses on a per-user plan', () => {
      expect(ruleError(() => addLicenses(world({ planId: 'classic' }), { quantity: 1 })).code).to.equal(
        'not-prepaid-licenses',
      );
    });
  });

  describe('removing licenses', () => {
    it('schedules the removal at the next period start, without credit', () => {
      const w = world({ today: '2026-04-01' });
      const { order, replayed } = removeLicenses(w, { quantity: 3 });
      expect(replayed).to.equal(false);
      expect(order).to.deep.equal({
        id: 'ord-1',
        kind: 'remove-licenses',
        placedOn: '2026-04-01',
        effectiveOn: '2026-07-01',
        quantity: 3,
      });
      expect(order.amount).to.equal(undefined);
      const after = apply(w, { orders: [order] });
      expect(licenseCountOn(after, '2026-06-30')).to.equal(10);
      expect(licenseCountOn(after, '2026-07-01')).to.equal(7);
      expect(scheduledChanges(after)).to.deep.equal([order]);
      expect(licenseSummary(after).nextPeriod.licenses).to.equal(7);
    });

    it('refuses a count below the active users, with the reason, and leaves the world unchanged', () => {
      const w = world({ activeUsers: 7 });
      const snapshot = structuredClone(w);
      const e = ruleError(() => removeLicenses(w, { quantity: 4 }));
      expect(e.field).to.equal('quantity');
      expect(e.code).to.equal('below-active-users');
      expect(e.reason).to.match(/^You have 7 active users;/);
      expect(e.reason).to.contain('at most 3');
      // The values a client words the refusal with in any language.
      expect(e.params).to.deep.equal({ count: 7, licenses: 6, date: '2026-07-01', max: 3 });
      expect(w).to.deep.equal(snapshot);
      expect(removeLicenses(w, { quantity: 3 }).order.quantity).to.equal(3);
    });

    it('counts removals already scheduled', () => {
      const w = world({ activeUsers: 7 });
      const first = removeLicenses(w, { quantity: 2 });
      const after = apply(w, { orders: [first.order] });
      expect(ruleError(() => removeLicenses(after, { quantity: 2 })).reason).to.contain('at most 1');
      expect(removeLicenses(after, { quantity: 1 }).order.effectiveOn).to.equal('2026-07-01');
    });

    it('replays a removal with the same idempotency key', () => {
      const w = world();
      const first = removeLicenses(w, { quantity: 1, idempotencyKey: 'r1' });
      const after = apply(w, { orders: [first.order] });
      const again = removeLicenses(after, { quantity: 1, idempotencyKey: 'r1' });
      expect(again).to.deep.equal({ order: first.order, replayed: true });
    });
  });

  describe('plan and period changes', () => {
    it('schedules an edition change at the next period boundary', () => {
      const w = world({ today: '2026-02-14' });
      const { order } = changePlan(w, { planId: 'severa-enterprise' });
      expect(order).to.include({ kind: 'change-plan', effectiveOn: '2026-07-01', planId: 'severa-enterprise' });
      const after = apply(w, { orders: [order] });
      expect(planOn(after, after.today).id).to.equal('severa-pro');
      expect(licenseSummary(after).nextPeriod.planId).to.equal('severa-enterprise');
      const same = ruleError(() => changePlan(after, { planId: 'severa-enterprise' }));
      expect(same.code).to.equal('same-plan');
      expect(same.params).to.deep.equal({
        plan: after.subscription.plans.find((p) => p.id === 'severa-enterprise')!.name,
        date: '2026-07-01',
      });
      // Changing back before the boundary is a new order that wins.
      const back = changePlan(after, { planId: 'severa-pro' }).order;
      expect(licenseSummary(apply(after, { orders: [back] })).nextPeriod.planId).to.equal('severa-pro');
    });

    it('refuses unknown editions and editions billed another way', () => {
      const unknown = ruleError(() => changePlan(world(), { planId: 'nope' }));
      expect([unknown.field, unknown.code]).to.deep.equal(['planId', 'unknown-plan']);
      const other = ruleError(() => changePlan(world(), { planId: 'classic' }));
      expect([other.field, other.code]).to.deep.equal(['planId', 'different-billing-model']);
    });

    it("schedules a monthly model's edition change on the next month's 1st", () => {
      const w = world({ planId: 'classic', today: '2026-03-31' });
      expect(nextChangeDate(w)).to.equal('2026-04-01');
      expect(changePlan(w, { planId: 'essential' }).order).to.include({
        effectiveOn: '2026-04-01',
        planId: 'essential',
      });
    });

    it('schedules a billing period change at the boundary; the next period takes the new length', () => {
      const w = world({ today: '2026-05-20' });
      const { order } = changePeriod(w, { periodMonths: 12 });
      expect(order).to.include({ kind: 'change-period', effectiveOn: '2026-07-01', periodMonths: 12 });
      const after = apply(w, { orders: [order] });
      expect(periodAt(after, after.today)).to.include({ start: '2026-01-01', end: '2026-06-30', months: 6 });
      expect(licenseSummary(after).nextPeriod).to.include({ start: '2026-07-01', end: '2027-06-30', months: 12 });
      expect(ruleError(() => changePeriod(after, { periodMonths: 12 })).code).to.equal('same-period');
      for (const periodMonths of [0, 2.5, 37]) {
        expect(ruleError(() => changePeriod(w, { periodMonths })).field).to.equal('periodMonths');
      }
      expect(ruleError(() => changePeriod(world({ planId: 'classic' }), { periodMonths: 12 })).code).to.equal(
        'not-prepaid-licenses',
      );
    });
  });

  describe('order history and activation', () => {
    it('lists scheduled changes soonest first and the history newest first', () => {
      const orders: Order[] = [
        { id: 'a', kind: 'add-licenses', placedOn: '2026-02-01', effectiveOn: '2026-02-01', quantity: 1 },
        { id: 'b', kind: 'change-period', placedOn: '2026-03-01', effectiveOn: '2026-07-01', periodMonths: 12 },
        { id: 'c', kind: 'remove-licenses', placedOn: '2026-03-01', effectiveOn: '2026-07-01', quantity: 1 },
        { id: 'd', kind: 'add-licenses', placedOn: '2026-03-15', effectiveOn: '2026-03-15', quantity: 1 },
      ];
      const w = world({ orders });
      expect(scheduledChanges(w).map((o) => o.id)).to.deep.equal(['b', 'c']);
      expect(orderHistory(w).map((o) => o.id)).to.deep.equal(['d', 'c', 'b', 'a']);
    });

    it('allows activating a user only with a free license, quoting the license to buy', () => {
      expect(canActivate(world({ activeUsers: 9 }))).to.deep.equal({ ok: true, licensed: true, freeLicenses: 1 });
      const full = canActivate(world({ activeUsers: 10 }));
      expect(full.ok).to.equal(false);
      expect(full.freeLicenses).to.equal(0);
      expect(full.quote).to.include({ quantity: 1, amount: prorate(2000, [1, 6], 91, 181) });
      expect(canActivate(world({ planId: 'classic' }))).to.deep.equal({ ok: true, licensed: false, freeLicenses: 0 });
    });
  });

  describe('properties', () => {
    const periodWorld = fc.record({
      start: fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2035-12-31') }).map(fromDayNumber),
      months: fc.constantFrom(1, 2, 3, 6, 12, 24),
      unitPrice: fc.integer({ min: 1, max: 1_000_000 }),
      quantity: fc.integer({ min: 1, max: 500 }),
    });

    it('prorated pieces of a period add up to the whole within one minor unit per piece', () => {
      fc.assert(
        fc.property(periodWorld, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }), (p, cuts) => {
          const w = world({ startedOn: p.start, today: p.start, periodMonths: p.months, unitPrice: p.unitPrice });
          const period = periodAt(w, p.start);
          const days = daysBetween(period.start, period.end) + 1;
          const whole = quoteAddLicenses(w, p.quantity, period.start).amount;
          expect(whole).to.equal(p.quantity * p.unitPrice * p.months);
          const offsets = [...new Set([0, ...cuts.map((c) => Math.floor(c * (days - 1))), days])].sort((a, b) => a - b);
          let sum = 0;
          for (let i = 0; i + 1 < offsets.length; i++) {
            const len = (offsets[i + 1] as number) - (offsets[i] as number);
            sum += prorate(p.unitPrice, [p.quantity, p.months], len, days);
          }
          expect(Math.abs(sum - whole)).to.be.at.most(offsets.length - 1);
        }),
      );
    });

    it('every proration factor lies in [0, 1] and the amount never exceeds the whole period', () => {
      fc.assert(
        fc.property(periodWorld, fc.double({ min: 0, max: 1, noNaN: true }), (p, at) => {
          const w = world({ startedOn: p.start, today: p.start, periodMonths: p.months, unitPrice: p.unitPrice });
          const period = periodAt(w, p.start);
          const day = addDays(period.start, Math.floor(at * daysBetween(period.start, period.end)));
          const q = quoteAddLicenses(w, p.quantity, day);
          expect(q.factor).to.be.within(0, 1);
          expect(q.daysRemaining).to.be.within(1, q.daysInPeriod);
          expect(Number.isSafeInteger(q.amount)).to.equal(true);
          expect(q.amount).to.be.within(0, p.quantity * p.unitPrice * p.months);
          expect(q.period).to.deep.equal({ start: period.start, end: period.end });
        }),
      );
    });

    it('periods tile the calendar: each starts the day after the previous ends', () => {
      fc.assert(
        fc.property(periodWorld, fc.integer({ min: 0, max: 2000 }), (p, later) => {
          const w = world({ startedOn: p.start, today: p.start, periodMonths: p.months });
          const day = addDays(p.start, later);
          const period = periodAt(w, day);
          expect(period.start <= day && day <= period.end).to.equal(true);
          if (period.index > 0) expect(periodAt(w, addDays(period.start, -1)).end).to.equal(addDays(period.start, -1));
          expect(periodAt(w, addDays(period.end, 1)).index).to.equal(period.index + 1);
        }),
      );
    });
  });
});
