/**
 * Mock backend figures (issue 3's budget): a page of 100 users from the 100,000-person
 * world, sorted and searched, answered by the store in under 20 ms (no artificial latency).
 * "new search" uses a different search text on every run, so no cached result helps.
 * Without a budget, once each, in the order the users table asks them: the last page after
 * the first (a scroll to the end: selected from the end of the order, no sort of the tab),
 * then a first search under a sort whose order is not built yet (it sorts the tab).
 */
import { generateWorld } from '../mocks/engine/generate.js';
import { MockStore } from '../mocks/store/store.js';
import { measure, once } from './harness.js';

const SUITE = 'mock';

export function runMockBench(): void {
  const world = generateWorld({ seed: 1, people: 100_000, model: 'peak-daily' });
  const store = new MockStore({ world });
  const month = store.today.slice(0, 7);
  once(SUITE, 'first users page of a new world (builds the month and sort caches)', () =>
    store.listUsers({ month, limit: 100 }),
  );
  const { total } = store.listUsers({ month, limit: 0 });
  once(SUITE, 'last users page after the first (a scroll to the end), by name', () =>
    store.listUsers({ month, offset: total - 50, limit: 50 }),
  );
  once(SUITE, 'first search under a new sort, by role (sorts the tab)', () =>
    store.listUsers({ month, sort: 'role', q: 'ma', limit: 100 }),
  );
  const terms = [
    'an',
    'ma',
    'van',
    'li',
    'ja',
    'er',
    'so',
    'de',
    'ko',
    'el',
    'ra',
    'mi',
    'no',
    'sa',
    'ti',
    'be',
    'ch',
    'pa',
  ];
  let i = 0;
  measure(
    SUITE,
    'page of 100 users, sorted by e-mail descending, new search each run',
    () => store.listUsers({ month, sort: '-email', q: terms[i++ % terms.length]!, offset: 0, limit: 100 }),
    { budget: 20, runs: 15 },
  );
  measure(
    SUITE,
    'next page of the same search',
    () => store.listUsers({ month, sort: '-email', q: 'an', offset: 100, limit: 100 }),
    { budget: 20 },
  );
  measure(
    SUITE,
    'page 500 of the billed users, by start date',
    () => store.listUsers({ month, sort: 'startDate', offset: 50_000, limit: 100 }),
    { budget: 20 },
  );
}
