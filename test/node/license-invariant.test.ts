/**
 * "The license count can never go below the number of active users" (billing-rules.md,
 * B5), today and in every scheduled period, on every path that changes active users or
 * licenses; and the ledger stays sound whatever sequence of actions the store is given.
 *
 * The property test drives random sequences of activations, deactivations (with or
 * without removing the license), license orders, removals, period changes, cancellations
 * of scheduled changes, settling and clock moves through the store (fast-check, seeded,
 * bounded in time), and checks after every step: licenses ≥ active users on every day from
 * today on, invoice totals = lines + tax − credit, no NaN, no negative counts, the license
 * summary's `removableLicenses` is exactly what a removal may take, a refused step changed
 * nothing, and the world round-trips through the store's get/load (the JSON of GET/PUT
 * /__mock/world).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays } from '../../mocks/engine/dates.js';
import { generateWorld } from '../../mocks/engine/generate.js';
import { activeUserCount, licenseCountOn, removeLicenses, scheduledChanges } from '../../mocks/engine/licenses.js';
import { RuleError } from '../../mocks/engine/errors.js';
import { LIMITS } from '../../mocks/engine/limits.js';
import { taxOn } from '../../mocks/engine/money.js';
import type { Person, World } from '../../mocks/engine/types.js';
import { validateWorldAll } from '../../mocks/engine/validate.js';
import { MockError } from '../../mocks/store/errors.js';
import { MockStore } from '../../mocks/store/store.js';
import { licenseSummaryView, overviewView, upcomingInvoiceView } from '../../mocks/store/views.js';

/** A prepaid-license tenant: `active` people active, `inactive` deactivated, `licenses` held. */
function licensed(options: { active: number; inactive: number; licenses: number; periodMonths?: number }): World {
  const g = generateWorld({ seed: 21, people: 1, model: 'prepaid-licenses', today: '2026-04-15', historyMonths: 3 });
  const person = (i: number, deactivatedOn?: string): Person => ({
    id: `p-${String(i).padStart(3, '0')}`,
    name: `Person ${i}`,
    email: `person${i}@example.com`,
    role: i === 0 ? 'admin' : 'member',
    directories: ['severa'],
    billingStart: '2026-01-01',
    ...(deactivatedOn ? { deactivatedOn } : {}),
  });
  const people: Person[] = [];
  for (let i = 0; i < options.active; i++) people.push(person(i));
  for (let i = 0; i < options.inactive; i++) people.push(person(options.active + i, '2026-03-01'));
  return {
    ...g,
    people,
    activity: [],
    subscription: {
      ...g.subscription,
      startedOn: '2026-01-01',
      licenses: { initialCount: options.licenses, periodMonths: options.periodMonths ?? 6 },
    },
  };
}

/**
 * Licenses and active users on today and on every later day where either may change (an
 * order taking effect, someone starting or leaving), counted one day at a time with the
 * engine's plain per-day functions: an oracle independent of the store's rule.
 */
function coverage(world: World): { on: string; licenses: number; active: number }[] {
  const days = new Set<string>([world.today]);
  for (const o of world.orders) if (o.effectiveOn > world.today) days.add(o.effectiveOn);
  for (const p of world.people) {
    for (const d of [p.billingStart, p.deactivatedOn, p.deletedOn]) if (d !== undefined && d > world.today) days.add(d);
  }
  return [...days]
    .sort()
    .map((on) => ({ on, licenses: licenseCountOn(world, on), active: activeUserCount(world, on) }));
}

/** Every day from today on where licenses fall short of active users. */
function shortDays(world: World): string[] {
  return coverage(world)
    .filter((c) => c.licenses < c.active)
    .map((c) => `${c.on}: ${c.licenses} licenses, ${c.active} active`);
}

