/**
 * B5, prepaid licenses (Severa; Microsoft 365 style), and the orders that change a
 * subscription (for every model: edition changes are orders too).
 *
 * Readings of the rules (shared/billing-rules.md, "B5 Prepaid licenses"):
 * - Periods are consecutive from `subscription.startedOn`. A period's length is the
 *   `periodMonths` in force on its first day: `licenses.periodMonths`, moved by the latest
 *   `change-period` order effective on or before that day. Boundaries are counted in
 *   whole months from `startedOn` (so a subscription started on 31 January has periods
 *   starting 31 Jan, 28 Feb, 31 Mar… without drifting); a period ends the day before the
 *   next one starts.
 * - The license count on day d is `initialCount` + additions − removals effective on or
 *   before d. A period invoice bills the licenses held at its start except additions
 *   effective on that very day: those are billed by their own proration invoice (for the
 *   whole period, factor 1), so nothing is billed twice.
 * - Adding licenses is effective at once and billed for the rest of the period:
 *   `added × unitPrice × p × daysRemaining / daysInPeriod`, rounded half-up once, where
 *   `daysRemaining` counts the effective date through the period's last day.
 * - Removing licenses, changing the edition and changing the billing period take effect
 *   at the next period start (B5) or the next month's 1st (B1–B4, where there is no
 *   period); nothing is credited. A removal is refused when, on any day from the next
 *   period on (with the changes already scheduled), fewer licenses than active users
 *   would be left.
 * - Licenses ≥ active users, today and on every later day: every change of licenses or
 *   active users is checked against the whole timeline from today
 *   ({@link licenseCoverage}), so reactivating someone while removals are scheduled
 *   needs a license for the next period too ({@link canActivate},
 *   {@link requireLicenseCoverage}).
 * - The license count stays within {@link LIMITS.licenses} on every day.
 * - Free licenses = licenses − active users, shown as 0 if users outnumber licenses.
 * - An edition change must keep the way of billing: licenses stay licenses, per-user
 *   plans stay per-user plans (switching between them is a new contract, not an order).
 * - Every request may carry an idempotency key: a replay returns the first order (and,
 *   for additions, its invoice) and creates nothing; the same key for a different
 *   request is refused.
 * - Order ids come from the caller (`id`) or are `ord-N` (N = number of orders + 1, the
 *   next free one): no randomness.
 */
import { plural } from './text.js';
import {
  addDays,
  addMonths,
  addMonthsToDate,
  compareDates,
  daysBetween,
  firstDayOfMonth,
  isIsoDate,
  monthOf,
} from './dates.js';
import { RuleError, WorldError } from './errors.js';
import { LIMITS } from './limits.js';
import { prorate } from './money.js';
import { InvoiceIssuer } from './payments.js';
import type { InvoiceDraft } from './payments.js';
import type { Invoice, IsoDate, Order, OrderKind, Person, Plan, World } from './types.js';
import { isActiveOn, planOn } from './usage.js';

/** One billing period of a prepaid-license subscription. */
export interface LicensePeriod {
  start: IsoDate;
  /** Last day of the period (included). */
  end: IsoDate;
  /** Its length in months, fixed at its start. */
  months: number;
  /** The plan in force at its start. */
  planId: string;
  /** 0 for the first period of the subscription. */
  index: number;
}

/** Largest accepted billing period, in months. */
export const MAX_PERIOD_MONTHS = LIMITS.periodMonths;

/** True when the plan in force today is billed by prepaid licenses (B5). */
export function isLicensed(world: World): boolean {
  return planOn(world, world.today).model === 'prepaid-licenses';
}

/** A plan of the price list by id; a `WorldError` naming `field` when it is not there. */
export function planById(world: World, planId: string, field = 'subscription.planId'): Plan {
  const plan = world.subscription.plans.find((p) => p.id === planId);
  if (!plan) throw new WorldError(field, `There is no plan ${JSON.stringify(planId)} in the price list.`);
  return plan;
}

