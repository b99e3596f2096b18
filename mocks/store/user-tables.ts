/**
 * The users list's tables, orders and caches (the pages themselves are answered in
 * `users.ts`, and a page near either end of an order not yet built is selected in
 * `user-select.ts`).
 *
 * Everything expensive is cached by world identity (worlds are never mutated; the store
 * replaces them), in `WeakMap`s so a replaced world's caches go with it, and built on
 * first use, piece by piece:
 * - per people list (kept across world changes that leave the people alone): the folded
 *   name of each distinct name; then, when a request needs them, each person's folded
 *   name and e-mail, the search text (every lower-case, accent-free "haystack" joined in
 *   one string), the name order (name, then id: the tie-break of every sort) and the order
 *   of every column that does not depend on the month. Columns whose values repeat a lot
 *   (names in a generated tenant, role, start date) are ordered by sorting their distinct
 *   values, not every person;
 * - per (world, month, and day when asked): the engine's {@link monthVerdicts} (each
 *   person's tab and the counts, from one pass over typed arrays; a person's verdict is made
 *   only for the rows shown), the first and the last rows of each (column, direction, tab)
 *   asked for, the full order of each on first use beyond those, and the last few searches.
 */
import { toDayNumber } from '../engine/dates.js';
import { peopleIndex } from '../engine/indexes.js';
import type { BillingModel, Person, PersonBilling, World } from '../engine/types.js';
import { monthVerdicts, planForMonth } from '../engine/usage.js';
import type { MonthVerdicts } from '../engine/usage.js';
import type { UserSort, UserSortKey } from './contract.js';

/** Lower case without accents, for search and sort keys. */
export function foldText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u007f]/.test(s) ? s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() : s.toLowerCase();
}

/** Ends each haystack in the search text; never part of a query. */
export const SEPARATOR = '\u0001';

/** Keys sorted as missing (no reason date) come after every date. */
const MISSING = '\uffff';

/** The caches of one people list, built piece by piece on first use. */
export interface PeopleTable {
  n: number;
  people: Person[];
  /** Each distinct raw name, folded (names repeat: fold each once). */
  folded: Map<string, string>;
  /** Folded name and lower-case e-mail of every person (on first use). */
  text?: { names: string[]; emails: string[] };
  /** The search text (on the first search). */
  search?: SearchText;
  /** The name order (folded name, then id, then position) and each person's rank in it (on first use). */
  nameOrder?: { byName: Int32Array; nameRank: Int32Array };
  /** Orders of all people by month-independent columns, ascending. */
  orders: Map<UserSortKey, Int32Array>;
  keys: Map<UserSortKey, string[]>;
}

/** The people's haystacks joined, for {@link searchTextOf}. */
export interface SearchText {
  /** Every haystack in person order, each followed by a separator, for one native scan per search. */
  text: string;
  /** Where each person's haystack starts in `text` (n + 1 entries). */
  rowStart: Int32Array;
}

/** The caches of one month (or one day of it) of a world: tabs, counts, orders, searches. */
export interface MonthTable {
  people: PeopleTable;
  month: string;
  /** Each person's tab (1 billed, 0 not billed, 2 not listed), the counts, and verdicts on demand. */
  verdicts: MonthVerdicts;
  provisional: boolean;
  /** The billing model in force that month. */
  model: BillingModel;
  /** `${sort}|${tab}` → person indices of that tab in that order. */
  orders: Map<string, Int32Array>;
  /** `${sort}|${tab}` → the first rows of that order (all of them when the tab is shorter). */
  firstRows: Map<string, Int32Array>;
  /** `${sort}|${tab}` → the last rows of that order, in that order (all of them when the tab is shorter). */
  lastRows: Map<string, Int32Array>;
  /** `${sort}|${tab}|${q}` → the matches, most recent last (a few kept). */
  searches: Map<string, Int32Array>;
  /** The tables of days of the month asked for (`?day=`), most recent last (a few kept). */
  days?: Map<string, MonthTable>;
}

/** Keyed by the people array: a world change that leaves the people alone keeps this cache. */
const peopleTables = new WeakMap<readonly Person[], PeopleTable>();
const monthTables = new WeakMap<World, Map<string, MonthTable>>();
/** Months kept per world, most recently asked last: asking many months never grows memory without bound. */
export const MAX_MONTHS = 24;
/** The columns whose order is the people's, whatever the month (cached per people list). */
export const MONTH_INDEPENDENT: ReadonlySet<UserSortKey> = new Set([
  'name',
  'email',
  'role',
  'startDate',
  'directories',
]);

