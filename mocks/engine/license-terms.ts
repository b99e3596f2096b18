/**
 * The license terms and count of a B5 subscription, as the license reading
 * (`license-periods.ts`) and the orders (`orders.ts`) both need them: the terms, the
 * license orders in effect order, the count on a day, and the checks an order starts with.
 *
 * Private to the engine: the engine index does not re-export this module; `licenses.ts`
 * re-exports {@link isLicensed} and {@link licenseCountOn}, the two public names.
 */
import { compareDates } from './dates.js';
import { RuleError, WorldError } from './errors.js';
import type { IsoDate, Order, World } from './types.js';
import { planOn } from './usage.js';

/** True when the plan in force today is billed by prepaid licenses (B5). */
export function isLicensed(world: World): boolean {
  return planOn(world, world.today).model === 'prepaid-licenses';
}

/** Licenses held on `day`: the initial count plus additions minus removals effective on or before it. */
export function licenseCountOn(world: World, day: IsoDate): number {
  return countLicenses(
    world,
    (o) => o.effectiveOn <= day,
    (o) => o.effectiveOn <= day,
  );
}

/** The license terms of the subscription; a `WorldError` when it has none. */
export function licenseTerms(world: World): { initialCount: number; periodMonths: number } {
  const terms = world.subscription.licenses;
  if (!terms) throw new WorldError('subscription.licenses', 'This subscription has no prepaid licenses.');
  return terms;
}

/** Refuses (`not-prepaid-licenses`, naming `field`) a subscription not billed by prepaid licenses. */
export function requireLicensed(world: World, field: string): void {
  if (!isLicensed(world)) {
    throw new RuleError(
      field,
      'not-prepaid-licenses',
      'This subscription is billed by its users, not by prepaid licenses: there are no licenses or periods to change.',
    );
  }
  licenseTerms(world);
}

/** The initial count plus the additions for which `addIn` holds, minus the removals for which `removeIn` holds. */
export function countLicenses(world: World, addIn: (o: Order) => boolean, removeIn: (o: Order) => boolean): number {
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
export function licenseOrders(world: World): Order[] {
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
export function mostLicensesFrom(world: World, from: IsoDate): number {
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
