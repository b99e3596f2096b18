/**
 * The orders that change a subscription (for every model: edition changes are orders
 * too): what adding licenses costs, adding and removing them, changing the edition or the
 * billing period, replays, the scheduled changes and the history; and whether one more
 * user can be activated without buying a license first. The periods and the license
 * count they rest on are in `license-periods.ts`.
 *
 * Readings of the rules (shared/billing-rules.md, "B5 Prepaid licenses"):
 * - Adding licenses is effective at once and billed for the rest of the period:
 *   `added × unitPrice × p × daysRemaining / daysInPeriod`, rounded half-up once, where
 *   `daysRemaining` counts the effective date through the period's last day.
 * - Removing licenses, changing the edition and changing the billing period take effect
 *   at the next period start (B5) or the next month's 1st (B1–B4, where there is no
 *   period); nothing is credited. A removal is refused when, on any day from the next
 *   period on (with the changes already scheduled), fewer licenses than active users
 *   would be left.
 * - The license count stays within `LIMITS.licenses` on every day.
 * - An edition change must keep the way of billing: licenses stay licenses, per-user
 *   plans stay per-user plans (switching between them is a new contract, not an order).
 * - Every request may carry an idempotency key: a replay returns the first order (and,
 *   for additions, its invoice) and creates nothing; the same key for a different
 *   request is refused.
 * - Order ids come from the caller (`id`) or are `ord-N` (N = number of orders + 1, the
 *   next free one): no randomness.
 */
