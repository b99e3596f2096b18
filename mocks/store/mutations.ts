/**
 * The changes the store makes to a world, as data ({@link Mutation}: what is logged,
 * persisted and replayed) and as pure functions ({@link applyMutation}: a world and a
 * mutation in, the next world and the answer out). Nothing here holds state: the same
 * world and mutation always give the same result, which is what makes replaying the log
 * exact.
 *
 * Every new world has the invoices that have fallen due appended (`dueInvoices`), so the
 * ledger is up to date before the next rule runs (license additions in particular number
 * their invoice after the due ones). A refusal throws a {@link StoreError} (or the
 * engine's error); the world given is never changed.
 */
import { addMonths, monthOf } from '../engine/dates.js';
import { checkBillingDetails, normaliseBillingDetails } from '../engine/details.js';
import type { BillingDetailsInput } from '../engine/details.js';
import { WorldError } from '../engine/errors.js';
import { dueInvoices } from '../engine/invoices.js';
import { RuleError } from '../engine/errors.js';
import {
  addLicenses,
  canActivate,
  cancelScheduledChange,
  changePeriod,
  changePlan,
  isLicensed,
  removeLicenses,
  requireLicenseCoverage,
} from '../engine/licenses.js';
import { chargeOnIssue, settleBalance } from '../engine/payments.js';
import type { IsoDate, Person, World } from '../engine/types.js';
import type {
  ApiBillingDetails,
  ApiLicenseOrderResult,
  ApiOrder,
  ApiPaymentMethod,
  ApiSettleResult,
  ApiUserChange,
} from './contract.js';
import { fieldError, fromRuleError, invalid, rules, StoreError, worldErrors } from './errors.js';
import { personIndex, userRow } from './users.js';
import {
  balanceView,
  detailsVersion,
  detailsView,
  EMPTY_DETAILS,
  invoiceView,
  orderView,
  paymentMethodView,
  paymentView,
  quoteView,
} from './views.js';

/**
 * The versions of the billing details a save may replace: one or more versions, or `'*'`
 * for whatever is current. A save is refused as stale unless the current version is one
 * of them.
 */
export type VersionMatch = '*' | readonly number[];

/**
 * A change to the world, as logged for persistence and replayed on load. `key` is the
 * caller's request key: orders carry it (the engine answers a repeated key with the first
 * order), and the log keeps it so a repeated request can be answered again.
 */
export type Mutation =
  | { op: 'set-today'; today: IsoDate }
  | { op: 'put-details'; input: BillingDetailsInput; basedOn: VersionMatch }
  | { op: 'order-licenses'; kind: 'add' | 'remove'; quantity: number; key: string }
  | { op: 'schedule-change'; change: ChangeInput; key?: string }
  | { op: 'cancel-change'; orderId: string; key?: string }
  | { op: 'settle'; key?: string }
  | { op: 'deactivate'; userId: string; removeLicense: boolean; key?: string }
  | { op: 'reactivate'; userId: string; buyLicense: boolean; key?: string }
  | { op: 'swap-card' };

/** An edition or billing-period change request. */
export type ChangeInput = { kind: 'change-plan'; planId: string } | { kind: 'change-period'; periodMonths: number };

/** What a change answers. */
export interface MutationResult<T> {
  /** What the change made or found, as the API shows it. */
  body: T;
  /** True when it made something new (an order). */
  created: boolean;
  /** True when the request key was seen before: nothing new was done, `body` is the first answer. */
  replayed: boolean;
}

/** A change request with its fields in one order (how it is logged and compared). */
export function canonicalChange(change: ChangeInput): ChangeInput {
  return change.kind === 'change-plan'
    ? { kind: 'change-plan', planId: change.planId }
    : { kind: 'change-period', periodMonths: change.periodMonths };
}

/** `world` with the invoices that have fallen due appended (the same object when none are due). */
export function withDueInvoices(world: World): World {
  const due = dueInvoices(world);
  return due.length === 0 ? world : { ...world, invoices: [...world.invoices, ...due] };
}