describe('licenses ≥ active users, now and in every scheduled period', () => {
  it('reactivating someone while removals are scheduled needs a license for the next period', () => {
    const store = new MockStore({ world: licensed({ active: 8, inactive: 2, licenses: 10 }) });
    store.orderLicenses('remove', 2, 'remove-2'); // 8 licenses from 2026-07-01, for 8 active users
    const [first] = store.world.people.filter((p) => p.deactivatedOn !== undefined);
    assert.ok(first);
    const before = store.world;
    // Today has 2 free licenses, but from 1 July there would be 8 licenses for 9 users.
    assert.throws(
      () => store.reactivateUser(first.id),
      (e: unknown) =>
        e instanceof MockError &&
        e.code === 'license-required' &&
        e.errors[0]?.field === 'buyLicense' &&
        /from 2026-07-01/.test(e.message) &&
        (e.extra['quote'] as { quantity: number }).quantity === 1,
    );
    assert.equal(store.world, before, 'nothing changed');
    // Buying one keeps the next period covered.
    const r = store.reactivateUser(first.id, { buyLicense: true });
    assert.equal(r.body.order?.kind, 'add-licenses');
    assert.deepEqual(shortDays(store.world), []);
  });

  it('a removal counts the people who start later', () => {
    const w = licensed({ active: 5, inactive: 0, licenses: 8 });
    w.people.push({
      id: 'p-new',
      name: 'Starts in August',
      email: 'new@example.com',
      role: 'member',
      directories: ['severa'],
      billingStart: '2026-08-03',
    });
    const store = new MockStore({ world: w });
    // Today 5 of 8 are used, but from 3 August 6 people are active: remove at most 2.
    assert.throws(
      () => store.orderLicenses('remove', 3, 'remove-3'),
      (e: unknown) => e instanceof MockError && e.code === 'below-active-users' && /at most 2/.test(e.message),
    );
    store.orderLicenses('remove', 2, 'remove-2');
    assert.deepEqual(shortDays(store.world), []);
  });

  it('cancelling a scheduled deactivation needs a license from that day on', () => {
    const w = licensed({ active: 6, inactive: 0, licenses: 6 });
    const leaving = w.people[5] as Person;
    leaving.deactivatedOn = '2026-06-15';
    const store = new MockStore({ world: w });
    store.orderLicenses('remove', 1, 'remove-1'); // 5 from 2026-07-01: enough once they left
    assert.throws(
      () => store.reactivateUser(leaving.id),
      (e: unknown) => e instanceof MockError && e.code === 'license-required',
    );
    store.reactivateUser(leaving.id, { buyLicense: true });
    assert.deepEqual(shortDays(store.world), []);
  });

  it('a world loaded with too few licenses can still be put right, not made worse', () => {
    const store = new MockStore({ world: licensed({ active: 6, inactive: 1, licenses: 4 }) });
    assert.notDeepEqual(shortDays(store.world), []);
    const inactive = store.world.people.find((p) => p.deactivatedOn !== undefined) as Person;
    assert.throws(
      () => store.reactivateUser(inactive.id),
      (e: unknown) => e instanceof MockError && e.code === 'license-required',
    );
    const active = store.world.people.find((p) => p.deactivatedOn === undefined) as Person;
    store.deactivateUser(active.id);
    store.orderLicenses('add', 1, 'add-1');
    assert.deepEqual(shortDays(store.world), []);
  });
});

// ---------------------------------------------------------------------------------------
// The property.

type Step =
  | { op: 'deactivate'; who: number; removeLicense: boolean }
  | { op: 'reactivate'; who: number; buyLicense: boolean }
  | { op: 'add'; quantity: number }
  | { op: 'remove'; quantity: number }
  | { op: 'period'; months: number }
  | { op: 'cancel'; which: number }
  | { op: 'settle' }
  | { op: 'clock'; days: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('deactivate' as const), who: fc.nat(40), removeLicense: fc.boolean() }),
  fc.record({ op: fc.constant('reactivate' as const), who: fc.nat(40), buyLicense: fc.boolean() }),
  fc.record({ op: fc.constant('add' as const), quantity: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('remove' as const), quantity: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ op: fc.constant('period' as const), months: fc.constantFrom(1, 3, 6, 12) }),
  fc.record({ op: fc.constant('cancel' as const), which: fc.nat(5) }),
  fc.record({ op: fc.constant('settle' as const) }),
  fc.record({ op: fc.constant('clock' as const), days: fc.integer({ min: 1, max: 200 }) }),
);

const scenario = fc.record({
  active: fc.integer({ min: 0, max: 12 }),
  inactive: fc.integer({ min: 0, max: 6 }),
  spare: fc.integer({ min: 0, max: 4 }),
  periodMonths: fc.constantFrom(1, 6, 12),
  expired: fc.boolean(),
  steps: fc.array(step, { minLength: 1, maxLength: 30 }),
});

function apply(store: MockStore, s: Step, n: number): void {
  const people = store.world.people;
  const person = people[s.op === 'deactivate' || s.op === 'reactivate' ? s.who % Math.max(1, people.length) : 0];
  switch (s.op) {
    case 'deactivate':
      if (person) store.deactivateUser(person.id, { removeLicense: s.removeLicense }, `k-${n}`);
      return;
    case 'reactivate':
      if (person) store.reactivateUser(person.id, { buyLicense: s.buyLicense }, `k-${n}`);
      return;
    case 'add':
      store.orderLicenses('add', s.quantity, `k-${n}`);
      return;
    case 'remove':
      store.orderLicenses('remove', s.quantity, `k-${n}`);
      return;
    case 'period':
      store.scheduleChange({ kind: 'change-period', periodMonths: s.months }, `k-${n}`);
      return;
    case 'cancel': {
      // One of the scheduled changes, or (none, or past the list) one in effect or unknown.
      const all = scheduledChanges(store.world);
      const order = all[s.which] ?? store.world.orders.at(-1);
      store.cancelScheduledChange(order?.id ?? 'ord-unknown', `k-${n}`);
      return;
    }
    case 'settle':
      store.settleBalance(`k-${n}`);
      return;
    case 'clock': {
      const next = addDays(store.today, s.days);
      store.setToday(next > LIMITS.lastToday ? LIMITS.lastToday : next);
    }
  }
}

