/**
 * Usage: who counts, on which day, and what a month's bill is based on (billing models
 * B1–B5 of shared/billing-rules.md).
 *
 * Everything works on calendar dates as epoch day numbers ({@link toDayNumber}), so DST,
 * midnight and UTC offsets cannot shift a count. The world's `today` is the only clock.
 *
 * Performance: a world may hold 100,000 people with a year of history. Indexes are built
 * once and cached in `WeakMap`s keyed by the world's `people` (and `activity`) arrays —
 * worlds are never mutated, the store replaces them and shares the arrays it did not
 * change:
 * - every person's active interval `[billingStart, min(deactivatedOn, deletedOn))` as
 *   prefix counts of start and end day numbers, so "how many are active on day d" is two
 *   look-ups, and "how many are active on at least one day of a month" two more. Cost
 *   grows with lifecycle events, not with people × days.
 * - activity (built only when a rule needs it, i.e. B3): per person the sorted days of
 *   their qualifying activity, and the merged 30-day windows all their events cover, so
 *   the "monthly active users" of any day is again two look-ups.
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
import { firstBilledMonth } from './trial.js';
import { QUALIFYING_ACTIVITY } from './types.js';
import type { ActivityEvent, BillingModel, BillingReason, Person, PersonBilling, Plan, World } from './types.js';

/** Days a "monthly active users" window spans, ending on (and including) its last day. */
export const MONTHLY_ACTIVE_WINDOW_DAYS = 30;

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

/** Day numbers: `Infinity` (never) needs a Float64Array; finite-only lists may be Int32Array. */
type DayArray = Float64Array | Int32Array;

/** Number of elements of sorted `arr` that are `<= x`. */
function countAtMost(arr: DayArray, x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Stable counting sort: the positions of `keys` (integers `lo..lo + range − 1`, or
 * `Infinity`, which sorts last), ascending, ties in index order. O(n + range).
 */
function countingOrder(keys: ArrayLike<number>, lo: number, range: number): Int32Array {
  const n = keys.length;
  const slots = new Int32Array(range + 2);
  for (let i = 0; i < n; i++) {
    const k = keys[i] as number;
    const slot = (k === Infinity ? range : k - lo) + 1;
    slots[slot] = (slots[slot] as number) + 1;
  }
  for (let j = 1; j < slots.length; j++) slots[j] = (slots[j] as number) + (slots[j - 1] as number);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[i] as number;
    const slot = k === Infinity ? range : k - lo;
    out[slots[slot] as number] = i;
    slots[slot] = (slots[slot] as number) + 1;
  }
  return out;
}

/**
 * The positions of day numbers `keys` (integers or `Infinity`) in ascending order, ties
 * in index order: a counting sort when the days span a reasonable range (always, for
 * real data), a comparison sort otherwise.
 */
function orderByDay(keys: DayArray): Int32Array {
  const n = keys.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const k = keys[i] as number;
    if (k === Infinity) continue;
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  if (lo === Infinity) return Int32Array.from({ length: n }, (_, i) => i);
  const range = hi - lo + 1;
  if (range <= 4 * n + 65536) return countingOrder(keys, lo, range);
  return Int32Array.from({ length: n }, (_, i) => i).sort((x, y) => {
    const kx = keys[x] as number;
    const ky = keys[y] as number;
    return kx < ky ? -1 : kx > ky ? 1 : x - y;
  });
}

/** `values` rearranged by `order`. */
function permute(values: DayArray, order: Int32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) out[k] = values[order[k] as number] as number;
  return out;
}

/**
 * How many of a fixed list of day numbers (integers, or `Infinity` for "never") are
 * `<= d`, in O(1): prefix counts over the days the values span. Falls back to binary
 * search over the sorted values when they span an unreasonable range.
 */
class DayCounts {
  private readonly lo: number;
  /** `cum[k]` = number of values `<= lo + k`. */
  private readonly cum: Int32Array | null;
  private readonly sorted: Float64Array | null;

