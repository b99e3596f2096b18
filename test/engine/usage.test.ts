import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  addDays,
  dateInZone,
  daysInMonth,
  eachDay,
  firstDayOfMonth,
  fromDayNumber,
  lastDayOfMonth,
  minDate,
  toDayNumber,
} from '../../mocks/engine/dates.js';
import { WorldError } from '../../mocks/engine/errors.js';
import type {
  ActivityEvent,
  ActivityKind,
  BillingModel,
  IsoDate,
  Order,
  Person,
  PersonBilling,
  Plan,
  World,
  YearMonth,
} from '../../mocks/engine/types.js';
import { QUALIFYING_ACTIVITY } from '../../mocks/engine/types.js';
import {
  dailyCounts,
  hiddenDeletedCount,
  isActiveOn,
  monthBilling,
  monthlyBilling,
  peopleBilling,
  planForMonth,
} from '../../mocks/engine/usage.js';

// ---------------------------------------------------------------------------------------
// Tiny worlds

let seq = 0;

/** A person; only the billing dates matter, the rest is filler. */
function person(fields: Partial<Person> & { billingStart: IsoDate }): Person {
  seq += 1;
  return {
    id: fields.id ?? `p${seq}`,
    name: `Person ${seq}`,
    email: `person${seq}@example.test`,
    role: 'member',
    directories: ['people'],
    ...fields,
  };
}

/** `n` persons with the same dates. */
function people(n: number, fields: Partial<Person> & { billingStart: IsoDate }): Person[] {
  return Array.from({ length: n }, () => person(fields));
}

interface WorldOptions {
  today?: IsoDate;
  model?: BillingModel;
  /** Fields of the default plan (id `plan`). */
  plan?: Partial<Plan>;
  plans?: Plan[];
  planId?: string;
  people?: Person[];
  activity?: ActivityEvent[];
  orders?: Order[];
  timeZone?: string;
  startedOn?: IsoDate;
  trial?: World['subscription']['trial'];
}

/** A valid world around a default plan: B1 with 50 included users unless told otherwise. */
function world(o: WorldOptions = {}): World {
  const plan: Plan = {
    id: 'plan',
    name: 'Plan',
    model: o.model ?? 'peak-daily',
    baseFee: 50000,
    includedUsers: 50,
    unitPrice: 1200,
    ...o.plan,
  };
  return {
    schemaVersion: 1,
    today: o.today ?? '2026-06-15',
    tenant: {
      id: 't1',
      name: 'Tenant',
      timeZone: o.timeZone ?? 'Europe/Amsterdam',
      currency: 'EUR',
      paymentTermDays: 14,
      taxRate: 2100,
      locale: 'nl-NL',
    },
    subscription: {
      planId: o.planId ?? plan.id,
      plans: o.plans ?? [plan],
      startedOn: o.startedOn ?? '2025-01-01',
      ...(o.trial ? { trial: o.trial } : {}),
    },
    people: o.people ?? [],
    activity: o.activity ?? [],
    orders: o.orders ?? [],
    invoices: [],
    payments: [],
  };
}