/** Every period from the first through the one containing `day`. */
export function periodsThrough(world: World, day: IsoDate): LicensePeriod[] {
  const terms = licenseTerms(world);
  const anchor = world.subscription.startedOn;
  if (!isIsoDate(anchor))
    throw new WorldError('subscription.startedOn', 'The subscription start is not a calendar date.');
  if (!isIsoDate(day)) throw new WorldError('day', `Not a calendar date (YYYY-MM-DD): ${JSON.stringify(day)}`);
  if (day < anchor) {
    throw new WorldError('day', `${day} is before the subscription starts (${anchor}); there is no period yet.`);
  }
  checkPeriodMonths(terms.periodMonths, 'subscription.licenses.periodMonths');
  const changes = ordersOfKind(world, 'change-period');
  changes.forEach(({ order, index }) => checkPeriodMonths(order.periodMonths, `orders[${index}].periodMonths`));
  const periods: LicensePeriod[] = [];
  let offset = 0;
  for (let index = 0; ; index++) {
    const start = addMonthsToDate(anchor, offset);
    let months = terms.periodMonths;
    for (const { order } of changes) {
      if (order.effectiveOn > start) break;
      months = order.periodMonths as number;
    }
    const end = addDays(addMonthsToDate(anchor, offset + months), -1);
    periods.push({ start, end, months, planId: planOn(world, start).id, index });
    if (day <= end) return periods;
    offset += months;
  }
}

/** The billing period containing `day`. */
export function periodAt(world: World, day: IsoDate): LicensePeriod {
  const periods = periodsThrough(world, day);
  return periods[periods.length - 1] as LicensePeriod;
}

/** Licenses held on `day`: the initial count plus additions minus removals effective on or before it. */
export function licenseCountOn(world: World, day: IsoDate): number {
  return countLicenses(
    world,
    (o) => o.effectiveOn <= day,
    (o) => o.effectiveOn <= day,
  );
}

/**
 * Licenses a period invoice bills: those held on the period's first day, except additions
 * effective that very day (their own proration invoice bills them for the whole period).
 */
export function periodLicenseCount(world: World, start: IsoDate): number {
  return countLicenses(
    world,
    (o) => o.effectiveOn < start,
    (o) => o.effectiveOn <= start,
  );
}

/** Persons active on `day` (each person once). */
export function activeUserCount(world: World, day: IsoDate): number {
  return world.people.filter((p) => isActiveOn(p, day)).length;
}

/** Licenses and active users on one day. */
export interface LicenseCoverage {
  on: IsoDate;
  licenses: number;
  activeUsers: number;
}

/**
 * Licenses and active users on `from` and on every later day where either changes
 * (license orders taking effect, people starting, being deactivated or deleted), oldest
 * first: between two entries both stay the same. One sort of the dates, O(n log n).
 */
export function licenseCoverage(world: World, from: IsoDate = world.today): LicenseCoverage[] {
  const changes = new Set<IsoDate>();
  const starts: IsoDate[] = [];
  const ends: IsoDate[] = [];
  for (const p of world.people) {
    let end = p.deactivatedOn;
    if (p.deletedOn !== undefined && (end === undefined || p.deletedOn < end)) end = p.deletedOn;
    if (end !== undefined && end <= p.billingStart) continue; // never active
    if (end !== undefined && end <= from) continue; // no longer active
    starts.push(p.billingStart);
    if (p.billingStart > from) changes.add(p.billingStart);
    if (end !== undefined) {
      ends.push(end);
      changes.add(end);
    }
  }
  const orders = licenseOrders(world);
  for (const o of orders) if (o.effectiveOn > from) changes.add(o.effectiveOn);
  const days = [from, ...[...changes].sort()];
  starts.sort();
  ends.sort();
  const out: LicenseCoverage[] = [];
  let licenses = licenseTerms(world).initialCount;
  let o = 0;
  let s = 0;
  let e = 0;
  for (const on of days) {
    for (; o < orders.length && (orders[o] as Order).effectiveOn <= on; o++) {
      const order = orders[o] as Order;
      licenses += order.kind === 'add-licenses' ? (order.quantity as number) : -(order.quantity as number);
    }
    while (s < starts.length && (starts[s] as IsoDate) <= on) s++;
    while (e < ends.length && (ends[e] as IsoDate) <= on) e++;
    out.push({ on, licenses, activeUsers: s - e });
  }
  return out;
}

