/**
 * `users`: the users list as the table pages, sorts and searches it (`GET /users`). Pages
 * say what was asked and do not overlap; together they list every user once; the tab
 * totals agree with the tab counts; every sort column really orders the rows, both ways
 * (strings compared loosely: a backend may collate or not, fold accents or not, but must
 * not leave rows out of order under both readings); a search finds a user by part of
 * their name or e-mail, in any case, and only users that contain it.
 */
import { expectStatus, got } from '../context.js';
import type { Context } from '../context.js';
import { shortValue } from '../contract.js';
import { problemCode } from '../http.js';
import type { Answer } from '../http.js';
import { fail, skip } from '../results.js';

interface User {
  id: string;
  name: string;
  email: string;
  role?: string;
  startDate?: string;
  reason?: string;
  reasonDate?: string;
  directories?: string[];
}

interface Page {
  month: string;
  billed: boolean;
  offset: number;
  limit: number;
  total: number;
  billedCount: number;
  notBilledCount: number;
  items: User[];
}

const SORT_KEYS = ['name', 'email', 'role', 'startDate', 'reason', 'reasonDate', 'directories'] as const;
type SortKey = (typeof SORT_KEYS)[number];

/** Lower case without accents. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Whether `a` may come before `b` in ascending order, under either reading (code units of folded text, or collation). */
function inOrder(a: string, b: string): boolean {
  return fold(a) <= fold(b) || collator.compare(a, b) <= 0;
}

/** The first pair out of order (ascending), as indices, or -1. */
function firstDisorder(keys: readonly string[], descending: boolean): number {
  for (let i = 1; i < keys.length; i++) {
    const [a, b] = descending ? [keys[i] as string, keys[i - 1] as string] : [keys[i - 1] as string, keys[i] as string];
    if (!inOrder(a, b)) return i;
  }
  return -1;
}

/** Where sorting by `keys` (some missing) goes wrong, or `undefined`: present ones in order, missing ones together at one end. */
function disorder(keys: readonly (string | undefined)[], descending: boolean): string | undefined {
  const present = keys.map((k, i) => ({ k, i })).filter((x) => x.k !== undefined);
  if (present.length < keys.length) {
    const first = present[0]?.i ?? 0;
    const last = present[present.length - 1]?.i ?? -1;
    const together = last - first + 1 === present.length && (first === 0 || last === keys.length - 1);
    if (!together) return 'rows without a value are mixed in among the others';
  }
  const values = present.map((x) => x.k as string);
  const at = firstDisorder(values, descending);
  if (at < 0) return undefined;
  return `${JSON.stringify(values[at - 1])} before ${JSON.stringify(values[at])}`;
}

/** Every reading of a column the check accepts (directories: as listed, sorted, first, count). */
function readings(key: SortKey, users: readonly User[]): (string | undefined)[][] {
  if (key !== 'directories') return [users.map((u) => u[key])];
  const dirs = users.map((u) => u.directories ?? []);
  return [
    dirs.map((d) => d.join(',')),
    dirs.map((d) => [...d].sort().join(',')),
    dirs.map((d) => d[0]),
    dirs.map((d) => String(d.length).padStart(4, '0')),
  ];
}

function asPage(answer: Answer): Page {
  return answer.json as Page;
}

