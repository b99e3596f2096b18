/**
 * The rules of a world that its schema (`mocks/world.schema.json`) cannot state, written
 * by hand: ids unique in their list and references between records (a plan, person,
 * order or invoice that must exist), dates in order (an end not before its start), sums
 * (`total = subtotal + tax`, the ledger within {@link LIMITS.ledger}), the license
 * invariant (the count stays within 0..{@link LIMITS.licenses} on every day), `today` not
 * before the subscription starts, and values only the runtime knows (a currency, a time
 * zone, a locale).
 *
 * The schema's own checks run first (`validate.ts`); these rules read a value only when
 * it has the form they need (a field the schema refuses is not reported twice), so they
 * never throw on a broken world.
 */
import { checkBillingDetails } from './details.js';
import { isIsoDate, isTimeZone } from './dates.js';
import { LIMITS } from './limits.js';
import { isCurrency } from './money.js';

/** Reports a problem at a path (`people[3].deactivatedOn`) with its reason. */
export type Report = (field: string, reason: string) => void;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The records of a list field (none when it is not a list). */
function list(o: Obj, key: string): unknown[] {
  const v = o[key];
  return Array.isArray(v) ? v : [];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Valid dates seen so far: a world repeats a few thousand dates (each person has several). */
const validDates = new Set<string>();

/** `v` when it is a calendar date (YYYY-MM-DD). */
function date(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (validDates.has(v)) return v;
  if (!isIsoDate(v)) return undefined;
  if (validDates.size >= 10_000) validDates.clear();
  validDates.add(v);
  return v;
}

const int = (v: unknown): number | undefined => (Number.isSafeInteger(v) ? (v as number) : undefined);

/** A value for a message: quoted and short. */
export function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  return Array.isArray(v) ? 'an array' : `a ${typeof v}`;
}

/** Each record's string `key` once: a later repeat is reported as a duplicate. Returns the ids. */
function uniqueIds(report: Report, records: unknown[], name: string, key: string, what: string): Set<string> {
  const ids = new Set<string>();
  // Where each id first appears: looked up only once an id repeats.
  let first: Map<string, number> | undefined;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const id = isObj(r) ? str(r[key]) : undefined;
    if (id === undefined) continue;
    if (!ids.has(id)) {
      ids.add(id);
      continue;
    }
    first ??= firstPlaces(records, key);
    report(`${name}[${i}].${key}`, `duplicate ${what} ${show(id)} (also ${name}[${first.get(id)}])`);
  }
  return ids;
}

/** The index of each string `key`'s first record. */
function firstPlaces(records: unknown[], key: string): Map<string, number> {
  const first = new Map<string, number>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const id = isObj(r) ? str(r[key]) : undefined;
    if (id !== undefined && !first.has(id)) first.set(id, i);
  }
  return first;
}

/** `o[later]` is not before `o[earlier]` (both dates); otherwise reported at `later`. */
function inOrder(report: Report, o: Obj, at: string, earlier: string, later: string, lead = ''): void {
  const a = date(o[earlier]);
  const b = date(o[later]);
  if (a !== undefined && b !== undefined && b < a) {
    report(`${at}.${later}`, `${lead}${later} ${b} is before ${earlier} ${a}`);
  }
}

/** What the subscription says that other rules need. */
interface Facts {
  planIds: Set<string>;
  planModels: Map<string, string>;
  /** The plan at the start is billed by prepaid licenses (undefined: unknown plan). */
  prepaid: boolean | undefined;
  currency: string | undefined;
  personIds: Set<string>;
  orderIds: Set<string>;
  invoiceIds: Set<string>;
}