/** The next world and the answer of a change. */
export interface Applied<T = unknown> {
  world: World;
  result: MutationResult<T>;
}

function done<T>(world: World, body: T, created = false): Applied<T> {
  return { world, result: { body, created, replayed: false } };
}

/**
 * Applies a mutation to `world`. A world the engine cannot run at the new state (a
 * `WorldError`, e.g. a clock moved to a day its data cannot be billed on) is refused as
 * `invalid-world` naming the field.
 */
export function applyMutation(world: World, m: Mutation): Applied {
  try {
    return applyOp(world, m);
  } catch (e) {
    if (e instanceof WorldError) throw worldErrors([e]);
    throw e;
  }
}

function applyOp(world: World, m: Mutation): Applied {
  switch (m.op) {
    case 'set-today':
      return applyToday(world, m.today);
    case 'put-details':
      return applyDetails(world, m.input, m.basedOn);
    case 'order-licenses':
      return applyOrder(world, m.kind, m.quantity, m.key);
    case 'schedule-change':
      return applyChange(world, m.change, m.key);
    case 'cancel-change':
      return applyCancel(world, m.orderId);
    case 'settle':
      return applySettle(world);
    case 'deactivate':
      return applyDeactivate(world, m.userId, m.removeLicense, m.key);
    case 'reactivate':
      return applyReactivate(world, m.userId, m.buyLicense, m.key);
    case 'swap-card':
      return applySwapCard(world);
  }
}

/** Refuses a prepaid-license action on a subscription billed by its users (`conflict`). */
export function requireLicensed(world: World): void {
  if (!isLicensed(world)) {
    throw new StoreError(
      'conflict',
      'not-licensed',
      'This subscription is billed by its users, not by prepaid licenses: there are no licenses to change.',
    );
  }
}

function applyToday(world: World, today: IsoDate): Applied<null> {
  let latest = '';
  for (const i of world.invoices) if (i.issuedOn > latest) latest = i.issuedOn;
  for (const o of world.orders) if (o.placedOn > latest) latest = o.placedOn;
  for (const p of world.payments) if (p.on > latest) latest = p.on;
  if (today < latest) {
    throw invalid(
      'today',
      'before-ledger',
      `The clock cannot go back before ${latest}: invoices, orders or payments are dated then. Load the world again instead.`,
    );
  }
  // The invoices falling due on the way are issued, then charged on their issue day
  // with the payment method on file (declines recorded: payment failed, then past due).
  const moved = withDueInvoices({ ...world, today });
  const issued = moved.invoices.slice(world.invoices.length).filter((i) => i.issuedOn > world.today);
  const charges = chargeOnIssue(moved, issued);
  return done(charges.length > 0 ? { ...moved, payments: [...moved.payments, ...charges] } : moved, null);
}

function applyDetails(world: World, input: BillingDetailsInput, basedOn: VersionMatch): Applied<ApiBillingDetails> {
  if (basedOn !== '*' && !basedOn.includes(detailsVersion(world))) {
    throw new StoreError('stale', 'stale-version', 'Someone saved these billing details since you loaded them.', {
      extra: { current: detailsView(world) },
    });
  }
  const today = world.today;
  const people = new Map<string, Person>();
  for (const p of world.people) if (p.deletedOn === undefined || p.deletedOn > today) people.set(p.id, p);
  const issues = checkBillingDetails(input, new Set(people.keys()));
  if (issues.length > 0) {
    throw new StoreError('rule', 'invalid-details', 'Some billing details need fixing.', { errors: issues });
  }
  const clean = normaliseBillingDetails(input);
  const previous = world.billingDetails ?? EMPTY_DETAILS;
  const record: NonNullable<World['billingDetails']> = {
    recipients: clean.recipients,
    address: clean.address,
    eInvoicing: clean.eInvoicing,
    version: previous.version + 1,
  };
  if (clean.contact) {
    const person = clean.contact.personId !== undefined ? people.get(clean.contact.personId) : undefined;
    record.contact = person ? { personId: person.id, name: person.name, email: person.email } : clean.contact;
  }
  if (previous.companyManagedAt !== undefined) record.companyManagedAt = previous.companyManagedAt;
  const subscription = { ...world.subscription };
  if (clean.poNumber !== undefined) subscription.poNumber = clean.poNumber;
  else delete subscription.poNumber;
  const next = withDueInvoices({ ...world, billingDetails: record, subscription });
  return done(next, detailsView(next));
}