export async function usersChecks(ctx: Context): Promise<void> {
  if (!ctx.results.selected('users')) return;
  const title = 'paging, sorting and search of the users list';
  if (ctx.missing.has('listUsers')) {
    await ctx.results.skipped('users', title, 'GET /users', 'GET /users is missing');
    return;
  }
  const list = (query: Record<string, string | number | boolean | undefined>) =>
    ctx.http.call('listUsers', { query: { month: ctx.month, ...query } });

  // A tab with users to page through: the billed users, else the not billed.
  let billed = true;
  let probe = await list({ billed: true, limit: 1 });
  if (probe.status !== 200) {
    await ctx.results.skipped('users', title, 'GET /users', `GET /users answered ${got(probe)}`);
    return;
  }
  if (asPage(probe).total < 2) {
    const other = await list({ billed: false, limit: 1 });
    if (other.status === 200 && asPage(other).total >= 2) {
      billed = false;
      probe = other;
    }
  }
  const total = asPage(probe).total;
  if (!(total >= 2)) {
    await ctx.results.skipped(
      'users',
      title,
      'GET /users',
      `fewer than 2 users in ${ctx.month} (either tab): pass --month with a month that has users`,
    );
    return;
  }
  const tab = billed ? 'billed' : 'not billed';
  const where = 'GET /users';
  const all = Math.min(total, 500);

  await ctx.results.check('users', 'a page says what was asked: month, billed, offset, limit', where, async () => {
    const answer = await list({ billed, offset: 1, limit: 1 });
    expectStatus(answer, [200], '200 application/json');
    const p = asPage(answer);
    const wrong: string[] = [];
    if (p.month !== ctx.month) wrong.push(`month ${shortValue(p.month)}`);
    if (p.billed !== billed) wrong.push(`billed ${shortValue(p.billed)}`);
    if (p.offset !== 1) wrong.push(`offset ${shortValue(p.offset)}`);
    if (p.limit !== 1) wrong.push(`limit ${shortValue(p.limit)}`);
    if (wrong.length > 0) {
      fail({
        expected: `month ${ctx.month}, billed ${billed}, offset 1, limit 1`,
        got: wrong.join(', '),
        hint: 'Echo the query the page answers.',
      });
    }
  });

  await ctx.results.check('users', 'tab totals agree with the tab counts (without search)', where, async () => {
    const [b, n] = [await list({ billed: true, limit: 1 }), await list({ billed: false, limit: 1 })];
    expectStatus(b, [200], '200 application/json');
    expectStatus(n, [200], '200 application/json');
    const pb = asPage(b);
    const pn = asPage(n);
    const wrong: string[] = [];
    if (pb.total !== pb.billedCount) wrong.push(`billed tab: total ${pb.total}, billedCount ${pb.billedCount}`);
    if (pn.total !== pn.notBilledCount)
      wrong.push(`not billed tab: total ${pn.total}, notBilledCount ${pn.notBilledCount}`);
    if (pb.billedCount !== pn.billedCount || pb.notBilledCount !== pn.notBilledCount) {
      wrong.push(
        `the two tabs disagree on the counts (${pb.billedCount}/${pb.notBilledCount} and ${pn.billedCount}/${pn.notBilledCount})`,
      );
    }
    if (wrong.length > 0) {
      fail({
        expected: 'total = billedCount on the billed tab, = notBilledCount on the other',
        got: wrong.join('; '),
        hint: 'The table shows the counts on its tabs and pages by total: they must agree.',
      });
    }
  });

  await ctx.results.check(
    'users',
    "day=: the people active on a day are that day's count in GET /usage/daily",
    where,
    async () => {
      const daily = ctx.facts.reads.get('getDailyUsage');
      if (!daily || daily.status !== 200) skip(`GET /usage/daily answered ${daily ? got(daily) : 'nothing'}`);
      const days = ((daily.json as { days?: unknown } | null)?.days ?? []) as { date: string; count: number }[];
      if (!Array.isArray(days) || days.length === 0) skip(`no days counted in ${ctx.month}`);
      const picks = [...new Set([0, Math.floor(days.length / 2), days.length - 1])].map((k) => days[k]);
      const wrong: string[] = [];
      for (const d of picks) {
        if (!d) continue;
        const answer = await list({ billed: true, day: d.date, limit: 1 });
        expectStatus(answer, [200], '200 application/json');
        const p = asPage(answer) as Page & { day?: string; hiddenDeleted?: number };
        const hidden = typeof p.hiddenDeleted === 'number' ? p.hiddenDeleted : 0;
        if (p.day !== d.date) wrong.push(`day=${d.date} answered day ${shortValue(p.day)}`);
        if (p.billedCount + hidden !== d.count) {
          wrong.push(`${d.date}: billedCount ${p.billedCount} + hiddenDeleted ${hidden}, the daily count ${d.count}`);
        }
        if (p.total !== p.billedCount) wrong.push(`${d.date}: total ${p.total}, billedCount ${p.billedCount}`);
      }
      const [y, m] = ctx.month.split('-').map(Number) as [number, number];
      const nextMonth = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
      const outside = await list({ day: `${nextMonth}-01`, limit: 1 });
      if (outside.status !== 400 || problemCode(outside) !== 'day-outside-month') {
        wrong.push(`day=${nextMonth}-01 (another month): ${got(outside)}, not 400 day-outside-month`);
      }
      if (wrong.length > 0) {
        fail({
          expected: "with day, billed = the people active that day: billedCount + hiddenDeleted = the day's count",
          got: wrong.slice(0, 3).join('; '),
          hint: "Filter by billingStart <= day < deactivatedOn/deletedOn, count as /usage/daily does; refuse another month's day (400 day-outside-month).",
        });
      }
      return `${picks.length} days`;
    },
  );

  let whole: User[] = [];
  await ctx.results.check('users', 'pages do not overlap, and together list every user once', where, async () => {
    const limit = Math.max(1, Math.min(50, Math.ceil(total / 4)));
    const ids: string[] = [];
    const wrong: string[] = [];
    for (let offset = 0, n = 0; offset < total && n < 8; offset += limit, n++) {
      const answer = await list({ billed, offset, limit });
      expectStatus(answer, [200], '200 application/json');
      const p = asPage(answer);
      const want = Math.min(limit, total - offset);
      if (p.items.length !== want) wrong.push(`offset ${offset}: ${p.items.length} rows, not ${want}`);
      if (p.total !== total) wrong.push(`offset ${offset}: total ${p.total}, not ${total}`);
      for (const u of p.items) {
        if (ids.includes(u.id)) wrong.push(`${shortValue(u.id)} on two pages (again at offset ${offset})`);
        ids.push(u.id);
      }
    }
    const one = await list({ billed, offset: 0, limit: all });
    expectStatus(one, [200], '200 application/json');
    whole = asPage(one).items;
    const wholeIds = whole.map((u) => u.id);
    if (new Set(wholeIds).size !== wholeIds.length) wrong.push('a user listed twice in one page');
    const paged = ids.join('\n');
    if (!wholeIds.join('\n').startsWith(paged))
      wrong.push('the pages, in order, are not the first rows of one page of the same sort');
    const past = await list({ billed, offset: total, limit: 5 });
    if (past.status !== 200 || asPage(past).items.length !== 0)
      wrong.push(`offset ${total} (past the end): ${got(past)} with ${shortValue(asPage(past)?.items?.length)} rows`);
    if (wrong.length > 0) {
      fail({
        expected: `pages of ${limit} that tile ${total} users in one order`,
        got: wrong.slice(0, 3).join('; '),
        hint: 'Page one stable order (the sort, then a unique tie-break such as the id) with offset and limit.',
      });
    }
    return `${tab}: ${total} users, pages of ${limit}`;
  });

  for (const key of SORT_KEYS) {
    await ctx.results.check('users', `sort=${key} and sort=-${key} order the rows`, where, async () => {
      const wrong: string[] = [];
      let ascIds: string[] = [];
      for (const descending of [false, true]) {
        const sort = descending ? `-${key}` : key;
        const answer = await list({ billed, offset: 0, limit: all, sort });
        expectStatus(answer, [200], '200 application/json');
        const users = asPage(answer).items;
        if (!descending) ascIds = users.map((u) => u.id);
        else if (
          total <= 500 &&
          [...ascIds].sort().join() !==
            users
              .map((u) => u.id)
              .sort()
              .join()
        ) {
          wrong.push(`sort=${sort} lists other users than sort=${key}`);
        }
        const problems = readings(key, users).map((keys) => disorder(keys, descending));
        if (problems.every((p) => p !== undefined)) wrong.push(`sort=${sort}: ${problems[0]}`);
      }
      if (wrong.length > 0) {
        fail({
          expected: `rows ordered by ${key}, ascending and descending`,
          got: wrong.join('; '),
          hint: `Sort the whole tab by ${key} before paging (not each page), ties by name.`,
        });
      }
    });
  }

  await ctx.results.check(
    'users',
    "a person's timeline gives the list's verdict, and one bills fact when billed",
    'GET /users/{userId}/timeline',
    async () => {
      if (ctx.missing.has('getUserTimeline')) skip('GET /users/{userId}/timeline is missing');
      const rows = (whole.length > 0 ? whole : asPage(await list({ billed, limit: 5 })).items).slice(0, 5);
      if (rows.length === 0) skip('no users to look at');
      const wrong: string[] = [];
      for (const row of rows) {
        const answer = await ctx.http.call('getUserTimeline', {
          path: { userId: row.id },
          query: { month: ctx.month },
        });
        expectStatus(answer, [200], '200 application/json');
        const t = answer.json as {
          user?: User & { billable?: boolean };
          events?: { effect?: string }[];
        };
        const listed = row as User & { billable?: boolean };
        if (t.user?.reason !== listed.reason || t.user?.billable !== listed.billable) {
          wrong.push(
            `${shortValue(row.id)}: ${shortValue(t.user?.reason)} in the timeline, ${shortValue(listed.reason)} in the list`,
          );
        }
        const bills = (t.events ?? []).filter((e) => e?.effect === 'bills').length;
        if (listed.billable === true && bills !== 1)
          wrong.push(`${shortValue(row.id)} is billed: ${bills} bills facts`);
        if (listed.billable === false && bills !== 0)
          wrong.push(`${shortValue(row.id)} is not billed: ${bills} bills facts`);
      }
      if (wrong.length > 0) {
        fail({
          expected: "the users list's verdict for the month, and exactly one fact that bills a billed person",
          got: wrong.slice(0, 3).join('; '),
          hint: 'Give the verdict the users list gives, and mark the fact that decides it (docs/backend.md, "Explaining figures").',
        });
      }
      return `${rows.length} people`;
    },
  );

  // A search term: part of a user's name (not its start), and part of an e-mail's local part.
  const candidates = (whole.length > 0 ? whole : asPage(await list({ billed, limit: 50 })).items) ?? [];
  const nameTerm = pickTerm(candidates, (u) => u.name);
  const emailTerm = pickTerm(candidates, (u) => u.email.split('@')[0] ?? '');
  for (const [field, term] of [
    ['name', nameTerm],
    ['e-mail', emailTerm],
  ] as const) {
    await ctx.results.check(
      'users',
      `q finds users by part of their ${field}, in any case, and only those`,
      where,
      async () => {
        if (!term) skip(`no ${field} with 4 letters in a row to search for`);
        const plain = await list({ billed, limit: all });
        const found = await list({ billed, limit: all, q: term.value });
        const shouted = await list({ billed, limit: all, q: term.value.toUpperCase() });
        for (const a of [plain, found, shouted]) expectStatus(a, [200], '200 application/json');
        const p = asPage(found);
        const wrong: string[] = [];
        if (!p.items.some((u) => u.id === term.id))
          wrong.push(`${shortValue(term.source)} (contains ${JSON.stringify(term.value)}) not found`);
        const stray = p.items.find((u) => !fold(`${u.name}\n${u.email}`).includes(fold(term.value)));
        if (stray)
          wrong.push(`${shortValue(stray.name)} <${stray.email}> found, without ${JSON.stringify(term.value)}`);
        if (p.total !== p.items.length && p.items.length < p.limit)
          wrong.push(`total ${p.total}, but ${p.items.length} rows`);
        if (p.total > asPage(plain).total) wrong.push(`more matches (${p.total}) than users (${asPage(plain).total})`);
        if (p.billedCount !== asPage(plain).billedCount)
          wrong.push(`billedCount ${p.billedCount} with the search, ${asPage(plain).billedCount} without`);
        if (asPage(shouted).total !== p.total)
          wrong.push(`q=${term.value.toUpperCase()} finds ${asPage(shouted).total}, q=${term.value} ${p.total}`);
        if (wrong.length > 0) {
          fail({
            expected: `every ${tab} user whose name or e-mail contains ${JSON.stringify(term.value)}, in any case`,
            got: wrong.join('; '),
            hint: 'q is a case-insensitive search in name and e-mail; the tab counts stay those without search.',
          });
        }
        return `q=${term.value}: ${p.total} of ${asPage(plain).total}`;
      },
    );
  }

  await ctx.results.check('users', 'a search that matches nobody lists nobody', where, async () => {
    const answer = await list({ billed, q: 'zzq-conformance-no-match' });
    expectStatus(answer, [200], '200 application/json with total 0');
    const p = asPage(answer);
    if (p.total !== 0 || p.items.length !== 0) {
      fail({
        expected: 'total 0, no rows',
        got: `total ${p.total}, ${p.items.length} rows`,
        hint: 'A search with no match is an empty page, not the whole list.',
      });
    }
  });
}

/** Four letters from a word of a user's text (from its middle when the word is long enough), with the user. */
function pickTerm(
  users: readonly User[],
  text: (u: User) => string,
): { value: string; source: string; id: string } | undefined {
  for (const min of [5, 4]) {
    for (const u of users) {
      const source = typeof u?.name === 'string' && typeof u?.email === 'string' ? text(u) : '';
      const word = source.match(new RegExp(`[A-Za-z]{${min},}`))?.[0];
      if (word) return { value: (min === 5 ? word.slice(1, 5) : word.slice(0, 4)).toLowerCase(), source, id: u.id };
    }
  }
  return undefined;
}