  constructor(values: DayArray) {
    const n = values.length;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      if (v === Infinity) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    this.lo = lo;
    if (lo === Infinity) {
      this.cum = new Int32Array(0);
      this.sorted = null;
    } else if (hi - lo + 1 <= 4 * n + 65536) {
      const cum = new Int32Array(hi - lo + 1);
      for (let i = 0; i < n; i++) {
        const v = values[i] as number;
        if (v !== Infinity) cum[v - lo] = (cum[v - lo] as number) + 1;
      }
      for (let k = 1; k < cum.length; k++) cum[k] = (cum[k] as number) + (cum[k - 1] as number);
      this.cum = cum;
      this.sorted = null;
    } else {
      this.cum = null;
      this.sorted = Float64Array.from(values).sort();
    }
  }

  /** Number of values `<= d`. */
  atMost(d: number): number {
    const cum = this.cum;
    if (cum === null) return countAtMost(this.sorted as Float64Array, d);
    if (cum.length === 0 || d < this.lo) return 0;
    const k = d - this.lo;
    return (k >= cum.length ? cum[cum.length - 1] : cum[k]) as number;
  }
}

/**
 * A multiset of non-empty half-open day intervals `[start, end)` (end may be `Infinity`),
 * answering counts from the prefix counts of their starts and ends.
 */
class IntervalIndex {
  private readonly startsAtMost: DayCounts;
  private readonly endsAtMost: DayCounts;
  private readonly rawStarts: DayArray;
  private readonly rawEnds: DayArray;
  private byStart: { starts: Float64Array; ends: Float64Array } | undefined;

  /** Every interval must have `start < end`. */
  constructor(starts: DayArray, ends: DayArray) {
    this.rawStarts = starts;
    this.rawEnds = ends;
    this.startsAtMost = new DayCounts(starts);
    this.endsAtMost = new DayCounts(ends);
  }

  /** Intervals containing day `d`. */
  activeOn(d: number): number {
    return this.startsAtMost.atMost(d) - this.endsAtMost.atMost(d);
  }

  /** Intervals meeting at least one day of `a..b` (`a <= b`). */
  touching(a: number, b: number): number {
    // start <= b and end > a; every interval with end <= a has start < a <= b.
    return this.startsAtMost.atMost(b) - this.endsAtMost.atMost(a);
  }

  /** Intervals containing every day of `a..b` (`a <= b`). */
  covering(a: number, b: number): number {
    // #(start <= a ∧ end > b) = #(start <= a) − #(end <= b) + #(start > a ∧ end <= b);
    // the last term only looks at the intervals starting inside the range.
    const { starts, ends } = this.sortedByStart();
    let inside = 0;
    for (let i = countAtMost(starts, a); i < starts.length && (starts[i] as number) <= b; i++) {
      if ((ends[i] as number) <= b) inside++;
    }
    return this.startsAtMost.atMost(a) - this.endsAtMost.atMost(b) + inside;
  }

  /** The intervals ordered by start (built on first use). */
  private sortedByStart(): { starts: Float64Array; ends: Float64Array } {
    if (!this.byStart) {
      const order = orderByDay(this.rawStarts);
      this.byStart = { starts: permute(this.rawStarts, order), ends: permute(this.rawEnds, order) };
    }
    return this.byStart;
  }
}

/** Builds the index of the intervals `[starts[i], ends[i])` for the `i` where `keep(i)` and `start < end`. */
function intervalsWhere(starts: Float64Array, ends: Float64Array, keep: (i: number) => boolean): IntervalIndex {
  const n = starts.length;
  const ss = new Float64Array(n);
  const es = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const s = starts[i] as number;
    const e = ends[i] as number;
    if (s < e && keep(i)) {
      ss[m] = s;
      es[m] = e;
      m++;
    }
  }
  return new IntervalIndex(ss.subarray(0, m), es.subarray(0, m));
}

