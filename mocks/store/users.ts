/**
 * The billed / not billed users list: server-side paging, sorting and search over up to
 * 100,000 people, fast enough to answer a page in a few milliseconds.
 *
 * Everything expensive is cached by world identity (worlds are never mutated; the store
 * replaces them), in `WeakMap`s so a replaced world's caches go with it:
 * - per people list (kept across world changes that leave the people alone): each person's lower-case, accent-free search text ("haystack", all joined in one string) and sort
 *   keys, the name order (name, then id: the tie-break of every sort), and the order of
 *   every column that does not depend on the month. Columns whose values repeat a lot
 *   (names in a generated tenant, role, start date) are ordered by sorting their distinct
 *   values, not every person: the first page of a 100,000-person world is built about twice
 *   as fast, and it blocks the browser mock's page for that long;
 * - per (world, month): the engine's verdicts, the tab of each person, the counts, the
 *   order of each (column, direction, tab) on first use, and the last few searches.
 * A page is then a filter of a cached order (search) and a slice.
 */
import { isYearMonth } from '../engine/dates.js';
import type { BillingModel, Person, PersonBilling, World } from '../engine/types.js';
import { hiddenDeletedCount, peopleBilling, planForMonth } from '../engine/usage.js';
import type { ApiBillingUser, ApiUserPage, UserSort, UserSortKey } from './contract.js';
import { billingUserView } from './views.js';

/** A request for one page of users. */
export interface UsersQuery {
  /** `YYYY-MM`. */
  month: string;
  /** `true` (default): the billed users; `false`: the not billed. */
  billed?: boolean;
  /** Default 0. */
  offset?: number;
  /** Default 100; the HTTP layer caps it at 500. */
  limit?: number;
  /** A column, `-` in front for descending. Default `name`. Ties: name, then id. */
  sort?: UserSort;
  /** Case- and accent-insensitive search in name and e-mail. */
  q?: string;
}

/** Lower case without accents, for search and sort keys. */
export function foldText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u007f]/.test(s) ? s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() : s.toLowerCase();
}

/** Ends each haystack in the search text; never part of a query. */
const SEPARATOR = '\u0001';

/** Keys sorted as missing (no reason date) come after every date. */
const MISSING = '\uffff';

interface PeopleTable {
  n: number;
  people: Person[];
  byId: Map<string, number>;
  /** Every haystack in person order, each followed by a separator, for one native scan per search. */
  text: string;
  /** Where each person's haystack starts in `text` (n + 1 entries). */
  rowStart: Int32Array;
  /** Rank of each person in name order (folded name, then id). */
  nameRank: Int32Array;
  /** Orders of all people by month-independent columns, ascending. */
  orders: Map<UserSortKey, Int32Array>;
  keys: Map<UserSortKey, string[]>;
}

interface MonthTable {
  people: PeopleTable;
  month: string;
  /** Per person: 1 billed, 0 not billed, 2 not listed. */
  tab: Uint8Array;
  verdicts: (PersonBilling | undefined)[];
  billedCount: number;
  notBilledCount: number;
  hiddenDeleted: number;
  provisional: boolean;
  /** The billing model in force that month. */
  model: BillingModel;
  /** `${sort}|${tab}` → person indices of that tab in that order. */
  orders: Map<string, Int32Array>;
  /** `${sort}|${tab}|${q}` → the matches, most recent last (a few kept). */
  searches: Map<string, Int32Array>;
}

/** Keyed by the people array: a world change that leaves the people alone keeps this cache. */
const peopleTables = new WeakMap<readonly Person[], PeopleTable>();
const monthTables = new WeakMap<World, Map<string, MonthTable>>();
const MAX_SEARCHES = 16;
/** Months kept per world, most recently asked last: asking many months never grows memory without bound. */
export const MAX_MONTHS = 24;
const MONTH_INDEPENDENT: ReadonlySet<UserSortKey> = new Set(['name', 'email', 'role', 'startDate', 'directories']);