/** Every number in `value` is finite (no NaN, no Infinity). */
function noNaN(value: unknown, path: string): void {
  if (typeof value === 'number') assert.ok(Number.isFinite(value), `${path} = ${value}`);
  else if (Array.isArray(value)) value.forEach((v, i) => noNaN(v, `${path}[${i}]`));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) noNaN(v, `${path}.${k}`);
  }
}

function checkWorld(store: MockStore): void {
  const w = store.world;
  // Licenses ≥ active users on every day from today on (every scheduled period), no negative counts.
  for (const c of coverage(w)) {
    assert.ok(c.licenses >= 0 && c.active >= 0, `${c.on}: ${c.licenses} licenses, ${c.active} active`);
    assert.ok(c.licenses >= c.active, `${c.on}: ${c.licenses} licenses for ${c.active} active users`);
  }
  // Invoice totals = lines + tax − credit, exact integers.
  for (const inv of w.invoices) {
    const lines = inv.lines.filter((l) => !l.informative).reduce((sum, l) => sum + l.amount, 0);
    assert.equal(inv.subtotal, lines, `${inv.number}: subtotal = lines`);
    assert.equal(inv.tax, taxOn(inv.subtotal, inv.taxRate), `${inv.number}: tax`);
    assert.equal(inv.total, inv.subtotal + inv.tax, `${inv.number}: total`);
    assert.equal(inv.amountDue, lines + inv.tax - inv.creditApplied, `${inv.number}: amount due`);
    for (const l of inv.lines) assert.ok(l.quantity >= 0, `${inv.number}: a negative quantity`);
    assert.ok(inv.subtotal >= 0 && inv.creditApplied >= 0 && inv.amountDue >= 0, `${inv.number}: negative`);
  }
  for (const p of w.payments) assert.ok(Number.isSafeInteger(p.amount) && p.amount >= 0, `payment ${p.id}`);
  for (const o of w.orders) assert.ok(o.quantity === undefined || o.quantity > 0, `order ${o.id}`);
  noNaN(w, 'world');
  const summary = licenseSummaryView(w);
  noNaN([summary, overviewView(w), upcomingInvoiceView(w)], 'views');
  assert.ok(summary.free >= 0 && summary.assigned >= 0 && summary.licenses >= 0, 'license summary counts');
  // removableLicenses is what a removal may take: that many are accepted, one more refused.
  const removable = summary.removableLicenses!;
  assert.ok(Number.isSafeInteger(removable) && removable >= 0, `removableLicenses ${removable}`);
  if (removable > 0) removeLicenses(w, { quantity: removable });
  if (removable + 1 <= LIMITS.licenses) {
    assert.throws(
      () => removeLicenses(w, { quantity: removable + 1 }),
      (e) => e instanceof RuleError && e.code === 'below-active-users' && e.params?.max === removable,
      `removing ${removable + 1} is refused with max ${removable}`,
    );
  }
  // The world round-trips through get/load (GET and PUT /__mock/world).
  const json = JSON.parse(JSON.stringify(w)) as World;
  assert.deepEqual(validateWorldAll(json), []);
  const other = new MockStore({ world: json });
  assert.deepEqual(other.world, w);
}

describe('the store keeps the rules whatever it is asked (property)', () => {
  it('random activations, deactivations, orders, removals, cancellations and clock moves', (t) => {
    let runs = 0;
    let steps = 0;
    let refused = 0;
    fc.assert(
      fc.property(scenario, (sc) => {
        runs++;
        const w = licensed({
          active: sc.active,
          inactive: sc.inactive,
          licenses: Math.max(1, sc.active + sc.spare),
          periodMonths: sc.periodMonths,
        });
        w.paymentMethod = { kind: 'card', brand: 'visa', last4: '4242', expires: sc.expired ? '2026-03' : '2031-12' };
        const store = new MockStore({ world: w });
        checkWorld(store);
        sc.steps.forEach((s, n) => {
          steps++;
          const before = store.world;
          try {
            apply(store, s, n);
          } catch (e) {
            if (!(e instanceof MockError)) throw e;
            refused++;
            assert.equal(store.world, before, `a refused ${s.op} (${e.code}) changed nothing`);
          }
          checkWorld(store);
        });
      }),
      { seed: 1717, numRuns: 3000, interruptAfterTimeLimit: 15_000, markInterruptAsFailure: false },
    );
    t.diagnostic(`${runs} runs, ${steps} steps (${refused} refused)`);
    assert.ok(runs >= 50, `only ${runs} runs in the time limit`);
  });
});
