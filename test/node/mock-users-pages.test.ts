/**
 * The users list answers a page without building a table of every person (a page near the
 * start or the end of a tab's order is selected from the people in one pass; pages deeper
 * in and searches sort them): every
 * answer must be the one a straightforward computation gives — the engine's per-person
 * verdicts, the tab's people sorted by the documented order (the column, descending with
 * `-`; then the folded name, then the id, ascending), searched, sliced. Checked with
 * fast-check (seeded, a bounded number of runs) on generated worlds of every model, some
 * people renamed so that keys start with accents, capitals, one letter or nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { generateWorld } from '../../mocks/engine/generate.js';
import type { Person, PersonBilling, World } from '../../mocks/engine/types.js';
import { hiddenDeletedCount, peopleBilling, planForMonth } from '../../mocks/engine/usage.js';
import { USER_SORT_KEYS } from '../../mocks/store/contract.js';
import type { ApiUserPage, UserSort } from '../../mocks/store/contract.js';
import { SELECT_LIMIT } from '../../mocks/store/user-select.js';
import { foldText } from '../../mocks/store/user-tables.js';
import { listUsers } from '../../mocks/store/users.js';
import type { UsersQuery } from '../../mocks/store/users.js';
import { billingUserView } from '../../mocks/store/views.js';

const SORTS: UserSort[] = USER_SORT_KEYS.flatMap((k) => [k, `-${k}` as UserSort]);
const SEARCHES = ['', 'an', 'e', 'EL', 'é', 'ö', 'van ', 'zz-none', '@', 'a\nb', '  ma  '];

/** Names and e-mails whose keys start in every way the selection reads them. */
const ODD_NAMES = [
  'Émile Zola',
  'élodie Blanc',
  'A',
  'a',
  'Ab',
  'ab',
  'Zoë',
  'Øyvind Lie',
  '\u0301x',
  'İpek',
  'ßtrange',
];
const ODD_DIRECTORIES = [['x'], ['x', 'people'], ['ab'], ['Ärzte'], []];

/** A world with some people renamed (every 7th), some given odd directories (every 11th). */
function oddWorld(world: World): World {
  const people = world.people.map((p, i): Person => {
    let q = p;
    if (i % 7 === 3) {
      const name = ODD_NAMES[((i / 7) % ODD_NAMES.length) | 0] as string;
      q = { ...q, name, email: i % 2 ? `${name.replace(/\s/g, '').toUpperCase()}${i}@x.example` : q.email };
    }
    if (i % 11 === 5) q = { ...q, directories: ODD_DIRECTORIES[i % ODD_DIRECTORIES.length] as Person['directories'] };
    return q;
  });
  return { ...world, people };
}

/**
 * A world full of ties: every 3rd person named one of three names that fold to one key,
 * every 4th given one e-mail, every 5th one directory (roles and start dates repeat anyway);
 * the name and the e-mail sort last, so that the last rows of their orders are all ties.
 */
function tiedWorld(world: World): World {
  const SAME = ['Zz Same', 'zz same', 'Žz Såme'];
  const people = world.people.map((p, i): Person => {
    let q = p;
    if (i % 3 === 1) q = { ...q, name: SAME[i % SAME.length] as string };
    if (i % 4 === 2) q = { ...q, email: 'zz@x.example' };
    if (i % 5 === 0) q = { ...q, directories: ['people'] as Person['directories'] };
    return q;
  });
  return { ...world, people };
}

const WORLDS: World[] = [
  oddWorld(generateWorld({ seed: 11, people: 2_600, model: 'peak-daily' })),
  oddWorld(generateWorld({ seed: 12, people: 2_200, model: 'full-month', withActivity: true })),
  oddWorld(generateWorld({ seed: 13, people: 2_400, model: 'invited' })),
  oddWorld(generateWorld({ seed: 14, people: 1_500, model: 'prepaid-licenses' })),
  generateWorld({ seed: 15, people: 2_300, model: 'per-user' }),
  tiedWorld(generateWorld({ seed: 17, people: 1_800, model: 'peak-daily' })),
  // Tabs shorter than any selection.
  oddWorld(generateWorld({ seed: 18, people: 60, model: 'per-user' })),
];
/** The worlds of ties and of small tabs. */
const TIED = 5;
const SMALL = 6;