function peopleTable(world: World): PeopleTable {
  const people = world.people;
  let t = peopleTables.get(people);
  if (t) return t;
  const n = people.length;
  const byId = new Map<string, number>();
  const names: string[] = new Array<string>(n);
  const emails: string[] = new Array<string>(n);
  const haystack: string[] = new Array<string>(n); // joined into `text`, not kept
  // Generated tenants repeat names (100,000 people, a few thousand names): fold each once.
  const folded = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const p = people[i] as Person;
    byId.set(p.id, i);
    let name = folded.get(p.name);
    if (name === undefined) folded.set(p.name, (name = foldText(p.name)));
    const email = p.email.toLowerCase();
    names[i] = name;
    emails[i] = email;
    haystack[i] = `${name}\n${email}`;
  }
  const rowStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) rowStart[i + 1] = (rowStart[i] as number) + (haystack[i] as string).length + 1;
  const text = haystack.join(SEPARATOR) + SEPARATOR;
  // Name order: the distinct names sorted, then each name's people by id.
  const byName = new Int32Array(n);
  let w = 0;
  const idOrder = (a: number, b: number): number => {
    const ia = (people[a] as Person).id;
    const ib = (people[b] as Person).id;
    return ia < ib ? -1 : ia > ib ? 1 : a - b;
  };
  for (const group of groupsInKeyOrder(names, null)) {
    // Each group is in person order, often already by id too (ids given in order).
    let sorted = true;
    for (let k = 1; k < group.length && sorted; k++) sorted = idOrder(group[k - 1] as number, group[k] as number) < 0;
    if (!sorted) group.sort(idOrder);
    for (const i of group) byName[w++] = i;
  }
  const nameRank = new Int32Array(n);
  for (let rank = 0; rank < n; rank++) nameRank[byName[rank] as number] = rank;
  t = {
    n,
    people,
    byId,
    text,
    rowStart,
    nameRank,
    orders: new Map([['name', byName]]),
    keys: new Map([
      ['name', names],
      ['email', emails],
    ]),
  };
  peopleTables.set(people, t);
  return t;
}

/** True when `keys` repeat a lot (sampled): grouping then beats sorting every index. */
function fewDistinct(keys: readonly string[]): boolean {
  const step = Math.max(1, Math.floor(keys.length / 1000));
  const seen = new Set<string>();
  let sampled = 0;
  for (let i = 0; i < keys.length; i += step, sampled++) seen.add(keys[i] as string);
  return seen.size <= sampled / 4;
}

/**
 * The indices (all, or those of `subset`) grouped by `keys[i]`, the groups in key order
 * (the order of `<` on strings), each group in ascending index order. Sorting the distinct
 * keys rather than every index is what makes a column with few values (role, start date)
 * or many repeats (names in a generated tenant) cheap.
 */
function groupsInKeyOrder(keys: readonly string[], subset: Int32Array | null): number[][] {
  const groups = new Map<string, number[]>();
  const count = subset ? subset.length : keys.length;
  for (let j = 0; j < count; j++) {
    const i = subset ? (subset[j] as number) : j;
    const key = keys[i] as string;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  }
  // The default sort compares strings by UTF-16 code units, as `<` does.
  return [...groups.keys()].sort().map((key) => groups.get(key) as number[]);
}

/** The sort key of every person for a month-independent column. */
function personKeys(t: PeopleTable, key: UserSortKey): string[] {
  let keys = t.keys.get(key);
  if (keys) return keys;
  keys = t.people.map((p) => {
    switch (key) {
      case 'role':
        return p.role;
      case 'startDate':
        return p.billingStart;
      case 'directories':
        return [...new Set(p.directories)].join(',');
      default:
        throw new RangeError(`Column ${key} depends on the month`);
    }
  });
  t.keys.set(key, keys);
  return keys;
}

/** `indices` sorted by `keys[i]`, ties by name order. */
function sortBy(indices: Int32Array, keys: string[], rank: Int32Array, byName: Int32Array): Int32Array {
  if (!fewDistinct(keys)) {
    return indices.sort((a, b) => {
      const x = keys[a] as string;
      const y = keys[b] as string;
      if (x !== y) return x < y ? -1 : 1;
      return (rank[a] as number) - (rank[b] as number);
    });
  }
  const out = new Int32Array(indices.length);
  let w = 0;
  for (const group of groupsInKeyOrder(keys, indices)) {
    if (group.length === 1) {
      out[w++] = group[0] as number;
      continue;
    }
    // Ties in name order: the group's name ranks, sorted as numbers, back to people.
    const ranks = Int32Array.from(group, (i) => rank[i] as number).sort();
    for (const r of ranks) out[w++] = byName[r] as number;
  }
  return out;
}

