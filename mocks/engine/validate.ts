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
 *
 * Beyond the shape, every number and date the engine computes with is bounded
 * ({@link LIMITS}: prices, license counts, period and trial lengths, the payment term,
 * dates from 2000 on, `today` not before the subscription starts, array sizes and string
 * lengths), so a world that passes can be run: every figure stays an exact integer and
 * every date a four-digit year.
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
import { LIMITS } from './limits.js';

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

/** A calendar date within {@link LIMITS.firstDate}..{@link LIMITS.lastDate}. */
function dateProblem(v: unknown): Problem {
  if (typeof v === 'string' && validDates.has(v)) return undefined;
  if (!isIsoDate(v)) return 'must be a calendar date (YYYY-MM-DD)';
  if (v < LIMITS.firstDate || v > LIMITS.lastDate) {
    return `must be a date from ${LIMITS.firstDate} through ${LIMITS.lastDate}, got ${v}`;
  }
  if (validDates.size > 50_000) validDates.clear();
  validDates.add(v);
  return undefined;
}

/** Text with at least one non-space character, at most `max` characters. */
function nonEmptyText(max: number): (v: unknown) => Problem {
  return (v) => {
    if (typeof v !== 'string' || v.trim() === '') return 'must be a non-empty string';
    return v.length > max ? `must be at most ${max} characters (has ${v.length})` : undefined;
  };
}

/** Any text of at most `max` characters. */
function textOf(max: number): (v: unknown) => Problem {
  return (v) => {
    if (typeof v !== 'string') return 'must be a string';
    return v.length > max ? `must be at most ${max} characters (has ${v.length})` : undefined;
  };
}

const idProblem = nonEmptyText(LIMITS.idLength);
const nameProblem = nonEmptyText(LIMITS.nameLength);
const codeProblem = textOf(LIMITS.codeLength);

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

function nonNegativeNumber(v: unknown): Problem {
  return numberKind(v) ?? ((v as number) >= 0 ? undefined : 'must not be negative');
}

/** A whole number from `min` through `max`. */
function integerIn(min: number, max: number, unit = ''): (v: unknown) => Problem {
  return (v) =>
    integerProblem(v) ??
    ((v as number) >= min && (v as number) <= max
      ? undefined
      : `must be from ${min} through ${max.toLocaleString('en-US')}${unit}, got ${v as number}`);
}

/** A number (fractions allowed) from 0 through `max`. */
function numberUpTo(max: number): (v: unknown) => Problem {
  return (v) =>
    nonNegativeNumber(v) ??
    ((v as number) <= max ? undefined : `must be at most ${max.toLocaleString('en-US')}, got ${v as number}`);
}

const unitPriceProblem = integerIn(0, LIMITS.unitPrice, ' minor units');
const baseFeeProblem = integerIn(0, LIMITS.baseFee, ' minor units');
/** An amount stored in a world (either sign). */
const amountProblem = integerIn(-LIMITS.amount, LIMITS.amount, ' minor units');
const nonNegativeAmount = integerIn(0, LIMITS.amount, ' minor units');
const licenseCountProblem = integerIn(1, LIMITS.licenses, ' licenses');
const periodMonthsProblem = integerIn(1, LIMITS.periodMonths, ' months');

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

  /**
   * `obj[key]` as an array; reports and returns undefined when it is not one. A longer
   * array than `max` is reported and still returned (its records are checked too).
   */
  array(obj: Obj, key: string, max: number): unknown[] | undefined {
    const v = obj[key];
    if (Array.isArray(v)) {
      if (v.length > max) this.report(key, `must have at most ${max.toLocaleString('en-US')} items (has ${v.length})`);
      return v;
    }
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
  c.field(t, 'id', p, idProblem);
  c.field(t, 'name', p, nameProblem);
  c.optional(t, 'vatNumber', p, codeProblem);
  c.field(t, 'timeZone', p, (v) =>
    typeof v === 'string' && v.length <= LIMITS.codeLength && isTimeZone(v)
      ? undefined
      : `unknown time zone ${show(v)} (expected an IANA zone)`,
  );
  const currencyOk = c.field(t, 'currency', p, (v) =>
    isCurrency(v) ? undefined : `unknown currency ${show(v)} (expected an ISO 4217 code such as EUR)`,
  );
  c.field(t, 'paymentTermDays', p, integerIn(0, LIMITS.paymentTermDays, ' days'));
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
  const p = nonEmptyText(LIMITS.codeLength)(v);
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
  /** Billing model of each plan with a valid id and model. */
  planModels: Map<string, string>;
  /** Whether the plan at the start is billed by prepaid licenses (undefined: unknown plan). */
  prepaid: boolean | undefined;
  /** The valid dates and counts the cross-field rules need. */
  startedOn?: string;
  trialStartedOn?: string;
  initialCount?: number;
}