import { plural } from './text.js';
import { addDays, addMonths, compareDates, daysBetween, firstDayOfMonth, isIsoDate, monthOf } from './dates.js';
import { RuleError, WorldError } from './errors.js';
import {
  activeUserCount,
  fewestFreeLicenses,
  licenseCoverage,
  MAX_PERIOD_MONTHS,
  periodAt,
} from './license-periods.js';
import { isLicensed, licenseCountOn, mostLicensesFrom, requireLicensed } from './license-terms.js';
import { LIMITS } from './limits.js';
import { prorate } from './money.js';
import { InvoiceIssuer } from './payments.js';
import type { InvoiceDraft } from './payments.js';
import type { Invoice, IsoDate, Order, OrderKind, Person, World } from './types.js';
import { planOn } from './usage.js';

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
      { date: world.subscription.startedOn },
    );
  }
  const most = mostLicensesFrom(world, effectiveOn);
  if (most + quantity > LIMITS.licenses) {
    const canAdd = Math.max(0, LIMITS.licenses - most);
    throw new RuleError(
      'quantity',
      'too-many-licenses',
      `A subscription holds at most ${LIMITS.licenses.toLocaleString('en-US')} licenses; ` +
        `you can add at most ${canAdd.toLocaleString('en-US')}.`,
      { licenses: LIMITS.licenses, max: canAdd },
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
 * added × p license-months at the unit price, times daysRemaining / daysInPeriod, worded
 * from its params ("2 licenses × €20.00 × 6 months × 91/181 days": plan, licenses,
 * months, days of periodDays) and its dates (effective date through the period's end).
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
        params: {
          plan: plan.name,
          licenses: quantity,
          months: quote.periodMonths,
          days: quote.daysRemaining,
          periodDays: quote.daysInPeriod,
        },
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
      { count: active, licenses: Math.max(0, after), date: now ? effectiveOn : worst.on, max: most },
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
      { value: String(request.planId).slice(0, 320) },
    );
  const effectiveOn = nextChangeDate(world);
  const then = planOn(world, effectiveOn);
  if (then.id === plan.id) {
    throw new RuleError('planId', 'same-plan', `You are already on ${plan.name} from ${effectiveOn}.`, {
      plan: plan.name,
      date: effectiveOn,
    });
  }
  const licensedNow = planOn(world, world.today).model === 'prepaid-licenses';
  if ((plan.model === 'prepaid-licenses') !== licensedNow) {
    throw new RuleError(
      'planId',
      'different-billing-model',
      `${plan.name} is billed ${licensedNow ? 'per user' : 'by prepaid licenses'}; ` +
        'you can only change to an edition billed the same way. Contact sales to switch.',
      { plan: plan.name, model: plan.model },
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
      { max: MAX_PERIOD_MONTHS },
    );
  }
  const effectiveOn = nextChangeDate(world);
  const next = periodAt(world, effectiveOn);
  if (next.months === months) {
    throw new RuleError(
      'periodMonths',
      'same-period',
      `The period from ${effectiveOn} is already ${plural(months, 'month')}.`,
      { months, date: effectiveOn },
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

/**
 * The most licenses one removal may take away today: removed from the next period start,
 * every day from then on (with the changes already scheduled and the people starting or
 * leaving later) keeps a license per active user. What `removeLicenses` refuses above
 * (`below-active-users`, whose `max` it is); 0 when none can go.
 */
export function removableLicenses(world: World): number {
  requireLicensed(world, 'quantity');
  return Math.max(0, fewestFreeLicenses(world, nextChangeDate(world)).free);
}

/** What cancelling a scheduled change leaves: the orders without it, and what went. */
export interface CancelledChange {
  /** The order cancelled, as it was. */
  order: Order;
  /** Later scheduled changes of the same kind that would then change nothing, withdrawn with it. */
  withdrawn: Order[];
  /** `world.orders` without them (the rest in their order). */
  orders: Order[];
}

/**
 * Cancels a scheduled change (an order effective after today): it is removed from the
 * future, as if never placed. Readings:
 * - Only what has not taken effect can be cancelled: an order effective today or earlier
 *   is refused (`already-effective`, with its `date`); an order with its own invoice
 *   (an addition, billed at once) is refused (`order-invoiced`); an unknown id is
 *   `unknown-order`.
 * - A cancelled license removal means the licenses stay (nothing is billed or credited:
 *   the next period's invoice bills what is held then); a cancelled edition or period
 *   change means the one in force stays.
 * - A later scheduled change of the same kind that would then change nothing (an edition
 *   change back to the edition in force, say) is withdrawn with it: a scheduled change
 *   always changes something, as when it was placed (`same-plan`, `same-period`).
 * - The license count stays within `LIMITS.licenses` on every day.
 *
 * @throws RuleError `unknown-order`, `already-effective` or `order-invoiced` (field `orderId`),
 *   `too-many-licenses` (field `orderId`).
 */
export function cancelScheduledChange(world: World, orderId: string): CancelledChange {
  const order = world.orders.find((o) => o.id === orderId);
  if (!order) {
    throw new RuleError('orderId', 'unknown-order', `There is no order ${JSON.stringify(orderId)} to cancel.`);
  }
  if (order.effectiveOn <= world.today) {
    throw new RuleError(
      'orderId',
      'already-effective',
      `Order ${order.id} took effect on ${order.effectiveOn}; only a change that has not taken effect can be cancelled.`,
      { date: order.effectiveOn },
    );
  }
  if (world.invoices.some((i) => i.orderId === order.id)) {
    throw new RuleError(
      'orderId',
      'order-invoiced',
      `Order ${order.id} was billed by its own invoice; it cannot be cancelled.`,
    );
  }
  const rest = world.orders.filter((o) => o !== order);
  const withdrawn =
    order.kind === 'change-plan' || order.kind === 'change-period' ? noOpChanges(world, rest, order.kind) : [];
  const orders = withdrawn.length === 0 ? rest : rest.filter((o) => !withdrawn.includes(o));
  if (isLicensed(world) && (order.kind === 'remove-licenses' || order.kind === 'add-licenses')) {
    const most = mostLicensesFrom({ ...world, orders }, world.today);
    if (most > LIMITS.licenses) {
      throw new RuleError(
        'orderId',
        'too-many-licenses',
        `Without order ${order.id} the subscription would hold ${most.toLocaleString('en-US')} licenses, ` +
          `more than the ${LIMITS.licenses.toLocaleString('en-US')} allowed.`,
        { licenses: LIMITS.licenses, max: LIMITS.licenses },
      );
    }
  }
  return { order, withdrawn, orders };
}

/**
 * The scheduled orders of `kind` (in `orders`) that change nothing: each compared with
 * the edition or period length in force before it (the latest such order effective
 * earlier, or on the same day earlier in the list; else the subscription's own).
 */
function noOpChanges(world: World, orders: Order[], kind: 'change-plan' | 'change-period'): Order[] {
  const value = (o: Order): unknown => (kind === 'change-plan' ? o.planId : o.periodMonths);
  let current: unknown = kind === 'change-plan' ? world.subscription.planId : world.subscription.licenses?.periodMonths;
  const out: Order[] = [];
  const ofKind = orders
    .map((order, index) => ({ order, index }))
    .filter((x) => x.order.kind === kind)
    .sort((a, b) => compareDates(a.order.effectiveOn, b.order.effectiveOn) || a.index - b.index);
  for (const { order } of ofKind) {
    if (order.effectiveOn > world.today && value(order) === current) out.push(order);
    else current = value(order);
  }
  return out;
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

function checkQuantity(quantity: unknown): asserts quantity is number {
  if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 1 || quantity > LIMITS.licenses) {
    throw new RuleError(
      'quantity',
      'invalid-quantity',
      `Enter a whole number of licenses from 1 to ${LIMITS.licenses.toLocaleString('en-US')}.`,
      { max: LIMITS.licenses },
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
