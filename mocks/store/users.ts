/**
 * The billed / not billed users list: server-side paging, sorting and search over up to a
 * million people, fast enough to answer a page in a few milliseconds once warm, and the
 * first page of a new world without building a table of every person.
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
 *
 * A page within {@link SELECT_LIMIT} rows of the start of a tab's order, or of its end
 * (the table's scroll to the bottom), is a selection of the first (or last) rows in one
 * pass over the people — a bounded heap, and most people ruled out by the first letters
 * of their key — rather than a sort of everyone: at a million people it costs a pass, not
 * the name table and its sort. The last rows are the first ones of the whole comparison
 * reversed (column, direction and every tie-break), turned back; the pass starts from the
 * end of the people where a sample says the best keys are (people often come in start-date
 * order). Deeper pages and searches use the full orders, and so does every page once the
 * people's order of its column is built (a month-independent column: a filter of it costs
 * less than a selection). All give the same rows in the same order.
 */
import { isIsoDate, isYearMonth, monthOf, toDayNumber } from '../engine/dates.js';
import { peopleIndex } from '../engine/indexes.js';
import type { BillingModel, Person, PersonBilling, World } from '../engine/types.js';
import { monthVerdicts, planForMonth } from '../engine/usage.js';
import type { MonthVerdicts } from '../engine/usage.js';
import type { ApiBillingUser, ApiUserPage, UserSort, UserSortKey } from './contract.js';
import { invalid } from './errors.js';
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