function applyOrder(world: World, kind: 'add' | 'remove', quantity: number, key: string): Applied {
  requireLicensed(world);
  if (kind === 'add') {
    const r = rules(() => addLicenses(world, { quantity, idempotencyKey: key }));
    const body = (w: World): ApiLicenseOrderResult => ({
      order: orderView(r.order),
      invoice: invoiceView(w, r.invoice),
    });
    if (r.replayed) return { world, result: { body: body(world), created: false, replayed: true } };
    const next = withDueInvoices({
      ...world,
      orders: [...world.orders, r.order],
      invoices: [...world.invoices, r.invoice],
    });
    return done(next, body(next), true);
  }
  const r = rules(() => removeLicenses(world, { quantity, idempotencyKey: key }));
  const body: ApiLicenseOrderResult = { order: orderView(r.order) };
  if (r.replayed) return { world, result: { body, created: false, replayed: true } };
  const changed: World = { ...world, orders: [...world.orders, r.order] };
  rules(() => requireLicenseCoverage(world, changed, 'quantity'));
  return done(withDueInvoices(changed), body, true);
}

function applyChange(world: World, change: ChangeInput, key: string | undefined): Applied<ApiOrder> {
  const request = key ? { idempotencyKey: key } : {};
  const r = rules(() =>
    change.kind === 'change-plan'
      ? changePlan(world, { ...request, planId: change.planId })
      : changePeriod(world, { ...request, periodMonths: change.periodMonths }),
  );
  if (r.replayed) return { world, result: { body: orderView(r.order), created: false, replayed: true } };
  return done(withDueInvoices({ ...world, orders: [...world.orders, r.order] }), orderView(r.order), true);
}

/**
 * Cancels a scheduled change: an unknown order is `not-found` (`unknown-order`), one in
 * effect or billed a `conflict` (`already-effective` with its `date`, `order-invoiced`),
 * the rules' other refusals `rule`. Answers the cancelled order.
 */
function applyCancel(world: World, orderId: string): Applied<ApiOrder> {
  let r: ReturnType<typeof cancelScheduledChange>;
  try {
    r = cancelScheduledChange(world, orderId);
  } catch (e) {
    if (e instanceof RuleError && e.code === 'unknown-order') throw new StoreError('not-found', e.code, e.reason);
    if (e instanceof RuleError && (e.code === 'already-effective' || e.code === 'order-invoiced')) {
      throw new StoreError('conflict', e.code, e.reason, e.params ? { params: e.params } : {});
    }
    if (e instanceof RuleError) throw fromRuleError(e);
    throw e;
  }
  const changed: World = { ...world, orders: r.orders };
  rules(() => requireLicenseCoverage(world, changed, 'orderId'));
  return done(withDueInvoices(changed), orderView(r.order));
}

function applySettle(world: World): Applied<ApiSettleResult> {
  const r = settleBalance(world);
  const next =
    r.payments.length > 0 ? withDueInvoices({ ...world, payments: [...world.payments, ...r.payments] }) : world;
  const body: ApiSettleResult = {
    outcome: r.outcome,
    payments: r.payments.map(paymentView),
    balance: balanceView(next),
  };
  if (r.reason !== undefined) body.reason = r.reason;
  return done(next, body);
}

/** The index of a listed (not deleted) person, or a not-found refusal. */
function personAt(world: World, userId: string): number {
  const i = personIndex(world, userId);
  const p = i === undefined ? undefined : world.people[i];
  if (i === undefined || !p || (p.deletedOn !== undefined && p.deletedOn <= world.today)) {
    throw new StoreError('not-found', 'unknown-user', `There is no user ${userId}.`);
  }
  return i;
}

