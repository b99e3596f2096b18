/**
 * World validation: the gate every world passes before the engine reads it.
 *
 * A world is plain JSON written by QA, kept by the mock store or made by the generator,
 * so nothing about it is trusted. {@link validateWorld} returns the same object typed as
 * a `World` when it makes sense and otherwise throws a {@link WorldError} naming the
 * first offending field by path (`people[3].deactivatedOn`). {@link validateWorldAll}
 * lists every problem instead, for the control endpoint.
 *
 * Every array element is checked (the engine never silently skips a record), in one
 * pass per array with `Set`s for ids, so a 100,000-person world with a year of activity
 * validates well under a second. Paths are only built for problems, never for valid
 * records, and valid date strings are memoised (a year of activity has ~365 distinct).
 */
import { isIsoDate, isTimeZone, isYearMonth } from './dates.js';
import { WorldError } from './errors.js';
import { isCurrency } from './money.js';
import type {
  ActivityKind,
  BillingModel,
  DirectoryName,
  InvoiceLineKind,
  OrderKind,
  PaymentMethod,
  Role,
  World,
} from './types.js';

/** The schema version this engine reads. */
export const SCHEMA_VERSION = 1;

const BILLING_MODELS: ReadonlySet<string> = new Set<BillingModel>([
  'peak-daily',
  'per-user',
  'full-month',
  'invited',
  'prepaid-licenses',
]);
const DIRECTORIES: ReadonlySet<string> = new Set<DirectoryName>([
  'wfm-employees',
  'account-users',
  'people',
  'workplace',
  'severa',
  'm365',
]);
const ROLES: ReadonlySet<string> = new Set<Role>(['admin', 'finance', 'member', 'guest']);
const ACTIVITY_KINDS: ReadonlySet<string> = new Set<ActivityKind>([
  'login',
  'web-visit',
  'mobile-visit',
  'admin-panel',
  'chat',
  'push-notification-view',
  'email-notification-view',
]);
const ORDER_KINDS: ReadonlySet<string> = new Set<OrderKind>([
  'add-licenses',
  'remove-licenses',
  'change-plan',
  'change-period',
]);
const LINE_KINDS: ReadonlySet<string> = new Set<InvoiceLineKind>([
  'base-fee',
  'user-count',
  'extra-users',
  'users',
  'licenses',
  'proration',
  'credit',
]);
const PAYMENT_OUTCOMES: ReadonlySet<string> = new Set(['succeeded', 'declined']);
const PAYMENT_METHOD_KINDS: ReadonlySet<string> = new Set<PaymentMethod['kind']>(['card', 'sepa-debit', 'invoice']);

import { isEmail } from './email.js';
import { checkBillingDetails } from './details.js';

export { EMAIL_RE, isEmail } from './email.js';

// ---------------------------------------------------------------------------------------
// Value checks: each returns why a value is wrong, or undefined when it is fine.
// ---------------------------------------------------------------------------------------

type Problem = string | undefined;
type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Valid dates seen so far: activity repeats a few hundred dates millions of times. */
const validDates = new Set<string>();

function dateProblem(v: unknown): Problem {
  if (typeof v === 'string' && validDates.has(v)) return undefined;
  if (!isIsoDate(v)) return 'must be a calendar date (YYYY-MM-DD)';
  if (validDates.size > 50_000) validDates.clear();
  validDates.add(v);
  return undefined;
}

function nonEmptyString(v: unknown): Problem {
  return typeof v === 'string' && v.trim() !== '' ? undefined : 'must be a non-empty string';
}

function stringProblem(v: unknown): Problem {
  return typeof v === 'string' ? undefined : 'must be a string';
}

function booleanProblem(v: unknown): Problem {
  return typeof v === 'boolean' ? undefined : 'must be true or false';
}

function numberKind(v: unknown): Problem {
  if (typeof v !== 'number') return 'must be a number';
  if (!Number.isFinite(v)) return 'must be a finite number';
  return undefined;
}

/** A safe integer (any sign): amounts in minor units. */
function integerProblem(v: unknown): Problem {
  return numberKind(v) ?? (Number.isSafeInteger(v) ? undefined : 'must be an integer');
}