/** The fewest free licenses (licenses − active users, may be negative) from `from` on, and the first day of it. */
export function fewestFreeLicenses(world: World, from: IsoDate = world.today): LicenseCoverage & { free: number } {
  let worst: (LicenseCoverage & { free: number }) | undefined;
  for (const c of licenseCoverage(world, from)) {
    const free = c.licenses - c.activeUsers;
    if (worst === undefined || free < worst.free) worst = { ...c, free };
  }
  return worst as LicenseCoverage & { free: number };
}

/**
 * The first day from today on when active users would outnumber licenses, if any: the
 * rule "licenses ≥ active users" checked now and in every scheduled period.
 */
export function licenseShortfall(world: World): LicenseCoverage | undefined {
  if (!isLicensed(world)) return undefined;
  return licenseCoverage(world).find((c) => c.licenses < c.activeUsers);
}

/**
 * Refuses `after` (a world a change would make) when active users outnumber licenses on
 * a day from today on and the change made that worse than in `before` (a world loaded
 * with too few licenses can still be put right step by step).
 *
 * @throws RuleError `below-active-users` naming `field`.
 */
export function requireLicenseCoverage(before: World, after: World, field: string): void {
  if (!isLicensed(after)) return;
  const worst = fewestFreeLicenses(after);
  if (worst.free >= 0) return;
  if (isLicensed(before) && worst.free >= fewestFreeLicenses(before, after.today).free) return;
  throw new RuleError(
    field,
    'below-active-users',
    `This would leave ${plural(worst.licenses, 'license')} for ${plural(worst.activeUsers, 'active user')} ` +
      `from ${worst.on}. Buy licenses or deactivate users first.`,
  );
}

/** The license overview of today: current period, what it costs, and the next period with scheduled changes. */
export interface LicenseSummary {
  licenses: number;
  /** Active users today, each holding one license. */
  assigned: number;
  /** licenses − active users (0 when users outnumber licenses). Free licenses are still charged. */
  free: number;
  planId: string;
  periodMonths: number;
  /** licenses × months (license-months). */
  periodQuantity: number;
  /** Minor units per license per month. */
  unitPrice: number;
  /** A full period at today's count and plan, minor units. */
  pricePerPeriod: number;
  period: { start: IsoDate; end: IsoDate };
  nextPeriod: { start: IsoDate; end: IsoDate; months: number; licenses: number; planId: string };
}

/** The license overview of `world.today`. */
export function licenseSummary(world: World): LicenseSummary {
  requireLicensed(world, 'licenses');
  const today = world.today;
  const period = periodAt(world, today);
  const next = periodAt(world, addDays(period.end, 1));
  const licenses = licenseCountOn(world, today);
  const assigned = activeUserCount(world, today);
  const plan = planOn(world, today);
  const periodQuantity = licenses * period.months;
  return {
    licenses,
    assigned,
    free: Math.max(0, licenses - assigned),
    planId: plan.id,
    periodMonths: period.months,
    periodQuantity,
    unitPrice: plan.unitPrice,
    pricePerPeriod: periodQuantity * plan.unitPrice,
    period: { start: period.start, end: period.end },
    nextPeriod: {
      start: next.start,
      end: next.end,
      months: next.months,
      licenses: licenseCountOn(world, next.start),
      planId: next.planId,
    },
  };
}

/** The price of adding licenses from `effectiveOn` to the end of its period. */
export interface AddLicensesQuote {
  quantity: number;
  unitPrice: number;
  periodMonths: number;
  /** The effective date through the period's last day, both included. */
  daysRemaining: number;
  daysInPeriod: number;
  /** daysRemaining / daysInPeriod, in [0, 1] (for display; the amount is computed exactly). */
  factor: number;
  /** round-half-up(quantity × unitPrice × periodMonths × daysRemaining / daysInPeriod), minor units. */
  amount: number;
  period: { start: IsoDate; end: IsoDate };
}

/**
 * What adding `quantity` licenses effective `effectiveOn` costs now. Worked example 4:
 * 2 licenses at 20.00, 6-month period of 181 days, 91 days left → 120.66 (12066).
 */
