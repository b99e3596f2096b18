/**
 * One person's month, explained: the verdict of the month (`usage.ts`) and the dated facts
 * behind it, each with what it did to that month's bill (`GET /users/{id}/timeline`).
 *
 * The facts, oldest first (on one day in this order):
 * - `listed` (the directories the person is listed in) and `started`, on `billingStart`;
 * - `invited`, on `invitedOn`;
 * - `activity`: of the month's activity, one per day: the day's first qualifying event
 *   when it has one (login, visits, admin panel, chat), else its first event;
 * - `peak-day` (peak plans): the day the month's peak was first reached, with the count;
 * - `deactivated`, on `deactivatedOn`; `deleted`, on `deletedOn`.
 *
 * Facts of the person dated after the month are left out, unless it is the one that
 * decides the verdict (a start after the month: `not-yet-started`). Activity outside
 * the month is left out.
 *
 * Effects (`bills`, `excludes`, `none`) follow the verdict's reason, so that every billed
 * person has exactly one `bills` fact and every other fact says `none`:
 * - billed: B1 the `peak-day` (active that day); B2 and B5 `started` (active in the
 *   month / on its last day); B3 `started` (on or before the 1st), or with
 *   `requiresActivity` the month's first qualifying `activity`; B4 `invited`.
 * - not billed: `not-yet-started`, `created-mid-month` → `started` excludes;
 *   `deactivated`, `ended-mid-month` → the `deactivated` (or `deleted`) fact on the
 *   reason's date excludes. `guest`, `not-invited` and `no-qualifying-activity` are
 *   explained by what is missing, not by a fact: no fact excludes them.
 */
import { firstDayOfMonth, lastDayOfMonth, toDayNumber } from './dates.js';
import type { YearMonth } from './dates.js';
import { WorldError } from './errors.js';
import { QUALIFYING_ACTIVITY } from './types.js';
import type {
  ActivityEvent,
  ActivityKind,
  BillingModel,
  DirectoryName,
  IsoDate,
  Person,
  PersonBilling,
  World,
} from './types.js';
import { dailyCounts, personVerdict, planForMonth } from './usage.js';

/** The most facts a timeline lists (the contract's `maxItems`). */
export const MAX_TIMELINE_EVENTS = 200;

export type TimelineKind = 'listed' | 'started' | 'invited' | 'activity' | 'peak-day' | 'deactivated' | 'deleted';
export type TimelineEffect = 'bills' | 'excludes' | 'none';

/** One dated fact of a person's month. */
export interface TimelineFact {
  on: IsoDate;
  kind: TimelineKind;
  effect: TimelineEffect;
  /** `listed`: where the person is listed. */
  directories?: DirectoryName[];
  /** `activity`: what they did. */
  activity?: ActivityKind;
  /** `peak-day`: the peak. */
  count?: number;
}

/** One person's month: the verdict and the facts behind it. */
export interface PersonMonth {
  month: YearMonth;
  model: BillingModel;
  /** The month's verdict; `undefined` for a future month (nothing counted yet). */
  verdict: PersonBilling | undefined;
  /** Peak plans: the month's peak and its first day (`null`: nobody active yet); absent on other plans. */
  peak?: { count: number; on: IsoDate } | null;
  /** Oldest first, at most {@link MAX_TIMELINE_EVENTS}. */
  events: TimelineFact[];
  /** More facts than `events` holds. */
  truncated: boolean;
}

const KIND_ORDER: Readonly<Record<TimelineKind, number>> = {
  listed: 0,
  started: 1,
  invited: 2,
  activity: 3,
  'peak-day': 4,
  deactivated: 5,
  deleted: 6,
};

/**
 * Whether an activity array is in day order (generated and saved worlds are), checked once
 * per array: then a month's events are found by binary search and only they are read.
 */
const inDayOrder = new WeakMap<readonly ActivityEvent[], boolean>();

function dayOrdered(events: readonly ActivityEvent[]): boolean {
  let known = inDayOrder.get(events);
  if (known === undefined) {
    known = true;
    for (let k = 1; k < events.length && known; k++) {
      if ((events[k] as ActivityEvent).on < (events[k - 1] as ActivityEvent).on) known = false;
    }
    inDayOrder.set(events, known);
  }
  return known;
}

/** The first position in day-ordered `events` whose day is `>= day` (`> day` with `after`). */
function firstFrom(events: readonly ActivityEvent[], day: IsoDate, after: boolean): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const on = (events[mid] as ActivityEvent).on;
    if (on < day || (after && on === day)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The month's activity of a person, one event per day (the first qualifying one, else the
 * first), in day order. Reads the month's events only when the activity is in day order
 * (a string comparison each: no index of millions of events to build), else every event.
 */