/**
 * Parses calendar dates to day numbers, throwing a WorldError naming `prefix[i].field`
 * for anything that is not one. Memoised: a world repeats the same few hundred dates.
 */
class DayParser {
  private readonly memo = new Map<string, number>();
  private lastText = '';
  private lastDay = NaN;

  day(value: unknown, prefix: string, i: number, field: string): number {
    if (value === this.lastText) return this.lastDay;
    if (typeof value === 'string') {
      const hit = this.memo.get(value);
      if (hit !== undefined) {
        this.lastText = value;
        this.lastDay = hit;
        return hit;
      }
    }
    if (!isIsoDate(value)) {
      throw new WorldError(`${prefix}[${i}].${field}`, `not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
    }
    const day = toDayNumber(value);
    this.memo.set(value, day);
    this.lastText = value;
    this.lastDay = day;
    return day;
  }
}

// ---------------------------------------------------------------------------------------
// The per-world people index

interface PeopleIndex {
  n: number;
  /** billingStart as a day number. */
  start: Float64Array;
  /** First inactive day: min(deactivatedOn, deletedOn), `Infinity` when open; never below start. */
  end: Float64Array;
  /** deletedOn, `Infinity` when not deleted. */
  deleted: Float64Array;
  /** invitedOn, `Infinity` when never invited. */
  invited: Float64Array;
  guest: Uint8Array;
  /** Every person's active interval. */
  all: IntervalIndex;
  /** Non-guests only (B3), built on first use. */
  nonGuest: () => IntervalIndex;
  /** `[max(billingStart, invitedOn), end)` of invited persons (B4), built on first use. */
  invitedActive: () => IntervalIndex;
}

/**
 * Keyed by the `people` array rather than the world: worlds are immutable and the store
 * shares unchanged arrays between successive worlds, so an index outlives a change that
 * did not touch the people (a payment, a PO number…).
 */
const peopleIndexes = new WeakMap<readonly Person[], PeopleIndex>();

function lazy<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: make() }).v;
}

function peopleIndex(world: World): PeopleIndex {
  const cached = Array.isArray(world.people) ? peopleIndexes.get(world.people) : undefined;
  if (cached) return cached;
  const people = world.people;
  if (!Array.isArray(people)) throw new WorldError('people', 'must be a list of persons');
  const n = people.length;
  const parser = new DayParser();
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const deleted = new Float64Array(n);
  const invited = new Float64Array(n);
  const guest = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = people[i] as Person;
    const s = parser.day(p.billingStart, 'people', i, 'billingStart');
    let e = p.deactivatedOn === undefined ? Infinity : parser.day(p.deactivatedOn, 'people', i, 'deactivatedOn');
    const del = p.deletedOn === undefined ? Infinity : parser.day(p.deletedOn, 'people', i, 'deletedOn');
    if (del < e) e = del;
    // A person whose end is on or before their start is never active: an empty interval.
    start[i] = s;
    end[i] = e < s ? s : e;
    deleted[i] = del;
    invited[i] = p.invitedOn === undefined ? Infinity : parser.day(p.invitedOn, 'people', i, 'invitedOn');
    guest[i] = p.guest === true ? 1 : 0;
  }
  const index: PeopleIndex = {
    n,
    start,
    end,
    deleted,
    invited,
    guest,
    all: intervalsWhere(start, end, () => true),
    nonGuest: lazy(() => intervalsWhere(start, end, (i) => guest[i] === 0)),
    invitedActive: lazy(() => {
      const from = new Float64Array(n);
      for (let i = 0; i < n; i++) from[i] = Math.max(start[i] as number, invited[i] as number);
      return intervalsWhere(from, end, () => true);
    }),
  };
  peopleIndexes.set(people, index);
  return index;
}

// ---------------------------------------------------------------------------------------
// The per-world activity index

interface ActivityIndex {
  /**
   * Qualifying activity days per person, ascending: person `i`'s are
   * `qualifyingDays[qualifyingFrom[i] .. qualifyingFrom[i + 1])`.
   */
  qualifyingFrom: Int32Array;
  qualifyingDays: Int32Array;
  /**
   * Per person, the merged windows `[eventDay, eventDay + 30)` their events cover: the
   * number of intervals containing day `e` is the number of distinct persons with an
   * event in the 30 days ending on `e`.
   */
  monthlyActive: IntervalIndex;
}

/**
 * 1 for a qualifying activity kind, 2 for a known kind that does not qualify (viewing a
 * notification), 0 for anything else. A switch rather than a set lookup: it runs once per
 * activity event, and worlds hold millions of them.
 */
function activityKindCode(kind: unknown): 0 | 1 | 2 {
  switch (kind) {
    case 'login':
    case 'web-visit':
    case 'mobile-visit':
    case 'admin-panel':
    case 'chat':
      return 1;
    case 'push-notification-view':
    case 'email-notification-view':
      return 2;
    default:
      return 0;
  }
}

// Keep the switch in step with the rules' list of qualifying kinds.
for (const kind of QUALIFYING_ACTIVITY) {
  if (activityKindCode(kind) !== 1) throw new Error(`usage.ts: activity kind ${kind} must qualify`);
}

/** Keyed by the `activity` array, then the `people` array (it maps ids to positions in it). */
const activityIndexes = new WeakMap<readonly ActivityEvent[], WeakMap<readonly Person[], ActivityIndex>>();

/** Sorts each segment `values[from[j] .. from[j + 1])` in place (they usually arrive sorted). */
function sortSegments(values: Int32Array, from: Int32Array): void {
  for (let j = 0; j + 1 < from.length; j++) {
    const lo = from[j] as number;
    const hi = from[j + 1] as number;
    let sorted = true;
    for (let t = lo + 1; t < hi && sorted; t++) sorted = (values[t - 1] as number) <= (values[t] as number);
    if (!sorted) values.subarray(lo, hi).sort();
  }
}

/** Turns per-slot counts (`counts[i + 1]` = size of slot `i`) into slot starts, in place. */
function prefixSum(counts: Int32Array): void {
  for (let i = 1; i < counts.length; i++) counts[i] = (counts[i] as number) + (counts[i - 1] as number);
}

/**
 * Builds the activity index in a few linear passes over typed arrays (a world may hold
 * millions of events): one pass to resolve each event's person, kind and day, one to
 * group the days per person (a counting sort that keeps their order), one to merge each
 * person's 30-day windows.
 */
function activityIndex(world: World): ActivityIndex {
  const events = world.activity;
  if (!Array.isArray(events)) throw new WorldError('activity', 'must be a list of activity events');
  if (!Array.isArray(world.people)) throw new WorldError('people', 'must be a list of persons');
  let byPeople = activityIndexes.get(events);
  const cached = byPeople?.get(world.people);
  if (cached) return cached;
  const nPeople = world.people.length;
  const byId = new Map<string, number>();
  for (let i = 0; i < nPeople; i++) {
    const id = (world.people[i] as Person).id;
    if (byId.has(id)) throw new WorldError(`people[${i}].id`, `duplicate person id ${JSON.stringify(id)}`);
    byId.set(id, i);
  }
  const parser = new DayParser();
  const m = events.length;
  /** Person index of each event; `~index` (negative) for a qualifying one. */
  const who = new Int32Array(m);
  const when = new Int32Array(m);
  const allFrom = new Int32Array(nPeople + 1);
  const qualifyingFrom = new Int32Array(nPeople + 1);
  let lastId: unknown = undefined;
  let lastIndex = -1;
  for (let k = 0; k < m; k++) {
    const ev = events[k] as ActivityEvent;
    let i = lastIndex;
    if (ev.personId !== lastId) {
      const found = byId.get(ev.personId);
      if (found === undefined) {
        throw new WorldError(`activity[${k}].personId`, `no person with id ${JSON.stringify(ev.personId)}`);
      }
      i = lastIndex = found;
      lastId = ev.personId;
    }
    const kind = activityKindCode(ev.kind);
    if (kind === 0) throw new WorldError(`activity[${k}].kind`, `unknown activity kind ${JSON.stringify(ev.kind)}`);
    when[k] = parser.day(ev.on, 'activity', k, 'on');
    allFrom[i + 1] = (allFrom[i + 1] as number) + 1;
    if (kind === 1) {
      who[k] = ~i;
      qualifyingFrom[i + 1] = (qualifyingFrom[i + 1] as number) + 1;
    } else {
      who[k] = i;
    }
  }
  prefixSum(allFrom);
  prefixSum(qualifyingFrom);
  const allDays = new Int32Array(m);
  const qualifyingDays = new Int32Array(qualifyingFrom[nPeople] as number);
  const allFill = allFrom.slice(0, nPeople);
  const qualifyingFill = qualifyingFrom.slice(0, nPeople);
  for (let k = 0; k < m; k++) {
    const code = who[k] as number;
    const i = code < 0 ? ~code : code;
    const day = when[k] as number;
    allDays[allFill[i] as number] = day;
    allFill[i] = (allFill[i] as number) + 1;
    if (code < 0) {
      qualifyingDays[qualifyingFill[i] as number] = day;
      qualifyingFill[i] = (qualifyingFill[i] as number) + 1;
    }
  }
  sortSegments(allDays, allFrom);
  sortSegments(qualifyingDays, qualifyingFrom);
  // Merge each person's windows; `who` and `when` are free again and hold the result.
  const starts = when;
  const ends = who;
  let w = 0;
  for (let i = 0; i < nPeople; i++) {
    const lo = allFrom[i] as number;
    const hi = allFrom[i + 1] as number;
    if (lo === hi) continue;
    let s = allDays[lo] as number;
    let e = s + MONTHLY_ACTIVE_WINDOW_DAYS;
    for (let t = lo + 1; t < hi; t++) {
      const d = allDays[t] as number;
      if (d > e) {
        starts[w] = s;
        ends[w] = e;
        w++;
        s = d;
      }
      e = d + MONTHLY_ACTIVE_WINDOW_DAYS;
    }
    starts[w] = s;
    ends[w] = e;
    w++;
  }
  const index: ActivityIndex = {
    qualifyingFrom,
    qualifyingDays,
    monthlyActive: new IntervalIndex(starts.subarray(0, w), ends.subarray(0, w)),
  };
  if (!byPeople) activityIndexes.set(events, (byPeople = new WeakMap()));
  byPeople.set(world.people, index);
  return index;
}

/** Whether person `i` has a qualifying activity on a day in `from..through`. */
function hasQualifyingBetween(activity: ActivityIndex, i: number, from: number, through: number): boolean {
  const days = activity.qualifyingDays;
  let lo = activity.qualifyingFrom[i] as number;
  let hi = activity.qualifyingFrom[i + 1] as number;
  // First of the person's days >= from.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < (activity.qualifyingFrom[i + 1] as number) && (days[lo] as number) <= through;
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
  const activity = activityIndex(world);
  let count = 0;
  for (let i = 0; i < ix.n; i++) {
    if (isFullMonth(ix, i, w) && hasQualifyingBetween(activity, i, w.first, w.through)) count++;
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
  /** B3 with requiresActivity: the activity index (qualifying activity must fall in the counted days). */
  activity: ActivityIndex | null;
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
  const activity = plan.model === 'full-month' && plan.requiresActivity === true ? activityIndex(world) : null;
  return { world, ix, w, model: plan.model, peakDay, activity, dates: new Map() };
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
      return (
        isFullMonth(ix, i, w) && (ctx.activity === null || hasQualifyingBetween(ctx.activity, i, w.first, w.through))
      );
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
