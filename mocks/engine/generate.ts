/**
 * A seeded generator of realistic tenant worlds, for demos, property tests and benchmarks.
 *
 * Pure and deterministic: the same options give a deep-equal world, on every run and
 * every engine. Randomness comes from {@link mulberry32} streams derived from the seed
 * (one for the tenant and people, one for activity), so switching activity on or off
 * does not change who the people are.
 *
 * The world passes `validateWorld` for every model and seed. Invoices, payments and orders
 * are left empty: other engine modules derive them from the world.
 *
 * The pieces: `generate-random.ts` (the seeded streams), `generate-profiles.ts` (products,
 * editions, countries), `generate-people.ts` (the people and the license terms that cover
 * them), `generate-activity.ts` (their activity); this module puts a world together.
 */
import { addMonths, daysInMonth, fromDayNumber, isIsoDate, isTimeZone, monthOf, toDayNumber } from './dates.js';
import { generateActivity } from './generate-activity.js';
import { generatePeople, licenseTerms, slug } from './generate-people.js';
import { COMPANY_SECTORS, COMPANY_WORDS, PROFILES } from './generate-profiles.js';
import { deriveSeed, Rng } from './generate-random.js';
import { isCurrency } from './money.js';
import { LIMITS } from './limits.js';
import type { BillingModel, IsoDate, PaymentMethod, Subscription, Tenant, World } from './types.js';

export { deriveSeed, mulberry32, Rng } from './generate-random.js';

/** What {@link generateWorld} makes. */
export interface GenerateOptions {
  /** Any finite number; the same seed gives the same world. */
  seed: number;
  /** Exact number of persons (deactivated and deleted ones included). */
  people: number;
  /** The billing model of the subscription's plan and of its whole catalogue. */
  model: BillingModel;
  /** "Today" of the world. Default `2026-11-22`. */
  today?: IsoDate;
  /** Months of history before today's month; the subscription starts on the 1st of the first. Default 12. */
  historyMonths?: number;
  /** IANA time zone; default per model (the tenant's country). */
  timeZone?: string;
  /** ISO 4217 currency; default per model (Workplace bills in USD). */
  currency?: string;
  /** Generate activity events. Default: true for `full-month` (B3 needs them), false otherwise. */
  withActivity?: boolean;
}

/** "Today" of a generated world unless the options say otherwise. */
export const DEFAULT_TODAY: IsoDate = '2026-11-22';
/** Months of history before today's month unless the options say otherwise. */
export const DEFAULT_HISTORY_MONTHS = 12;

function checkOptions(o: GenerateOptions): void {
  if (!Number.isFinite(o.seed)) throw new RangeError(`seed must be a finite number, got ${o.seed}`);
  if (!Number.isSafeInteger(o.people) || o.people < 0) {
    throw new RangeError(`people must be a non-negative integer, got ${o.people}`);
  }
  if (!(o.model in PROFILES)) throw new RangeError(`unknown billing model ${JSON.stringify(o.model)}`);
  if (o.today !== undefined && !isIsoDate(o.today)) throw new RangeError(`today must be YYYY-MM-DD, got ${o.today}`);
  const h = o.historyMonths;
  if (h !== undefined && (!Number.isSafeInteger(h) || h < 0 || h > 1200)) {
    throw new RangeError(`historyMonths must be an integer 0..1200, got ${h}`);
  }
  if (o.timeZone !== undefined && !isTimeZone(o.timeZone)) throw new RangeError(`unknown time zone ${o.timeZone}`);
  if (o.currency !== undefined && !isCurrency(o.currency)) throw new RangeError(`unknown currency ${o.currency}`);
  // Within the dates a world may hold (LIMITS): a trial of up to 30 days ends in the
  // month before the first billed month, so that month starts two months after them.
  const today = o.today ?? DEFAULT_TODAY;
  if (today < LIMITS.firstDate || today > LIMITS.lastToday) {
    throw new RangeError(`today must be from ${LIMITS.firstDate} through ${LIMITS.lastToday}, got ${today}`);
  }
  const first = addMonths(monthOf(today), -(h ?? DEFAULT_HISTORY_MONTHS));
  const earliest = addMonths(LIMITS.firstDate.slice(0, 7), 2);
  if (first < earliest) {
    throw new RangeError(
      `the history must start in ${earliest} or later (dates begin ${LIMITS.firstDate}), got ${first}`,
    );
  }
}