export function quoteAddLicenses(world: World, quantity: number, effectiveOn: IsoDate = world.today): AddLicensesQuote {
  requireLicensed(world, 'quantity');
  checkQuantity(quantity);
  if (!isIsoDate(effectiveOn)) throw new RuleError('effectiveOn', 'invalid-date', 'Enter the date as YYYY-MM-DD.');
  if (effectiveOn < world.subscription.startedOn) {
    throw new RuleError(
      'effectiveOn',
      'before-start',
      `Licenses can be added from the subscription start (${world.subscription.startedOn}) on.`,
    );
  }
  const most = mostLicensesFrom(world, effectiveOn);
  if (most + quantity > LIMITS.licenses) {
    throw new RuleError(
      'quantity',
      'too-many-licenses',
      `A subscription holds at most ${LIMITS.licenses.toLocaleString('en-US')} licenses; ` +
        `you can add at most ${Math.max(0, LIMITS.licenses - most).toLocaleString('en-US')}.`,
    );
  }
  const period = periodAt(world, effectiveOn);
  const plan = planOn(world, effectiveOn);
  const daysInPeriod = daysBetween(period.start, period.end) + 1;
  const daysRemaining = daysBetween(effectiveOn, period.end) + 1;
  return {
    quantity,
    unitPrice: plan.unitPrice,
    periodMonths: period.months,
    daysRemaining,
    daysInPeriod,
    factor: daysRemaining / daysInPeriod,
    amount: prorate(plan.unitPrice, [quantity, period.months], daysRemaining, daysInPeriod),
    period: { start: period.start, end: period.end },
  };
}

/** Fields every order request may carry. */
export interface OrderRequest {
  /** The order id to use; default `ord-N`. */
  id?: string;
  /** A replayed request with the same key returns the first order and creates nothing. */
  idempotencyKey?: string;
  /** Person id of who places it. */
  placedBy?: string;
}

/**
 * Adds licenses at once: an `add-licenses` order effective today and an invoice issued
 * today billing the rest of the current period (one `proration` line). The store appends
 * both (the store issues due invoices first, so numbering follows issue order).
 */
export function addLicenses(
  world: World,
  request: OrderRequest & { quantity: number },
): { order: Order; invoice: Invoice; replayed: boolean } {
  const replay = findReplay(world, request, 'add-licenses', { quantity: request.quantity });
  if (replay) {
    const invoice = world.invoices.find((i) => i.orderId === replay.id);
    if (!invoice) {
      throw new WorldError('invoices', `Order ${replay.id} adds licenses but its invoice was never stored.`);
    }
    return { order: replay, invoice, replayed: true };
  }
  const quote = quoteAddLicenses(world, request.quantity, world.today);
  const order = makeOrder(world, request, {
    kind: 'add-licenses',
    effectiveOn: world.today,
    quantity: request.quantity,
    amount: quote.amount,
  });
  let invoice: Invoice;
  try {
    invoice = new InvoiceIssuer(world, { limitLedger: true }).issue(prorationDraft(world, order), world.today);
  } catch (e) {
    if (!(e instanceof WorldError) || e.field !== 'invoices') throw e;
    throw new RuleError('quantity', 'ledger-full', e.reason);
  }
  return { order, invoice, replayed: false };
}

/**
 * The invoice draft billing an `add-licenses` order: one `proration` line of
 * added × p license-months at the unit price, times daysRemaining / daysInPeriod.
 */
export function prorationDraft(world: World, order: Order): InvoiceDraft {
  const quantity = order.quantity ?? 0;
  const quote = quoteAddLicenses(world, quantity, order.effectiveOn);
  const plan = planOn(world, order.effectiveOn);
  return {
    periodStart: order.effectiveOn,
    periodEnd: quote.period.end,
    planId: plan.id,
    orderId: order.id,
    lines: [
      {
        kind: 'proration',
        description:
          `${plural(quantity, 'license')} added on ${order.effectiveOn} for the rest of the period ` +
          `${quote.period.start} – ${quote.period.end}: ${quantity} × ${plural(quote.periodMonths, 'month')} × ` +
          `${quote.daysRemaining}/${quote.daysInPeriod} days (${plan.name})`,
        quantity: quantity * quote.periodMonths,
        unitPrice: quote.unitPrice,
        amount: quote.amount,
        periodStart: order.effectiveOn,
        periodEnd: quote.period.end,
      },
    ],
  };
}

