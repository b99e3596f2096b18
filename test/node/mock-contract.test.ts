/**
 * Issue 17, the HTTP side: one test per defect the probe found, each of which failed
 * before the fix. Every request is checked against the contract itself (bounded fields,
 * own properties only, a body limit, JSON content type, strong If-Match, bounded URLs,
 * months and searches), roles are open, headers are never built from raw data, a 500 says
 * nothing internal, and the contract's `BillingDetails` validates real answers. (Every
 * answer here is also checked against the contract by mock-setup.ts.)
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { Problem } from '../../src/client/index.js';
import { BillingClient } from '../../src/client/index.js';
import { attachment } from '../../mocks/http/headers.js';
import { MockStore } from '../../mocks/store/store.js';
import { cachedMonths, MAX_MONTHS } from '../../mocks/store/user-tables.js';
import { send, validDetails } from '../mocks/fixtures.js';
import { schemaErrors } from './contract.js';
import { BASE, failure, useMockServer, world } from './mock-setup.js';

const { store, client } = useMockServer();
const KEY = { 'Idempotency-Key': 'key-contract-0001' };

async function problemOf(r: Response): Promise<Problem> {
  assert.equal(r.headers.get('Content-Type'), 'application/problem+json');
  return (await r.json()) as Problem;
}

/** `field:code` of each error of a problem answer with `status`. */
async function fieldsOf(r: Response, status: number): Promise<string[]> {
  const p = await problemOf(r);
  assert.equal(r.status, status, JSON.stringify(p));
  assert.equal(p.status, status);
  return (p.errors ?? []).map((e) => `${e.field}:${e.code}`).sort();
}

/** The world, unchanged by `fn` (a rejected write changes nothing). */
async function unchanged(fn: () => Promise<void>): Promise<void> {
  const before = JSON.stringify(store.world);
  const log = store.mutations.length;
  await fn();
  assert.equal(JSON.stringify(store.world), before);
  assert.equal(store.mutations.length, log);
}

describe('issue 17: bounded input', () => {
  beforeEach(() => store.loadWorld(world('prepaid-licenses', 200, 4)));

  it('a 2,000-character contact name is a 400 naming contact.name; nothing saved', async () => {
    await unchanged(async () => {
      const body = { ...validDetails(), contact: { email: 'cfo@example.com', name: 'N'.repeat(2000) } };
      const r = await send(BASE, 'PUT', '/billing-details', body, { 'If-Match': '"v0"' });
      assert.deepEqual(await fieldsOf(r, 400), ['contact.name:too-long']);
    });
  });

  it('a body over 64 kB (a 5 MB name) is a 413 problem; nothing saved', async () => {
    await unchanged(async () => {
      const body = { ...validDetails(), contact: { email: 'cfo@example.com', name: 'N'.repeat(5_000_000) } };
      const r = await send(BASE, 'PUT', '/billing-details', body, { 'If-Match': '"v0"' });
      assert.deepEqual(await fieldsOf(r, 413), [':too-large']);
      const small = await send(BASE, 'POST', '/licenses/quote', `{"quantity":1${' '.repeat(70_000)}}`);
      assert.equal(small.status, 413);
    });
  });

  it('every text field has a maximum: recipients, PO number, e-invoicing, plan id', async () => {
    const long = `${'a'.repeat(250)}@example.com`;
    const r = await send(
      BASE,
      'PUT',
      '/billing-details',
      { ...validDetails(), recipients: [long], poNumber: 'P'.repeat(51) },
      { 'If-Match': '"v0"' },
    );
    assert.deepEqual(await fieldsOf(r, 400), ['poNumber:too-long', 'recipients[0]:too-long']);
    const c = await send(BASE, 'POST', '/subscription/changes', { kind: 'change-plan', planId: 'p'.repeat(101) });
    assert.deepEqual(await fieldsOf(c, 400), ['planId:too-long']);
  });
});

