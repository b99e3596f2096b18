/**
 * Headroom figures (issue 20): the mock past the 100,000-person tenant.
 * - the first users page of a new 1,000,000-person world (GET /users as the store answers
 *   it, no artificial latency): < 500 ms;
 * - the B3 activity index (what a full-month plan with qualifying activity reads) built
 *   from 0.5, 1, 2 and 4 million events, to see it grow with its events: the detail gives
 *   the time per event, and that of a control (only looking each event's person up by
 *   id, which the index must do) to tell the index's own growth from the caches';
 * - the same index after a person's change (same ids, new people array): shared, not rebuilt.
 * `npm run bench -- headroom` runs only these.
 */
import { generateWorld } from '../mocks/engine/generate.js';
import { activityIndex } from '../mocks/engine/indexes.js';
import type { Person, World } from '../mocks/engine/types.js';
import { MockStore } from '../mocks/store/store.js';
import { once, record } from './harness.js';

const SUITE = 'headroom';

/** People of a generated B3 world for about 0.5, 1, 2 and 4 million events (about 17.6 a person). */
const ACTIVITY_SIZES = [28_500, 57_000, 114_000, 228_000];

function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/** The users list of a 1,000,000-person world (its own function: the world is dropped before the next figures). */
function usersPages(): void {
  let world!: World;
  once(SUITE, 'generate 1,000,000-person B1 world', () => {
    world = generateWorld({ seed: 1, people: 1_000_000, model: 'peak-daily' });
  });
  const store = new MockStore({ world });
  const month = store.today.slice(0, 7);
  timed('first users page of a new 1,000,000-person world', () => store.listUsers({ month, limit: 100 }), 500);
  timed('next page of it', () => store.listUsers({ month, offset: 100, limit: 100 }));
  timed('first page of its not billed users', () => store.listUsers({ month, billed: false, limit: 100 }));
  timed('first page of it by e-mail, descending', () => store.listUsers({ month, sort: '-email', limit: 100 }));
}

/** Times `fn` once, with the CPU time it took beside (on a busy machine the two differ). */
function timed(name: string, fn: () => unknown, budget?: number): void {
  const t0 = performance.now();
  const c0 = cpuMs();
  fn();
  const ms = performance.now() - t0;
  record(SUITE, name, ms, {
    stat: 'once',
    detail: `CPU ${(cpuMs() - c0).toFixed(1)} ms`,
    ...(budget !== undefined ? { budget } : {}),
  });
}

export function runHeadroomBench(): void {
  usersPages();
  for (const people of ACTIVITY_SIZES) {
    const b3 = generateWorld({ seed: 2, people, model: 'full-month', withActivity: true });
    const events = b3.activity.length;
    const millions = (events / 1e6).toFixed(1);
    let fresh: World = { ...b3, activity: [...b3.activity] };
    const t0 = performance.now();
    const c0 = cpuMs();
    activityIndex(fresh);
    const ms = performance.now() - t0;
    const cpu = cpuMs() - c0;
    // Control: only looking each event's person up by id, as the index must; it misses the
    // CPU caches more as the people grow, so its time an event grows too.
    const byId = new Map(b3.people.map((p, i) => [p.id, i]));
    const c1 = cpuMs();
    let sum = 0;
    for (const e of b3.activity) sum += byId.get(e.personId) ?? 0;
    const lookups = cpuMs() - c1;
    const perEvent = (x: number): number => Math.round((x / events) * 1e6);
    record(SUITE, `B3 activity index, ${millions} million events (${people.toLocaleString('en')} people)`, ms, {
      stat: 'once',
      detail:
        `${perEvent(ms)} ns an event; CPU ${cpu.toFixed(0)} ms, ${perEvent(cpu)} ns an event` +
        `; control, the id look-ups alone: ${perEvent(lookups)} ns an event${sum < 0 ? '' : ''}`,
    });
    if (people === ACTIVITY_SIZES[ACTIVITY_SIZES.length - 1]) {
      // A person deactivated: a new people array, the same ids in the same places.
      const people2 = fresh.people.slice();
      people2[7] = { ...(people2[7] as Person), deactivatedOn: b3.today };
      fresh = { ...fresh, people: people2 };
      once(SUITE, `B3 activity index after a person's change, ${millions} million events`, () => activityIndex(fresh));
    }
  }
}