/**
 * Removes licenses from the next period start; the current period is not credited.
 * Refused (`below-active-users`) when, on the next period start or any later day (with
 * the changes already scheduled), the count would be below the active users.
 */
export function removeLicenses(
  world: World,
  request: OrderRequest & { quantity: number },
): { order: Order; replayed: boolean } {
  const replay = findReplay(world, request, 'remove-licenses', { quantity: request.quantity });
  if (replay) return { order: replay, replayed: true };
  requireLicensed(world, 'quantity');
  checkQuantity(request.quantity);
  const effectiveOn = nextChangeDate(world);
  // From the removal on, every day keeps a license per active user (with the changes
  // already scheduled and the people starting or leaving later).
  const worst = fewestFreeLicenses(world, effectiveOn);
  if (worst.free < request.quantity) {
    const most = Math.max(0, worst.free);
    const after = worst.licenses - request.quantity;
    const active = worst.activeUsers;
    const now = worst.on === effectiveOn && active === activeUserCount(world, world.today);
    throw new RuleError(
      'quantity',
      'below-active-users',
      (now
        ? `You have ${plural(active, 'active user')}; removing ${request.quantity} would leave ${plural(after, 'license')} from ${effectiveOn}.`
        : `You will have ${plural(active, 'active user')} on ${worst.on}; removing ${request.quantity} would leave ${plural(after, 'license')} then.`) +
        ` Remove at most ${most}, or deactivate users first.`,
    );
  }
  return {
    order: makeOrder(world, request, { kind: 'remove-licenses', effectiveOn, quantity: request.quantity }),
    replayed: false,
  };
}

/** Changes the edition from the next period start (B5) or the next month's 1st (B1–B4). */
export function changePlan(
  world: World,
  request: OrderRequest & { planId: string },
): { order: Order; replayed: boolean } {
  const replay = findReplay(world, request, 'change-plan', { planId: request.planId });
  if (replay) return { order: replay, replayed: true };
  const plan = world.subscription.plans.find((p) => p.id === request.planId);
  if (!plan)
    throw new RuleError(
      'planId',
      'unknown-plan',
      `There is no edition ${JSON.stringify(request.planId)} to change to.`,
    );
  const effectiveOn = nextChangeDate(world);
  const then = planOn(world, effectiveOn);
  if (then.id === plan.id) {
    throw new RuleError('planId', 'same-plan', `You are already on ${plan.name} from ${effectiveOn}.`);
  }
  const licensedNow = planOn(world, world.today).model === 'prepaid-licenses';
  if ((plan.model === 'prepaid-licenses') !== licensedNow) {
    throw new RuleError(
      'planId',
      'different-billing-model',
      `${plan.name} is billed ${licensedNow ? 'per user' : 'by prepaid licenses'}; ` +
        'you can only change to an edition billed the same way. Contact sales to switch.',
    );
  }
  return { order: makeOrder(world, request, { kind: 'change-plan', effectiveOn, planId: plan.id }), replayed: false };
}

/** Changes the billing period (monthly, yearly…) from the next period start. B5 only. */
export function changePeriod(
  world: World,
  request: OrderRequest & { periodMonths: number },
): { order: Order; replayed: boolean } {
  const replay = findReplay(world, request, 'change-period', { periodMonths: request.periodMonths });
  if (replay) return { order: replay, replayed: true };
  requireLicensed(world, 'periodMonths');
  const months = request.periodMonths;
  if (typeof months !== 'number' || !Number.isInteger(months) || months < 1 || months > MAX_PERIOD_MONTHS) {
    throw new RuleError(
      'periodMonths',
      'invalid-period',
      `The billing period must be a whole number of months from 1 to ${MAX_PERIOD_MONTHS}.`,
    );
  }
  const effectiveOn = nextChangeDate(world);
  const next = periodAt(world, effectiveOn);
  if (next.months === months) {
    throw new RuleError(
      'periodMonths',
      'same-period',
      `The period from ${effectiveOn} is already ${plural(months, 'month')}.`,
    );
  }
  return {
    order: makeOrder(world, request, { kind: 'change-period', effectiveOn, periodMonths: months }),
    replayed: false,
  };
}

