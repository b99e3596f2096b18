/**
 * The activity of generated people: qualifying events (logins, visits, chats, the admin
 * panel for staff) and notification views through the history, month by month.
 */
import { daysInMonth } from './dates.js';
import type { Span } from './generate-people.js';
import type { Rng } from './generate-random.js';
import type { ActivityEvent, ActivityKind, IsoDate, Person } from './types.js';

const QUALIFYING_KINDS: readonly (readonly [ActivityKind, number])[] = [
  ['login', 35],
  ['web-visit', 25],
  ['mobile-visit', 25],
  ['chat', 15],
];
const STAFF_KINDS: readonly (readonly [ActivityKind, number])[] = [...QUALIFYING_KINDS, ['admin-panel', 30]];

/**
 * Activity through the history: a handful of events per active person-month in small
 * worlds, about two in large ones; some of them notification views (not qualifying), and
 * some person-months with no qualifying activity at all. Events come out in date order.
 */
export function generateActivity(
  rng: Rng,
  people: readonly Person[],
  spans: readonly Span[],
  startN: number,
  todayN: number,
  dateOf: (n: number) => IsoDate,
): ActivityEvent[] {
  const out: ActivityEvent[] = [];
  if (todayN < startN) return out;
  const lean = people.length > 2_000;
  // A tenth of people are barely engaged: half their months have no qualifying activity.
  const lowEngagement = new Uint8Array(people.length);
  for (let i = 0; i < people.length; i++) lowEngagement[i] = rng.chance(0.1) ? 1 : 0;

  let monthStart = startN;
  while (monthStart <= todayN) {
    const month = dateOf(monthStart).slice(0, 7);
    const monthEnd = Math.min(todayN, monthStart + daysInMonth(month) - 1);
    const buckets: ActivityEvent[][] = Array.from({ length: monthEnd - monthStart + 1 }, () => []);
    for (let i = 0; i < people.length; i++) {
      const span = spans[i] as Span;
      const lo = Math.max(span.from, monthStart);
      const hi = Math.min(span.end - 1, monthEnd);
      if (lo > hi) continue;
      const personId = (people[i] as Person).id;
      const idle = rng.chance(lowEngagement[i] ? 0.5 : 0.04);
      const qualifying = idle ? 0 : lean ? 1 + (rng.chance(0.45) ? 1 : 0) : rng.int(2, 5);
      const views = idle ? (rng.chance(0.6) ? 1 : 0) : lean ? (rng.chance(0.35) ? 1 : 0) : rng.int(0, 2);
      const kinds = span.staff ? STAFF_KINDS : QUALIFYING_KINDS;
      for (let k = 0; k < qualifying; k++) {
        const day = rng.int(lo, hi);
        (buckets[day - monthStart] as ActivityEvent[]).push({ personId, on: dateOf(day), kind: rng.weighted(kinds) });
      }
      for (let k = 0; k < views; k++) {
        const day = rng.int(lo, hi);
        const kind: ActivityKind = rng.chance(0.5) ? 'push-notification-view' : 'email-notification-view';
        (buckets[day - monthStart] as ActivityEvent[]).push({ personId, on: dateOf(day), kind });
      }
    }
    for (const bucket of buckets) for (const e of bucket) out.push(e);
    monthStart = monthEnd + 1;
  }
  return out;
}
