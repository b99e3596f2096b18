/**
 * Usage: who counts, on which day, and what a month's bill is based on (billing models
 * B1–B5 of shared/billing-rules.md).
 *
 * Everything works on calendar dates as epoch day numbers ({@link toDayNumber}), so DST,
 * midnight and UTC offsets cannot shift a count. The world's `today` is the only clock.
 *
 * Performance: a world may hold 100,000 people with a year of history. The rules read it
 * through the indexes of `indexes.ts` (built once per world, cached by the identity of its
 * `people` and `activity` arrays): "how many are active on day d" or "on at least one day
 * of a month" is a few look-ups, whatever the number of people.
 */
import {
  firstDayOfMonth,
  fromDayNumber,
  isIsoDate,
  isYearMonth,
  lastDayOfMonth,
  monthsOfYear,
  toDayNumber,
} from './dates.js';
import type { IsoDate, YearMonth } from './dates.js';
import { WorldError } from './errors.js';
import { activityIndex, peopleIndex } from './indexes.js';
import type { PeopleIndex } from './indexes.js';
import { firstBilledMonth } from './trial.js';
import type { BillingModel, BillingReason, Person, PersonBilling, Plan, World } from './types.js';

export { MONTHLY_ACTIVE_WINDOW_DAYS } from './indexes.js';

/** The daily user counts of one month (B1's basis; shown for every model). */
export interface DailyCounts {
  month: YearMonth;
  /**
   * One entry per day: the number of distinct persons active that day. Every day of a
   * closed month; for the open month (the one containing `today`) the days through
   * today; for a future month none.
   */
  days: { date: IsoDate; count: number }[];
  /** The highest daily count and the first day it was reached; `null` when nobody was active (or no days yet). */
  peak: { count: number; on: IsoDate } | null;
  /** The plan's included users (B1), `null` when the plan has none. */
  includedUsers: number | null;
  /** True for the open month and future months: figures may still change. */
  provisional: boolean;
}

/** What one month's bill is based on. Money is computed elsewhere (invoices.ts). */
export interface MonthBilling {
  month: YearMonth;
  /** The model of the plan in force on the month's first day. */
  model: BillingModel;
  planId: string;
  /**
   * The number of users billed: B1 the peak daily count; B2 distinct persons active on
   * at least one day; B3 persons active every day (non-guest, with a qualifying activity
   * when the plan requires one); B4 persons active and invited on at least one day;
   * B5 persons active on the month's last day (or today), i.e. licenses in use.
   */
  billedCount: number;
  /** Highest daily count and the first day reached (every model; `null` when nobody was active). */
  peak: { count: number; on: IsoDate } | null;
  /** The plan's included users, `null` when it has none. */
  includedUsers: number | null;
  /** B1: max(0, peak − includedUsers). `null` for other models. */
  extraUsers: number | null;
  /** Distinct persons active on at least one day of the month (through today for the open month). */
  distinctActive: number;
  /**
   * B3 only (`null` otherwise, and for future months): distinct persons with any activity
   * event (qualifying or not, guests included) in the 30 days ending on the month's last
   * day, or on today for the open month. This is the "monthly active users" report figure,
   * usually higher than the billed count.
   */
  monthlyActiveUsers: number | null;
  /** True for the open month and future months. */
  provisional: boolean;
  /** True when the month is before the first billed month (e.g. during or right after a trial). */
  beforeFirstBilledMonth: boolean;
}

// ---------------------------------------------------------------------------------------
// Small helpers

/**
 * Whether a person is active on `day`: `billingStart <= day < min(deactivatedOn, deletedOn)`
 * (an absent end is open-ended). Compares the (validated) date strings directly, so it is
 * cheap enough to call for every person.
 *
 * @throws RangeError when `day` is not a calendar date.
 */