/** When a scheduled change takes effect: the next period start (B5) or the next month's 1st (B1–B4). */
export function nextChangeDate(world: World): IsoDate {
  if (isLicensed(world)) return addDays(periodAt(world, world.today).end, 1);
  return firstDayOfMonth(addMonths(monthOf(world.today), 1));
}

/** Orders taking effect after today, soonest first. */
export function scheduledChanges(world: World): Order[] {
  return world.orders
    .map((order, index) => ({ order, index }))
    .filter((x) => x.order.effectiveOn > world.today)
    .sort((a, b) => compareDates(a.order.effectiveOn, b.order.effectiveOn) || a.index - b.index)
    .map((x) => x.order);
}

/** Every order confirmation, newest first (by the day placed, then by the order they were stored). */
export function orderHistory(world: World): Order[] {
  return world.orders
    .map((order, index) => ({ order, index }))
    .sort((a, b) => compareDates(b.order.placedOn, a.order.placedOn) || b.index - a.index)
    .map((x) => x.order);
}

/**
 * Whether one more user can be activated today: `person` (by id: deactivated, to be
 * reactivated) or, without one, a user active from today on. B5: only with a free
 * license today and on every later day (licenses scheduled for removal count from the
 * day they go); otherwise `quote` prices the license to buy first and `shortOn` is the
 * first day without one. Models without licenses: always (`licensed: false`,
 * `freeLicenses: 0`). `freeLicenses` is today's.
 */
export function canActivate(
  world: World,
  person?: Person,
): {
  ok: boolean;
  licensed: boolean;
  freeLicenses: number;
  shortOn?: IsoDate;
  quote?: AddLicensesQuote;
} {
  if (!isLicensed(world)) return { ok: true, licensed: false, freeLicenses: 0 };
  const today = world.today;
  const free = Math.max(0, licenseCountOn(world, today) - activeUserCount(world, today));
  const before = fewestFreeLicenses(world).free;
  const after = fewestFreeLicenses(withActivated(world, person)).free;
  if (after >= 0 || after >= before) return { ok: true, licensed: true, freeLicenses: free };
  const shortOn = licenseCoverage(withActivated(world, person)).find((c) => c.licenses - c.activeUsers < 0)?.on;
  const out = { ok: false, licensed: true, freeLicenses: free, quote: quoteAddLicenses(world, 1) };
  return shortOn === undefined ? out : { ...out, shortOn };
}

/** `world` with `person` active from its start on (no deactivation), or with one more user active from today. */
function withActivated(world: World, person: Person | undefined): World {
  if (person) {
    const revived: Person = { ...person };
    delete revived.deactivatedOn;
    return { ...world, people: world.people.map((p) => (p.id === person.id ? revived : p)) };
  }
  const extra: Person = {
    id: '\u0000new',
    name: 'new',
    email: 'new@example.com',
    role: 'member',
    directories: ['people'],
    billingStart: world.today,
  };
  return { ...world, people: [...world.people, extra] };
}

// ---------------------------------------------------------------------------------------

function licenseTerms(world: World): { initialCount: number; periodMonths: number } {
  const terms = world.subscription.licenses;
  if (!terms) throw new WorldError('subscription.licenses', 'This subscription has no prepaid licenses.');
  return terms;
}

function requireLicensed(world: World, field: string): void {
  if (!isLicensed(world)) {
    throw new RuleError(
      field,
      'not-prepaid-licenses',
      'This subscription is billed by its users, not by prepaid licenses: there are no licenses or periods to change.',
    );
  }
  licenseTerms(world);
}

function countLicenses(world: World, addIn: (o: Order) => boolean, removeIn: (o: Order) => boolean): number {
  const terms = licenseTerms(world);
  if (!Number.isSafeInteger(terms.initialCount) || terms.initialCount < 0) {
    throw new WorldError(
      'subscription.licenses.initialCount',
      'The initial license count must be a whole number, 0 or more.',
    );
  }
  let count = terms.initialCount;
  for (const o of licenseOrders(world)) {
    if (o.kind === 'add-licenses' && addIn(o)) count += o.quantity as number;
    if (o.kind === 'remove-licenses' && removeIn(o)) count -= o.quantity as number;
  }
  return count;
}