function nonNegativeInteger(v: unknown): Problem {
  return integerProblem(v) ?? ((v as number) >= 0 ? undefined : 'must not be negative');
}

function positiveInteger(v: unknown): Problem {
  return integerProblem(v) ?? ((v as number) > 0 ? undefined : 'must be a positive integer');
}

function nonNegativeNumber(v: unknown): Problem {
  return numberKind(v) ?? ((v as number) >= 0 ? undefined : 'must not be negative');
}

function oneOf(set: ReadonlySet<string>, what: string): (v: unknown) => Problem {
  const list = [...set].map((s) => `'${s}'`).join(', ');
  return (v) =>
    typeof v === 'string' && set.has(v) ? undefined : `unknown ${what} ${show(v)} (expected one of ${list})`;
}

const modelProblem = oneOf(BILLING_MODELS, 'billing model');
const roleProblem = oneOf(ROLES, 'role');
const directoryProblem = oneOf(DIRECTORIES, 'directory');
const activityKindProblem = oneOf(ACTIVITY_KINDS, 'activity kind');
const orderKindProblem = oneOf(ORDER_KINDS, 'order kind');
const lineKindProblem = oneOf(LINE_KINDS, 'invoice line kind');
const outcomeProblem = oneOf(PAYMENT_OUTCOMES, 'payment outcome');
const paymentKindProblem = oneOf(PAYMENT_METHOD_KINDS, 'payment method kind');

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  return Array.isArray(v) ? 'an array' : `a ${typeof v}`;
}

// ---------------------------------------------------------------------------------------
// The collector.
// ---------------------------------------------------------------------------------------

/** Thrown inside the collector once it has as many problems as it was asked for. */
class Enough {}

class Collector {
  readonly errors: WorldError[] = [];
  constructor(private readonly limit: number) {}

  report(field: string, reason: string): void {
    this.errors.push(new WorldError(field, reason));
    if (this.errors.length >= this.limit) throw new Enough();
  }

  /** Checks `obj[key]` with `check`; reports `prefix.key` when it fails. True when fine. */
  field(obj: Obj, key: string, prefix: string, check: (v: unknown) => Problem): boolean {
    const problem = check(obj[key]);
    if (problem === undefined) return true;
    this.report(prefix === '' ? key : `${prefix}.${key}`, obj[key] === undefined ? 'is required' : problem);
    return false;
  }

  /** Like {@link field}, but an absent value (undefined) is fine. */
  optional(obj: Obj, key: string, prefix: string, check: (v: unknown) => Problem): boolean {
    if (obj[key] === undefined) return true;
    const problem = check(obj[key]);
    if (problem === undefined) return true;
    this.report(
      prefix === '' ? key : `${prefix}.${key}`,
      obj[key] === null ? `must be absent or a value (${problem})` : problem,
    );
    return false;
  }