function tenantRules(report: Report, t: Obj): string | undefined {
  if (typeof t['timeZone'] === 'string' && !isTimeZone(t['timeZone'])) {
    report('tenant.timeZone', `unknown time zone ${show(t['timeZone'])} (expected an IANA zone)`);
  }
  const currency = t['currency'];
  if (typeof currency === 'string' && !isCurrency(currency)) {
    report('tenant.currency', `unknown currency ${show(currency)} (expected an ISO 4217 code such as EUR)`);
  }
  const locale = t['locale'];
  if (typeof locale === 'string') {
    try {
      Intl.getCanonicalLocales(locale);
    } catch {
      report('tenant.locale', `not a BCP 47 locale: ${show(locale)}`);
    }
  }
  return isCurrency(currency) ? currency : undefined;
}

function subscriptionRules(report: Report, s: Obj, facts: Facts): void {
  const plans = list(s, 'plans');
  facts.planIds = uniqueIds(report, plans, 'subscription.plans', 'id', 'plan id');
  for (const plan of plans) {
    if (isObj(plan) && typeof plan['id'] === 'string' && typeof plan['model'] === 'string') {
      if (!facts.planModels.has(plan['id'])) facts.planModels.set(plan['id'], plan['model']);
    }
  }
  const planId = str(s['planId']);
  // With no plans at all (the schema says so) every plan id is unknown: not said again.
  if (planId !== undefined && plans.length > 0 && !facts.planIds.has(planId)) {
    report('subscription.planId', `unknown plan ${show(planId)} (not in subscription.plans)`);
  }
  const model = planId === undefined ? undefined : facts.planModels.get(planId);
  facts.prepaid = model === undefined ? undefined : model === 'prepaid-licenses';
  if (facts.prepaid === true && s['licenses'] === undefined) {
    report('subscription.licenses', 'is required for a prepaid-licenses plan');
  }
}

/**
 * `today` not before the subscription starts: its `startedOn`, or the first trial day when
 * that is earlier (a trial runs before the first billed month). A prepaid-license
 * subscription has no days before its first period.
 */
function todayRule(report: Report, world: Obj, s: Obj, prepaid: boolean | undefined): void {
  const today = date(world['today']);
  const startedOn = date(s['startedOn']);
  if (today === undefined || startedOn === undefined) return;
  const trial = prepaid === true || !isObj(s['trial']) ? undefined : date(s['trial']['startedOn']);
  const starts = trial !== undefined && trial < startedOn ? trial : startedOn;
  if (today < starts) {
    report(
      'today',
      `${today} is before the subscription starts (${starts}${starts === trial ? ', the first trial day' : ''})`,
    );
  }
}

function peopleRules(report: Report, people: unknown[]): Set<string> {
  const ids = uniqueIds(report, people, 'people', 'id', 'person id');
  for (let i = 0; i < people.length; i++) {
    const p = people[i];
    if (!isObj(p)) continue;
    // On the start day itself: never active (deactivated the day they started).
    const start = date(p['billingStart']);
    const end = date(p['deactivatedOn']);
    if (start !== undefined && end !== undefined && end < start) {
      report(
        `people[${i}].deactivatedOn`,
        `end before start: deactivatedOn ${end} is before billingStart ${start} (it is the first day not active)`,
      );
    }
    inOrder(report, p, `people[${i}]`, 'billingStart', 'deletedOn', 'end before start: ');
    inOrder(report, p, `people[${i}]`, 'invitedOn', 'claimedOn');
  }
  return ids;
}

function activityRules(report: Report, activity: unknown[], personIds: ReadonlySet<string>): void {
  // The hot loop of a large world: no strings unless something is wrong.
  for (let i = 0; i < activity.length; i++) {
    const e = activity[i];
    if (!isObj(e)) continue;
    const personId = e['personId'];
    if (typeof personId === 'string' && !personIds.has(personId)) {
      report(`activity[${i}].personId`, `unknown person ${show(personId)}`);
    }
  }
}

/**
 * The activity's rule for events its schema has passed (objects with a text `personId`),
 * a run at a time: whether each of `events[from]` up to `events[to]` names a person.
 */
export function knownPersons(events: unknown[], from: number, to: number, personIds: ReadonlySet<string>): boolean {
  for (let i = from; i < to; i++) if (!personIds.has((events[i] as { personId: string }).personId)) return false;
  return true;
}