/** Months around today: closed, the open one, a future one, before the history. */
function monthsOf(world: World): string[] {
  const [y, m] = world.today.split('-').map(Number) as [number, number];
  const at = (d: number): string => {
    const k = y * 12 + (m - 1) + d;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  };
  return [at(0), at(-1), at(-5), at(1), at(-30)];
}

// ---------------------------------------------------------------------------------------
// The reference: no caches, no selection, one sort of the tab.

interface Reference {
  verdicts: Map<number, PersonBilling>;
  billedCount: number;
  notBilledCount: number;
  hiddenDeleted: number;
}

const references = new Map<string, Reference>();

function reference(w: number, month: string): Reference {
  const id = `${w}|${month}`;
  let r = references.get(id);
  if (r) return r;
  const world = WORLDS[w] as World;
  const at = new Map(world.people.map((p, i) => [p.id, i]));
  const verdicts = new Map<number, PersonBilling>();
  for (const v of peopleBilling(world, month)) verdicts.set(at.get(v.personId) as number, v);
  const billedCount = [...verdicts.values()].filter((v) => v.billable).length;
  r = {
    verdicts,
    billedCount,
    notBilledCount: verdicts.size - billedCount,
    hiddenDeleted: hiddenDeletedCount(world, month),
  };
  references.set(id, r);
  return r;
}

function sortKey(p: Person, v: PersonBilling, column: string): string {
  switch (column) {
    case 'name':
      return foldText(p.name);
    case 'email':
      return p.email.toLowerCase();
    case 'role':
      return p.role;
    case 'startDate':
      return p.billingStart;
    case 'directories':
      return [...new Set(p.directories)].join(',');
    case 'reason':
      return v.reason;
    default:
      return v.reasonDate ?? '\uffff';
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function expected(w: number, query: Required<Omit<UsersQuery, 'q'>> & { q: string }): ApiUserPage {
  const world = WORLDS[w] as World;
  const r = reference(w, query.month);
  const desc = query.sort.startsWith('-');
  const column = desc ? query.sort.slice(1) : query.sort;
  const q = foldText(query.q.trim());
  const rows = [...r.verdicts.entries()]
    .filter(([, v]) => v.billable === query.billed)
    .filter(([i]) => {
      const p = world.people[i] as Person;
      return q === '' || `${foldText(p.name)}\n${p.email.toLowerCase()}`.includes(q);
    })
    .map(([i, v]) => {
      const p = world.people[i] as Person;
      return { i, p, v, key: sortKey(p, v, column), name: foldText(p.name) };
    })
    .sort((a, b) => (desc ? -1 : 1) * cmp(a.key, b.key) || cmp(a.name, b.name) || cmp(a.p.id, b.p.id) || a.i - b.i);
  return {
    month: query.month,
    model: planForMonth(world, query.month).model,
    billed: query.billed,
    offset: query.offset,
    limit: query.limit,
    total: rows.length,
    billedCount: r.billedCount,
    notBilledCount: r.notBilledCount,
    provisional: query.month >= world.today.slice(0, 7),
    hiddenDeleted: r.hiddenDeleted,
    items: rows.slice(query.offset, query.offset + query.limit).map((x) => billingUserView(world, x.p, x.v)),
  };
}

/** A copy of world `w` with new identity: the month caches start empty (the people's are shared). */
const fresh = (w: number): World => ({ ...(WORLDS[w] as World) });

const queries = fc.record({
  w: fc.integer({ min: 0, max: WORLDS.length - 1 }),
  m: fc.integer({ min: 0, max: 4 }),
  billed: fc.boolean(),
  sort: fc.constantFrom(...SORTS),
  q: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 2, arbitrary: fc.constantFrom(...SEARCHES) }),
  offset: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 0, max: 400 }),
    fc.integer({ min: 900, max: 2_600 }),
    fc.integer({ min: 0, max: 6_000 }),
  ),
  limit: fc.oneof(fc.constant(100), fc.integer({ min: 0, max: 500 })),
});