  /** `obj[key]` as an array; reports and returns undefined when it is not one. */
  array(obj: Obj, key: string): unknown[] | undefined {
    const v = obj[key];
    if (Array.isArray(v)) return v;
    this.report(key, v === undefined ? 'is required (an array)' : 'must be an array');
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------
// Sections.
// ---------------------------------------------------------------------------------------

function checkTenant(c: Collector, world: Obj): string | undefined {
  const t = world['tenant'];
  if (!isObj(t)) {
    c.report('tenant', t === undefined ? 'is required' : 'must be an object');
    return undefined;
  }
  const p = 'tenant';
  c.field(t, 'id', p, nonEmptyString);
  c.field(t, 'name', p, nonEmptyString);
  c.optional(t, 'vatNumber', p, stringProblem);
  c.field(t, 'timeZone', p, (v) =>
    isTimeZone(v) ? undefined : `unknown time zone ${show(v)} (expected an IANA zone)`,
  );
  const currencyOk = c.field(t, 'currency', p, (v) =>
    isCurrency(v) ? undefined : `unknown currency ${show(v)} (expected an ISO 4217 code such as EUR)`,
  );
  c.field(t, 'paymentTermDays', p, nonNegativeInteger);
  c.field(
    t,
    'taxRate',
    p,
    (v) =>
      integerProblem(v) ?? ((v as number) >= 0 && (v as number) <= 10000 ? undefined : 'must be 0..10000 basis points'),
  );
  c.field(t, 'locale', p, localeProblem);
  return currencyOk ? (t['currency'] as string) : undefined;
}

function localeProblem(v: unknown): Problem {
  const p = nonEmptyString(v);
  if (p) return p;
  try {
    Intl.getCanonicalLocales(v as string);
    return undefined;
  } catch {
    return `not a BCP 47 locale: ${show(v)}`;
  }
}

interface SubscriptionFacts {
  planIds: Set<string>;
}

function checkSubscription(c: Collector, world: Obj): SubscriptionFacts {
  const planIds = new Set<string>();
  const s = world['subscription'];
  if (!isObj(s)) {
    c.report('subscription', s === undefined ? 'is required' : 'must be an object');
    return { planIds };
  }
  const p = 'subscription';
  const planModels = new Map<string, string>();
  const plans = s['plans'];
  if (!Array.isArray(plans)) {
    c.report('subscription.plans', plans === undefined ? 'is required (an array)' : 'must be an array');
  } else {
    if (plans.length === 0) c.report('subscription.plans', 'must list at least one plan');
    const firstIndex = new Map<string, number>();
    for (let i = 0; i < plans.length; i++) {
      const plan: unknown = plans[i];
      const pp = `subscription.plans[${i}]`;
      if (!isObj(plan)) {
        c.report(pp, 'must be an object');
        continue;
      }
      if (c.field(plan, 'id', pp, nonEmptyString)) {
        const id = plan['id'] as string;
        const seen = firstIndex.get(id);
        if (seen !== undefined) c.report(`${pp}.id`, `duplicate plan id ${show(id)} (also plans[${seen}])`);
        else firstIndex.set(id, i);
        planIds.add(id);
      }
      c.field(plan, 'name', pp, nonEmptyString);
      const modelOk = c.field(plan, 'model', pp, modelProblem);
      if (modelOk && typeof plan['id'] === 'string') planModels.set(plan['id'], plan['model'] as string);
      c.field(plan, 'unitPrice', pp, nonNegativeInteger);
      c.optional(plan, 'baseFee', pp, nonNegativeInteger);
      if (modelOk && plan['model'] === 'peak-daily') {
        if (plan['includedUsers'] === undefined) c.report(`${pp}.includedUsers`, 'is required for a peak-daily plan');
        else c.field(plan, 'includedUsers', pp, nonNegativeInteger);
      } else {
        c.optional(plan, 'includedUsers', pp, nonNegativeInteger);
      }
      c.optional(plan, 'requiresActivity', pp, booleanProblem);
      c.optional(plan, 'storageGb', pp, nonNegativeNumber);
    }
  }
  const planOk = c.field(s, 'planId', p, (v) => {
    const e = nonEmptyString(v);
    if (e) return e;
    return planIds.has(v as string) ? undefined : `unknown plan ${show(v)} (not in subscription.plans)`;
  });
  c.field(s, 'startedOn', p, dateProblem);
  const trial = s['trial'];
  if (trial !== undefined) {
    if (!isObj(trial)) c.report('subscription.trial', 'must be an object');
    else {
      c.field(trial, 'startedOn', 'subscription.trial', dateProblem);
      c.optional(trial, 'lengthDays', 'subscription.trial', positiveInteger);
    }
  }
  const licenses = s['licenses'];
  const prepaid = planOk && planModels.get(s['planId'] as string) === 'prepaid-licenses';
  if (licenses === undefined) {
    if (prepaid) c.report('subscription.licenses', 'is required for a prepaid-licenses plan');
  } else if (!isObj(licenses)) {
    c.report('subscription.licenses', 'must be an object');
  } else {
    c.field(licenses, 'initialCount', 'subscription.licenses', positiveInteger);
    c.field(licenses, 'periodMonths', 'subscription.licenses', positiveInteger);
  }
  c.optional(s, 'storageUsedGb', p, nonNegativeNumber);
  c.optional(s, 'poNumber', p, stringProblem);
  return { planIds };
}

function checkPeople(c: Collector, world: Obj): Set<string> {
  const ids = new Set<string>();
  const people = c.array(world, 'people');
  if (!people) return ids;
  const firstIndex = new Map<string, number>();
  for (let i = 0; i < people.length; i++) {
    const person: unknown = people[i];
    const p = `people[${i}]`;
    if (!isObj(person)) {
      c.report(p, 'must be an object');
      continue;
    }
    if (c.field(person, 'id', p, nonEmptyString)) {
      const id = person['id'] as string;
      const seen = firstIndex.get(id);
      if (seen !== undefined) c.report(`${p}.id`, `duplicate person id ${show(id)} (also people[${seen}])`);
      else firstIndex.set(id, i);
      ids.add(id);
    }
    c.field(person, 'name', p, nonEmptyString);
    c.field(person, 'email', p, (v) => (isEmail(v) ? undefined : `not a valid e-mail address: ${show(v)}`));
    c.field(person, 'role', p, roleProblem);
    const dirs = person['directories'];
    if (!Array.isArray(dirs)) {
      c.report(`${p}.directories`, dirs === undefined ? 'is required (at least one directory)' : 'must be an array');
    } else if (dirs.length === 0) {
      c.report(`${p}.directories`, 'must list at least one directory');
    } else {
      for (let j = 0; j < dirs.length; j++) {
        const d: unknown = dirs[j];
        const problem = directoryProblem(d);
        if (problem) c.report(`${p}.directories[${j}]`, problem);
        else if (dirs.indexOf(d) !== j) c.report(`${p}.directories[${j}]`, `directory ${show(d)} is listed twice`);
      }
    }
    const startOk = c.field(person, 'billingStart', p, dateProblem);
    const start = person['billingStart'] as string;
    c.optional(person, 'joinDate', p, dateProblem);
    c.optional(person, 'deactivatedOn', p, (v) => {
      const e = dateProblem(v);
      if (e) return e;
      return startOk && (v as string) <= start
        ? `end before start: deactivatedOn ${v as string} must be after billingStart ${start} (it is the first day not active)`
        : undefined;
    });
    c.optional(person, 'deletedOn', p, (v) => {
      const e = dateProblem(v);
      if (e) return e;
      return startOk && (v as string) < start
        ? `end before start: deletedOn ${v as string} is before billingStart ${start}`
        : undefined;
    });
    c.optional(person, 'guest', p, booleanProblem);
    const invitedOk = c.optional(person, 'invitedOn', p, dateProblem);
    const invited = person['invitedOn'];
    c.optional(person, 'claimedOn', p, (v) => {
      const e = dateProblem(v);
      if (e) return e;
      return invitedOk && typeof invited === 'string' && (v as string) < invited
        ? `claimedOn ${v as string} is before invitedOn ${invited}`
        : undefined;
    });
  }
  return ids;
}

function checkActivity(c: Collector, world: Obj, personIds: Set<string>): void {
  const activity = c.array(world, 'activity');
  if (!activity) return;
  // The hot loop of a large world: no path strings unless something is wrong, and the
  // last good date and kind are remembered (logs repeat them run after run).
  let lastOn: unknown = undefined;
  let lastKind: unknown = undefined;
  for (let i = 0; i < activity.length; i++) {
    const e: unknown = activity[i];
    if (typeof e !== 'object' || e === null || Array.isArray(e)) {
      c.report(`activity[${i}]`, 'must be an object');
      continue;
    }
    const { personId, on, kind } = e as { personId: unknown; on: unknown; kind: unknown };
    if (typeof personId !== 'string' || !personIds.has(personId)) {
      c.report(
        `activity[${i}].personId`,
        typeof personId === 'string' ? `unknown person ${show(personId)}` : 'must be a person id',
      );
    }
    if (on !== lastOn) {
      const problem = dateProblem(on);
      if (problem) c.report(`activity[${i}].on`, problem);
      else lastOn = on;
    }
    if (kind !== lastKind) {
      if (typeof kind === 'string' && ACTIVITY_KINDS.has(kind)) lastKind = kind;
      else c.report(`activity[${i}].kind`, activityKindProblem(kind) ?? 'unknown activity kind');
    }
  }
}

function checkOrders(c: Collector, world: Obj, facts: SubscriptionFacts): Set<string> {
  const ids = new Set<string>();
  const orders = c.array(world, 'orders');
  if (!orders) return ids;
  const firstIndex = new Map<string, number>();
  const keys = new Map<string, number>();
  for (let i = 0; i < orders.length; i++) {
    const o: unknown = orders[i];
    const p = `orders[${i}]`;
    if (!isObj(o)) {
      c.report(p, 'must be an object');
      continue;
    }
    if (c.field(o, 'id', p, nonEmptyString)) {
      const id = o['id'] as string;
      const seen = firstIndex.get(id);
      if (seen !== undefined) c.report(`${p}.id`, `duplicate order id ${show(id)} (also orders[${seen}])`);
      else firstIndex.set(id, i);
      ids.add(id);
    }
    const kindOk = c.field(o, 'kind', p, orderKindProblem);
    const kind = o['kind'];
    const placedOk = c.field(o, 'placedOn', p, dateProblem);
    c.field(o, 'effectiveOn', p, (v) => {
      const e = dateProblem(v);
      if (e) return e;
      const placed = o['placedOn'] as string;
      return placedOk && (v as string) < placed ? `effectiveOn ${v as string} is before placedOn ${placed}` : undefined;
    });
    if (kindOk && (kind === 'add-licenses' || kind === 'remove-licenses')) {
      c.field(o, 'quantity', p, positiveInteger);
    } else {
      c.optional(o, 'quantity', p, positiveInteger);
    }
    const planCheck = (v: unknown): Problem =>
      nonEmptyString(v) ??
      (facts.planIds.has(v as string) ? undefined : `unknown plan ${show(v)} (not in subscription.plans)`);
    if (kindOk && kind === 'change-plan') c.field(o, 'planId', p, planCheck);
    else c.optional(o, 'planId', p, planCheck);
    if (kindOk && kind === 'change-period') c.field(o, 'periodMonths', p, positiveInteger);
    else c.optional(o, 'periodMonths', p, positiveInteger);
    c.optional(o, 'amount', p, nonNegativeInteger);
    if (c.optional(o, 'idempotencyKey', p, nonEmptyString) && typeof o['idempotencyKey'] === 'string') {
      const key = o['idempotencyKey'];
      const seen = keys.get(key);
      if (seen !== undefined)
        c.report(`${p}.idempotencyKey`, `duplicate idempotency key ${show(key)} (also orders[${seen}])`);
      else keys.set(key, i);
    }
    // Who placed it may be a user outside `people` (a support agent, an API client): any id.
    c.optional(o, 'placedBy', p, nonEmptyString);
  }
  return ids;
}

function checkInvoices(
  c: Collector,
  world: Obj,
  currency: string | undefined,
  facts: SubscriptionFacts,
  orderIds: Set<string>,
): Set<string> {
  const ids = new Set<string>();
  const invoices = c.array(world, 'invoices');
  if (!invoices) return ids;
  const firstIndex = new Map<string, number>();
  const numbers = new Map<string, number>();
  for (let i = 0; i < invoices.length; i++) {
    const inv: unknown = invoices[i];
    const p = `invoices[${i}]`;
    if (!isObj(inv)) {
      c.report(p, 'must be an object');
      continue;
    }
    if (c.field(inv, 'id', p, nonEmptyString)) {
      const id = inv['id'] as string;
      const seen = firstIndex.get(id);
      if (seen !== undefined) c.report(`${p}.id`, `duplicate invoice id ${show(id)} (also invoices[${seen}])`);
      else firstIndex.set(id, i);
      ids.add(id);
    }
    if (c.field(inv, 'number', p, nonEmptyString)) {
      const num = inv['number'] as string;
      const seen = numbers.get(num);
      if (seen !== undefined) c.report(`${p}.number`, `duplicate invoice number ${show(num)} (also invoices[${seen}])`);
      else numbers.set(num, i);
    }
    const startOk = c.field(inv, 'periodStart', p, dateProblem);
    c.field(inv, 'periodEnd', p, (v) => {
      const e = dateProblem(v);
      if (e) return e;
      const start = inv['periodStart'] as string;
      return startOk && (v as string) < start
        ? `end before start: periodEnd ${v as string} is before periodStart ${start}`
        : undefined;
    });
    const issuedOk = c.field(inv, 'issuedOn', p, dateProblem);
    c.field(inv, 'dueOn', p, (v) => {
      const e = dateProblem(v);
      if (e) return e;
      const issued = inv['issuedOn'] as string;
      return issuedOk && (v as string) < issued ? `dueOn ${v as string} is before issuedOn ${issued}` : undefined;
    });
    c.field(inv, 'currency', p, (v) => {
      if (!isCurrency(v)) return `unknown currency ${show(v)}`;
      return currency !== undefined && v !== currency
        ? `invoice currency ${v} differs from the tenant's currency ${currency}`
        : undefined;
    });
    const lines = inv['lines'];
    if (!Array.isArray(lines)) {
      c.report(`${p}.lines`, lines === undefined ? 'is required (an array)' : 'must be an array');
    } else {
      for (let j = 0; j < lines.length; j++) checkLine(c, lines[j], `${p}.lines[${j}]`);
    }
    const subtotalOk = c.field(inv, 'subtotal', p, integerProblem);
    c.field(
      inv,
      'taxRate',
      p,
      (v) =>
        integerProblem(v) ??
        ((v as number) >= 0 && (v as number) <= 10000 ? undefined : 'must be 0..10000 basis points'),
    );
    const taxOk = c.field(inv, 'tax', p, integerProblem);
    const totalOk = c.field(inv, 'total', p, integerProblem);
    const creditOk = c.field(inv, 'creditApplied', p, nonNegativeInteger);
    const dueOk = c.field(inv, 'amountDue', p, integerProblem);
    const subtotal = inv['subtotal'] as number;
    const tax = inv['tax'] as number;
    const total = inv['total'] as number;
    const credit = inv['creditApplied'] as number;
    if (subtotalOk && taxOk && totalOk && total !== subtotal + tax) {
      c.report(`${p}.total`, `total ${total} must equal subtotal ${subtotal} + tax ${tax} = ${subtotal + tax}`);
    }
    if (totalOk && creditOk && dueOk && inv['amountDue'] !== total - credit) {
      c.report(
        `${p}.amountDue`,
        `amountDue ${inv['amountDue'] as number} must equal total ${total} − creditApplied ${credit} = ${total - credit}`,
      );
    }
    c.optional(inv, 'poNumber', p, stringProblem);
    c.field(
      inv,
      'planId',
      p,
      (v) =>
        nonEmptyString(v) ??
        (facts.planIds.has(v as string) ? undefined : `unknown plan ${show(v)} (not in subscription.plans)`),
    );
    c.optional(
      inv,
      'orderId',
      p,
      (v) => nonEmptyString(v) ?? (orderIds.has(v as string) ? undefined : `unknown order ${show(v)}`),
    );
  }
  return ids;
}

function checkLine(c: Collector, line: unknown, p: string): void {
  if (!isObj(line)) {
    c.report(p, 'must be an object');
    return;
  }
  c.field(line, 'kind', p, lineKindProblem);
  c.field(line, 'description', p, stringProblem);
  c.field(line, 'quantity', p, numberKind);
  c.field(line, 'unitPrice', p, integerProblem);
  c.field(line, 'amount', p, integerProblem);
  c.optional(line, 'periodStart', p, dateProblem);
  c.optional(line, 'periodEnd', p, dateProblem);
  c.optional(line, 'informative', p, booleanProblem);
  const peak = line['peak'];
  if (peak !== undefined) {
    if (!isObj(peak)) c.report(`${p}.peak`, 'must be an object');
    else {
      c.field(peak, 'count', `${p}.peak`, nonNegativeInteger);
      c.field(peak, 'on', `${p}.peak`, dateProblem);
    }
  }
}

function checkPayments(c: Collector, world: Obj, invoiceIds: Set<string>): void {
  const payments = c.array(world, 'payments');
  if (!payments) return;
  const firstIndex = new Map<string, number>();
  for (let i = 0; i < payments.length; i++) {
    const pay: unknown = payments[i];
    const p = `payments[${i}]`;
    if (!isObj(pay)) {
      c.report(p, 'must be an object');
      continue;
    }
    if (c.field(pay, 'id', p, nonEmptyString)) {
      const id = pay['id'] as string;
      const seen = firstIndex.get(id);
      if (seen !== undefined) c.report(`${p}.id`, `duplicate payment id ${show(id)} (also payments[${seen}])`);
      else firstIndex.set(id, i);
    }
    c.field(pay, 'on', p, dateProblem);
    c.field(pay, 'amount', p, nonNegativeInteger);
    c.field(pay, 'outcome', p, outcomeProblem);
    c.optional(pay, 'declineReason', p, stringProblem);
    c.optional(
      pay,
      'invoiceId',
      p,
      (v) => nonEmptyString(v) ?? (invoiceIds.has(v as string) ? undefined : `unknown invoice ${show(v)}`),
    );
  }
}

function checkPaymentMethod(c: Collector, world: Obj): void {
  const pm = world['paymentMethod'];
  if (pm === undefined) return;
  if (!isObj(pm)) {
    c.report('paymentMethod', 'must be an object');
    return;
  }
  const p = 'paymentMethod';
  c.field(pm, 'kind', p, paymentKindProblem);
  c.optional(pm, 'brand', p, stringProblem);
  c.optional(pm, 'last4', p, (v) => (typeof v === 'string' && /^\d{4}$/.test(v) ? undefined : 'must be four digits'));
  c.optional(pm, 'expires', p, (v) => (isYearMonth(v) ? undefined : 'must be a month (YYYY-MM)'));
  c.optional(pm, 'declines', p, booleanProblem);
}

function run(c: Collector, input: unknown): void {
  if (!isObj(input)) {
    c.report('world', 'must be an object');
    return;
  }
  c.field(input, 'schemaVersion', '', (v) =>
    v === SCHEMA_VERSION ? undefined : `unsupported schema version ${show(v)} (this engine reads ${SCHEMA_VERSION})`,
  );
  c.field(input, 'today', '', dateProblem);
  const currency = checkTenant(c, input);
  const facts = checkSubscription(c, input);
  const personIds = checkPeople(c, input);
  checkActivity(c, input, personIds);
  const orderIds = checkOrders(c, input, facts);
  const invoiceIds = checkInvoices(c, input, currency, facts, orderIds);
  checkPayments(c, input, invoiceIds);
  checkPaymentMethod(c, input);
  checkDetails(c, input, personIds);
}

function checkDetails(c: Collector, world: Obj, personIds: Set<string>): void {
  const d = world['billingDetails'];
  if (d === undefined) return;
  for (const issue of checkBillingDetails(d, personIds)) {
    c.report(issue.field ? `billingDetails.${issue.field}` : 'billingDetails', issue.message);
  }
  if (isObj(d)) c.field(d, 'version', 'billingDetails', nonNegativeInteger);
}

/**
 * The world, typed, when it makes sense; otherwise throws a {@link WorldError} naming the
 * first offending field by path (in document order: top-level fields, tenant,
 * subscription, people, activity, orders, invoices, payments, payment method).
 */
export function validateWorld(input: unknown): World {
  const c = new Collector(1);
  try {
    run(c, input);
  } catch (e) {
    if (!(e instanceof Enough)) throw e;
  }
  const first = c.errors[0];
  if (first) throw first;
  return input as World;
}

/**
 * Every problem of a world (empty when it is valid), in document order. `limit` caps the
 * list for badly broken worlds (default: no cap).
 */
export function validateWorldAll(input: unknown, limit = Infinity): WorldError[] {
  const c = new Collector(Math.max(1, limit));
  try {
    run(c, input);
  } catch (e) {
    if (!(e instanceof Enough)) throw e;
  }
  return c.errors;
}