export function isActiveOn(person: Person, day: IsoDate): boolean {
  if (!isIsoDate(day)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(day)}`);
  if (person.billingStart > day) return false;
  if (person.deactivatedOn !== undefined && person.deactivatedOn <= day) return false;
  if (person.deletedOn !== undefined && person.deletedOn <= day) return false;
  return true;
}

// ---------------------------------------------------------------------------------------
// Plans

interface PlanChange {
  effectiveOn: IsoDate;
  plan: Plan;
}

const planTimelines = new WeakMap<World, { initial: Plan; changes: PlanChange[] }>();

function findPlan(world: World, planId: unknown, field: string): Plan {
  const plans = world.subscription.plans;
  if (!Array.isArray(plans)) throw new WorldError('subscription.plans', 'must be a list of plans');
  const plan = plans.find((p) => p.id === planId);
  if (!plan) throw new WorldError(field, `no plan with id ${JSON.stringify(planId)} in subscription.plans`);
  return plan;
}

function planTimeline(world: World): { initial: Plan; changes: PlanChange[] } {
  const cached = planTimelines.get(world);
  if (cached) return cached;
  const initial = findPlan(world, world.subscription.planId, 'subscription.planId');
  const orders = Array.isArray(world.orders) ? world.orders : [];
  const changes: (PlanChange & { seq: number })[] = [];
  orders.forEach((order, k) => {
    if (order.kind !== 'change-plan') return;
    if (!isIsoDate(order.effectiveOn)) {
      throw new WorldError(
        `orders[${k}].effectiveOn`,
        `not a calendar date (YYYY-MM-DD): ${JSON.stringify(order.effectiveOn)}`,
      );
    }
    if (order.planId === undefined)
      throw new WorldError(`orders[${k}].planId`, 'a change-plan order needs the new plan');
    changes.push({
      effectiveOn: order.effectiveOn,
      plan: findPlan(world, order.planId, `orders[${k}].planId`),
      seq: k,
    });
  });
  changes.sort((x, y) => (x.effectiveOn < y.effectiveOn ? -1 : x.effectiveOn > y.effectiveOn ? 1 : x.seq - y.seq));
  const timeline = { initial, changes: changes.map(({ effectiveOn, plan }) => ({ effectiveOn, plan })) };
  planTimelines.set(world, timeline);
  return timeline;
}

/**
 * The plan that bills `month`: the subscription's plan, moved by every `change-plan`
 * order effective on or before the month's first day (orders applied in `effectiveOn`
 * order; a change effective mid-month applies from the next month).
 *
 * @throws RangeError for a malformed month; WorldError naming `subscription.planId` or
 *   `orders[i].planId` for an unknown plan.
 */
export function planForMonth(world: World, month: YearMonth): Plan {
  return planOn(world, firstDayOfMonth(month));
}

/** The plan in force on `day`: the subscription's, moved by `change-plan` orders effective on or before it. */
export function planOn(world: World, day: IsoDate): Plan {
  const { initial, changes } = planTimeline(world);
  let plan = initial;
  for (const change of changes) {
    if (change.effectiveOn > day) break;
    plan = change.plan;
  }
  return plan;
}

function includedUsersOf(world: World, plan: Plan): number | null {
  const included = plan.includedUsers;
  if (included === undefined || included === null) {
    if (plan.model === 'peak-daily')
      throw new WorldError(planField(world, plan, 'includedUsers'), 'a peak-daily plan needs includedUsers');
    return null;
  }
  if (!Number.isInteger(included) || included < 0) {
    throw new WorldError(
      planField(world, plan, 'includedUsers'),
      `must be a whole number ≥ 0, got ${String(included)}`,
    );
  }
  return included;
}

function planField(world: World, plan: Plan, field: string): string {
  return `subscription.plans[${world.subscription.plans.indexOf(plan)}].${field}`;
}

// ---------------------------------------------------------------------------------------
// Month windows

interface MonthWindow {
  month: YearMonth;
  /** First day of the month. */
  first: number;
  /** Last day of the month. */
  last: number;
  /** Last day counted: `last` for a closed month, today for the open one; `< first` for a future month. */
  through: number;
  state: 'closed' | 'open' | 'future';
}

function todayOf(world: World): number {
  if (!isIsoDate(world.today))
    throw new WorldError('today', `not a calendar date (YYYY-MM-DD): ${JSON.stringify(world.today)}`);
  return toDayNumber(world.today);
}

function monthWindow(world: World, month: YearMonth): MonthWindow {
  if (!isYearMonth(month)) throw new RangeError(`Not a month (YYYY-MM): ${JSON.stringify(month)}`);
  const first = toDayNumber(firstDayOfMonth(month));
  const last = toDayNumber(lastDayOfMonth(month));
  const today = todayOf(world);
  if (today > last) return { month, first, last, through: last, state: 'closed' };
  if (today >= first) return { month, first, last, through: today, state: 'open' };
  return { month, first, last, through: first - 1, state: 'future' };
}

function countsFor(ix: PeopleIndex, w: MonthWindow): Pick<DailyCounts, 'days' | 'peak'> {
  const days: { date: IsoDate; count: number }[] = [];
  let peak: { count: number; on: IsoDate } | null = null;
  for (let d = w.first; d <= w.through; d++) {
    const count = ix.all.activeOn(d);
    const date = fromDayNumber(d);
    days.push({ date, count });
    if (count > 0 && (peak === null || count > peak.count)) peak = { count, on: date };
  }
  return { days, peak };
}

/**
 * The number of distinct persons active on each day of `month`, and its peak (the first
 * day the highest count was reached). For the open month only the days through today
 * (provisional); for a future month no days and no peak.
 *
 * @throws RangeError for a malformed month; WorldError for an unusable world field.
 */
export function dailyCounts(world: World, month: YearMonth): DailyCounts {
  const w = monthWindow(world, month);
  const plan = planForMonth(world, month);
  const { days, peak } = countsFor(peopleIndex(world), w);
  return { month, days, peak, includedUsers: includedUsersOf(world, plan), provisional: w.state !== 'closed' };
}

/**
 * What `month` is billed on, under the plan in force on its first day.
 *
 * - B1 `peak-daily`: billedCount = the peak daily count; extraUsers = max(0, peak − includedUsers).
 * - B2 `per-user`: distinct persons active on at least one day.
 * - B3 `full-month`: non-guests active on every day from the 1st through the last day
 *   and, when the plan `requiresActivity`, with at least one qualifying activity
 *   (login, web/mobile visit, admin panel, chat) in the month. `monthlyActiveUsers` is
 *   read as: distinct persons with any activity event (notification views and guests
 *   included) in the 30 days ending on the month's last day — or on today for the open
 *   month.
 * - B4 `invited`: persons who, on at least one day, were both active and already invited.
 * - B5 `prepaid-licenses`: persons active on the month's last day (or today): the
 *   licenses in use. The license count itself is billed elsewhere (licenses.ts).
 *
 * The open month is computed on the days through today and marked provisional (for B3 a
 * person is "full month" so far when active every day through today). A future month has
 * no days: every count is 0, peak and monthlyActiveUsers are `null`.
 *
 * @throws RangeError for a malformed month; WorldError naming an unusable world field.
 */
export function monthBilling(world: World, month: YearMonth): MonthBilling {
  const w = monthWindow(world, month);
  const plan = planForMonth(world, month);
  const includedUsers = includedUsersOf(world, plan);
  const ix = peopleIndex(world);
  const beforeFirstBilledMonth = month < firstBilledMonth(world);
  const base = {
    month,
    model: plan.model,
    planId: plan.id,
    includedUsers,
    provisional: w.state !== 'closed',
    beforeFirstBilledMonth,
  };
  if (w.state === 'future') {
    return {
      ...base,
      billedCount: 0,
      peak: null,
      extraUsers: plan.model === 'peak-daily' ? 0 : null,
      distinctActive: 0,
      monthlyActiveUsers: null,
    };
  }
  const distinctActive = ix.all.touching(w.first, w.through);
  let peak: { count: number; on: IsoDate } | null;
  let billedCount: number;
  let extraUsers: number | null = null;
  let monthlyActiveUsers: number | null = null;
  switch (plan.model) {
    case 'peak-daily': {
      peak = countsFor(ix, w).peak;
      billedCount = peak?.count ?? 0;
      extraUsers = Math.max(0, billedCount - (includedUsers ?? 0));
      break;
    }
    case 'per-user':
      peak = countsFor(ix, w).peak;
      billedCount = distinctActive;
      break;
    case 'full-month': {
      peak = countsFor(ix, w).peak;
      billedCount =
        plan.requiresActivity === true
          ? fullMonthWithActivity(world, ix, w)
          : ix.nonGuest().covering(w.first, w.through);
      monthlyActiveUsers = activityIndex(world).monthlyActive.activeOn(w.through);
      break;
    }
    case 'invited':
      peak = countsFor(ix, w).peak;
      billedCount = ix.invitedActive().touching(w.first, w.through);
      break;
    case 'prepaid-licenses':
      peak = countsFor(ix, w).peak;
      billedCount = ix.all.activeOn(w.through);
      break;
    default:
      throw new WorldError(planField(world, plan, 'model'), `unknown billing model ${JSON.stringify(plan.model)}`);
  }
  return { ...base, billedCount, peak, extraUsers, distinctActive, monthlyActiveUsers };
}

function fullMonthWithActivity(world: World, ix: PeopleIndex, w: MonthWindow): number {
  const qualified = activityIndex(world).qualifyingIn(w.first, w.through);
  let count = 0;
  for (let i = 0; i < ix.n; i++) {
    if (isFullMonth(ix, i, w) && qualified[i] === 1) count++;
  }
  return count;
}

function isFullMonth(ix: PeopleIndex, i: number, w: MonthWindow): boolean {
  return ix.guest[i] === 0 && (ix.start[i] as number) <= w.first && (ix.end[i] as number) > w.through;
}

/**
 * {@link monthBilling} for the twelve months of `year`, January first.
 *
 * @throws RangeError when `year` is not a whole number 1–9999.
 */
export function monthlyBilling(world: World, year: number): MonthBilling[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Not a year: ${String(year)}`);
  return monthsOfYear(year).map((month) => monthBilling(world, month));
}

