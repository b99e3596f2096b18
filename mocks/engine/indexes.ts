/**
 * The indexes the usage rules read a world through, built once per world and cached in
 * `WeakMap`s keyed by the world's `people` (and `activity`) arrays: worlds are never
 * mutated, the store replaces them and shares the arrays it did not change. A world may
 * hold 100,000 people with a year of history, so a count must not cost people × days:
 *
 * - day numbers: prefix counts over a fixed list of days ({@link DayCounts}) and a
 *   multiset of half-open day intervals answering "how many contain day d", "touch a..b",
 *   "cover a..b" in (nearly) constant time ({@link IntervalIndex});
 * - people ({@link peopleIndex}): every person's active interval
 *   `[billingStart, min(deactivatedOn, deletedOn))`, their deletion and invitation days,
 *   guests, and the intervals of the non-guests (B3) and the invited (B4) on first use;
 * - activity ({@link activityIndex}, built only when a rule needs it, i.e. B3): the persons
 *   of the qualifying events in day order (who qualifies in a month is one pass over that
 *   month's), and the merged 30-day windows all their events cover, so the "monthly active
 *   users" of any day is two look-ups. Linear in the events, in the order they come.
 *
 * Dates are calendar dates as epoch day numbers (`toDayNumber`); a date that is not one
 * is a `WorldError` naming its field. No rules here: which interval counts for which
 * billing model is `usage.ts`.
 */
import { isIsoDate, toDayNumber } from './dates.js';
import { WorldError } from './errors.js';
import { QUALIFYING_ACTIVITY } from './types.js';
import type { ActivityEvent, Person, World } from './types.js';