describe('users list pages against a straightforward computation', () => {
  it('a first request on a new world: any tab, sort, search, offset and limit', () => {
    fc.assert(
      fc.property(queries, ({ w, m, billed, sort, q, offset, limit }) => {
        const month = monthsOf(WORLDS[w] as World)[m] as string;
        const query = { month, billed, sort, q, offset, limit };
        assert.deepEqual(listUsers(fresh(w), query), expected(w, query));
      }),
      { seed: 20, numRuns: 150 },
    );
  });

  it('paging through every tab and sort of one world, to the last page, then past it', () => {
    for (let w = 0; w < WORLDS.length; w += 2) {
      const world = fresh(w);
      const month = monthsOf(world)[1] as string;
      for (const sort of SORTS) {
        for (const billed of [true, false]) {
          const r = reference(w, month);
          const size = billed ? r.billedCount : r.notBilledCount;
          const offsets = [0, 100, 200, 900, 1_000, size - 100, size - 37, size];
          for (const offset of offsets.filter((o) => o >= 0)) {
            const query = { month, billed, sort, q: '', offset, limit: 100 };
            assert.deepEqual(listUsers(world, query), expected(w, query), `${sort} ${billed} at ${offset}`);
          }
        }
      }
    }
  });

  it('pages past the selection limit sort the whole tab and agree with the first and last ones', () => {
    const big = generateWorld({ seed: 16, people: 2 * SELECT_LIMIT + 4_000, model: 'per-user' });
    WORLDS.push(oddWorld(big));
    try {
      const w = WORLDS.length - 1;
      const month = monthsOf(big)[1] as string;
      for (const sort of ['name', '-email', 'startDate', '-reasonDate'] as UserSort[]) {
        const world = fresh(w);
        const size = reference(w, month).billedCount;
        assert.ok(size > 2 * SELECT_LIMIT + 200, `${size} billed`);
        // A first page and a last one (selected), a deep page (sorted: more than the limit from either end),
        // then the last and the first again (from the sort).
        for (const offset of [0, size - 50, SELECT_LIMIT + 100, size - 50, 0, 4_950, size - SELECT_LIMIT]) {
          const query = { month, billed: true, sort, q: '', offset, limit: 100 };
          assert.deepEqual(listUsers(world, query), expected(w, query), `${sort} at ${offset}`);
        }
      }
    } finally {
      WORLDS.pop();
    }
  });
});

// ---------------------------------------------------------------------------------------
// The last pages: selected from the end of the order, as the first ones from its start.

/** The whole tab in the reference order (one sort per world, month, tab and column). */
const fullOrders = new Map<string, ApiUserPage>();
function fullOrder(w: number, month: string, billed: boolean, sort: UserSort): ApiUserPage {
  const id = `${w}|${month}|${billed}|${sort}`;
  let page = fullOrders.get(id);
  if (!page) {
    page = expected(w, { month, billed, sort, q: '', offset: 0, limit: 1e9 });
    fullOrders.set(id, page);
  }
  return page;
}

/** The page as the reference gives it, from the whole tab. */
function expectedPage(w: number, month: string, billed: boolean, sort: UserSort, offset: number, limit: number) {
  const full = fullOrder(w, month, billed, sort);
  return { ...full, offset, limit, items: full.items.slice(offset, offset + limit) };
}

const tabSize = (w: number, month: string, billed: boolean): number => {
  const r = reference(w, month);
  return billed ? r.billedCount : r.notBilledCount;
};