// ---------------------------------------------------------------------------------------
// Per-person verdicts

const BILLING_MODELS: ReadonlySet<string> = new Set<BillingModel>([
  'peak-daily',
  'per-user',
  'full-month',
  'invited',
  'prepaid-licenses',
]);

interface VerdictContext {
  world: World;
  ix: PeopleIndex;
  w: MonthWindow;
  model: BillingModel;
  /** B1: the day the peak was first reached, `null` when nobody was active. */
  peakDay: number | null;
  /** B3 with requiresActivity: per person, 1 with a qualifying activity in the counted days. */
  qualified: Uint8Array | null;
  /** Day number → date text, memoised. */
  dates: Map<number, IsoDate>;
}

function verdictContext(world: World, month: YearMonth): VerdictContext {
  const w = monthWindow(world, month);
  const plan = planForMonth(world, month);
  includedUsersOf(world, plan);
  if (!BILLING_MODELS.has(plan.model)) {
    throw new WorldError(planField(world, plan, 'model'), `unknown billing model ${JSON.stringify(plan.model)}`);
  }
  const ix = peopleIndex(world);
  let peakDay: number | null = null;
  if (plan.model === 'peak-daily') {
    const peak = countsFor(ix, w).peak;
    peakDay = peak ? toDayNumber(peak.on) : null;
  }
  const qualified =
    plan.model === 'full-month' && plan.requiresActivity === true
      ? activityIndex(world).qualifyingIn(w.first, w.through)
      : null;
  return { world, ix, w, model: plan.model, peakDay, qualified, dates: new Map() };
}