/** Days a "monthly active users" window spans, ending on (and including) its last day. */
export const MONTHLY_ACTIVE_WINDOW_DAYS = 30;

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
export class IntervalIndex {
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

export interface PeopleIndex {
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

export function peopleIndex(world: World): PeopleIndex {
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

export interface ActivityIndex {
  /** Number of persons (positions in the `people` array the index was built for). */
  n: number;
  /**
   * Per person, 1 when they have a qualifying activity on a day in `from..through`:
   * counted once per window from the qualifying events of those days (the last few
   * windows asked are kept; a month asks for its window once per rule).
   */
  qualifyingIn(from: number, through: number): Uint8Array;
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
  if (activityKindCode(kind) !== 1) throw new Error(`indexes.ts: activity kind ${kind} must qualify`);
}

/**
 * Keyed by the `activity` array, then the `people` array (the index maps ids to positions
 * in it). The ids of the last people array indexed are kept: a new people array with the
 * same ids in the same places (a person deactivated, reactivated, renamed: none added,
 * removed or moved) shares the index, checked in one pass over the ids, instead of
 * reading every event again (seconds, for millions of them).
 */
const activityIndexes = new WeakMap<
  readonly ActivityEvent[],
  { byPeople: WeakMap<readonly Person[], ActivityIndex>; ids: string[]; index: ActivityIndex }
>();

/** True when `people` holds exactly `ids`, in that order. */
function sameIds(people: readonly Person[], ids: readonly string[]): boolean {
  if (people.length !== ids.length) return false;
  for (let i = 0; i < ids.length; i++) if ((people[i] as Person | undefined)?.id !== ids[i]) return false;
  return true;
}

/** Windows of qualifying activity kept per index (the months last asked). */
const KEPT_WINDOWS = 4;

/**
 * Builds the activity index in passes whose every step is O(events + people + days), and
 * which touch memory in the order events come, not person by person: past a million
 * events, scattering each event's day into per-person lists (then reading them back)
 * missed the caches on most events and made the index grow faster than its events.
 *
 * 1. Each event's person, kind and day, into two typed arrays, in order.
 * 2. The events in day order: as they come when they come so (generated and saved
 *    worlds), else a stable counting sort by day.
 * 3. One pass in day order: each person's 30-day windows merged as their events arrive
 *    (a window per person open at a time, closed when an event falls past it), and the
 *    person and day of each qualifying event, in day order.
 *
 * "Who has a qualifying activity in these days" is then a pass over those days' qualifying
 * events ({@link ActivityIndex.qualifyingIn}), not a search per person.
 */
export function activityIndex(world: World): ActivityIndex {
  const events = world.activity;
  if (!Array.isArray(events)) throw new WorldError('activity', 'must be a list of activity events');
  if (!Array.isArray(world.people)) throw new WorldError('people', 'must be a list of persons');
  const known = activityIndexes.get(events);
  const cached = known?.byPeople.get(world.people);
  if (cached) return cached;
  if (known && sameIds(world.people, known.ids)) {
    known.byPeople.set(world.people, known.index);
    return known.index;
  }
  const nPeople = world.people.length;
  const byId = new Map<string, number>();
  for (let i = 0; i < nPeople; i++) {
    const id = (world.people[i] as Person).id;
    if (byId.has(id)) throw new WorldError(`people[${i}].id`, `duplicate person id ${JSON.stringify(id)}`);
    byId.set(id, i);
  }
  const parser = new DayParser();
  const m = events.length;
  // 1. Person index of each event (`~index`, negative, for a qualifying one) and its day.
  const who = new Int32Array(m);
  const when = new Int32Array(m);
  let lastId: unknown = undefined;
  let lastIndex = -1;
  let inDayOrder = true;
  let previousDay = -Infinity;
  let qualifying = 0;
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
    const day = parser.day(ev.on, 'activity', k, 'on');
    if (day < previousDay) inDayOrder = false;
    previousDay = day;
    when[k] = day;
    if (kind === 1) {
      who[k] = ~i;
      qualifying++;
    } else {
      who[k] = i;
    }
  }
  // 2. Day order.
  const byDay = inDayOrder ? null : orderByDay(when);
  // 3. Windows and the qualifying events, in day order. A person's windows each hold one
  // of their events at least, so there are no more windows than events: in day order the
  // windows are written over the events already read (`who` and `when`), else anew.
  const NONE = -1;
  const openStart = new Int32Array(nPeople).fill(NONE);
  const openEnd = new Int32Array(nPeople);
  const starts = byDay === null ? when : new Int32Array(m);
  const ends = byDay === null ? who : new Int32Array(m);
  let windows = 0;
  const qualifyingWho = new Int32Array(qualifying);
  const qualifyingDay = new Int32Array(qualifying);
  let q = 0;
  for (let j = 0; j < m; j++) {
    const k = byDay === null ? j : (byDay[j] as number);
    const code = who[k] as number;
    const i = code < 0 ? ~code : code;
    const day = when[k] as number;
    const s = openStart[i] as number;
    if (s === NONE) {
      openStart[i] = day;
    } else if (day > (openEnd[i] as number)) {
      starts[windows] = s;
      ends[windows] = openEnd[i] as number;
      windows++;
      openStart[i] = day;
    }
    openEnd[i] = day + MONTHLY_ACTIVE_WINDOW_DAYS;
    if (code < 0) {
      qualifyingWho[q] = i;
      qualifyingDay[q] = day;
      q++;
    }
  }
  for (let i = 0; i < nPeople; i++) {
    const s = openStart[i] as number;
    if (s !== NONE) {
      starts[windows] = s;
      ends[windows] = openEnd[i] as number;
      windows++;
    }
  }
  const kept = new Map<string, Uint8Array>();
  const index: ActivityIndex = {
    n: nPeople,
    qualifyingIn(from: number, through: number): Uint8Array {
      const key = `${from}|${through}`;
      let hit = kept.get(key);
      if (hit) return hit;
      hit = new Uint8Array(nPeople);
      // The qualifying events are in day order: from the first on or after `from`.
      let lo = 0;
      let hi = qualifyingDay.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((qualifyingDay[mid] as number) < from) lo = mid + 1;
        else hi = mid;
      }
      for (let t = lo; t < qualifyingDay.length && (qualifyingDay[t] as number) <= through; t++) {
        hit[qualifyingWho[t] as number] = 1;
      }
      kept.set(key, hit);
      if (kept.size > KEPT_WINDOWS) kept.delete(kept.keys().next().value as string);
      return hit;
    },
    monthlyActive: new IntervalIndex(starts.subarray(0, windows), ends.subarray(0, windows)),
  };
  const ids = Array.from(world.people, (p) => p.id);
  const byPeople = known?.byPeople ?? new WeakMap<readonly Person[], ActivityIndex>();
  byPeople.set(world.people, index);
  activityIndexes.set(events, { byPeople, ids, index });
  return index;
}
