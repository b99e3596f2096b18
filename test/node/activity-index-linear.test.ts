/**
 * The activity index (B3, a full-month plan with qualifying activity): its answers are
 * those of a straightforward reading of the events, and its cost grows with its events,
 * not faster: every event is read a fixed number of times. (Its time per event at 0.5M to
 * 4M events is a bench figure, `npm run bench -- headroom`: tests check behaviour, not timings.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addMonths,
  firstDayOfMonth,
  fromDayNumber,
  lastDayOfMonth,
  monthOf,
  toDayNumber,
} from '../../mocks/engine/dates.js';
import { generateWorld, Rng } from '../../mocks/engine/generate.js';
import { activityIndex } from '../../mocks/engine/indexes.js';
import { QUALIFYING_ACTIVITY } from '../../mocks/engine/types.js';
import type { ActivityEvent, ActivityKind, World } from '../../mocks/engine/types.js';
import { monthBilling } from '../../mocks/engine/usage.js';

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = items.slice();
  const rng = new Rng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A B3 world whose plans all require a qualifying activity. */
function b3(seed: number, people: number, historyMonths = 12): World {
  const world = generateWorld({ seed, people, model: 'full-month', withActivity: true, historyMonths });
  const plans = world.subscription.plans.map((p) => ({ ...p, requiresActivity: true }));
  return { ...world, subscription: { ...world.subscription, plans } };
}

const day = (d: string): number => toDayNumber(d);

describe('the activity index answers as the events say', () => {
  const qualifies: ReadonlySet<string> = new Set(QUALIFYING_ACTIVITY);
  for (const [seed, people, order] of [
    [1, 400, 'date'],
    [2, 1_500, 'shuffled'],
    [3, 60, 'date'],
    [4, 900, 'shuffled'],
  ] as const) {
    it(`${people} people, events in ${order} order: billed counts and monthly active users of every month`, () => {
      const base = b3(seed, people);
      const world = order === 'date' ? base : { ...base, activity: shuffled(base.activity, seed) };
      const today = day(world.today);
      for (let k = -13; k <= 1; k++) {
        const month = addMonths(monthOf(world.today), k);
        const first = day(firstDayOfMonth(month));
        const through = Math.min(day(lastDayOfMonth(month)), today);
        const got = monthBilling(world, month);
        if (through < first) continue;
        const qualified = new Set<string>();
        const active = new Set<string>();
        for (const e of world.activity) {
          const d = day(e.on);
          if (d >= first && d <= through && qualifies.has(e.kind)) qualified.add(e.personId);
          if (d > through - 30 && d <= through) active.add(e.personId);
        }
        const billed = world.people.filter((p) => {
          const start = day(p.billingStart);
          let end = Math.min(
            p.deactivatedOn ? day(p.deactivatedOn) : Infinity,
            p.deletedOn ? day(p.deletedOn) : Infinity,
          );
          if (end < start) end = start;
          return p.guest !== true && start <= first && end > through && qualified.has(p.id);
        }).length;
        assert.equal(got.billedCount, billed, `${month} billed`);
        assert.equal(got.monthlyActiveUsers, active.size, `${month} monthly active users`);
      }
    });
  }

  it('a new people array with the same ids shares the index; other ids build a new one', () => {
    const world = b3(5, 300);
    const index = activityIndex(world);
    const people = world.people.slice();
    people[3] = { ...people[3]!, deactivatedOn: world.today };
    assert.equal(activityIndex({ ...world, people }), index);
    const fewer = world.people.slice(0, -1);
    const activity = world.activity.filter((e) => e.personId !== world.people.at(-1)!.id);
    assert.notEqual(activityIndex({ ...world, people: fewer, activity }), index);
  });
});

describe('the activity index grows linearly with its events', () => {
  const KINDS: ActivityKind[] = ['login', 'web-visit', 'chat', 'push-notification-view', 'email-notification-view'];
  const DAYS = 400;
  /** `people` persons (about 17.5 events each), `events` events over 400 days, in date order or shuffled. */
  function synthetic(base: World, people: number, events: number, inOrder: boolean): World {
    const rng = new Rng(people);
    const ids = base.people.slice(0, people).map((p) => p.id);
    const start = day(base.today) - DAYS + 1;
    const dates = Array.from({ length: DAYS }, (_, k) => fromDayNumber(start + k));
    const activity: ActivityEvent[] = [];
    for (let k = 0; k < events; k++) {
      activity.push({
        personId: ids[rng.int(0, people - 1)] as string,
        on: dates[Math.floor((k * DAYS) / events)] as string,
        kind: KINDS[rng.int(0, KINDS.length - 1)] as ActivityKind,
      });
    }
    // Copied in their final order, so the events lie in memory in the order they are read, as
    // a parsed world's do: the test measures the index, not how the caller laid out its input.
    const ordered = inOrder ? activity : shuffled(activity, 7);
    return { ...base, people: base.people.slice(0, people), activity: ordered.map((e) => ({ ...e })) };
  }

  const base = generateWorld({ seed: 9, people: 24_000, model: 'full-month', withActivity: false });

  it('reads each event a bounded number of times', () => {
    for (const size of [5_000, 20_000]) {
      const world = synthetic(base, size / 20, size, false);
      let reads = 0;
      const counted = world.activity.map(
        (e) =>
          new Proxy(e, {
            get(target, key, receiver) {
              reads++;
              return Reflect.get(target, key, receiver) as unknown;
            },
          }),
      );
      activityIndex({ ...world, activity: counted });
      // Its person (compared with the last event's, looked up, kept), kind and day: 5 reads.
      assert.ok(reads <= 5 * size, `${reads} reads of ${size} events`);
    }
  });
});