function checkSubscription(c: Collector, world: Obj): SubscriptionFacts {
  const planIds = new Set<string>();
  const planModels = new Map<string, string>();
  const facts: SubscriptionFacts = { planIds, planModels, prepaid: undefined };
  const s = world['subscription'];
  if (!isObj(s)) {
    c.report('subscription', s === undefined ? 'is required' : 'must be an object');
    return facts;
  }
  const p = 'subscription';
  const plans = s['plans'];
  if (!Array.isArray(plans)) {
    c.report('subscription.plans', plans === undefined ? 'is required (an array)' : 'must be an array');
  } else {
    if (plans.length === 0) c.report('subscription.plans', 'must list at least one plan');
    if (plans.length > LIMITS.plans) c.report('subscription.plans', `must list at most ${LIMITS.plans} plans`);
    const firstIndex = new Map<string, number>();
    for (let i = 0; i < plans.length; i++) {
      const plan: unknown = plans[i];
      const pp = `subscription.plans[${i}]`;
      if (!isObj(plan)) {
        c.report(pp, 'must be an object');
        continue;
      }
      if (c.field(plan, 'id', pp, idProblem)) {
        const id = plan['id'] as string;
        const seen = firstIndex.get(id);
        if (seen !== undefined) c.report(`${pp}.id`, `duplicate plan id ${show(id)} (also plans[${seen}])`);
        else firstIndex.set(id, i);
        planIds.add(id);
      }
      c.field(plan, 'name', pp, nameProblem);
      const modelOk = c.field(plan, 'model', pp, modelProblem);
      if (modelOk && typeof plan['id'] === 'string' && !planModels.has(plan['id'])) {
        planModels.set(plan['id'], plan['model'] as string);
      }
      c.field(plan, 'unitPrice', pp, unitPriceProblem);
      c.optional(plan, 'baseFee', pp, baseFeeProblem);
      const includedProblem = integerIn(0, LIMITS.includedUsers, ' users');
      if (modelOk && plan['model'] === 'peak-daily') {
        if (plan['includedUsers'] === undefined) c.report(`${pp}.includedUsers`, 'is required for a peak-daily plan');
        else c.field(plan, 'includedUsers', pp, includedProblem);
      } else {
        c.optional(plan, 'includedUsers', pp, includedProblem);
      }
      c.optional(plan, 'requiresActivity', pp, booleanProblem);
      c.optional(plan, 'storageGb', pp, numberUpTo(LIMITS.storageGb));
    }
  }
  const planOk = c.field(s, 'planId', p, (v) => {
    const e = idProblem(v);
    if (e) return e;
    return planIds.has(v as string) ? undefined : `unknown plan ${show(v)} (not in subscription.plans)`;
  });
  if (c.field(s, 'startedOn', p, dateProblem)) facts.startedOn = s['startedOn'] as string;
  const trial = s['trial'];
  if (trial !== undefined) {
    if (!isObj(trial)) c.report('subscription.trial', 'must be an object');
    else {
      if (c.field(trial, 'startedOn', 'subscription.trial', dateProblem)) {
        facts.trialStartedOn = trial['startedOn'] as string;
      }
      c.optional(trial, 'lengthDays', 'subscription.trial', integerIn(1, LIMITS.trialDays, ' days'));
    }
  }
  const licenses = s['licenses'];
  const model = planOk ? planModels.get(s['planId'] as string) : undefined;
  facts.prepaid = model === undefined ? undefined : model === 'prepaid-licenses';
  if (licenses === undefined) {
    if (facts.prepaid === true) c.report('subscription.licenses', 'is required for a prepaid-licenses plan');
  } else if (!isObj(licenses)) {
    c.report('subscription.licenses', 'must be an object');
  } else {
    if (c.field(licenses, 'initialCount', 'subscription.licenses', licenseCountProblem)) {
      facts.initialCount = licenses['initialCount'] as number;
    }
    c.field(licenses, 'periodMonths', 'subscription.licenses', periodMonthsProblem);
  }
  c.optional(s, 'storageUsedGb', p, numberUpTo(LIMITS.storageGb));
  c.optional(s, 'poNumber', p, textOf(LIMITS.poNumberLength));
  return facts;
}