describe('users list: the last pages of a tab, selected from the end of its order', () => {
  it('every column, both directions, both tabs: the last page first, then pages back, then the first', () => {
    for (const w of [0, 3, TIED, SMALL]) {
      const month = monthsOf(WORLDS[w] as World)[1] as string;
      for (const sort of SORTS) {
        for (const billed of [true, false]) {
          const size = tabSize(w, month, billed);
          const world = fresh(w);
          // [offset, limit]: the table's last block, the edge of the rows kept, a page over the end, pages back,
          // the very last row, one before the selection kept, the first page.
          const pages: [number, number][] = [
            [size - 50, 50],
            // The first row kept (MIN_SELECTED rows from the end), then the row before it.
            [size - 1_000, 100],
            [size - 1_001, 100],
            [size - 137, 200],
            [size - 150, 100],
            [size - 1, 1],
            [size - 700, 100],
            [size - 1_100, 100],
            [0, 100],
          ];
          for (const [o, limit] of pages) {
            const offset = Math.max(0, o);
            const got = listUsers(world, { month, billed, sort, offset, limit });
            assert.deepEqual(
              got,
              expectedPage(w, month, billed, sort, offset, limit),
              `${w} ${sort} ${billed} at ${offset}`,
            );
          }
        }
      }
    }
  });

  it('ties (equal names, equal keys) and tabs shorter than the selection keep the full order', () => {
    for (const w of [TIED, SMALL]) {
      const month = monthsOf(WORLDS[w] as World)[0] as string;
      for (const sort of SORTS) {
        for (const billed of [true, false]) {
          const size = tabSize(w, month, billed);
          // Every row, each from a fresh world asking it first as the last page's.
          for (const fromEnd of [1, 2, 3, Math.ceil(size / 3)]) {
            const offset = Math.max(0, size - fromEnd);
            const got = listUsers(fresh(w), { month, billed, sort, offset, limit: 100 });
            assert.deepEqual(
              got,
              expectedPage(w, month, billed, sort, offset, 100),
              `${w} ${sort} ${billed} at ${offset}`,
            );
          }
        }
      }
    }
  });

  it('any pages near the end, in any sequence, on a new world', () => {
    const requests = fc.record({
      w: fc.integer({ min: 0, max: WORLDS.length - 1 }),
      m: fc.integer({ min: 0, max: 4 }),
      billed: fc.boolean(),
      sort: fc.constantFrom(...SORTS),
      pages: fc.array(
        fc.record({
          // Rows from the page's start to the tab's end.
          fromEnd: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 3_000 })),
          limit: fc.oneof(fc.constant(50), fc.constant(150), fc.integer({ min: 0, max: 500 })),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(requests, ({ w, m, billed, sort, pages }) => {
        const month = monthsOf(WORLDS[w] as World)[m] as string;
        const size = tabSize(w, month, billed);
        const world = fresh(w);
        for (const { fromEnd, limit } of pages) {
          const offset = Math.max(0, size - fromEnd);
          const got = listUsers(world, { month, billed, sort, offset, limit });
          assert.deepEqual(got, expectedPage(w, month, billed, sort, offset, limit));
        }
      }),
      { seed: 21, numRuns: 120 },
    );
  });

  it('a day of the month: the last pages agree with the full order of the day', () => {
    for (const w of [0, TIED]) {
      const month = monthsOf(WORLDS[w] as World)[1] as string;
      for (const day of [`${month}-01`, `${month}-15`]) {
        for (const sort of SORTS) {
          for (const billed of [true, false]) {
            // The full order of the day's tab: a search every person matches filters it, unchanged.
            const all = listUsers(fresh(w), { month, day, billed, sort, q: '@', offset: 0, limit: 1e9 });
            const size = billed ? all.billedCount : all.notBilledCount;
            assert.equal(all.total, size, 'every e-mail holds an @');
            const world = fresh(w);
            for (const [o, limit] of [
              [size - 50, 50],
              [size - 120, 100],
              [size - 1_000, 100],
              [0, 50],
            ] as const) {
              const offset = Math.max(0, o);
              const got = listUsers(world, { month, day, billed, sort, offset, limit });
              assert.deepEqual(got, { ...all, offset, limit, items: all.items.slice(offset, offset + limit) });
            }
          }
        }
      }
    }
  });
});

describe('users list: searches and pages in any sequence', () => {
  it('searches, selected pages and built orders mixed; then another month, whose order may be one filter away', () => {
    const requests = fc.record({
      w: fc.integer({ min: 0, max: WORLDS.length - 1 }),
      m: fc.integer({ min: 0, max: 4 }),
      m2: fc.integer({ min: 0, max: 4 }),
      billed: fc.boolean(),
      sort: fc.constantFrom(...SORTS),
      q: fc.constantFrom(...SEARCHES, 'zz', 'same'),
      pages: fc.array(
        fc.record({
          // A page with no search between (it may build the order: far from both ends).
          plain: fc.boolean(),
          offset: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_200 }), fc.integer({ min: 0, max: 6_000 })),
          limit: fc.oneof(fc.constant(150), fc.integer({ min: 0, max: 500 })),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(requests, ({ w, m, m2, billed, sort, q, pages }) => {
        const month = monthsOf(WORLDS[w] as World)[m] as string;
        const world = fresh(w);
        for (const { plain, offset, limit } of pages) {
          const query = { month, billed, sort, q: plain ? '' : q, offset, limit };
          assert.deepEqual(listUsers(world, query), expected(w, query));
        }
        const other = monthsOf(WORLDS[w] as World)[m2] as string;
        const size = tabSize(w, other, billed);
        for (const offset of [Math.max(0, size - 50), 0]) {
          const query = { month: other, billed, sort, q: '', offset, limit: 50 };
          assert.deepEqual(listUsers(world, query), expected(w, query));
        }
      }),
      { seed: 22, numRuns: 150 },
    );
  });
});