function verdictOf(
  ctx: VerdictContext,
  i: number,
  billable: boolean,
  reason: BillingReason,
  day?: number,
): PersonBilling {
  const personId = (ctx.world.people[i] as Person).id;
  if (day === undefined || !Number.isFinite(day)) return { personId, billable, reason };
  let reasonDate = ctx.dates.get(day);
  if (reasonDate === undefined) ctx.dates.set(day, (reasonDate = fromDayNumber(day)));
  return { personId, billable, reason, reasonDate };
}

/** Whether person `i` is billed for the context's month (the rule of {@link monthBilling}). */
function isBilled(ctx: VerdictContext, i: number): boolean {
  const { ix, w } = ctx;
  const s = ix.start[i] as number;
  const e = ix.end[i] as number;
  switch (ctx.model) {
    case 'peak-daily':
      return ctx.peakDay !== null && s <= ctx.peakDay && ctx.peakDay < e;
    case 'per-user': {
      const from = Math.max(s, w.first);
      return from <= w.through && from < e;
    }
    case 'full-month':
      return isFullMonth(ix, i, w) && (ctx.qualified === null || ctx.qualified[i] === 1);
    case 'invited': {
      const from = Math.max(s, ix.invited[i] as number, w.first);
      return from <= w.through && from < e;
    }
    case 'prepaid-licenses':
      return s <= w.through && w.through < e;
  }
}