/** A users query narrowed to one day of its month (`GET /users?day=`). */
export interface DayFilter {
  /**
   * `YYYY-MM-DD`, a day of `month`: `billed` then means active on that day (the people
   * behind that day's user count), the rest of the month's listed people are the other tab.
   */
  day?: string;
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

interface SearchText {
  /** Every haystack in person order, each followed by a separator, for one native scan per search. */
  text: string;
  /** Where each person's haystack starts in `text` (n + 1 entries). */
  rowStart: Int32Array;
}

interface MonthTable {
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
const MAX_SEARCHES = 16;
/** Months kept per world, most recently asked last: asking many months never grows memory without bound. */
export const MAX_MONTHS = 24;
/**
 * Pages ending within this many rows of the start of an order not yet built, or starting
 * within this many rows of its end, are selected from the people (a pass each) rather than
 * sorted (all of them, once); a selection keeps twice the rows asked for from its end (at
 * least {@link MIN_SELECTED}), so the next pages reuse it.
 */
export const SELECT_LIMIT = 5_000;
const MIN_SELECTED = 1_000;
const MONTH_INDEPENDENT: ReadonlySet<UserSortKey> = new Set(['name', 'email', 'role', 'startDate', 'directories']);

function peopleTable(world: World): PeopleTable {
  const people = world.people;
  let t = peopleTables.get(people);
  if (t) return t;
  t = { n: people.length, people, folded: new Map(), orders: new Map(), keys: new Map() };
  peopleTables.set(people, t);
  return t;
}

/** A person's folded name (each distinct name folded once). */
function foldedName(t: PeopleTable, i: number): string {
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

function searchTextOf(t: PeopleTable): SearchText {
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
function nameOrderOf(t: PeopleTable): { byName: Int32Array; nameRank: Int32Array } {
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
function columnKey(p: Person, key: UserSortKey): string {
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
  const verdicts = monthVerdicts(world, month);
  if (verdicts.tab.length !== people.n) throw new Error('users.ts: the verdicts and the people differ in length');
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
function dayTable(world: World, m: MonthTable, day: string): MonthTable {
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
function verdictKey(v: PersonBilling | undefined, key: 'reason' | 'reasonDate'): string {
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
function tabOrder(m: MonthTable, sort: UserSort, billed: boolean): Int32Array {
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

/** Code unit order of strings (as `<`): -1, 0 or 1. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A number in the order of a key's first two characters (`<` on strings): -1 for an empty
 * key. For a key made from `raw` by {@link foldText} or `toLowerCase` (`lower`) it is
 * read from `raw` when its first two characters are ASCII (both keep them in front,
 * lower-cased, whatever follows), else `undefined`: the key must be made to know.
 */
function leadCode(raw: string, lower: boolean): number | undefined {
  const n = raw.length;
  if (n === 0) return -1;
  let a = raw.charCodeAt(0);
  if (a >= 0x80) return undefined;
  if (lower && a >= 65 && a <= 90) a += 32;
  if (n === 1) return a * 0x10001;
  let b = raw.charCodeAt(1);
  if (b >= 0x80) return undefined;
  if (lower && b >= 65 && b <= 90) b += 32;
  return a * 0x10001 + b + 1;
}

/** {@link leadCode} of a key already made. */
function keyCode(key: string): number {
  const n = key.length;
  if (n === 0) return -1;
  return key.charCodeAt(0) * 0x10001 + (n === 1 ? 0 : key.charCodeAt(1) + 1);
}

/**
 * Whether the keys of `n` people rise (1) or fall (-1) with their position, or neither (0),
 * judged from {@link TREND_SAMPLES} people evenly spread: a clear majority of the steps between
 * neighbours in the sample one way.
 */
function trendOf(n: number, keyOf: (i: number) => string): number {
  if (n < 2) return 0;
  let up = 0;
  let down = 0;
  let prev = keyOf(0);
  for (let s = 1; s < TREND_SAMPLES; s++) {
    const key = keyOf(Math.floor((s * (n - 1)) / (TREND_SAMPLES - 1)));
    if (key > prev) up++;
    else if (key < prev) down++;
    prev = key;
  }
  return up > 2 * down ? 1 : down > 2 * up ? -1 : 0;
}
const TREND_SAMPLES = 65;

/** Which end of an order {@link selectRows} selects. */
type End = 'first' | 'last';

/**
 * The first (or last) `k` people of tab `want` in the order of `sort` (all of them when the
 * tab is shorter), in that order: exactly the start (or the end) of {@link tabOrder}'s
 * order, found in one pass over the people without sorting them. The order is the column's
 * key (ascending, or descending for `-column`), then the name order: folded name, id,
 * position. The last rows are the first ones of that whole comparison reversed (the key's
 * direction and every tie-break), turned back at the end. A bounded heap keeps the `k`
 * best so far, its worst on top; a person whose key's first two characters already come
 * after the worst one's is passed over without making their key, so most people cost two
 * character reads.
 */
function selectRows(m: MonthTable, sort: UserSort, want: number, k: number, end: End): Int32Array {
  const desc = sort.startsWith('-');
  const key = (desc ? sort.slice(1) : sort) as UserSortKey;
  // The direction of the whole comparison (-1: reversed, for the last rows), and of the key within it.
  const dir = end === 'last' ? -1 : 1;
  const sign = (desc ? -1 : 1) * dir;
  const t = m.people;
  const { people } = t;
  const { tab } = m.verdicts;
  const byName = key === 'name';
  // The column's key (not used for `name`: the name is the key) and its first code.
  const keyOf = (i: number): string => {
    const p = people[i] as Person;
    switch (key) {
      case 'email':
        return p.email.toLowerCase();
      case 'reason':
      case 'reasonDate':
        return verdictKey(m.verdicts.verdict(i), key);
      default:
        return columnKey(p, key);
    }
  };
  const codeOf = (i: number): number => {
    const p = people[i] as Person;
    let code: number | undefined;
    switch (key) {
      case 'name':
        return leadCode(p.name, true) ?? keyCode(foldedName(t, i));
      case 'email':
        code = leadCode(p.email, true);
        break;
      case 'role':
        code = leadCode(p.role, false);
        break;
      case 'startDate':
        code = leadCode(p.billingStart, false);
        break;
      case 'directories': {
        // The first directory's first two characters, when it has two (else make the key).
        const first: string | undefined = p.directories[0];
        if (first === undefined) code = -1;
        else if (first.length >= 2) code = leadCode(first, false);
        break;
      }
      default:
        // reason, reasonDate: the verdict is needed anyway.
        break;
    }
    return code ?? keyCode(keyOf(i));
  };

  // The heap: person, their first code, and their key and folded name once made.
  const cap = Math.max(0, k);
  const heap = new Int32Array(cap);
  const codes = new Float64Array(cap);
  const keys: (string | undefined)[] = new Array<string | undefined>(cap);
  const names: (string | undefined)[] = new Array<string | undefined>(cap);
  let size = 0;
  // The candidate in hand, its code and its key and name once made.
  let cand = -1;
  let candCode = 0;
  let candKey: string | undefined;
  let candName: string | undefined;
  // Slot -1 is the candidate: one comparison for the heap's people and the one in hand.
  const CAND = -1;
  const keyOfPerson = (i: number): string => (byName ? foldedName(t, i) : keyOf(i));
  const keyAt = (s: number): string =>
    s === CAND ? (candKey ??= keyOfPerson(cand)) : (keys[s] ??= keyOfPerson(heap[s] as number));
  const nameAt = (s: number): string =>
    s === CAND ? (candName ??= foldedName(t, cand)) : (names[s] ??= foldedName(t, heap[s] as number));
  // Order of the people in two slots: negative when the first comes first.
  const compareSlots = (x: number, y: number): number => {
    const cx = x === CAND ? candCode : (codes[x] as number);
    const cy = y === CAND ? candCode : (codes[y] as number);
    if (cx !== cy) return sign * (cx < cy ? -1 : 1);
    let c = sign * compareText(keyAt(x), keyAt(y));
    if (c !== 0) return c;
    if (!byName) {
      c = compareText(nameAt(x), nameAt(y));
      if (c !== 0) return dir * c;
    }
    const a = x === CAND ? cand : (heap[x] as number);
    const b = y === CAND ? cand : (heap[y] as number);
    c = compareText((people[a] as Person).id, (people[b] as Person).id);
    return dir * (c !== 0 ? c : a - b);
  };
  const swap = (x: number, y: number): void => {
    const h = heap[x] as number;
    heap[x] = heap[y] as number;
    heap[y] = h;
    const c = codes[x] as number;
    codes[x] = codes[y] as number;
    codes[y] = c;
    const kk = keys[x];
    keys[x] = keys[y];
    keys[y] = kk;
    const nn = names[x];
    names[x] = names[y];
    names[y] = nn;
  };
  const place = (s: number): void => {
    heap[s] = cand;
    codes[s] = candCode;
    keys[s] = candKey;
    names[s] = candName;
  };
  // People often come in the order of a column (start dates): met from the wrong end, each
  // one would displace the worst kept, a sift through the heap per person. So the pass
  // starts from the end where the best keys are, judged from a sample (the rows do not
  // depend on it: the order is total).
  const backward = trendOf(t.n, keyOfPerson) * sign < 0;
  for (let step = 0; step < t.n && cap > 0; step++) {
    const i = backward ? t.n - 1 - step : step;
    if (tab[i] !== want) continue;
    cand = i;
    candCode = codeOf(i);
    candKey = undefined;
    candName = undefined;
    if (size < cap) {
      // Sift up: the worst stays on top.
      let s = size++;
      place(s);
      while (s > 0) {
        const parent = (s - 1) >> 1;
        if (compareSlots(s, parent) <= 0) break;
        swap(s, parent);
        s = parent;
      }
      continue;
    }
    // Passed over unless it comes before the worst kept.
    const top = codes[0] as number;
    if (sign * (candCode - top) > 0) continue;
    if (compareSlots(CAND, 0) >= 0) continue;
    place(0);
    // Sift down.
    let s = 0;
    for (;;) {
      const l = 2 * s + 1;
      const r = l + 1;
      let worst = s;
      if (l < size && compareSlots(l, worst) > 0) worst = l;
      if (r < size && compareSlots(r, worst) > 0) worst = r;
      if (worst === s) break;
      swap(s, worst);
      s = worst;
    }
  }
  // The kept people, best first (for the last rows: last first, so turned back).
  const slots = Array.from({ length: size }, (_, s) => s).sort(compareSlots);
  const rows = Int32Array.from(slots, (s) => heap[s] as number);
  return dir === 1 ? rows : rows.reverse();
}

/** Rows of a tab's order: `rows[j - base]` is its row `j`. */
interface RowsAt {
  rows: Int32Array;
  base: number;
}

const NO_ROWS: RowsAt = { rows: new Int32Array(0), base: 0 };

/**
 * The rows of a tab's order that a page (`offset`, `limit`) shows: from the full order when
 * built; else from the first or the last rows kept, or selected (and kept) when the page
 * lies within {@link SELECT_LIMIT} rows of the start or of the end (the nearer end) and the
 * full order is not one filter away; else from the full order, built.
 */
function pageRowsOf(m: MonthTable, sort: UserSort, billed: boolean, offset: number, limit: number): RowsAt {
  const cacheKey = `${sort}|${billed ? 1 : 0}`;
  const full = m.orders.get(cacheKey);
  if (full) return { rows: full, base: 0 };
  const tabSize = billed ? m.verdicts.billedCount : m.verdicts.notBilledCount;
  const end = Math.min(tabSize, offset + limit);
  if (end <= offset) return NO_ROWS;
  const first = m.firstRows.get(cacheKey);
  if (first && first.length >= end) return { rows: first, base: 0 };
  const last = m.lastRows.get(cacheKey);
  if (last && tabSize - last.length <= offset) return { rows: last, base: tabSize - last.length };
  // Rows needed counted from the start, and from the end.
  const fromStart = end;
  const fromEnd = tabSize - offset;
  // The order of a column that does not depend on the month, once built for the people, makes
  // every month's order with one filter: cheaper than a selection.
  const key = (sort.startsWith('-') ? sort.slice(1) : sort) as UserSortKey;
  const built = MONTH_INDEPENDENT.has(key) && m.people.orders.has(key);
  if (built || Math.min(fromStart, fromEnd) > SELECT_LIMIT) return { rows: tabOrder(m, sort, billed), base: 0 };
  const which: End = fromStart <= fromEnd ? 'first' : 'last';
  const need = which === 'first' ? fromStart : fromEnd;
  const rows = selectRows(m, sort, billed ? 1 : 0, Math.min(tabSize, Math.max(MIN_SELECTED, 2 * need)), which);
  (which === 'first' ? m.firstRows : m.lastRows).set(cacheKey, rows);
  return { rows, base: which === 'first' ? 0 : tabSize - rows.length };
}

/**
 * Per person, whether their haystack contains `q`: one native `indexOf` scan over the
 * joined text, jumping to the next person after each hit.
 */
function matchesOf(t: PeopleTable, q: string): Uint8Array {
  const hit = new Uint8Array(t.n);
  const { text, rowStart } = searchTextOf(t);
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
 * With `day`, the tabs are the listed people active on that day and the others (see
 * {@link dayTable}); a day outside the month is refused (`invalid`, `day-outside-month`).
 *
 * @throws RangeError for a malformed month.
 */
export function listUsers(world: World, query: UsersQuery & DayFilter): ApiUserPage {
  if (!isYearMonth(query.month)) throw new RangeError(`Not a month (YYYY-MM): ${JSON.stringify(query.month)}`);
  const billed = query.billed ?? true;
  const offset = Math.max(0, Math.trunc(query.offset ?? 0));
  const limit = Math.max(0, Math.trunc(query.limit ?? 100));
  const sort = query.sort ?? 'name';
  const q = foldText((query.q ?? '').trim()).replaceAll(SEPARATOR, '');
  const day = query.day;
  if (day !== undefined && (!isIsoDate(day) || monthOf(day) !== query.month)) {
    throw invalid('day', 'day-outside-month', `Give a day of ${query.month} (${query.month}-01 to its last day).`, {
      value: day,
    });
  }
  const month = monthTable(world, query.month);
  const m = day === undefined ? month : dayTable(world, month, day);
  const v = m.verdicts;
  let rows: Int32Array;
  let base = 0;
  let total: number;
  if (q !== '') {
    rows = searchIn(m, tabOrder(m, sort, billed), `${sort}|${billed ? 1 : 0}|${q}`, q);
    total = rows.length;
  } else {
    ({ rows, base } = pageRowsOf(m, sort, billed, offset, limit));
    total = billed ? v.billedCount : v.notBilledCount;
  }
  const items: ApiBillingUser[] = [];
  const end = Math.min(base + rows.length, offset + limit);
  for (let j = offset; j < end; j++) {
    const i = rows[j - base] as number;
    items.push(billingUserView(world, m.people.people[i] as Person, v.verdict(i)));
  }
  return {
    month: query.month,
    model: m.model,
    billed,
    offset,
    limit,
    total,
    billedCount: v.billedCount,
    notBilledCount: v.notBilledCount,
    provisional: m.provisional,
    hiddenDeleted: v.hiddenDeleted,
    ...(day === undefined ? {} : { day }),
    items,
  };
}

/** Every user of a tab, in name order (for the CSV export). */
export function allUsers(world: World, month: string, billed: boolean): ApiBillingUser[] {
  if (!isYearMonth(month)) throw new RangeError(`Not a month (YYYY-MM): ${JSON.stringify(month)}`);
  const m = monthTable(world, month);
  return Array.from(tabOrder(m, 'name', billed), (i) =>
    billingUserView(world, m.people.people[i] as Person, m.verdicts.verdict(i)),
  );
}

/** The index of a person in `world.people`, by id. */
export function personIndex(world: World, id: string): number | undefined {
  // One scan (a change asks once per new people list; a table of ids would cost more).
  // From the end: with duplicate ids (never in a valid world) the last one, as a map would.
  const people = world.people;
  for (let i = people.length - 1; i >= 0; i--) if ((people[i] as Person).id === id) return i;
  return undefined;
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
  const { byName } = nameOrderOf(t);
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
  return billingUserView(world, world.people[index] as Person, m.verdicts.verdict(index));
}