function monthActivity(world: World, personId: string, first: IsoDate, last: IsoDate): ActivityEvent[] {
  const events = world.activity;
  if (!Array.isArray(events)) throw new WorldError('activity', 'must be a list of activity events');
  let from = 0;
  let to = events.length;
  if (dayOrdered(events)) {
    from = firstFrom(events, first, false);
    to = firstFrom(events, last, true);
  }
  const byDay = new Map<IsoDate, ActivityEvent>();
  for (let k = from; k < to; k++) {
    const ev = events[k] as ActivityEvent;
    if (ev.personId !== personId || ev.on < first || ev.on > last) continue;
    const kept = byDay.get(ev.on);
    if (!kept || (!QUALIFYING_ACTIVITY.has(kept.kind) && QUALIFYING_ACTIVITY.has(ev.kind))) byDay.set(ev.on, ev);
  }
  return [...byDay.values()].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/** The day the person stops being active: the earlier of `deactivatedOn` and `deletedOn` (the `deactivated` fact on a tie). */
function endFact(person: Person, on: IsoDate | undefined): TimelineKind | undefined {
  if (on === undefined) return undefined;
  if (person.deactivatedOn === on) return 'deactivated';
  if (person.deletedOn === on) return 'deleted';
  return undefined;
}

/**
 * Person `i`'s month: the verdict (as the users list gives it, for deleted people too)
 * and the dated facts behind it, each with its effect on the month's bill.
 *
 * @throws RangeError for a malformed month or a position outside the people; WorldError
 *   naming an unusable world field.
 */
export function personTimeline(world: World, month: YearMonth, i: number): PersonMonth {
  const verdict = personVerdict(world, month, i);
  const person = world.people[i] as Person;
  const plan = planForMonth(world, month);
  const first = firstDayOfMonth(month);
  const last = lastDayOfMonth(month);
  const counted = world.today < last ? world.today : last;
  const peak = plan.model === 'peak-daily' ? dailyCounts(world, month).peak : undefined;

  // The fact that decides the verdict: [kind, on] (an activity also by its day).
  let decides: { kind: TimelineKind; on?: IsoDate; effect: TimelineEffect } | undefined;
  const activity = monthActivity(world, person.id, first, last);
  if (verdict?.billable) {
    switch (plan.model) {
      case 'peak-daily':
        decides = { kind: 'peak-day', effect: 'bills' };
        break;
      case 'invited':
        decides = { kind: 'invited', effect: 'bills' };
        break;
      case 'full-month':
        if (plan.requiresActivity === true) {
          const firstQualifying = activity.find((ev) => QUALIFYING_ACTIVITY.has(ev.kind) && ev.on <= counted);
          decides = { kind: 'activity', on: firstQualifying?.on ?? '', effect: 'bills' };
        } else {
          decides = { kind: 'started', effect: 'bills' };
        }
        break;
      default:
        decides = { kind: 'started', effect: 'bills' };
    }
  } else if (verdict) {
    switch (verdict.reason) {
      case 'not-yet-started':
      case 'created-mid-month':
        decides = { kind: 'started', effect: 'excludes' };
        break;
      case 'deactivated':
      case 'ended-mid-month': {
        const kind = endFact(person, verdict.reasonDate);
        if (kind) decides = { kind, effect: 'excludes' };
        break;
      }
      default:
        break;
    }
  }
  const effectOf = (kind: TimelineKind, on: IsoDate): TimelineEffect =>
    decides && decides.kind === kind && (decides.on === undefined || decides.on === on) ? decides.effect : 'none';

  const facts: TimelineFact[] = [];
  const add = (fact: Omit<TimelineFact, 'effect'>): void => {
    const effect = effectOf(fact.kind, fact.on);
    // Facts after the month change nothing for it, unless one decides the verdict.
    if (fact.on > last && effect === 'none') return;
    facts.push({ ...fact, effect });
  };
  add({ on: person.billingStart, kind: 'listed', directories: [...new Set(person.directories)] });
  add({ on: person.billingStart, kind: 'started' });
  if (person.invitedOn !== undefined) add({ on: person.invitedOn, kind: 'invited' });
  for (const ev of activity) add({ on: ev.on, kind: 'activity', activity: ev.kind });
  if (peak) add({ on: peak.on, kind: 'peak-day', count: peak.count });
  if (person.deactivatedOn !== undefined) add({ on: person.deactivatedOn, kind: 'deactivated' });
  if (person.deletedOn !== undefined) add({ on: person.deletedOn, kind: 'deleted' });
  facts.sort((a, b) => {
    if (a.on !== b.on) return toDayNumber(a.on) - toDayNumber(b.on);
    return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  });
  const out: PersonMonth = {
    month,
    model: plan.model,
    verdict,
    events: facts.slice(0, MAX_TIMELINE_EVENTS),
    truncated: facts.length > MAX_TIMELINE_EVENTS,
  };
  if (plan.model === 'peak-daily') out.peak = peak ?? null;
  return out;
}