/** Descending from ascending: runs of equal keys in reverse order, each run still in name order. */
function descending(asc: Int32Array, keys: string[]): Int32Array {
  const out = new Int32Array(asc.length);
  let w = 0;
  let end = asc.length;
  while (end > 0) {
    const k = keys[asc[end - 1] as number];
    let start = end - 1;
    while (start > 0 && keys[asc[start - 1] as number] === k) start--;
    out.set(asc.subarray(start, end), w);
    w += end - start;
    end = start;
  }
  return out;
}

function monthTable(world: World, month: string): MonthTable {
  let byMonth = monthTables.get(world);
  if (!byMonth) monthTables.set(world, (byMonth = new Map()));
  let m = byMonth.get(month);
  if (m) {
    byMonth.delete(month);
    byMonth.set(month, m);
    return m;
  }
  const people = peopleTable(world);
  const tab = new Uint8Array(people.n).fill(2);
  const verdicts: (PersonBilling | undefined)[] = new Array<PersonBilling | undefined>(people.n);
  let billedCount = 0;
  for (const v of peopleBilling(world, month)) {
    const i = people.byId.get(v.personId);
    if (i === undefined) continue;
    verdicts[i] = v;
    tab[i] = v.billable ? 1 : 0;
    if (v.billable) billedCount++;
  }
  let listed = 0;
  for (let i = 0; i < people.n; i++) if (tab[i] !== 2) listed++;
  const today = world.today;
  m = {
    people,
    month,
    tab,
    verdicts,
    billedCount,
    notBilledCount: listed - billedCount,
    hiddenDeleted: hiddenDeletedCount(world, month),
    provisional: month >= today.slice(0, 7),
    model: planForMonth(world, month).model,
    orders: new Map(),
    searches: new Map(),
  };
  byMonth.set(month, m);
  if (byMonth.size > MAX_MONTHS) byMonth.delete(byMonth.keys().next().value as string);
  return m;
}

/** How many months of `world` the users list keeps (for tests of the bound). */
export function cachedMonths(world: World): number {
  return monthTables.get(world)?.size ?? 0;
}

/** The month's verdict-dependent key of every person (listed ones only matter). */
function monthKeys(m: MonthTable, key: 'reason' | 'reasonDate'): string[] {
  return m.verdicts.map((v) => (v ? (key === 'reason' ? v.reason : (v.reasonDate ?? MISSING)) : MISSING));
}

/** The people of one tab in one order (cached). */
function tabOrder(m: MonthTable, sort: UserSort, billed: boolean): Int32Array {
  const cacheKey = `${sort}|${billed ? 1 : 0}`;
  const hit = m.orders.get(cacheKey);
  if (hit) return hit;
  const desc = sort.startsWith('-');
  const key = (desc ? sort.slice(1) : sort) as UserSortKey;
  const want = billed ? 1 : 0;
  const t = m.people;
  let asc: Int32Array;
  let keys: string[];
  if (MONTH_INDEPENDENT.has(key)) {
    keys = key === 'name' || key === 'email' ? (t.keys.get(key) as string[]) : personKeys(t, key);
    let all = t.orders.get(key);
    if (!all) {
      all = sortBy(
        Int32Array.from({ length: t.n }, (_, i) => i),
        keys,
        t.nameRank,
        t.orders.get('name') as Int32Array,
      );
      t.orders.set(key, all);
    }
    asc = all.filter((i) => m.tab[i] === want);
  } else {
    keys = monthKeys(m, key as 'reason' | 'reasonDate');
    const members: number[] = [];
    for (let i = 0; i < t.n; i++) if (m.tab[i] === want) members.push(i);
    asc = sortBy(Int32Array.from(members), keys, t.nameRank, t.orders.get('name') as Int32Array);
  }
  const order = desc ? descending(asc, keys) : asc;
  m.orders.set(cacheKey, order);
  return order;
}

/**
 * Per person, whether their haystack contains `q`: one native `indexOf` scan over the
 * joined text, jumping to the next person after each hit.
 */
function matchesOf(t: PeopleTable, q: string): Uint8Array {
  const hit = new Uint8Array(t.n);
  const { text, rowStart } = t;
  let row = 0;
  let from = 0;
  for (;;) {
    const at = text.indexOf(q, from);
    if (at < 0) break;
    while ((rowStart[row + 1] as number) <= at) row++;
    hit[row] = 1;
    from = rowStart[row + 1] as number;
  }
  return hit;
}