/** The people list's table (cached by the people array). */
export function peopleTable(world: World): PeopleTable {
  const people = world.people;
  let t = peopleTables.get(people);
  if (t) return t;
  t = { n: people.length, people, folded: new Map(), orders: new Map(), keys: new Map() };
  peopleTables.set(people, t);
  return t;
}

/** A person's folded name (each distinct name folded once). */
export function foldedName(t: PeopleTable, i: number): string {
  const raw = (t.people[i] as Person).name;
  let name = t.folded.get(raw);
  if (name === undefined) t.folded.set(raw, (name = foldText(raw)));
  return name;
}

/** Every person's folded name and lower-case e-mail. */
function textOf(t: PeopleTable): { names: string[]; emails: string[] } {
  if (t.text) return t.text;
  const names: string[] = new Array<string>(t.n);
  const emails: string[] = new Array<string>(t.n);
  for (let i = 0; i < t.n; i++) {
    names[i] = foldedName(t, i);
    emails[i] = (t.people[i] as Person).email.toLowerCase();
  }
  t.text = { names, emails };
  t.keys.set('name', names);
  t.keys.set('email', emails);
  return t.text;
}

/** The search text: every person's folded name and e-mail, each ended by {@link SEPARATOR}. */
export function searchTextOf(t: PeopleTable): SearchText {
  if (t.search) return t.search;
  const { names, emails } = textOf(t);
  const n = t.n;
  const haystack: string[] = new Array<string>(n); // joined into `text`, not kept
  for (let i = 0; i < n; i++) haystack[i] = `${names[i] as string}\n${emails[i] as string}`;
  const rowStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) rowStart[i + 1] = (rowStart[i] as number) + (haystack[i] as string).length + 1;
  t.search = { text: haystack.join(SEPARATOR) + SEPARATOR, rowStart };
  return t.search;
}