describe('issue 17: keys named after built-in object members', () => {
  beforeEach(() => store.loadWorld(world('prepaid-licenses', 200, 4)));

  it('an order with "constructor" is refused naming it; nothing ordered', async () => {
    await unchanged(async () => {
      const r = await send(BASE, 'POST', '/licenses/orders', '{"kind":"add","quantity":1,"constructor":{}}', KEY);
      assert.deepEqual(await fieldsOf(r, 400), ['constructor:unknown-field']);
    });
  });

  it('__proto__, toString and valueOf in an address are unknown fields, never stored or echoed', async () => {
    await unchanged(async () => {
      const text = JSON.stringify(validDetails()).replace(
        '"city":',
        '"__proto__":{"polluted":true},"toString":"x","valueOf":1,"hasOwnProperty":null,"city":',
      );
      const r = await send(BASE, 'PUT', '/billing-details', text, { 'If-Match': '"v0"' });
      assert.deepEqual(await fieldsOf(r, 400), [
        'address.__proto__:unknown-field',
        'address.hasOwnProperty:unknown-field',
        'address.toString:unknown-field',
        'address.valueOf:unknown-field',
      ]);
    });
    const { details } = await client.getBillingDetails();
    assert.deepEqual(Object.keys(details.address).sort(), ['city', 'country', 'line1', 'postalCode']);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('deep nesting under such a key is a 400 (too deep), not a stack overflow', async () => {
    await unchanged(async () => {
      const deep = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
      const r = await send(BASE, 'POST', '/licenses/orders', `{"kind":"add","quantity":1,"constructor":${deep}}`, KEY);
      assert.deepEqual(await fieldsOf(r, 400), [':too-deep']);
      const w = await send(BASE, 'PUT', '/__mock/world', `{"people":${deep}}`);
      assert.deepEqual(await fieldsOf(w, 400), [':too-deep']);
    });
  });
});

describe('issue 17: roles are open', () => {
  beforeEach(() => store.loadWorld(world()));

  it("a host's own role is accepted, answered by /me within the contract and forbidden billing", async () => {
    try {
      assert.equal((await send(BASE, 'PUT', '/__mock/session', { role: 'scheduler' })).status, 204);
      const me = await client.getMe();
      assert.equal(me.role, 'scheduler');
      assert.equal(me.canRead, false);
      assert.equal(me.canWrite, false);
      const e = await failure(client.getSubscription());
      assert.equal(e.status, 403);
      assert.equal(e.code, 'forbidden');
      const bad = await send(BASE, 'PUT', '/__mock/session', { role: 'Robert"); DROP' });
      assert.deepEqual(await fieldsOf(bad, 400), ['role:invalid']);
      const long = await send(BASE, 'PUT', '/__mock/session', { role: 'r'.repeat(65) });
      assert.deepEqual(await fieldsOf(long, 400), ['role:too-long']);
    } finally {
      store.setSession({ role: 'admin' });
    }
  });

  it('the store takes the same roles as the contract: any role name, never arbitrary text', () => {
    assert.equal(new MockStore({ world: world(), role: 'scheduler' }).role, 'scheduler');
    assert.throws(() => new MockStore({ world: world(), role: 'two words' }), /role/);
    assert.throws(() => new MockStore({ world: world(), role: '' }), /role/);
  });
});

describe('issue 17: headers built from data', () => {
  beforeEach(() => store.loadWorld(world()));

  for (const [what, number] of [
    ['a quote', 'INV-1"; filename="evil.exe'],
    ['CR/LF', 'INV-1\r\nSet-Cookie: x=1'],
    ['an emoji', 'INV-🧾-1'],
    ['a lone surrogate', 'INV-\ud800-1'],
  ] as const) {
    it(`an invoice number with ${what}: one safe Content-Disposition, the exact name in filename*`, async () => {
      const w = structuredClone(store.world);
      const invoice = w.invoices.find((i) => i.issuedOn <= w.today);
      assert.ok(invoice);
      invoice.number = number;
      store.loadWorld(w);
      const r = await send(BASE, 'GET', `/invoices/${encodeURIComponent(invoice.id)}/pdf`);
      assert.equal(r.status, 200);
      const header = r.headers.get('Content-Disposition') ?? '';
      // One filename and one filename*, printable ASCII only.
      assert.match(header, /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!#$&+\-.^_`|~]+$/);
      assert.equal(header.match(/filename=/g)?.length, 1);
      const exact = decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '');
      assert.equal(exact, `${(number as unknown as { toWellFormed(): string }).toWellFormed()}.pdf`);
      // The client saves the exact name.
      assert.equal((await new BillingClient({ baseUrl: BASE }).getInvoicePdf(invoice.id)).fileName, exact);
    });
  }

  it('the header builder keeps quotes, backslashes and control characters out of filename', () => {
    assert.equal(
      attachment('a"b\\c\r\nd é.pdf'),
      `attachment; filename="a_b_c__d _.pdf"; filename*=UTF-8''a%22b%5Cc%0D%0Ad%20%C3%A9.pdf`,
    );
  });
});

describe('issue 17: protocol', () => {
  beforeEach(() => store.loadWorld(world('prepaid-licenses', 200, 4)));

  it('a JSON body sent as another Content-Type is a 415 naming Content-Type; nothing ordered', async () => {
    await unchanged(async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1']) {
        const r = await fetch(`${BASE}/licenses/orders`, {
          method: 'POST',
          headers: { 'Content-Type': type, ...KEY },
          body: '{"kind":"add","quantity":1}',
        });
        assert.deepEqual(await fieldsOf(r, 415), ['Content-Type:unsupported'], type);
      }
    });
    const ok = await fetch(`${BASE}/licenses/quote`, {
      method: 'POST',
      headers: { 'Content-Type': 'Application/JSON; charset=UTF-8' },
      body: '{"quantity":1}',
    });
    assert.equal(ok.status, 200);
  });

  it('If-Match compares strongly: a weak tag is 412, an unquoted one 400; nothing saved', async () => {
    await unchanged(async () => {
      const weak = await send(BASE, 'PUT', '/billing-details', validDetails(), { 'If-Match': 'W/"v0"' });
      assert.equal(weak.status, 412);
      assert.equal((await problemOf(weak)).code, 'stale-etag');
      for (const value of ['v0', '"v0', 'v0"', '"v0" "v1"']) {
        const r = await send(BASE, 'PUT', '/billing-details', validDetails(), { 'If-Match': value });
        assert.deepEqual(await fieldsOf(r, 400), ['If-Match:invalid'], value);
      }
    });
    assert.equal((await send(BASE, 'PUT', '/billing-details', validDetails(), { 'If-Match': '"v0"' })).status, 200);
  });

  it('a URL over 8 kB is a 414 problem without a stack trace', async () => {
    for (const path of [`/invoices/${'x'.repeat(9000)}`, `/users?month=2026-03&q=${'x'.repeat(9000)}`]) {
      const r = await send(BASE, 'GET', path);
      const p = await problemOf(r);
      assert.equal(r.status, 414);
      assert.equal(p.code, 'uri-too-long');
      assert.doesNotMatch(JSON.stringify(p), /matchPattern|stack|\bat \S+:\d+/);
    }
  });

  it('a null body where an object is wanted is a 400 naming the body', async () => {
    await unchanged(async () => {
      const id = store.world.people.find((p) => !p.deactivatedOn && !p.deletedOn)?.id as string;
      for (const path of [`/users/${id}/deactivate`, '/licenses/quote', '/subscription/changes']) {
        const r = await send(BASE, 'POST', path, 'null');
        assert.deepEqual(await fieldsOf(r, 400), [':invalid-type'], path);
      }
    });
  });

  it('a line break (or any control character) in a search is a 400, not a match of everyone', async () => {
    for (const q of ['%0A', 'a%0D', '%09x', '%00']) {
      assert.deepEqual(await fieldsOf(await send(BASE, 'GET', `/users?month=2026-03&q=${q}`), 400), [
        'q:control-character',
      ]);
      assert.deepEqual(await fieldsOf(await send(BASE, 'GET', `/people?q=${q}`), 400), ['q:control-character']);
    }
  });

  it('months are 2000-01 to 2100-12 and the users list keeps a bounded number of months', async () => {
    for (const month of ['0000-01', '1999-12', '2101-01', '9999-12']) {
      for (const path of ['/users', '/users/export', '/usage/daily']) {
        assert.deepEqual(await fieldsOf(await send(BASE, 'GET', `${path}?month=${month}`), 400), [
          'month:invalid-month',
        ]);
      }
    }
    for (let y = 2000; y < 2010; y++) {
      for (let m = 1; m <= 12; m++) store.listUsers({ month: `${y}-${String(m).padStart(2, '0')}`, limit: 1 });
    }
    assert.ok(cachedMonths(store.world) <= MAX_MONTHS, `${cachedMonths(store.world)} months kept`);
  });

  it('a 500 is a problem with a generic detail: no internal error text', async () => {
    const original = store.listUsers.bind(store);
    const quiet = console.error;
    store.listUsers = () => {
      throw new TypeError('secret: cannot read properties of undefined at /srv/mock/users.ts:12');
    };
    console.error = () => undefined;
    try {
      const r = await send(BASE, 'GET', '/users?month=2026-03');
      const p = await problemOf(r);
      assert.equal(r.status, 500);
      assert.equal(p.code, 'internal');
      assert.doesNotMatch(JSON.stringify(p), /secret|TypeError|users\.ts/);
    } finally {
      store.listUsers = original;
      console.error = quiet;
    }
  });
});

describe('issue 17: the contract agrees with itself', () => {
  beforeEach(() => store.loadWorld(world()));

  it('BillingDetails validates real answers, before and after a save, and in a 412', async () => {
    const schema = { $ref: '#/components/schemas/BillingDetails' };
    const empty = await client.getBillingDetails();
    assert.deepEqual(schemaErrors(schema, empty.details), []);
    const saved = await client.putBillingDetails(
      { ...validDetails(), contact: { email: 'cfo@example.com', name: 'C. F. O.' } },
      empty.etag,
    );
    assert.deepEqual(schemaErrors(schema, saved.details), []);
    const stale = await failure(client.putBillingDetails(validDetails(), empty.etag));
    assert.deepEqual(schemaErrors({ $ref: '#/components/schemas/Problem' }, stale.problem), []);
    // Still closed: an unknown member is not a billing details answer.
    assert.notDeepEqual(schemaErrors(schema, { ...saved.details, extra: 1 }), []);
  });
});