/** License orders by effective date (stable), each with a whole quantity. */
function licenseOrders(world: World): Order[] {
  const out: { order: Order; index: number }[] = [];
  world.orders.forEach((o, i) => {
    if (o.kind !== 'add-licenses' && o.kind !== 'remove-licenses') return;
    if (typeof o.quantity !== 'number' || !Number.isSafeInteger(o.quantity) || o.quantity < 0) {
      throw new WorldError(`orders[${i}].quantity`, `Order ${o.id} must name a whole number of licenses.`);
    }
    out.push({ order: o, index: i });
  });
  out.sort((a, b) => compareDates(a.order.effectiveOn, b.order.effectiveOn) || a.index - b.index);
  return out.map((x) => x.order);
}

/** The most licenses held on any day from `from` on. */
function mostLicensesFrom(world: World, from: IsoDate): number {
  let count = licenseTerms(world).initialCount;
  let most = -Infinity;
  const orders = licenseOrders(world);
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i] as Order;
    count += o.kind === 'add-licenses' ? (o.quantity as number) : -(o.quantity as number);
    if (o.effectiveOn >= from && orders[i + 1]?.effectiveOn !== o.effectiveOn) most = Math.max(most, count);
  }
  return Math.max(most, licenseCountOn(world, from));
}

/** Orders of one kind, by effective date (stable: later in the list wins on the same day). */
function ordersOfKind(world: World, kind: OrderKind): { order: Order; index: number }[] {
  return world.orders
    .map((order, index) => ({ order, index }))
    .filter((x) => x.order.kind === kind)
    .sort((a, b) => compareDates(a.order.effectiveOn, b.order.effectiveOn) || a.index - b.index);
}

function checkPeriodMonths(months: unknown, field: string): void {
  if (typeof months !== 'number' || !Number.isInteger(months) || months < 1 || months > MAX_PERIOD_MONTHS) {
    throw new WorldError(field, `A billing period must be a whole number of months from 1 to ${MAX_PERIOD_MONTHS}.`);
  }
}

function checkQuantity(quantity: unknown): asserts quantity is number {
  if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 1 || quantity > LIMITS.licenses) {
    throw new RuleError(
      'quantity',
      'invalid-quantity',
      `Enter a whole number of licenses from 1 to ${LIMITS.licenses.toLocaleString('en-US')}.`,
    );
  }
}

function findReplay(
  world: World,
  request: OrderRequest,
  kind: OrderKind,
  fields: Pick<Order, 'quantity' | 'planId' | 'periodMonths'>,
): Order | undefined {
  const key = request.idempotencyKey;
  if (key === undefined || key === '') return undefined;
  const earlier = world.orders.find((o) => o.idempotencyKey === key);
  if (!earlier) return undefined;
  const same =
    earlier.kind === kind && (Object.keys(fields) as (keyof typeof fields)[]).every((k) => earlier[k] === fields[k]);
  if (!same) {
    throw new RuleError(
      'idempotencyKey',
      'key-reused',
      `This request key was already used for a different order (${earlier.id}); send a new key for a new order.`,
    );
  }
  return earlier;
}

function makeOrder(
  world: World,
  request: OrderRequest,
  fields: Pick<Order, 'kind' | 'effectiveOn' | 'quantity' | 'planId' | 'periodMonths' | 'amount'>,
): Order {
  const used = new Set(world.orders.map((o) => o.id));
  let id = request.id;
  if (id !== undefined && used.has(id)) throw new RuleError('id', 'duplicate-id', `There is already an order ${id}.`);
  for (let n = world.orders.length + 1; id === undefined; n++) if (!used.has(`ord-${n}`)) id = `ord-${n}`;
  const order: Order = { id, kind: fields.kind, placedOn: world.today, effectiveOn: fields.effectiveOn };
  if (fields.quantity !== undefined) order.quantity = fields.quantity;
  if (fields.planId !== undefined) order.planId = fields.planId;
  if (fields.periodMonths !== undefined) order.periodMonths = fields.periodMonths;
  if (fields.amount !== undefined) order.amount = fields.amount;
  if (request.idempotencyKey !== undefined && request.idempotencyKey !== '')
    order.idempotencyKey = request.idempotencyKey;
  if (request.placedBy !== undefined) order.placedBy = request.placedBy;
  return order;
}