interface LicenseOrder {
  index: number;
  on: string;
  delta: number;
}

function orderRules(report: Report, orders: unknown[], facts: Facts, initialCount: number | undefined): void {
  facts.orderIds = uniqueIds(report, orders, 'orders', 'id', 'order id');
  const keys = new Map<string, number>();
  const licenseOrders: LicenseOrder[] = [];
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i];
    if (!isObj(o)) continue;
    const at = `orders[${i}]`;
    inOrder(report, o, at, 'placedOn', 'effectiveOn');
    const kind = o['kind'];
    const on = date(o['effectiveOn']);
    const quantity = int(o['quantity']);
    if ((kind === 'add-licenses' || kind === 'remove-licenses') && on !== undefined && quantity !== undefined) {
      licenseOrders.push({ index: i, on, delta: (kind === 'add-licenses' ? 1 : -1) * quantity });
    }
    const planId = str(o['planId']);
    if (planId !== undefined) {
      const model = facts.planModels.get(planId);
      if (!facts.planIds.has(planId))
        report(`${at}.planId`, `unknown plan ${show(planId)} (not in subscription.plans)`);
      // The engine never changes the way of billing by an order (a new contract does).
      else if (kind === 'change-plan' && model !== undefined && facts.prepaid !== undefined) {
        if ((model === 'prepaid-licenses') !== facts.prepaid) {
          report(
            `${at}.planId`,
            `plan ${show(planId)} is billed ${facts.prepaid ? 'per user' : 'by prepaid licenses'}, the subscription the other way: an order cannot change the way of billing`,
          );
        }
      }
    }
    const key = str(o['idempotencyKey']);
    if (key !== undefined) {
      const seen = keys.get(key);
      if (seen !== undefined)
        report(`${at}.idempotencyKey`, `duplicate idempotency key ${show(key)} (also orders[${seen}])`);
      else keys.set(key, i);
    }
  }
  if (initialCount !== undefined) licenseTimeline(report, initialCount, licenseOrders);
}

/**
 * The license count on every day stays within 0..{@link LIMITS.licenses}: the initial
 * count plus the additions minus the removals effective by then (all orders of one day
 * together). Reported on the last order of the first day out of range.
 */
function licenseTimeline(report: Report, initialCount: number, orders: LicenseOrder[]): void {
  orders.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.index - b.index));
  let count = initialCount;
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i] as LicenseOrder;
    count += o.delta;
    if (orders[i + 1]?.on === o.on) continue;
    if (count < 0 || count > LIMITS.licenses) {
      report(
        `orders[${o.index}].quantity`,
        `leaves ${count.toLocaleString('en-US')} licenses from ${o.on}: the count must stay from 0 through ${LIMITS.licenses.toLocaleString('en-US')}`,
      );
      return;
    }
  }
}

function ledgerProblem(what: string, sum: number): string {
  return `the ${what} add up to ${sum.toLocaleString('en-US')} minor units, more than ${LIMITS.ledger.toLocaleString('en-US')} (beyond it the ledger's sums are not exact)`;
}