/**
 * `today` within the clock's range and not before the subscription starts: its
 * `startedOn`, or the first trial day when that is earlier (a trial runs before the first
 * billed month). A prepaid-license subscription has no days before its first period.
 */
function checkToday(c: Collector, world: Obj, facts: SubscriptionFacts): void {
  const today = world['today'];
  if (typeof today !== 'string' || dateProblem(today) !== undefined) return; // reported already
  if (today > LIMITS.lastToday) {
    c.report('today', `must be on or before ${LIMITS.lastToday} (the clock stops there), got ${today}`);
    return;
  }
  if (facts.startedOn === undefined) return;
  const trial = facts.prepaid === true ? undefined : facts.trialStartedOn;
  const starts = trial !== undefined && trial < facts.startedOn ? trial : facts.startedOn;
  if (today < starts) {
    c.report(
      'today',
      `${today} is before the subscription starts (${starts}${starts === trial ? ', the first trial day' : ''})`,
    );
  }
}

function checkPeople(c: Collector, world: Obj): Set<string> {
  const ids = new Set<string>();
  const people = c.array(world, 'people', LIMITS.people);
  if (!people) return ids;
  const firstIndex = new Map<string, number>();
  for (let i = 0; i < people.length; i++) {
    const person: unknown = people[i];
    const p = `people[${i}]`;
    if (!isObj(person)) {
      c.report(p, 'must be an object');
      continue;
    }
    if (c.field(person, 'id', p, idProblem)) {
      const id = person['id'] as string;
      const seen = firstIndex.get(id);
      if (seen !== undefined) c.report(`${p}.id`, `duplicate person id ${show(id)} (also people[${seen}])`);
      else firstIndex.set(id, i);
      ids.add(id);
    }
    c.field(person, 'name', p, nameProblem);
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
      // On the start day itself: never active (deactivated the day they started).
      return startOk && (v as string) < start
        ? `end before start: deactivatedOn ${v as string} is before billingStart ${start} (it is the first day not active)`
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
  const activity = c.array(world, 'activity', LIMITS.activity);
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
  const orders = c.array(world, 'orders', LIMITS.orders);
  if (!orders) return ids;
  const firstIndex = new Map<string, number>();
  const keys = new Map<string, number>();
  const licenseOrders: { index: number; on: string; delta: number }[] = [];
  for (let i = 0; i < orders.length; i++) {
    const o: unknown = orders[i];
    const p = `orders[${i}]`;
    if (!isObj(o)) {
      c.report(p, 'must be an object');
      continue;
    }
    if (c.field(o, 'id', p, idProblem)) {
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
    const licenseOrder = kindOk && (kind === 'add-licenses' || kind === 'remove-licenses');
    const quantityOk = licenseOrder
      ? c.field(o, 'quantity', p, licenseCountProblem)
      : c.optional(o, 'quantity', p, licenseCountProblem);
    if (licenseOrder && quantityOk && placedOk && typeof o['effectiveOn'] === 'string' && isIsoDate(o['effectiveOn'])) {
      licenseOrders.push({
        index: i,
        on: o['effectiveOn'],
        delta: (kind === 'add-licenses' ? 1 : -1) * (o['quantity'] as number),
      });
    }
    const planCheck = (v: unknown): Problem => {
      const e = idProblem(v);
      if (e) return e;
      const model = facts.planModels.get(v as string);
      if (!facts.planIds.has(v as string)) return `unknown plan ${show(v)} (not in subscription.plans)`;
      // The engine never changes the way of billing by an order (a new contract does).
      if (kind === 'change-plan' && model !== undefined && facts.prepaid !== undefined) {
        if ((model === 'prepaid-licenses') !== facts.prepaid) {
          return `plan ${show(v)} is billed ${facts.prepaid ? 'per user' : 'by prepaid licenses'}, the subscription the other way: an order cannot change the way of billing`;
        }
      }
      return undefined;
    };
    if (kindOk && kind === 'change-plan') c.field(o, 'planId', p, planCheck);
    else c.optional(o, 'planId', p, planCheck);
    if (kindOk && kind === 'change-period') c.field(o, 'periodMonths', p, periodMonthsProblem);
    else c.optional(o, 'periodMonths', p, periodMonthsProblem);
    c.optional(o, 'amount', p, nonNegativeAmount);
    if (c.optional(o, 'idempotencyKey', p, nonEmptyText(LIMITS.keyLength)) && typeof o['idempotencyKey'] === 'string') {
      const key = o['idempotencyKey'];
      const seen = keys.get(key);
      if (seen !== undefined)
        c.report(`${p}.idempotencyKey`, `duplicate idempotency key ${show(key)} (also orders[${seen}])`);
      else keys.set(key, i);
    }
    // Who placed it may be a user outside `people` (a support agent, an API client): any id.
    c.optional(o, 'placedBy', p, idProblem);
  }
  if (facts.initialCount !== undefined) checkLicenseTimeline(c, facts.initialCount, licenseOrders);
  return ids;
}

/**
 * The license count on every day stays within 0..{@link LIMITS.licenses}: the initial
 * count plus the additions minus the removals effective by then (all orders of one day
 * together). Reported on the last order of the first day out of range.
 */
function checkLicenseTimeline(
  c: Collector,
  initialCount: number,
  orders: { index: number; on: string; delta: number }[],
): void {
  orders.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.index - b.index));
  let count = initialCount;
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i] as { index: number; on: string; delta: number };
    count += o.delta;
    if (orders[i + 1]?.on === o.on) continue;
    if (count < 0 || count > LIMITS.licenses) {
      c.report(
        `orders[${o.index}].quantity`,
        `leaves ${count.toLocaleString('en-US')} licenses from ${o.on}: the count must stay from 0 through ${LIMITS.licenses.toLocaleString('en-US')}`,
      );
      return;
    }
  }
}