function verdict(ctx: VerdictContext, i: number): PersonBilling {
  const { ix, w } = ctx;
  const s = ix.start[i] as number;
  const e = ix.end[i] as number;
  if (isBilled(ctx, i)) {
    switch (ctx.model) {
      case 'peak-daily':
        return verdictOf(ctx, i, true, 'active-on-peak-day', ctx.peakDay ?? undefined);
      case 'per-user':
        return verdictOf(ctx, i, true, 'active-in-month');
      case 'full-month':
        return verdictOf(ctx, i, true, 'active-full-month');
      case 'invited':
        return verdictOf(ctx, i, true, 'invited-and-active', ix.invited[i]);
      case 'prepaid-licenses':
        return verdictOf(ctx, i, true, 'holds-license');
    }
  }
  if (ctx.model === 'full-month' && ix.guest[i] === 1) return verdictOf(ctx, i, false, 'guest');
  // Starts after the counted days (the open month, with a join date after today).
  if (s > w.through) return verdictOf(ctx, i, false, 'not-yet-started', s);
  switch (ctx.model) {
    case 'peak-daily':
      // Nobody active at all, or ended on/before the peak day, or started after it.
      if (ctx.peakDay !== null && s > ctx.peakDay) return verdictOf(ctx, i, false, 'created-mid-month', s);
      return verdictOf(ctx, i, false, 'deactivated', e);
    case 'full-month':
      if (e <= w.first) return verdictOf(ctx, i, false, 'deactivated', e);
      if (s > w.first) return verdictOf(ctx, i, false, 'created-mid-month', s);
      if (e <= w.through) return verdictOf(ctx, i, false, 'ended-mid-month', e);
      return verdictOf(ctx, i, false, 'no-qualifying-activity');
    case 'invited': {
      const from = Math.max(s, w.first);
      if (from <= w.through && from < e) return verdictOf(ctx, i, false, 'not-invited', ix.invited[i]);
      return verdictOf(ctx, i, false, 'deactivated', e);
    }
    case 'per-user':
    case 'prepaid-licenses':
      return verdictOf(ctx, i, false, 'deactivated', e);
  }
}

function isListed(ix: PeopleIndex, i: number, today: number, w: MonthWindow): boolean {
  return (ix.deleted[i] as number) > today && (ix.start[i] as number) <= w.last;
}

/**
 * One verdict per person listed for `month`, in the order of `world.people`, with the
 * reason and the date behind it. Listed: not deleted (deletedOn absent or after today —
 * deleted people disappear from lists) and `billingStart` on or before the month's last
 * day. A future month lists nobody.
 *
 * Reasons (billed / not billed):
 * - B1 `active-on-peak-day` (date = peak day) / `created-mid-month` (started after the
 *   peak day; date = billingStart), `deactivated` (ended on or before the peak day, or
 *   nobody was active in the month; date = deactivatedOn).
 * - B2 `active-in-month` / `deactivated`.
 * - B3 `active-full-month` / `guest`, `deactivated` (ended on or before the 1st),
 *   `created-mid-month`, `ended-mid-month` (date = deactivatedOn), `no-qualifying-activity`.
 * - B4 `invited-and-active` (date = invitedOn) / `not-invited` (active in the month but
 *   not invited while active; date = a later invitedOn, if any), `deactivated`.
 * - B5 `holds-license` (active on the last day, or today) / `deactivated`.
 * - Any model, open month: `not-yet-started` (date = billingStart) for a join date after today.
 *
 * Billable verdicts + {@link hiddenDeletedCount} = {@link monthBilling}'s billedCount.
 *
 * @throws RangeError for a malformed month; WorldError naming an unusable world field.
 */