/** The name order: the distinct names sorted, then each name's people by id. */
export function nameOrderOf(t: PeopleTable): { byName: Int32Array; nameRank: Int32Array } {
  if (t.nameOrder) return t.nameOrder;
  const { people, n } = t;
  const { names } = textOf(t);
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
  t.nameOrder = { byName, nameRank };
  t.orders.set('name', byName);
  return t.nameOrder;
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

/** One person's sort key for a month-independent column other than name and e-mail. */
export function columnKey(p: Person, key: UserSortKey): string {
  switch (key) {
    case 'role':
      return p.role;
    case 'startDate':
      return p.billingStart;
    case 'directories':
      return [...new Set(p.directories)].join(',');
    default:
      throw new RangeError(`Column ${key} has no per-person key here`);
  }
}

/** The sort key of every person for a month-independent column. */
function personKeys(t: PeopleTable, key: UserSortKey): string[] {
  if (key === 'name') return textOf(t).names;
  if (key === 'email') return textOf(t).emails;
  let keys = t.keys.get(key);
  if (keys) return keys;
  keys = t.people.map((p) => columnKey(p, key));
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

/** The month's table of `world` (cached, the last {@link MAX_MONTHS} months asked kept). */
export function monthTable(world: World, month: string): MonthTable {
  let byMonth = monthTables.get(world);
  if (!byMonth) monthTables.set(world, (byMonth = new Map()));
  let m = byMonth.get(month);
  if (m) {
    byMonth.delete(month);
    byMonth.set(month, m);
    return m;
  }
  const people = peopleTable(world);
  const verdicts = monthVerdicts(world, month);
  if (verdicts.tab.length !== people.n) throw new Error('user-tables.ts: the verdicts and the people differ in length');
  m = {
    people,
    month,
    verdicts,
    provisional: month >= world.today.slice(0, 7),
    model: planForMonth(world, month).model,
    orders: new Map(),
    firstRows: new Map(),
    lastRows: new Map(),
    searches: new Map(),
  };
  byMonth.set(month, m);
  if (byMonth.size > MAX_MONTHS) byMonth.delete(byMonth.keys().next().value as string);
  return m;
}

/** Day tables kept per month (a chart's points are asked one at a time). */
const MAX_DAYS = 8;

/**
 * The month's table with its tabs split by one day instead of the month's verdicts: tab 1
 * the listed people active on `day` (`billingStart <= day < min(deactivatedOn, deletedOn)`,
 * the engine's activity), tab 0 the other listed people; `hiddenDeleted` the people active
 * that day who are not listed (deleted since), so that billed + hidden is the day's user
 * count. Verdicts stay the month's. One pass over the people index's typed arrays; the
 * orders, first rows and searches are the day's own (cached with it).
 */
export function dayTable(world: World, m: MonthTable, day: string): MonthTable {
  const days = (m.days ??= new Map());
  let t = days.get(day);
  if (t) {
    days.delete(day);
    days.set(day, t);
    return t;
  }
  const ix = peopleIndex(world);
  const d = toDayNumber(day);
  const today = toDayNumber(world.today);
  const monthTab = m.verdicts.tab;
  const tab = new Uint8Array(monthTab.length);
  let billed = 0;
  let listed = 0;
  let hidden = 0;
  for (let i = 0; i < tab.length; i++) {
    const active = (ix.start[i] as number) <= d && d < (ix.end[i] as number);
    if (monthTab[i] === 2) {
      tab[i] = 2;
      // Not listed: deleted since (counted, as in the day's count), or a future month's (nobody listed yet).
      if (active && (ix.deleted[i] as number) <= today) hidden++;
      continue;
    }
    listed++;
    if (active) billed++;
    tab[i] = active ? 1 : 0;
  }
  const monthVerdict = m.verdicts;
  t = {
    people: m.people,
    month: m.month,
    verdicts: {
      tab,
      billedCount: billed,
      notBilledCount: listed - billed,
      hiddenDeleted: hidden,
      verdict: (i: number) => monthVerdict.verdict(i),
    },
    provisional: m.provisional,
    model: m.model,
    orders: new Map(),
    firstRows: new Map(),
    lastRows: new Map(),
    searches: new Map(),
  };
  days.set(day, t);
  if (days.size > MAX_DAYS) days.delete(days.keys().next().value as string);
  return t;
}

/** How many months of `world` the users list keeps (for tests of the bound). */
export function cachedMonths(world: World): number {
  return monthTables.get(world)?.size ?? 0;
}

/** A month-dependent key of one listed person. */
export function verdictKey(v: PersonBilling | undefined, key: 'reason' | 'reasonDate'): string {
  return v ? (key === 'reason' ? v.reason : (v.reasonDate ?? MISSING)) : MISSING;
}

/** The month's verdict-dependent key of every person of one tab (`MISSING` for the others: they are not sorted). */
function monthKeys(m: MonthTable, key: 'reason' | 'reasonDate', want: number): string[] {
  const { tab } = m.verdicts;
  const keys: string[] = new Array<string>(tab.length);
  for (let i = 0; i < tab.length; i++) keys[i] = tab[i] === want ? verdictKey(m.verdicts.verdict(i), key) : MISSING;
  return keys;
}

/** The people of one tab in one order (cached). */
export function tabOrder(m: MonthTable, sort: UserSort, billed: boolean): Int32Array {
  const cacheKey = `${sort}|${billed ? 1 : 0}`;
  const hit = m.orders.get(cacheKey);
  if (hit) return hit;
  const desc = sort.startsWith('-');
  const key = (desc ? sort.slice(1) : sort) as UserSortKey;
  const want = billed ? 1 : 0;
  const t = m.people;
  const { tab } = m.verdicts;
  const { byName, nameRank } = nameOrderOf(t);
  let asc: Int32Array;
  let keys: string[];
  if (MONTH_INDEPENDENT.has(key)) {
    keys = personKeys(t, key);
    let all = t.orders.get(key);
    if (!all) {
      all = sortBy(
        Int32Array.from({ length: t.n }, (_, i) => i),
        keys,
        nameRank,
        byName,
      );
      t.orders.set(key, all);
    }
    asc = all.filter((i) => tab[i] === want);
  } else {
    keys = monthKeys(m, key as 'reason' | 'reasonDate', want);
    const members: number[] = [];
    for (let i = 0; i < t.n; i++) if (tab[i] === want) members.push(i);
    asc = sortBy(Int32Array.from(members), keys, nameRank, byName);
  }
  const order = desc ? descending(asc, keys) : asc;
  m.orders.set(cacheKey, order);
  m.firstRows.delete(cacheKey);
  m.lastRows.delete(cacheKey);
  return order;
}
