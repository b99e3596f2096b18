/**
 * The users list: server-side paging, sorting by every column both ways (ties by name,
 * then id), search in name and e-mail, both tabs with their counts, hidden deleted users,
 * the CSV export, and deactivating / reactivating.
 */
import assert from 'node:assert/strict';
import { before, beforeEach, describe, it } from 'node:test';
import type { BillingUser, UserPage } from '../../src/client/index.js';
import { hiddenDeletedCount, peopleBilling } from '../../mocks/engine/usage.js';
import type { World } from '../../mocks/engine/types.js';
import { USER_SORT_KEYS } from '../../mocks/store/contract.js';
import { send } from '../mocks/fixtures.js';
import { BASE, failure, useMockServer, world } from './mock-setup.js';

const { store, client } = useMockServer();
const MONTH = '2026-10';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const keyOf = (u: BillingUser, column: string): string => {
  switch (column) {
    case 'name':
      return fold(u.name);
    case 'email':
      return u.email.toLowerCase();
    case 'directories':
      return u.directories.join(',');
    case 'reasonDate':
      return u.reasonDate ?? '\uffff';
    default:
      return String(u[column as keyof BillingUser]);
  }
};

/** The documented order: the column (desc with `-`), then name, then id, both ascending. */
function compare(sort: string) {
  const desc = sort.startsWith('-');
  const column = desc ? sort.slice(1) : sort;
  return (a: BillingUser, b: BillingUser): number => {
    const x = keyOf(a, column);
    const y = keyOf(b, column);
    if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1);
    const na = fold(a.name);
    const nb = fold(b.name);
    if (na !== nb) return na < nb ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

async function allPages(query: Omit<Parameters<typeof client.listUsers>[0], 'offset' | 'limit'>, limit = 500) {
  const items: BillingUser[] = [];
  let page: UserPage;
  do {
    page = await client.listUsers({ ...query, offset: items.length, limit });
    items.push(...page.items);
  } while (page.items.length === limit);
  return { items, last: page };
}

describe('mock users list', () => {
  let w: World;
  beforeEach(() => {
    store.loadWorld(world());
    w = store.world;
  });

  it('a page: counts of both tabs, total, the items with directories, start date, status and reason', async () => {
    const page = await client.listUsers({ month: MONTH, limit: 25, offset: 10 });
    const verdicts = peopleBilling(w, MONTH);
    const billed = verdicts.filter((v) => v.billable);
    assert.equal(page.month, MONTH);
    assert.equal(page.model, 'peak-daily');
    assert.equal(page.billed, true);
    assert.equal(page.provisional, false);
    assert.equal(page.offset, 10);
    assert.equal(page.limit, 25);
    assert.equal(page.items.length, 25);
    assert.equal(page.billedCount, billed.length);
    assert.equal(page.notBilledCount, verdicts.length - billed.length);
    assert.equal(page.total, billed.length);
    assert.equal(page.hiddenDeleted, hiddenDeletedCount(w, MONTH));
    for (const u of page.items) {
      const p = w.people.find((x) => x.id === u.id)!;
      const v = verdicts.find((x) => x.personId === u.id)!;
      assert.equal(u.billable, true);
      assert.deepEqual(u.directories, p.directories);
      assert.equal(u.startDate, p.billingStart);
      assert.equal(u.status, p.deactivatedOn && p.deactivatedOn <= w.today ? 'deactivated' : 'active');
      assert.equal(u.reason, v.reason);
      assert.equal(u.reasonDate, v.reasonDate);
    }
  });

  it('the not-billed tab lists the others, each with its reason', async () => {
    const { items, last } = await allPages({ month: MONTH, billed: false });
    assert.equal(items.length, last.notBilledCount);
    assert.ok(items.length > 0);
    assert.ok(items.every((u) => !u.billable));
    assert.ok(items.every((u) => ['deactivated', 'created-mid-month', 'not-yet-started'].includes(u.reason)));
  });

  for (const column of USER_SORT_KEYS) {
    for (const sort of [column, `-${column}`]) {
      it(`sorts by ${sort}, ties by name then id`, async () => {
        const { items } = await allPages({ month: MONTH, sort: sort as 'name' });
        const expected = [...items].sort(compare(sort));
        assert.deepEqual(
          items.map((u) => u.id),
          expected.map((u) => u.id),
        );
      });
    }
  }

  it('searches name and e-mail, ignoring case; counts stay those of the tabs', async () => {
    const someone = w.people.find((p) => !p.deletedOn && p.billingStart < '2026-09-01' && !p.deactivatedOn)!;
    const needle = someone.name.split(' ')[1]!.toUpperCase();
    const { items, last } = await allPages({ month: MONTH, q: needle });
    const all = await allPages({ month: MONTH });
    const expected = all.items.filter((u) => `${fold(u.name)}\n${u.email}`.includes(fold(needle)));
    assert.ok(expected.length > 0);
    assert.deepEqual(
      items.map((u) => u.id),
      expected.map((u) => u.id),
    );
    assert.equal(last.total, expected.length);
    assert.equal(last.billedCount, all.last.billedCount);
    const byMail = await client.listUsers({ month: MONTH, q: someone.email.slice(0, someone.email.indexOf('@')) });
    assert.ok(byMail.items.some((u) => u.id === someone.id));
    const none = await client.listUsers({ month: MONTH, q: 'no-such-person-anywhere' });
    assert.equal(none.total, 0);
    assert.deepEqual(none.items, []);
  });

  it('a page past the end is empty; the store answers the same without HTTP', async () => {
    const page = await client.listUsers({ month: MONTH, offset: 100000 });
    assert.deepEqual(page.items, []);
    const direct = store.listUsers({ month: MONTH, sort: '-startDate', q: 'a', offset: 5, limit: 20 });
    const http = await client.listUsers({ month: MONTH, sort: '-startDate', q: 'a', offset: 5, limit: 20 });
    assert.deepEqual(http, direct);
  });

  it('deleted people are not listed but counted in hiddenDeleted', async () => {
    // Delete a billed person of a closed month since.
    const page = await client.listUsers({ month: MONTH, limit: 1 });
    const victim = page.items[0]!;
    const people = w.people.map((p) => (p.id === victim.id ? { ...p, deletedOn: '2026-11-05' } : p));
    store.loadWorld({ ...w, people });
    const after = await client.listUsers({ month: MONTH, limit: 500 });
    assert.equal(after.hiddenDeleted, page.hiddenDeleted + 1);
    assert.equal(after.billedCount, page.billedCount - 1);
    assert.ok(!after.items.some((u) => u.id === victim.id));
  });

  it('deactivate: first day not active is today; a second time is a 409; unknown is a 404', async () => {
    const target = w.people.find((p) => !p.deactivatedOn && !p.deletedOn && p.billingStart < '2026-01-01')!;
    const change = await client.deactivateUser(target.id);
    assert.equal(change.user.id, target.id);
    assert.equal(change.user.status, 'deactivated');
    assert.equal(change.user.deactivatedOn, w.today);
    assert.equal(store.world.people.find((p) => p.id === target.id)?.deactivatedOn, w.today);
    const again = await failure(client.deactivateUser(target.id));
    assert.equal(again.status, 409);
    assert.equal(again.code, 'already-deactivated');
    const missing = await failure(client.deactivateUser('p-99999'));
    assert.equal(missing.status, 404);
    assert.equal(missing.kind, 'not-found');
    const back = await client.reactivateUser(target.id);
    assert.equal(back.user.status, 'active');
    assert.equal(back.user.deactivatedOn, undefined);
    assert.equal(back.user.startDate, target.billingStart);
    const twice = await failure(client.reactivateUser(target.id));
    assert.equal(twice.code, 'already-active');
  });

  it('deactivate is idempotent with a key', async () => {
    const target = w.people.find((p) => !p.deactivatedOn && !p.deletedOn)!;
    const first = await client.deactivateUser(target.id, {}, { idempotencyKey: 'deactivate-1' });
    const r = await send(BASE, 'POST', `/users/${target.id}/deactivate`, {}, { 'Idempotency-Key': 'deactivate-1' });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(await r.json(), first);
  });

  it('CSV export: a header row, every user of the tab, an attachment named by the month', async () => {
    const r = await send(BASE, 'GET', `/users/export?month=${MONTH}`, undefined, { 'Accept-Language': 'en' });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('Content-Type') ?? '', /^text\/csv/);
    assert.equal(r.headers.get('Content-Language'), 'en');
    assert.equal(
      r.headers.get('Content-Disposition'),
      `attachment; filename="billed-users-${MONTH}.csv"; filename*=UTF-8''billed-users-${MONTH}.csv`,
    );
    const lines = (await r.text()).trim().split(/\r?\n/);
    const page = await client.listUsers({ month: MONTH, limit: 1 });
    assert.equal(lines.length, page.billedCount + 1);
    assert.match(lines[0]!, /^Name,E-mail,Role,Directories,Start date,Status/);
    const notBilled = await send(BASE, 'GET', `/users/export?month=${MONTH}&billed=false`);
    assert.equal(
      notBilled.headers.get('Content-Disposition'),
      `attachment; filename="not-billed-users-${MONTH}.csv"; filename*=UTF-8''not-billed-users-${MONTH}.csv`,
    );
    const text = await client.exportUsersCsv(MONTH, false);
    assert.equal(text.trim().split(/\r?\n/).length, page.notBilledCount + 1);
  });

  it('CSV export neutralises cells that look like formulas', async () => {
    const evil = w.people.find((p) => !p.deactivatedOn && !p.deletedOn && p.billingStart < '2026-01-01')!;
    const people = w.people.map((p) => (p.id === evil.id ? { ...p, name: '=HYPERLINK("http://x","y")' } : p));
    store.loadWorld({ ...w, people });
    const text = await client.exportUsersCsv(MONTH);
    const line = text.split(/\r?\n/).find((l) => l.includes('HYPERLINK'))!;
    assert.ok(!/^"?=/.test(line), line);
    assert.match(line, /'=HYPERLINK/);
  });
});

describe('mock users list of a 10,000-person world', () => {
  before(() => store.loadWorld(world('peak-daily', 10_000, 10)));

  it('pages to the end: every billed user once, in order', async () => {
    const { items, last } = await allPages({ month: '2026-11', sort: 'email' });
    assert.equal(items.length, last.billedCount);
    assert.ok(items.length > 5000, `${items.length} billed`);
    assert.equal(new Set(items.map((u) => u.id)).size, items.length);
    for (let i = 1; i < items.length; i++) {
      assert.ok(compare('email')(items[i - 1]!, items[i]!) < 0, `order at ${i}`);
    }
    assert.equal(last.provisional, true);
  });
});