export function peopleBilling(world: World, month: YearMonth): PersonBilling[] {
  const ctx = verdictContext(world, month);
  if (ctx.w.state === 'future') return [];
  const today = todayOf(world);
  const out: PersonBilling[] = [];
  for (let i = 0; i < ctx.ix.n; i++) {
    if (isListed(ctx.ix, i, today, ctx.w)) out.push(verdict(ctx, i));
  }
  return out;
}

/**
 * {@link peopleBilling} and {@link hiddenDeletedCount} of one month without an object per
 * person: which tab each person is on and the counts come from one pass over the people
 * index's typed arrays, and a person's verdict is built only when asked (a page of the
 * users list shows a hundred of a million).
 */
export interface MonthVerdicts {
  /** Per person, in the order of `world.people`: 1 listed and billed, 0 listed and not billed, 2 not listed. */
  readonly tab: Uint8Array;
  /** Listed persons billed (the billable verdicts of {@link peopleBilling}). */
  readonly billedCount: number;
  /** Listed persons not billed. */
  readonly notBilledCount: number;
  /** {@link hiddenDeletedCount}. */
  readonly hiddenDeleted: number;
  /** Person `i`'s verdict, the one {@link peopleBilling} lists; `undefined` when not listed. */
  verdict(i: number): PersonBilling | undefined;
}

/**
 * The month's verdicts as {@link MonthVerdicts}: the same answers as {@link peopleBilling}
 * (in person order, the unlisted left out) and {@link hiddenDeletedCount}.
 *
 * @throws RangeError for a malformed month; WorldError naming an unusable world field.
 */
export function monthVerdicts(world: World, month: YearMonth): MonthVerdicts {
  const ctx = verdictContext(world, month);
  const { ix, w } = ctx;
  const tab = new Uint8Array(ix.n).fill(2);
  if (w.state === 'future') {
    return { tab, billedCount: 0, notBilledCount: 0, hiddenDeleted: 0, verdict: () => undefined };
  }
  const today = todayOf(world);
  let listed = 0;
  let billed = 0;
  let hidden = 0;
  for (let i = 0; i < ix.n; i++) {
    const isBill = isBilled(ctx, i);
    if (isListed(ix, i, today, w)) {
      listed++;
      if (isBill) billed++;
      tab[i] = isBill ? 1 : 0;
    } else if (isBill) {
      hidden++;
    }
  }
  return {
    tab,
    billedCount: billed,
    notBilledCount: listed - billed,
    hiddenDeleted: hidden,
    verdict: (i) => (tab[i] === 0 || tab[i] === 1 ? verdict(ctx, i) : undefined),
  };
}

/**
 * Person `i`'s verdict for `month` (the index in `world.people`), with the rules of
 * {@link peopleBilling}: the same verdict for a listed person, and one for a person the
 * list leaves out too (deleted since: their past months still count; starting after the
 * month: `not-yet-started`). `undefined` for a future month (nothing is counted yet).
 *
 * @throws RangeError for a malformed month or a position outside the people;
 *   WorldError naming an unusable world field.
 */
export function personVerdict(world: World, month: YearMonth, i: number): PersonBilling | undefined {
  const ctx = verdictContext(world, month);
  if (!Number.isInteger(i) || i < 0 || i >= ctx.ix.n) throw new RangeError(`No person at ${String(i)}`);
  if (ctx.w.state === 'future') return undefined;
  return verdict(ctx, i);
}

/**
 * The number of persons billed for `month` who are missing from {@link peopleBilling}'s
 * list because they have been deleted since (deletedOn on or before today): a closed
 * month's bill still counts them for the days they were active.
 *
 * @throws RangeError for a malformed month; WorldError naming an unusable world field.
 */
export function hiddenDeletedCount(world: World, month: YearMonth): number {
  const ctx = verdictContext(world, month);
  if (ctx.w.state === 'future') return 0;
  const today = todayOf(world);
  let count = 0;
  for (let i = 0; i < ctx.ix.n; i++) {
    if (!isListed(ctx.ix, i, today, ctx.w) && isBilled(ctx, i)) count++;
  }
  return count;
}
