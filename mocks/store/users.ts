/**
 * The billed / not billed users list: server-side paging, sorting and search over up to a
 * million people, fast enough to answer a page in a few milliseconds once warm, and the
 * first page of a new world without building a table of every person.
 *
 * This module answers the pages ({@link listUsers}, {@link allUsers}, {@link userRow}, the
 * contact picker's {@link searchPeople}) and searches them: one native scan of the people's
 * search text per query, the matches of the last few searches kept per month table. The
 * tables, orders and caches it reads are `user-tables.ts`'s; a page near either end of an
 * order not yet built is selected by `user-select.ts` rather than sorted.
 */
import { isIsoDate, isYearMonth, monthOf } from '../engine/dates.js';
import type { Person, World } from '../engine/types.js';
import type { ApiBillingUser, ApiUserPage, UserSort } from './contract.js';
import { invalid } from './errors.js';
import { pageRowsOf } from './user-select.js';
import {
  dayTable,
  foldText,
  monthTable,
  nameOrderOf,
  peopleTable,
  searchTextOf,
  SEPARATOR,
  tabOrder,
} from './user-tables.js';
import type { MonthTable, PeopleTable } from './user-tables.js';
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

/** Searches kept per month table, most recent last. */
const MAX_SEARCHES = 16;

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