/**
 * A realistic, deterministic tenant world (see the module comment). Throws a
 * `RangeError` for options that make no sense (negative people, unknown zone…).
 */
export function generateWorld(options: GenerateOptions): World {
  checkOptions(options);
  const { model } = options;
  const today = options.today ?? DEFAULT_TODAY;
  const historyMonths = options.historyMonths ?? DEFAULT_HISTORY_MONTHS;
  const withActivity = options.withActivity ?? model === 'full-month';
  const profile = PROFILES[model];
  const rng = new Rng(deriveSeed(options.seed, 0));

  // --- tenant ------------------------------------------------------------------------
  const country = rng.weighted(profile.countries);
  const currency = options.currency ?? country.currency;
  const word = rng.pick(COMPANY_WORDS);
  const sector = rng.pick(COMPANY_SECTORS);
  const domain = `${slug(word)}-${slug(sector)}.example`;
  const tenant: Tenant = {
    id: `tenant-${deriveSeed(options.seed, 7).toString(16).padStart(8, '0')}`,
    name: `${word} ${sector} ${country.legal}`,
    ...(country.vat ? { vatNumber: country.vat(rng) } : {}),
    timeZone: options.timeZone ?? country.timeZone,
    currency,
    paymentTermDays: rng.pick([14, 30] as const),
    taxRate: country.taxRate,
    locale: country.locale,
  };

  // --- calendar ----------------------------------------------------------------------
  const todayN = toDayNumber(today);
  const firstMonth = addMonths(monthOf(today), -historyMonths);
  const startedOn = `${firstMonth}-01`;
  const startN = toDayNumber(startedOn);
  const dateCache = new Map<number, IsoDate>();
  const dateOf = (n: number): IsoDate => {
    let d = dateCache.get(n);
    if (d === undefined) {
      d = fromDayNumber(n);
      dateCache.set(n, d);
    }
    return d;
  };

  // --- plans -------------------------------------------------------------------------
  const factor = options.currency !== undefined && options.currency !== country.currency ? 1 : country.priceFactor;
  const plans = profile.plans(rng, factor);
  const planId = profile.startPlan(rng, options.people, plans);

  // --- people ------------------------------------------------------------------------
  const { people, spans } = generatePeople(rng, options.people, {
    model,
    profile,
    domain,
    startN,
    todayN,
    dateOf,
  });

  // --- subscription ------------------------------------------------------------------
  const subscription: Subscription = { planId, plans, startedOn };
  if (model === 'full-month' || model === 'invited') {
    // The trial ended in the month before the first billed month (billing-rules: Trials).
    const prev = addMonths(firstMonth, -1);
    const trialEnd = toDayNumber(`${prev}-01`) + rng.int(0, daysInMonth(prev) - 1);
    subscription.trial = { startedOn: dateOf(trialEnd - 29), lengthDays: 30 };
  }
  if (model === 'prepaid-licenses') subscription.licenses = licenseTerms(rng, spans, startN, todayN);
  const startPlan = plans.find((p) => p.id === planId);
  if (startPlan?.storageGb !== undefined) {
    subscription.storageUsedGb = Math.round(rng.next() * startPlan.storageGb * 8) / 10;
  }
  if (rng.chance(0.3)) subscription.poNumber = `PO-${today.slice(0, 4)}-${rng.int(1000, 9999)}`;

  const paymentMethod: PaymentMethod = {
    kind: 'card',
    brand: rng.weighted([
      ['visa', 5],
      ['mastercard', 4],
      ['amex', 1],
    ] as const),
    last4: String(rng.int(0, 9999)).padStart(4, '0'),
    expires: addMonths(monthOf(today), rng.int(3, 48)),
  };

  const activity = withActivity
    ? generateActivity(new Rng(deriveSeed(options.seed, 1)), people, spans, startN, todayN, dateOf)
    : [];

  return {
    schemaVersion: 1,
    today,
    tenant,
    subscription,
    people,
    activity,
    orders: [],
    invoices: [],
    payments: [],
    paymentMethod,
  };
}