function event(personId: string, on: IsoDate, kind: ActivityKind = 'login'): ActivityEvent {
  return { personId, on, kind };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function verdictOf(list: PersonBilling[], personId: string): PersonBilling | undefined {
  return list.find((v) => v.personId === personId);
}

function billable(list: PersonBilling[]): number {
  return list.filter((v) => v.billable).length;
}

const MODELS: BillingModel[] = ['peak-daily', 'per-user', 'full-month', 'invited', 'prepaid-licenses'];

// ---------------------------------------------------------------------------------------

describe('usage: isActiveOn', () => {
  const p = person({ billingStart: '2026-03-10', deactivatedOn: '2026-03-20' });

  it('counts from billingStart (included) to deactivatedOn (excluded)', () => {
    expect(isActiveOn(p, '2026-03-09')).to.equal(false);
    expect(isActiveOn(p, '2026-03-10')).to.equal(true);
    expect(isActiveOn(p, '2026-03-19')).to.equal(true);
    expect(isActiveOn(p, '2026-03-20')).to.equal(false);
  });

  it('treats deletedOn like a deactivation, whichever comes first', () => {
    const q = person({ billingStart: '2026-03-01', deletedOn: '2026-03-05', deactivatedOn: '2026-03-20' });
    expect(isActiveOn(q, '2026-03-04')).to.equal(true);
    expect(isActiveOn(q, '2026-03-05')).to.equal(false);
  });

  it('is open-ended without an end date', () => {
    expect(isActiveOn(person({ billingStart: '2026-03-01' }), '2099-12-31')).to.equal(true);
  });

  it('rejects a day that is not a calendar date', () => {
    expect(() => isActiveOn(p, '2026-02-30')).to.throw(RangeError);
  });
});

describe('usage: planForMonth', () => {
  const plans: Plan[] = [
    { id: 'essential', name: 'Essential', model: 'peak-daily', includedUsers: 50, baseFee: 50000, unitPrice: 1200 },
    { id: 'advanced', name: 'Advanced', model: 'peak-daily', includedUsers: 100, baseFee: 90000, unitPrice: 1000 },
    { id: 'classic', name: 'Classic', model: 'per-user', unitPrice: 900 },
  ];
  const change = (id: string, effectiveOn: IsoDate, planId: string): Order => ({
    id,
    kind: 'change-plan',
    placedOn: '2026-01-10',
    effectiveOn,
    planId,
  });

  it('is the subscription plan without orders', () => {
    expect(planForMonth(world({ plans, planId: 'essential' }), '2026-03').id).to.equal('essential');
  });

  it('applies change-plan orders effective on or before the month’s first day, in effectiveOn order', () => {
    const w = world({
      plans,
      planId: 'essential',
      orders: [change('o2', '2026-06-01', 'classic'), change('o1', '2026-04-01', 'advanced')],
    });
    expect(planForMonth(w, '2026-03').id).to.equal('essential');
    expect(planForMonth(w, '2026-04').id).to.equal('advanced');
    expect(planForMonth(w, '2026-05').id).to.equal('advanced');
    expect(planForMonth(w, '2026-06').id).to.equal('classic');
  });

  it('applies a change effective mid-month from the next month', () => {
    const w = world({ plans, planId: 'essential', orders: [change('o1', '2026-04-15', 'advanced')] });
    expect(planForMonth(w, '2026-04').id).to.equal('essential');
    expect(planForMonth(w, '2026-05').id).to.equal('advanced');
  });

  it('ignores other kinds of order', () => {
    const w = world({
      plans,
      planId: 'essential',
      orders: [{ id: 'o1', kind: 'add-licenses', placedOn: '2026-01-01', effectiveOn: '2026-01-01', quantity: 2 }],
    });
    expect(planForMonth(w, '2026-03').id).to.equal('essential');
  });

  it('throws a WorldError naming the field for an unknown plan', () => {
    const err = (f: () => unknown): WorldError => {
      try {
        f();
      } catch (e) {
        return e as WorldError;
      }
      throw new Error('did not throw');
    };
    const e1 = err(() => planForMonth(world({ plans, planId: 'nope' }), '2026-03'));
    expect(e1).to.be.instanceOf(WorldError);
    expect(e1.field).to.equal('subscription.planId');
    const e2 = err(() =>
      planForMonth(world({ plans, planId: 'essential', orders: [change('o', '2026-01-01', 'x')] }), '2026-03'),
    );
    expect(e2).to.be.instanceOf(WorldError);
    expect(e2.field).to.equal('orders[0].planId');
  });

  it('throws a RangeError for a malformed month', () => {
    for (const bad of ['2026-13', '2026-3', '2026-03-01', '', 'march']) {
      expect(() => planForMonth(world({ plans, planId: 'essential' }), bad), bad).to.throw(RangeError);
    }
  });
});

describe('usage: worked example 1 (B1, March 2026)', () => {
  // 48 active on 1 March (4 of them deactivated on 20 March); 5 created with join date
  // 10 March; 1 created on 25 March. includedUsers 50.
  function example(): World {
    return world({
      today: '2026-04-15',
      people: [
        ...people(44, { billingStart: '2026-01-05' }),
        ...people(4, { billingStart: '2026-02-01', deactivatedOn: '2026-03-20' }),
        ...people(5, { billingStart: '2026-03-10' }),
        person({ id: 'late', billingStart: '2026-03-25' }),
      ],
    });
  }

  it('has daily counts 48, then 53 from 10 to 19 March, 49, then 50', () => {
    const dc = dailyCounts(example(), '2026-03');
    expect(dc.days).to.have.length(31);
    expect(dc.provisional).to.equal(false);
    expect(dc.includedUsers).to.equal(50);
    for (const { date, count } of dc.days) {
      const d = Number(date.slice(8));
      const expected = d < 10 ? 48 : d < 20 ? 53 : d < 25 ? 49 : 50;
      expect(count, date).to.equal(expected);
    }
    expect(dc.peak).to.deep.equal({ count: 53, on: '2026-03-10' });
  });

  it('bills 53 users, 3 extra', () => {
    const mb = monthBilling(example(), '2026-03');
    expect(mb).to.include({ model: 'peak-daily', planId: 'plan', billedCount: 53, includedUsers: 50, extraUsers: 3 });
    expect(mb.peak).to.deep.equal({ count: 53, on: '2026-03-10' });
    expect(mb.distinctActive).to.equal(54);
    expect(mb.provisional).to.equal(false);
    expect(mb.monthlyActiveUsers).to.equal(null);
  });

  it('explains each person: the 4 deactivated on 20 March were active on the peak day', () => {
    const w = example();
    const list = peopleBilling(w, '2026-03');
    expect(list).to.have.length(54);
    expect(billable(list)).to.equal(53);
    const deactivated = list.filter((_, i) => w.people[i]?.deactivatedOn === '2026-03-20');
    expect(deactivated).to.have.length(4);
    for (const v of deactivated)
      expect(v).to.include({ billable: true, reason: 'active-on-peak-day', reasonDate: '2026-03-10' });
    expect(verdictOf(list, 'late')).to.deep.equal({
      personId: 'late',
      billable: false,
      reason: 'created-mid-month',
      reasonDate: '2026-03-25',
    });
  });

  it('does not change any count when a join date is edited later', () => {
    const before = example();
    const after: World = {
      ...before,
      people: before.people.map((p, i) => (i % 3 === 0 ? { ...p, joinDate: i % 2 ? '2026-03-01' : '2026-04-01' } : p)),
    };
    expect(dailyCounts(after, '2026-03')).to.deep.equal(dailyCounts(before, '2026-03'));
    expect(monthBilling(after, '2026-03')).to.deep.equal(monthBilling(before, '2026-03'));
    expect(peopleBilling(after, '2026-03')).to.deep.equal(peopleBilling(before, '2026-03'));
  });

  it('gives extra 0 when the peak stays within the included users', () => {
    const w = world({ today: '2026-04-15', people: people(50, { billingStart: '2026-01-01' }) });
    expect(monthBilling(w, '2026-03')).to.include({ billedCount: 50, extraUsers: 0 });
  });
});

describe('usage: B1 verdicts', () => {
  const w = world({
    today: '2026-04-15',
    people: [
      ...people(3, { billingStart: '2026-03-12' }),
      person({ id: 'before', billingStart: '2026-02-01', deactivatedOn: '2026-03-05' }),
      person({ id: 'onpeak', billingStart: '2026-02-01', deactivatedOn: '2026-03-12' }),
      person({ id: 'after', billingStart: '2026-03-13' }),
      person({ id: 'feb', billingStart: '2026-01-01', deactivatedOn: '2026-02-10' }),
    ],
  });
  const list = peopleBilling(w, '2026-03');

  it('finds the first day of the peak', () => {
    // 1–4 March: 2 (before, onpeak); 5–11: 1; 12: 3 (onpeak ended); 13–: 4.
    expect(dailyCounts(w, '2026-03').peak).to.deep.equal({ count: 4, on: '2026-03-13' });
  });

  it('says why each person is or is not billed', () => {
    expect(verdictOf(list, 'before')).to.deep.equal({
      personId: 'before',
      billable: false,
      reason: 'deactivated',
      reasonDate: '2026-03-05',
    });
    expect(verdictOf(list, 'onpeak')).to.include({ billable: false, reason: 'deactivated', reasonDate: '2026-03-12' });
    expect(verdictOf(list, 'after')).to.include({
      billable: true,
      reason: 'active-on-peak-day',
      reasonDate: '2026-03-13',
    });
    expect(verdictOf(list, 'feb')).to.include({ billable: false, reason: 'deactivated', reasonDate: '2026-02-10' });
    expect(billable(list)).to.equal(monthBilling(w, '2026-03').billedCount);
  });

  it('says "deactivated" for everyone when nobody was active', () => {
    const empty = world({
      today: '2026-04-15',
      people: [person({ id: 'gone', billingStart: '2026-01-01', deactivatedOn: '2026-02-01' })],
    });
    expect(dailyCounts(empty, '2026-03').peak).to.equal(null);
    expect(monthBilling(empty, '2026-03')).to.include({ billedCount: 0, extraUsers: 0 });
    expect(peopleBilling(empty, '2026-03')).to.deep.equal([
      { personId: 'gone', billable: false, reason: 'deactivated', reasonDate: '2026-02-01' },
    ]);
  });

  it('lists nobody who starts after the month', () => {
    const later = world({ today: '2026-06-15', people: [person({ id: 'may', billingStart: '2026-05-01' })] });
    expect(peopleBilling(later, '2026-03')).to.deep.equal([]);
  });
});

describe('usage: worked example 2 (B3, November 2026)', () => {
  function example(extra: Partial<WorldOptions> = {}): World {
    return world({
      today: '2026-12-15',
      model: 'full-month',
      plan: { includedUsers: undefined, baseFee: undefined, unitPrice: 400 },
      people: [
        person({ id: 'nov1', billingStart: '2026-11-01' }),
        person({ id: 'nov2', billingStart: '2026-11-02' }),
        person({ id: 'end30', billingStart: '2026-10-01', deactivatedOn: '2026-11-30' }),
        person({ id: 'end1dec', billingStart: '2026-10-01', deactivatedOn: '2026-12-01' }),
        person({ id: 'endnov1', billingStart: '2026-10-01', deactivatedOn: '2026-11-01' }),
        person({ id: 'guest', billingStart: '2026-01-01', guest: true }),
      ],
      ...extra,
    });
  }

  it('bills only persons active on every day of the month', () => {
    const mb = monthBilling(example(), '2026-11');
    expect(mb).to.include({ model: 'full-month', billedCount: 2, extraUsers: null, provisional: false });
    expect(mb.distinctActive).to.equal(5);
  });

  it('explains each verdict with its date', () => {
    const list = peopleBilling(example(), '2026-11');
    expect(list).to.deep.equal([
      { personId: 'nov1', billable: true, reason: 'active-full-month' },
      { personId: 'nov2', billable: false, reason: 'created-mid-month', reasonDate: '2026-11-02' },
      { personId: 'end30', billable: false, reason: 'ended-mid-month', reasonDate: '2026-11-30' },
      { personId: 'end1dec', billable: true, reason: 'active-full-month' },
      { personId: 'endnov1', billable: false, reason: 'deactivated', reasonDate: '2026-11-01' },
      { personId: 'guest', billable: false, reason: 'guest' },
    ]);
  });

  it('with requiresActivity, needs a qualifying activity in the month (notification views do not count)', () => {
    const w = example({
      plan: { includedUsers: undefined, baseFee: undefined, unitPrice: 400, requiresActivity: true },
      activity: [
        event('nov1', '2026-11-05', 'login'),
        event('end1dec', '2026-11-10', 'push-notification-view'),
        event('end1dec', '2026-11-11', 'email-notification-view'),
        event('end1dec', '2026-10-31', 'chat'), // October: not this month
        event('end1dec', '2026-12-01', 'chat'), // December: not this month
        event('guest', '2026-11-12', 'web-visit'),
      ],
    });
    expect(monthBilling(w, '2026-11').billedCount).to.equal(1);
    const list = peopleBilling(w, '2026-11');
    expect(verdictOf(list, 'nov1')).to.include({ billable: true, reason: 'active-full-month' });
    expect(verdictOf(list, 'end1dec')).to.deep.equal({
      personId: 'end1dec',
      billable: false,
      reason: 'no-qualifying-activity',
    });
    expect(verdictOf(list, 'guest')).to.include({ billable: false, reason: 'guest' });
  });

  it('accepts every qualifying kind and no other', () => {
    const kinds: ActivityKind[] = [
      'login',
      'web-visit',
      'mobile-visit',
      'admin-panel',
      'chat',
      'push-notification-view',
      'email-notification-view',
    ];
    for (const kind of kinds) {
      const w = example({
        plan: { includedUsers: undefined, baseFee: undefined, unitPrice: 400, requiresActivity: true },
        activity: [event('nov1', '2026-11-20', kind)],
      });
      expect(monthBilling(w, '2026-11').billedCount, kind).to.equal(QUALIFYING_ACTIVITY.has(kind) ? 1 : 0);
    }
  });

  it('never bills guests, even active all month with activity', () => {
    const w = world({
      today: '2026-12-15',
      model: 'full-month',
      plan: { requiresActivity: true },
      people: [person({ id: 'g', billingStart: '2025-01-01', guest: true })],
      activity: [event('g', '2026-11-03')],
    });
    expect(monthBilling(w, '2026-11').billedCount).to.equal(0);
    expect(peopleBilling(w, '2026-11')).to.deep.equal([{ personId: 'g', billable: false, reason: 'guest' }]);
  });

  it('reports monthly active users: any activity in the 30 days ending on the month’s last day', () => {
    const w = example({
      activity: [
        event('nov1', '2026-11-05', 'login'),
        event('end1dec', '2026-11-10', 'push-notification-view'), // any kind counts
        event('guest', '2026-11-01', 'web-visit'), // first day of the window (30 Nov − 29)
        event('endnov1', '2026-10-31', 'login'), // just outside the window
        event('nov2', '2026-12-01', 'login'), // after the month
        event('nov1', '2026-11-06', 'chat'), // same person twice
      ],
    });
    const mb = monthBilling(w, '2026-11');
    expect(mb.monthlyActiveUsers).to.equal(3);
    expect(mb.billedCount).to.equal(2);
    const december = [event('nov1', '2026-12-01'), event('end1dec', '2026-12-02'), event('nov2', '2026-12-31')];
    // A closed December (31 days): the window is 2–31 December.
    const closed = monthBilling(example({ today: '2027-01-10', activity: december }), '2026-12');
    expect(closed.provisional).to.equal(false);
    expect(closed.monthlyActiveUsers).to.equal(2);
    // The open December (today 15 December): the window is 16 November – 15 December.
    const open = monthBilling(example({ activity: [...december, event('end30', '2026-11-15')] }), '2026-12');
    expect(open.provisional).to.equal(true);
    expect(open.monthlyActiveUsers).to.equal(2);
  });

  it('computes the open month on the days so far, provisionally', () => {
    const w = example({ today: '2026-11-15' });
    const mb = monthBilling(w, '2026-11');
    expect(mb.provisional).to.equal(true);
    // end30 has been active every day so far; it ends on the 30th, after today.
    expect(mb.billedCount).to.equal(3);
    expect(billable(peopleBilling(w, '2026-11'))).to.equal(3);
  });
});

describe('usage: B2 per created user', () => {
  const w = world({
    today: '2026-04-15',
    model: 'per-user',
    plan: { includedUsers: undefined, baseFee: undefined, unitPrice: 900 },
    people: [
      person({ id: 'all', billingStart: '2026-01-01' }),
      person({ id: 'last-day', billingStart: '2026-03-31' }),
      person({ id: 'one-day', billingStart: '2026-01-01', deactivatedOn: '2026-03-02' }),
      person({ id: 'none', billingStart: '2026-01-01', deactivatedOn: '2026-03-01' }),
      person({ id: 'short', billingStart: '2026-03-10', deactivatedOn: '2026-03-12' }),
    ],
  });

  it('bills every person active on at least one day', () => {
    expect(monthBilling(w, '2026-03')).to.include({
      model: 'per-user',
      billedCount: 4,
      distinctActive: 4,
      extraUsers: null,
    });
  });

  it('explains the verdicts', () => {
    expect(peopleBilling(w, '2026-03')).to.deep.equal([
      { personId: 'all', billable: true, reason: 'active-in-month' },
      { personId: 'last-day', billable: true, reason: 'active-in-month' },
      { personId: 'one-day', billable: true, reason: 'active-in-month' },
      { personId: 'none', billable: false, reason: 'deactivated', reasonDate: '2026-03-01' },
      { personId: 'short', billable: true, reason: 'active-in-month' },
    ]);
  });
});

describe('usage: B4 invited users', () => {
  const w = world({
    today: '2026-04-15',
    model: 'invited',
    plan: { includedUsers: undefined, baseFee: undefined, unitPrice: 600 },
    people: [
      person({ id: 'provisioned', billingStart: '2026-01-01' }),
      person({ id: 'invited-mid', billingStart: '2026-01-01', invitedOn: '2026-03-15' }),
      person({ id: 'invited-before-start', billingStart: '2026-03-05', invitedOn: '2026-02-20' }),
      person({ id: 'claimed', billingStart: '2026-01-01', invitedOn: '2026-01-02', claimedOn: '2026-01-03' }),
      person({
        id: 'invited-after-end',
        billingStart: '2026-01-01',
        deactivatedOn: '2026-03-11',
        invitedOn: '2026-03-12',
      }),
      person({ id: 'invited-april', billingStart: '2026-01-01', invitedOn: '2026-04-02' }),
      person({ id: 'invited-last-day', billingStart: '2026-01-01', invitedOn: '2026-03-31' }),
      person({ id: 'gone', billingStart: '2026-01-01', deactivatedOn: '2026-02-01', invitedOn: '2026-01-01' }),
    ],
  });

  it('bills persons both active and invited on at least one day', () => {
    expect(monthBilling(w, '2026-03')).to.include({ model: 'invited', billedCount: 4, distinctActive: 7 });
  });

  it('does not bill provisioned users, nor those invited only after their deactivation', () => {
    const list = peopleBilling(w, '2026-03');
    expect(list).to.deep.equal([
      { personId: 'provisioned', billable: false, reason: 'not-invited' },
      { personId: 'invited-mid', billable: true, reason: 'invited-and-active', reasonDate: '2026-03-15' },
      { personId: 'invited-before-start', billable: true, reason: 'invited-and-active', reasonDate: '2026-02-20' },
      { personId: 'claimed', billable: true, reason: 'invited-and-active', reasonDate: '2026-01-02' },
      { personId: 'invited-after-end', billable: false, reason: 'not-invited', reasonDate: '2026-03-12' },
      { personId: 'invited-april', billable: false, reason: 'not-invited', reasonDate: '2026-04-02' },
      { personId: 'invited-last-day', billable: true, reason: 'invited-and-active', reasonDate: '2026-03-31' },
      { personId: 'gone', billable: false, reason: 'deactivated', reasonDate: '2026-02-01' },
    ]);
  });
});

describe('usage: B5 prepaid licenses', () => {
  const w = world({
    today: '2026-04-15',
    model: 'prepaid-licenses',
    plan: { includedUsers: undefined, baseFee: undefined, unitPrice: 2000 },
    people: [
      ...people(3, { billingStart: '2026-01-01' }),
      person({ id: 'end31', billingStart: '2026-01-01', deactivatedOn: '2026-03-31' }),
      person({ id: 'end-apr1', billingStart: '2026-01-01', deactivatedOn: '2026-04-01' }),
      person({ id: 'mid', billingStart: '2026-03-10', deactivatedOn: '2026-03-20' }),
      person({ id: 'apr20', billingStart: '2026-04-20' }),
    ],
  });

  it('counts the persons active on the month’s last day', () => {
    expect(monthBilling(w, '2026-03')).to.include({ model: 'prepaid-licenses', billedCount: 4, extraUsers: null });
    expect(monthBilling(w, '2026-03').distinctActive).to.equal(6);
  });

  it('counts the persons active today in the open month', () => {
    expect(monthBilling(w, '2026-04')).to.include({ billedCount: 3, provisional: true });
  });

  it('explains the verdicts', () => {
    const list = peopleBilling(w, '2026-03');
    expect(billable(list)).to.equal(4);
    expect(verdictOf(list, 'end31')).to.include({ billable: false, reason: 'deactivated', reasonDate: '2026-03-31' });
    expect(verdictOf(list, 'end-apr1')).to.include({ billable: true, reason: 'holds-license' });
    expect(verdictOf(list, 'mid')).to.include({ billable: false, reason: 'deactivated', reasonDate: '2026-03-20' });
    const april = peopleBilling(w, '2026-04');
    expect(verdictOf(april, 'apr20')).to.deep.equal({
      personId: 'apr20',
      billable: false,
      reason: 'not-yet-started',
      reasonDate: '2026-04-20',
    });
  });
});

describe('usage: month ends', () => {
  const cases: { month: YearMonth; days: number; last: IsoDate; next: IsoDate }[] = [
    { month: '2026-01', days: 31, last: '2026-01-31', next: '2026-02-01' },
    { month: '2026-04', days: 30, last: '2026-04-30', next: '2026-05-01' },
    { month: '2026-02', days: 28, last: '2026-02-28', next: '2026-03-01' },
    { month: '2028-02', days: 29, last: '2028-02-29', next: '2028-03-01' },
    { month: '2026-12', days: 31, last: '2026-12-31', next: '2027-01-01' },
  ];
  for (const c of cases) {
    it(`${c.month}: ${c.days} days, last day ${c.last}`, () => {
      const list = [
        person({ id: 'starts-last', billingStart: c.last }),
        person({ id: 'ends-last', billingStart: '2020-01-01', deactivatedOn: c.last }),
        person({ id: 'ends-next', billingStart: '2020-01-01', deactivatedOn: c.next }),
      ];
      const opts = { today: '2029-01-01', people: list };
      const dc = dailyCounts(world(opts), c.month);
      expect(dc.days).to.have.length(c.days);
      expect(dc.days[0]?.date).to.equal(firstDayOfMonth(c.month));
      expect(dc.days.at(-1)).to.deep.equal({ date: c.last, count: 2 });
      expect(dc.days.at(-2)?.count).to.equal(2);
      expect(dc.days[0]?.count).to.equal(2);
      const b3 = world({ ...opts, model: 'full-month' });
      expect(peopleBilling(b3, c.month)).to.deep.equal([
        { personId: 'starts-last', billable: false, reason: 'created-mid-month', reasonDate: c.last },
        { personId: 'ends-last', billable: false, reason: 'ended-mid-month', reasonDate: c.last },
        { personId: 'ends-next', billable: true, reason: 'active-full-month' },
      ]);
      expect(monthBilling(b3, c.month).billedCount).to.equal(1);
      expect(monthBilling(world({ ...opts, model: 'prepaid-licenses' }), c.month).billedCount).to.equal(2);
      expect(monthBilling(world({ ...opts, model: 'per-user' }), c.month).billedCount).to.equal(3);
    });
  }

  it('rolls the year over for the whole of 2026', () => {
    const w = world({ today: '2027-01-05', people: [person({ billingStart: '2026-12-31' })] });
    const year = monthlyBilling(w, 2026);
    expect(year.map((m) => m.month)).to.deep.equal([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(year.map((m) => m.billedCount)).to.deep.equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(year.every((m) => !m.provisional)).to.equal(true);
    expect(monthBilling(w, '2027-01')).to.include({ billedCount: 1, provisional: true });
  });
});

describe('usage: DST changes do not shift counts', () => {
  const cases: { zone: string; day: IsoDate; instant: string }[] = [
    // 00:30 local time on the day the clocks change, as a UTC instant.
    { zone: 'Europe/Amsterdam', day: '2026-03-29', instant: '2026-03-28T23:30:00Z' },
    { zone: 'Europe/Amsterdam', day: '2026-10-25', instant: '2026-10-24T22:30:00Z' },
    { zone: 'America/New_York', day: '2026-03-08', instant: '2026-03-08T05:30:00Z' },
    { zone: 'America/New_York', day: '2026-11-01', instant: '2026-11-01T04:30:00Z' },
  ];
  for (const c of cases) {
    it(`${c.zone} ${c.day}`, () => {
      // The instant a person was created, 00:30 local on the DST day, is that calendar date.
      const created = dateInZone(c.instant, c.zone);
      expect(created).to.equal(c.day);
      expect(dateInZone(new Date(c.instant), c.zone)).to.equal(c.day);
      const month = c.day.slice(0, 7);
      const firstOfMonth = c.day === firstDayOfMonth(month);
      const opts: WorldOptions = {
        today: '2027-01-01',
        timeZone: c.zone,
        people: [
          person({ id: 'starts', billingStart: created }),
          person({ id: 'ends', billingStart: '2026-01-01', deactivatedOn: created }),
          person({ id: 'steady', billingStart: '2026-01-01' }),
        ],
      };
      const dc = dailyCounts(world(opts), month);
      expect(dc.days).to.have.length(daysInMonth(month));
      expect(dc.days).to.have.length(month.endsWith('11') ? 30 : 31);
      expect(dc.days.map((d) => d.date)).to.deep.equal(eachDay(firstDayOfMonth(month), lastDayOfMonth(month)));
      // Before the day "ends" and "steady" are active, from the day on "starts" and "steady":
      // two every day, the hand-over exactly at the calendar date.
      for (const { date, count } of dc.days) expect(count, date).to.equal(2);
      const [starts, ends] = opts.people as [Person, Person];
      expect([isActiveOn(starts, addDays(c.day, -1)), isActiveOn(starts, c.day)]).to.deep.equal([false, true]);
      expect([isActiveOn(ends, addDays(c.day, -1)), isActiveOn(ends, c.day)]).to.deep.equal([true, false]);
      const b3 = peopleBilling(world({ ...opts, model: 'full-month' }), month);
      if (firstOfMonth) {
        expect(verdictOf(b3, 'starts')).to.include({ billable: true, reason: 'active-full-month' });
        expect(verdictOf(b3, 'ends')).to.include({ billable: false, reason: 'deactivated', reasonDate: c.day });
      } else {
        expect(verdictOf(b3, 'starts')).to.include({ billable: false, reason: 'created-mid-month', reasonDate: c.day });
        expect(verdictOf(b3, 'ends')).to.include({ billable: false, reason: 'ended-mid-month', reasonDate: c.day });
      }
      expect(monthBilling(world({ ...opts, model: 'per-user' }), month).billedCount).to.equal(firstOfMonth ? 2 : 3);
      // The same dates in a zone without DST give the same answers.
      const utc = world({ ...opts, timeZone: 'UTC' });
      expect(dailyCounts(utc, month)).to.deep.equal(dc);
    });
  }
});

describe('usage: open and future months', () => {
  const w = world({
    today: '2026-03-15',
    people: [
      ...people(2, { billingStart: '2026-01-01' }),
      person({ id: 'joins-20', billingStart: '2026-03-20' }),
      person({ id: 'joins-10', billingStart: '2026-03-10' }),
    ],
  });

  it('counts only the days through today, provisionally', () => {
    const dc = dailyCounts(w, '2026-03');
    expect(dc.provisional).to.equal(true);
    expect(dc.days).to.have.length(15);
    expect(dc.days.at(-1)).to.deep.equal({ date: '2026-03-15', count: 3 });
    expect(dc.peak).to.deep.equal({ count: 3, on: '2026-03-10' });
    expect(monthBilling(w, '2026-03')).to.include({ billedCount: 3, extraUsers: 0, provisional: true });
  });

  it('says a join date after today has not started yet', () => {
    expect(verdictOf(peopleBilling(w, '2026-03'), 'joins-20')).to.deep.equal({
      personId: 'joins-20',
      billable: false,
      reason: 'not-yet-started',
      reasonDate: '2026-03-20',
    });
  });

  it('treats the last day of the month as still open', () => {
    const dc = dailyCounts({ ...w, today: '2026-03-31' }, '2026-03');
    expect(dc.provisional).to.equal(true);
    expect(dc.days).to.have.length(31);
    expect(dailyCounts({ ...w, today: '2026-04-01' }, '2026-03').provisional).to.equal(false);
  });

  it('has no days, no peak and nobody listed for a future month', () => {
    const dc = dailyCounts(w, '2026-04');
    expect(dc).to.deep.equal({ month: '2026-04', days: [], peak: null, includedUsers: 50, provisional: true });
    for (const model of MODELS) {
      const fw = world({ ...w, today: '2026-03-15', model, people: w.people, plan: { requiresActivity: true } });
      const mb = monthBilling(fw, '2026-04');
      expect(mb, model).to.include({ billedCount: 0, distinctActive: 0, peak: null, provisional: true });
      expect(mb.monthlyActiveUsers).to.equal(null);
      expect(peopleBilling(fw, '2026-04')).to.deep.equal([]);
      expect(hiddenDeletedCount(fw, '2026-04')).to.equal(0);
    }
  });

  it('marks each of a year’s months closed, open or future', () => {
    const year = monthlyBilling(w, 2026);
    expect(year).to.have.length(12);
    expect(year.map((m) => m.provisional)).to.deep.equal([
      false,
      false,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
  });
});

describe('usage: deleted people', () => {
  const w = world({
    today: '2026-04-10',
    people: [
      ...people(2, { billingStart: '2026-01-01' }),
      person({ id: 'deleted', billingStart: '2026-01-01', deletedOn: '2026-03-25' }),
      person({ id: 'deleted-later', billingStart: '2026-01-01', deletedOn: '2026-05-01' }),
      person({ id: 'deleted-feb', billingStart: '2026-01-01', deletedOn: '2026-02-15' }),
    ],
  });

  it('hides persons deleted on or before today, but keeps counting their active days', () => {
    const list = peopleBilling(w, '2026-03');
    expect(list.map((v) => v.personId)).to.not.include('deleted');
    expect(list.map((v) => v.personId)).to.not.include('deleted-feb');
    expect(list.map((v) => v.personId)).to.include('deleted-later');
    expect(monthBilling(w, '2026-03').billedCount).to.equal(4);
    expect(billable(list)).to.equal(3);
    expect(hiddenDeletedCount(w, '2026-03')).to.equal(1);
    expect(hiddenDeletedCount(w, '2026-02')).to.equal(2);
  });

  it('keeps "billable + hidden deleted = billed" for every model', () => {
    for (const model of MODELS) {
      const mw = world({
        today: '2026-04-10',
        model,
        people: w.people.map((p) => ({ ...p, invitedOn: '2026-01-01' })),
      });
      for (const month of ['2026-01', '2026-02', '2026-03', '2026-04']) {
        expect(billable(peopleBilling(mw, month)) + hiddenDeletedCount(mw, month), `${model} ${month}`).to.equal(
          monthBilling(mw, month).billedCount,
        );
      }
    }
  });
});

describe('usage: trials', () => {
  it('flags the months before the first billed month', () => {
    const w = world({
      today: '2026-12-15',
      trial: { startedOn: '2026-09-19' },
      people: people(2, { billingStart: '2026-09-19' }),
    });
    const year = monthlyBilling(w, 2026);
    expect(year.filter((m) => m.beforeFirstBilledMonth).map((m) => m.month)).to.deep.equal([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    expect(monthBilling(w, '2026-10')).to.include({ beforeFirstBilledMonth: true, billedCount: 2 });
    expect(monthBilling(w, '2026-11')).to.include({ beforeFirstBilledMonth: false, billedCount: 2 });
  });

  it('without a trial, bills from the month the subscription started', () => {
    const w = world({ today: '2026-12-15', startedOn: '2026-03-17' });
    expect(monthBilling(w, '2026-02').beforeFirstBilledMonth).to.equal(true);
    expect(monthBilling(w, '2026-03').beforeFirstBilledMonth).to.equal(false);
  });
});

describe('usage: bad input is refused, never NaN', () => {
  function fieldOf(f: () => unknown): string {
    try {
      f();
    } catch (e) {
      if (e instanceof WorldError) return e.field;
      throw e;
    }
    throw new Error('did not throw');
  }

  it('refuses malformed months and years', () => {
    const w = world({ people: people(1, { billingStart: '2026-01-01' }) });
    for (const bad of ['2026-00', '2026-13', '26-01', '2026-1', '2026-01-01']) {
      expect(() => dailyCounts(w, bad), bad).to.throw(RangeError);
      expect(() => monthBilling(w, bad), bad).to.throw(RangeError);
      expect(() => peopleBilling(w, bad), bad).to.throw(RangeError);
    }
    expect(() => monthlyBilling(w, 2026.5)).to.throw(RangeError);
    expect(() => monthlyBilling(w, Number.NaN)).to.throw(RangeError);
  });

  it('names the field of a date that is not a calendar date', () => {
    const bad = (p: Partial<Person>): World =>
      world({ people: [person({ billingStart: '2026-01-01' }), person({ billingStart: '2026-01-01', ...p })] });
    expect(fieldOf(() => monthBilling(bad({ billingStart: '2026-02-30' }), '2026-03'))).to.equal(
      'people[1].billingStart',
    );
    expect(fieldOf(() => monthBilling(bad({ deactivatedOn: '2026-3-01' }), '2026-03'))).to.equal(
      'people[1].deactivatedOn',
    );
    expect(fieldOf(() => dailyCounts(bad({ deletedOn: '' }), '2026-03'))).to.equal('people[1].deletedOn');
    expect(fieldOf(() => peopleBilling(bad({ invitedOn: 'soon' }), '2026-03'))).to.equal('people[1].invitedOn');
    expect(fieldOf(() => monthBilling({ ...world(), today: '2026-06-31' }, '2026-03'))).to.equal('today');
  });

  it('names a missing or unknown plan, and a peak-daily plan without included users', () => {
    expect(fieldOf(() => monthBilling(world({ planId: 'gone' }), '2026-03'))).to.equal('subscription.planId');
    expect(fieldOf(() => dailyCounts(world({ plan: { includedUsers: undefined } }), '2026-03'))).to.equal(
      'subscription.plans[0].includedUsers',
    );
    expect(fieldOf(() => monthBilling(world({ plan: { includedUsers: -1 } }), '2026-03'))).to.equal(
      'subscription.plans[0].includedUsers',
    );
  });

  it('names activity that refers to nobody, or of an unknown kind', () => {
    const base = {
      today: '2026-06-15',
      model: 'full-month' as const,
      people: [person({ id: 'a', billingStart: '2026-01-01' })],
    };
    expect(
      fieldOf(() =>
        monthBilling(world({ ...base, activity: [event('a', '2026-03-01'), event('zz', '2026-03-02')] }), '2026-03'),
      ),
    ).to.equal('activity[1].personId');
    expect(
      fieldOf(() =>
        monthBilling(
          world({ ...base, activity: [{ personId: 'a', on: '2026-03-01', kind: 'dance' as ActivityKind }] }),
          '2026-03',
        ),
      ),
    ).to.equal('activity[0].kind');
    expect(fieldOf(() => monthBilling(world({ ...base, activity: [event('a', '2026-03-32')] }), '2026-03'))).to.equal(
      'activity[0].on',
    );
  });

  it('counts a person whose deactivation is on their start day as never active', () => {
    const w = world({
      today: '2026-06-15',
      people: [person({ id: 'x', billingStart: '2026-03-10', deactivatedOn: '2026-03-10' })],
    });
    expect(dailyCounts(w, '2026-03').days.every((d) => d.count === 0)).to.equal(true);
    for (const model of MODELS) {
      const mw = world({ ...w, model, people: w.people, today: '2026-06-15' });
      expect(monthBilling(mw, '2026-03').billedCount, model).to.equal(0);
      expect(monthBilling(mw, '2026-03').distinctActive, model).to.equal(0);
      expect(billable(peopleBilling(mw, '2026-03')), model).to.equal(0);
    }
  });
});

describe('usage: purity', () => {
  it('never mutates the world and answers the same twice', () => {
    const w = deepFreeze(
      world({
        today: '2026-03-20',
        model: 'full-month',
        plan: { requiresActivity: true },
        people: [
          person({ id: 'a', billingStart: '2026-01-01', invitedOn: '2026-01-01' }),
          person({ id: 'b', billingStart: '2026-02-10', deactivatedOn: '2026-03-05', deletedOn: '2026-03-06' }),
        ],
        activity: [event('a', '2026-02-03'), event('b', '2026-02-11', 'chat')],
      }),
    );
    const snapshot = JSON.stringify(w);
    const first = [
      monthlyBilling(w, 2026),
      dailyCounts(w, '2026-02'),
      peopleBilling(w, '2026-02'),
      hiddenDeletedCount(w, '2026-02'),
    ];
    const second = [
      monthlyBilling(w, 2026),
      dailyCounts(w, '2026-02'),
      peopleBilling(w, '2026-02'),
      hiddenDeletedCount(w, '2026-02'),
    ];
    expect(second).to.deep.equal(first);
    expect(JSON.stringify(w)).to.equal(snapshot);
  });
});

// ---------------------------------------------------------------------------------------
// Properties against brute force

const FROM = toDayNumber('2025-12-01');
const TO = toDayNumber('2026-04-30');
const MONTHS: YearMonth[] = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04'];
const KINDS: ActivityKind[] = ['login', 'chat', 'web-visit', 'push-notification-view', 'email-notification-view'];

const personArb = fc.record({
  start: fc.integer({ min: FROM, max: TO }),
  length: fc.option(fc.integer({ min: 1, max: 150 }), { nil: undefined }),
  deletedAfter: fc.option(fc.integer({ min: 1, max: 150 }), { nil: undefined }),
  invitedOffset: fc.option(fc.integer({ min: -30, max: 120 }), { nil: undefined }),
  guest: fc.boolean(),
});

const worldArb = fc.record({
  persons: fc.array(personArb, { maxLength: 12 }),
  events: fc.array(
    fc.record({ who: fc.nat(), day: fc.integer({ min: FROM, max: TO }), kind: fc.constantFrom(...KINDS) }),
    {
      maxLength: 30,
    },
  ),
  today: fc.constantFrom('2026-02-14', '2026-04-30', '2026-05-01', '2026-06-30'),
  includedUsers: fc.integer({ min: 0, max: 8 }),
  requiresActivity: fc.boolean(),
});

type WorldSpec = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

function buildWorld(spec: WorldSpec, model: BillingModel): World {
  const list = spec.persons.map((p, i) =>
    person({
      id: `r${i}`,
      billingStart: fromDayNumber(p.start),
      ...(p.length === undefined ? {} : { deactivatedOn: fromDayNumber(p.start + p.length) }),
      ...(p.deletedAfter === undefined ? {} : { deletedOn: fromDayNumber(p.start + p.deletedAfter) }),
      ...(p.invitedOffset === undefined ? {} : { invitedOn: fromDayNumber(p.start + p.invitedOffset) }),
      ...(p.guest ? { guest: true } : {}),
    }),
  );
  const activity =
    list.length === 0 ? [] : spec.events.map((e) => event(`r${e.who % list.length}`, fromDayNumber(e.day), e.kind));
  return world({
    today: spec.today,
    model,
    plan: { includedUsers: spec.includedUsers, requiresActivity: spec.requiresActivity },
    people: list,
    activity,
  });
}

/** The days a month's figures are computed on: through today in the open month. */
function countedDays(w: World, month: YearMonth): IsoDate[] {
  const first = firstDayOfMonth(month);
  const last = minDate(lastDayOfMonth(month), w.today);
  return last < first ? [] : eachDay(first, last);
}

function bruteBilled(w: World, month: YearMonth, model: BillingModel): number {
  const days = countedDays(w, month);
  if (days.length === 0) return 0;
  const counts = days.map((d) => w.people.filter((p) => isActiveOn(p, d)).length);
  switch (model) {
    case 'peak-daily':
      return Math.max(...counts);
    case 'per-user':
      return w.people.filter((p) => days.some((d) => isActiveOn(p, d))).length;
    case 'full-month':
      return w.people.filter(
        (p) =>
          !p.guest &&
          days.every((d) => isActiveOn(p, d)) &&
          (!w.subscription.plans[0]?.requiresActivity ||
            w.activity.some((e) => e.personId === p.id && QUALIFYING_ACTIVITY.has(e.kind) && days.includes(e.on))),
      ).length;
    case 'invited':
      return w.people.filter((p) => days.some((d) => isActiveOn(p, d) && p.invitedOn !== undefined && p.invitedOn <= d))
        .length;
    case 'prepaid-licenses':
      return w.people.filter((p) => isActiveOn(p, days.at(-1) as IsoDate)).length;
  }
}

describe('usage: properties', () => {
  it('daily counts equal a brute-force count per day', () => {
    fc.assert(
      fc.property(worldArb, fc.constantFrom(...MONTHS), (spec, month) => {
        const w = buildWorld(spec, 'peak-daily');
        const dc = dailyCounts(w, month);
        const days = countedDays(w, month);
        expect(dc.days.map((d) => d.date)).to.deep.equal(days);
        for (const { date, count } of dc.days)
          expect(count).to.equal(w.people.filter((p) => isActiveOn(p, date)).length);
        const max = Math.max(0, ...dc.days.map((d) => d.count));
        if (max === 0) expect(dc.peak).to.equal(null);
        else expect(dc.peak).to.deep.equal({ count: max, on: dc.days.find((d) => d.count === max)?.date });
      }),
      { numRuns: 300 },
    );
  });

  it('billed counts equal brute force for every model', () => {
    fc.assert(
      fc.property(worldArb, fc.constantFrom(...MONTHS), fc.constantFrom(...MODELS), (spec, month, model) => {
        const w = buildWorld(spec, model);
        const mb = monthBilling(w, month);
        expect(mb.billedCount).to.equal(bruteBilled(w, month, model));
        expect(mb.distinctActive).to.equal(bruteBilled(w, month, 'per-user'));
        expect(Number.isFinite(mb.billedCount)).to.equal(true);
      }),
      { numRuns: 300 },
    );
  });

  it('B1 extra users = max(0, peak − included), and never falls when the peak rises', () => {
    fc.assert(
      fc.property(worldArb, fc.constantFrom(...MONTHS), (spec, month) => {
        const w = buildWorld(spec, 'peak-daily');
        const mb = monthBilling(w, month);
        expect(mb.extraUsers).to.equal(Math.max(0, (mb.peak?.count ?? 0) - spec.includedUsers));
        // One more person, active the whole month.
        const more: World = { ...w, people: [...w.people, person({ id: 'extra', billingStart: '2025-01-01' })] };
        const mb2 = monthBilling(more, month);
        expect(mb2.extraUsers as number).to.be.at.least(mb.extraUsers as number);
        if (countedDays(w, month).length > 0) expect(mb2.billedCount).to.equal(mb.billedCount + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('B3 full-month billable ≤ distinct active, and monthly active users match brute force', () => {
    fc.assert(
      fc.property(worldArb, fc.constantFrom(...MONTHS), (spec, month) => {
        const w = buildWorld(spec, 'full-month');
        const mb = monthBilling(w, month);
        expect(mb.billedCount).to.be.at.most(mb.distinctActive);
        const days = countedDays(w, month);
        if (days.length === 0) {
          expect(mb.monthlyActiveUsers).to.equal(null);
        } else {
          const end = days.at(-1) as IsoDate;
          const start = addDays(end, -29);
          const active = new Set(w.activity.filter((e) => e.on >= start && e.on <= end).map((e) => e.personId));
          expect(mb.monthlyActiveUsers).to.equal(active.size);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('billable verdicts + hidden deleted persons = billed count, for every model and month', () => {
    fc.assert(
      fc.property(worldArb, fc.constantFrom(...MONTHS), fc.constantFrom(...MODELS), (spec, month, model) => {
        const w = buildWorld(spec, model);
        const list = peopleBilling(w, month);
        expect(billable(list) + hiddenDeletedCount(w, month)).to.equal(monthBilling(w, month).billedCount);
        // Listed: not deleted by today, started by the month's last day; once each, in order.
        const listed = w.people.filter(
          (p) => (p.deletedOn === undefined || p.deletedOn > w.today) && p.billingStart <= lastDayOfMonth(month),
        );
        expect(list.map((v) => v.personId)).to.deep.equal(countedDays(w, month).length ? listed.map((p) => p.id) : []);
        for (const v of list) {
          if (v.reasonDate !== undefined) expect(toDayNumber(v.reasonDate)).to.be.a('number');
        }
      }),
      { numRuns: 300 },
    );
  });
});