function invoiceRules(report: Report, invoices: unknown[], facts: Facts): void {
  facts.invoiceIds = uniqueIds(report, invoices, 'invoices', 'id', 'invoice id');
  uniqueIds(report, invoices, 'invoices', 'number', 'invoice number');
  let ledger = 0;
  for (let i = 0; i < invoices.length; i++) {
    const inv = invoices[i];
    if (!isObj(inv)) continue;
    const at = `invoices[${i}]`;
    inOrder(report, inv, at, 'periodStart', 'periodEnd', 'end before start: ');
    inOrder(report, inv, at, 'issuedOn', 'dueOn');
    const currency = str(inv['currency']);
    if (currency !== undefined) {
      if (!isCurrency(currency)) report(`${at}.currency`, `unknown currency ${show(currency)}`);
      else if (facts.currency !== undefined && currency !== facts.currency) {
        report(`${at}.currency`, `invoice currency ${currency} differs from the tenant's currency ${facts.currency}`);
      }
    }
    const [subtotal, tax, total, credit, due] = ['subtotal', 'tax', 'total', 'creditApplied', 'amountDue'].map((k) =>
      int(inv[k]),
    );
    if (total !== undefined) ledger += Math.abs(total);
    if (subtotal !== undefined && tax !== undefined && total !== undefined && total !== subtotal + tax) {
      report(`${at}.total`, `total ${total} must equal subtotal ${subtotal} + tax ${tax} = ${subtotal + tax}`);
    }
    if (total !== undefined && credit !== undefined && due !== undefined && due !== total - credit) {
      report(
        `${at}.amountDue`,
        `amountDue ${due} must equal total ${total} − creditApplied ${credit} = ${total - credit}`,
      );
    }
    const planId = str(inv['planId']);
    if (planId !== undefined && !facts.planIds.has(planId)) {
      report(`${at}.planId`, `unknown plan ${show(planId)} (not in subscription.plans)`);
    }
    const orderId = str(inv['orderId']);
    if (orderId !== undefined && !facts.orderIds.has(orderId))
      report(`${at}.orderId`, `unknown order ${show(orderId)}`);
  }
  if (ledger > LIMITS.ledger) report('invoices', ledgerProblem('invoice totals', ledger));
}

function paymentRules(report: Report, payments: unknown[], invoiceIds: Set<string>): void {
  uniqueIds(report, payments, 'payments', 'id', 'payment id');
  let received = 0;
  for (let i = 0; i < payments.length; i++) {
    const pay = payments[i];
    if (!isObj(pay)) continue;
    const amount = int(pay['amount']);
    if (amount !== undefined && amount >= 0) received += amount;
    const invoiceId = str(pay['invoiceId']);
    if (invoiceId !== undefined && !invoiceIds.has(invoiceId)) {
      report(`payments[${i}].invoiceId`, `unknown invoice ${show(invoiceId)}`);
    }
  }
  if (received > LIMITS.ledger) report('payments', ledgerProblem('payments', received));
}

/** The billing details by the rules the API applies to them (a contact among the people, recipients unique ignoring case). */
function detailsRules(report: Report, details: unknown, personIds: Set<string>): void {
  if (details === undefined) return;
  for (const issue of checkBillingDetails(details, personIds)) {
    report(issue.field ? `billingDetails.${issue.field}` : 'billingDetails', issue.message);
  }
}

/**
 * Every rule of a world beyond its schema, in document order of the sections. `world` is
 * anything: only values of the form a rule needs are read. Returns the people's ids; with
 * `events` false, the activity's rule is left to the caller ({@link knownPersons}).
 */
export function worldRules(report: Report, world: unknown, events = true): ReadonlySet<string> {
  if (!isObj(world)) return new Set();
  const tenant = isObj(world['tenant']) ? world['tenant'] : {};
  const subscription = isObj(world['subscription']) ? world['subscription'] : {};
  const facts: Facts = {
    planIds: new Set(),
    planModels: new Map(),
    prepaid: undefined,
    currency: tenantRules(report, tenant),
    personIds: new Set(),
    orderIds: new Set(),
    invoiceIds: new Set(),
  };
  subscriptionRules(report, subscription, facts);
  todayRule(report, world, subscription, facts.prepaid);
  facts.personIds = peopleRules(report, list(world, 'people'));
  if (events) activityRules(report, list(world, 'activity'), facts.personIds);
  const licenses = subscription['licenses'];
  const initialCount = isObj(licenses) ? int(licenses['initialCount']) : undefined;
  orderRules(report, list(world, 'orders'), facts, initialCount);
  invoiceRules(report, list(world, 'invoices'), facts);
  paymentRules(report, list(world, 'payments'), facts.invoiceIds);
  detailsRules(report, world['billingDetails'], facts.personIds);
  return facts.personIds;
}