function searchIn(m: MonthTable, order: Int32Array, cacheKey: string, q: string): Int32Array {
  const cached = m.searches.get(cacheKey);
  if (cached) {
    m.searches.delete(cacheKey);
    m.searches.set(cacheKey, cached);
    return cached;
  }
  const hit = matchesOf(m.people, q);
  const out = new Int32Array(order.length);
  let k = 0;
  for (let j = 0; j < order.length; j++) {
    const i = order[j] as number;
    if (hit[i] === 1) out[k++] = i;
  }
  const matches = out.slice(0, k);
  m.searches.set(cacheKey, matches);
  if (m.searches.size > MAX_SEARCHES) m.searches.delete(m.searches.keys().next().value as string);
  return matches;
}

/**
 * One page of the month's billed (or not billed) users, sorted and searched, with both
 * tab counts and the billed users hidden because they were deleted since.
 *
 * @throws RangeError for a malformed month.
 */
export function listUsers(world: World, query: UsersQuery): ApiUserPage {
  if (!isYearMonth(query.month)) throw new RangeError(`Not a month (YYYY-MM): ${JSON.stringify(query.month)}`);
  const billed = query.billed ?? true;
  const offset = Math.max(0, Math.trunc(query.offset ?? 0));
  const limit = Math.max(0, Math.trunc(query.limit ?? 100));
  const sort = query.sort ?? 'name';
  const q = foldText((query.q ?? '').trim()).replaceAll(SEPARATOR, '');
  const m = monthTable(world, query.month);
  let rows = tabOrder(m, sort, billed);
  if (q !== '') rows = searchIn(m, rows, `${sort}|${billed ? 1 : 0}|${q}`, q);
  const items: ApiBillingUser[] = [];
  const end = Math.min(rows.length, offset + limit);
  for (let j = offset; j < end; j++) {
    const i = rows[j] as number;
    items.push(billingUserView(world, m.people.people[i] as Person, m.verdicts[i]));
  }
  return {
    month: query.month,
    model: m.model,
    billed,
    offset,
    limit,
    total: rows.length,
    billedCount: m.billedCount,
    notBilledCount: m.notBilledCount,
    provisional: m.provisional,
    hiddenDeleted: m.hiddenDeleted,
    items,
  };
}

/** Every user of a tab, in name order (for the CSV export). */
export function allUsers(world: World, month: string, billed: boolean): ApiBillingUser[] {
  if (!isYearMonth(month)) throw new RangeError(`Not a month (YYYY-MM): ${JSON.stringify(month)}`);
  const m = monthTable(world, month);
  return Array.from(tabOrder(m, 'name', billed), (i) =>
    billingUserView(world, m.people.people[i] as Person, m.verdicts[i]),
  );
}

/** The index of a person in `world.people`, by id. */
export function personIndex(world: World, id: string): number | undefined {
  return peopleTable(world).byId.get(id);
}

/**
 * People to pick a billing contact from: not deleted, matching `q` in name or e-mail
 * (case- and accent-insensitive), active ones first, then by name.
 */
export function searchPeople(world: World, q: string, limit: number): Person[] {
  const t = peopleTable(world);
  const needle = foldText(q.trim());
  const today = world.today;
  const active: Person[] = [];
  const inactive: Person[] = [];
  if (needle.includes(SEPARATOR)) return [];
  const hits = needle === '' ? undefined : matchesOf(t, needle);
  const byName = t.orders.get('name') as Int32Array;
  for (let j = 0; j < byName.length && active.length < limit; j++) {
    const i = byName[j] as number;
    if (hits && hits[i] !== 1) continue;
    const p = t.people[i] as Person;
    if (p.deletedOn !== undefined && p.deletedOn <= today) continue;
    const isActive = p.billingStart <= today && (p.deactivatedOn === undefined || p.deactivatedOn > today);
    if (isActive) active.push(p);
    else if (inactive.length < limit) inactive.push(p);
  }
  return [...active, ...inactive].slice(0, limit);
}

/** One person as a users-list row, with their verdict for the month of today. */
export function userRow(world: World, index: number): ApiBillingUser {
  const m = monthTable(world, world.today.slice(0, 7));
  return billingUserView(world, world.people[index] as Person, m.verdicts[index]);
}