function checkInvoices(
  c: Collector,
  world: Obj,
  currency: string | undefined,
  facts: SubscriptionFacts,
  orderIds: Set<string>,
): Set<string> {
  const ids = new Set<string>();
  const invoices = c.array(world, 'invoices', LIMITS.invoices);
  if (!invoices) return ids;
  const firstIndex = new Map<string, number>();
  const numbers = new Map<string, number>();
  let ledger = 0;
  for (let i = 0; i < invoices.length; i++) {
    const inv: unknown = invoices[i];
    const p = `invoices[${i}]`;
    if (!isObj(inv)) {
      c.report(p, 'must be an object');
      continue;
    }
    if (c.field(inv, 'id', p, idProblem)) {
      const id = inv['id'] as string;
      const seen = firstIndex.get(id);
      if (seen !== undefined) c.report(`${p}.id`, `duplicate invoice id ${show(id)} (also invoices[${seen}])`);
      else firstIndex.set(id, i);
      ids.add(id);
    }
    if (c.field(inv, 'number', p, idProblem)) {
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
      if (lines.length > LIMITS.invoiceLines) c.report(`${p}.lines`, `must have at most ${LIMITS.invoiceLines} lines`);
      for (let j = 0; j < lines.length; j++) checkLine(c, lines[j], `${p}.lines[${j}]`);
    }
    const subtotalOk = c.field(inv, 'subtotal', p, amountProblem);
    c.field(
      inv,
      'taxRate',
      p,
      (v) =>
        integerProblem(v) ??
        ((v as number) >= 0 && (v as number) <= 10000 ? undefined : 'must be 0..10000 basis points'),
    );
    const taxOk = c.field(inv, 'tax', p, amountProblem);
    const totalOk = c.field(inv, 'total', p, amountProblem);
    const creditOk = c.field(inv, 'creditApplied', p, nonNegativeAmount);
    const dueOk = c.field(inv, 'amountDue', p, amountProblem);
    const subtotal = inv['subtotal'] as number;
    const tax = inv['tax'] as number;
    const total = inv['total'] as number;
    const credit = inv['creditApplied'] as number;
    if (totalOk) ledger += Math.abs(total);
    if (subtotalOk && taxOk && totalOk && total !== subtotal + tax) {
      c.report(`${p}.total`, `total ${total} must equal subtotal ${subtotal} + tax ${tax} = ${subtotal + tax}`);
    }
    if (totalOk && creditOk && dueOk && inv['amountDue'] !== total - credit) {
      c.report(
        `${p}.amountDue`,
        `amountDue ${inv['amountDue'] as number} must equal total ${total} − creditApplied ${credit} = ${total - credit}`,
      );
    }
    c.optional(inv, 'poNumber', p, textOf(LIMITS.poNumberLength));
    c.field(
      inv,
      'planId',
      p,
      (v) =>
        idProblem(v) ??
        (facts.planIds.has(v as string) ? undefined : `unknown plan ${show(v)} (not in subscription.plans)`),
    );
    c.optional(
      inv,
      'orderId',
      p,
      (v) => idProblem(v) ?? (orderIds.has(v as string) ? undefined : `unknown order ${show(v)}`),
    );
  }
  if (ledger > LIMITS.ledger) c.report('invoices', ledgerProblem('invoice totals', ledger));
  return ids;
}