function withPerson(world: World, i: number, person: Person): World {
  const people = world.people.slice();
  people[i] = person;
  return { ...world, people };
}

function applyDeactivate(
  world: World,
  userId: string,
  removeLicense: boolean,
  key: string | undefined,
): Applied<ApiUserChange> {
  const i = personAt(world, userId);
  const person = world.people[i] as Person;
  // The first day not active: today, or the start day of someone who has not started
  // yet (deactivated on their start day: never active).
  const from = person.billingStart > world.today ? person.billingStart : world.today;
  if (person.deactivatedOn !== undefined && person.deactivatedOn <= from) {
    throw new StoreError('conflict', 'already-deactivated', `${person.name} is already deactivated.`);
  }
  if (removeLicense) requireLicensed(world);
  let next = withPerson(world, i, { ...person, deactivatedOn: from });
  let order: ApiOrder | undefined;
  if (removeLicense) {
    const deactivated = next;
    const r = rules(() => removeLicenses(deactivated, { quantity: 1, ...(key ? { idempotencyKey: key } : {}) }));
    order = orderView(r.order);
    if (!r.replayed) next = { ...next, orders: [...next.orders, r.order] };
  }
  const changed = next;
  rules(() => requireLicenseCoverage(world, changed, 'removeLicense'));
  next = withDueInvoices(next);
  const body: ApiUserChange = { user: userRow(next, i) };
  if (order) body.order = order;
  return done(next, body);
}

function applyReactivate(
  world: World,
  userId: string,
  buyLicense: boolean,
  key: string | undefined,
): Applied<ApiUserChange> {
  const i = personAt(world, userId);
  const person = world.people[i] as Person;
  if (person.deactivatedOn === undefined) {
    throw new StoreError('conflict', 'already-active', `${person.name} is active.`);
  }
  let next: World = world;
  let body: Omit<ApiUserChange, 'user'> = {};
  // A license today and on every later day: removals already scheduled count from the
  // day they take effect (a deactivation scheduled after today is cancelled, so the
  // person then needs a license from that day on).
  if (isLicensed(world)) {
    const can = canActivate(world, person);
    if (!can.ok) {
      if (!buyLicense) {
        const when =
          can.freeLicenses > 0 && can.shortOn ? ` from ${can.shortOn} (licenses are scheduled for removal)` : '';
        const message = `There is no free license for ${person.name}${when}: buy one to reactivate them.`;
        // The day the person would start needing a license they do not have.
        const params = { date: can.freeLicenses > 0 && can.shortOn ? can.shortOn : world.today };
        throw new StoreError('rule', 'license-required', message, {
          errors: [fieldError('buyLicense', 'license-required', message, params)],
          params,
          extra: can.quote ? { quote: quoteView(world, can.quote) } : {},
        });
      }
      const r = rules(() => addLicenses(world, { quantity: 1, ...(key ? { idempotencyKey: key } : {}) }));
      if (!r.replayed)
        next = { ...world, orders: [...world.orders, r.order], invoices: [...world.invoices, r.invoice] };
      body = { order: orderView(r.order), invoice: invoiceView(next, r.invoice) };
    }
  }
  const revived: Person = { ...person };
  delete revived.deactivatedOn;
  const changed = withPerson(next, i, revived);
  rules(() => requireLicenseCoverage(world, changed, 'buyLicense'));
  next = withDueInvoices(changed);
  return done(next, { user: userRow(next, i), ...body });
}

function applySwapCard(world: World): Applied<ApiPaymentMethod> {
  const next = withDueInvoices({
    ...world,
    paymentMethod: { kind: 'card', brand: 'visa', last4: '4242', expires: addMonths(monthOf(world.today), 36) },
  });
  return done(next, paymentMethodView(next) as ApiPaymentMethod);
}
