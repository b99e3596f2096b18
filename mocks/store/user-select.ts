/**
 * The selection of the first (or last) rows of a tab's order without sorting the tab, for
 * the users list's pages near either end of an order not yet built.
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
import type { Person } from '../engine/types.js';
import type { UserSort, UserSortKey } from './contract.js';
import { columnKey, foldedName, MONTH_INDEPENDENT, tabOrder, verdictKey } from './user-tables.js';
import type { MonthTable } from './user-tables.js';

/**
 * Pages ending within this many rows of the start of an order not yet built, or starting
 * within this many rows of its end, are selected from the people (a pass each) rather than
 * sorted (all of them, once); a selection keeps twice the rows asked for from its end (at
 * least {@link MIN_SELECTED}), so the next pages reuse it.
 */
export const SELECT_LIMIT = 5_000;
const MIN_SELECTED = 1_000;

/** Code unit order of strings (as `<`): -1, 0 or 1. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A number in the order of a key's first two characters (`<` on strings): -1 for an empty
 * key. For a key made from `raw` by `foldText` (user-tables.ts) or `toLowerCase` (`lower`) it
 * is read from `raw` when its first two characters are ASCII (both keep them in front,
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
export interface RowsAt {
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
export function pageRowsOf(m: MonthTable, sort: UserSort, billed: boolean, offset: number, limit: number): RowsAt {
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
