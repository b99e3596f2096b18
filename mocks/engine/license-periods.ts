/**
 * B5, prepaid licenses (Severa; Microsoft 365 style): the periods, the license count and
 * its coverage of the active users. The orders that change them are in `orders.ts`.
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
 * - Licenses ≥ active users, today and on every later day: every change of licenses or
 *   active users is checked against the whole timeline from today
 *   ({@link licenseCoverage}), so reactivating someone while removals are scheduled
 *   needs a license for the next period too (`canActivate` in `orders.ts`,
 *   {@link requireLicenseCoverage}).
 * - The license count stays within {@link LIMITS.licenses} on every day.
 * - Free licenses = licenses − active users, shown as 0 if users outnumber licenses.
 */
import { plural } from './text.js';
import { addDays, addMonthsToDate, compareDates, isIsoDate } from './dates.js';
import { RuleError, WorldError } from './errors.js';
import {
  countLicenses,
  isLicensed,
  licenseCountOn,
  licenseOrders,
  licenseTerms,
  requireLicensed,
} from './license-terms.js';
import { LIMITS } from './limits.js';
import type { IsoDate, Order, OrderKind, Plan, World } from './types.js';
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
 * @throws RuleError `below-active-users` naming `field`, with `count` (active users),
 *   `licenses` (held then) and `date` (the first such day).
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
    { count: worst.activeUsers, licenses: Math.max(0, worst.licenses), date: worst.on },
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

// ---------------------------------------------------------------------------------------

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