function ledgerProblem(what: string, sum: number): string {
  return `the ${what} add up to ${sum.toLocaleString('en-US')} minor units, more than ${LIMITS.ledger.toLocaleString('en-US')} (beyond it the ledger's sums are not exact)`;
}

function checkLine(c: Collector, line: unknown, p: string): void {
  if (!isObj(line)) {
    c.report(p, 'must be an object');
    return;
  }
  c.field(line, 'kind', p, lineKindProblem);
  c.field(line, 'description', p, textOf(LIMITS.descriptionLength));
  c.field(line, 'quantity', p, numberKind);
  c.field(line, 'unitPrice', p, amountProblem);
  c.field(line, 'amount', p, amountProblem);
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
  const payments = c.array(world, 'payments', LIMITS.payments);
  if (!payments) return;
  const firstIndex = new Map<string, number>();
  let received = 0;
  for (let i = 0; i < payments.length; i++) {
    const pay: unknown = payments[i];
    const p = `payments[${i}]`;
    if (!isObj(pay)) {
      c.report(p, 'must be an object');
      continue;
    }
    if (c.field(pay, 'id', p, idProblem)) {
      const id = pay['id'] as string;
      const seen = firstIndex.get(id);
      if (seen !== undefined) c.report(`${p}.id`, `duplicate payment id ${show(id)} (also payments[${seen}])`);
      else firstIndex.set(id, i);
    }
    c.field(pay, 'on', p, dateProblem);
    if (c.field(pay, 'amount', p, nonNegativeAmount)) received += pay['amount'] as number;
    c.field(pay, 'outcome', p, outcomeProblem);
    c.optional(pay, 'declineReason', p, codeProblem);
    c.optional(
      pay,
      'invoiceId',
      p,
      (v) => idProblem(v) ?? (invoiceIds.has(v as string) ? undefined : `unknown invoice ${show(v)}`),
    );
  }
  if (received > LIMITS.ledger) c.report('payments', ledgerProblem('payments', received));
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
  c.optional(pm, 'brand', p, codeProblem);
  c.optional(pm, 'last4', p, (v) => (typeof v === 'string' && /^\d{4}$/.test(v) ? undefined : 'must be four digits'));
  c.optional(pm, 'expires', p, (v) => {
    if (!isYearMonth(v)) return 'must be a month (YYYY-MM)';
    const first = LIMITS.firstDate.slice(0, 7);
    const last = LIMITS.lastDate.slice(0, 7);
    return v < first || v > last ? `must be a month from ${first} through ${last}, got ${v}` : undefined;
  });
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
  checkToday(c, input, facts);
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
  if (isObj(d)) {
    c.field(d, 'version', 'billingDetails', nonNegativeInteger);
    c.optional(d, 'companyManagedAt', 'billingDetails', textOf(LIMITS.nameLength));
  }
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
