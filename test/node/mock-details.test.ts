/**
 * Billing details: ETag "v<version>", If-Match required (428), stale saves refused with
 * the current details (412), the details rules (422, every field), company name and VAT
 * from the tenant, PO number on the subscription and on invoices issued afterwards.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { BillingClient } from '../../src/client/index.js';
import type { BillingDetails, Problem } from '../../src/client/index.js';
import { INVALID_DETAILS, send, validDetails } from '../mocks/fixtures.js';
import { BASE, failure, useMockServer, world } from './mock-setup.js';

const { store, client } = useMockServer();
const w = world();

describe('mock billing details', () => {
  beforeEach(() => store.loadWorld(w));

  it('GET: the details with their ETag, company name and VAT read-only from the tenant', async () => {
    const r = await send(BASE, 'GET', '/billing-details');
    assert.equal(r.headers.get('ETag'), '"v0"');
    const { details, etag } = await client.getBillingDetails();
    assert.equal(etag, '"v0"');
    assert.equal(details.version, '"v0"');
    assert.equal(details.companyName, w.tenant.name);
    assert.equal(details.vatNumber, w.tenant.vatNumber);
    assert.deepEqual(details.recipients, []);
    assert.deepEqual(details.recommendations, ['add-second-recipient']);
  });

  it('PUT with If-Match saves, bumps the version and moves the PO number to the subscription', async () => {
    const { etag } = await client.getBillingDetails();
    const saved = await client.putBillingDetails(validDetails(), etag);
    assert.equal(saved.etag, '"v1"');
    assert.equal(saved.details.version, '"v1"');
    assert.deepEqual(saved.details.recipients, validDetails().recipients);
    assert.deepEqual(saved.details.recommendations, []);
    assert.equal(saved.details.poNumber, 'PO-77');
    assert.equal(store.world.subscription.poNumber, 'PO-77');
    assert.equal(store.world.billingDetails?.version, 1);
    const again = await client.getBillingDetails();
    assert.deepEqual(again.details, saved.details);
    assert.equal(again.etag, '"v1"');
  });

  it('a single recipient is valid with a recommendation to add a second', async () => {
    const saved = await client.putBillingDetails({ ...validDetails(), recipients: ['solo@example.com'] }, '"v0"');
    assert.deepEqual(saved.details.recommendations, ['add-second-recipient']);
  });

  it('without If-Match: 428, nothing saved', async () => {
    const r = await send(BASE, 'PUT', '/billing-details', validDetails());
    assert.equal(r.status, 428);
    const p = (await r.json()) as Problem;
    assert.equal(p.code, 'if-match-required');
    assert.equal(store.world.billingDetails, undefined);
    const e = await failure(client.putBillingDetails(validDetails(), ''));
    assert.equal(e.status, 428);
  });

  it('a stale If-Match: 412 with the current details in the problem, nothing overwritten', async () => {
    const alice = new BillingClient({ baseUrl: BASE });
    const bob = new BillingClient({ baseUrl: BASE });
    const a = await alice.getBillingDetails();
    const b = await bob.getBillingDetails();
    const saved = await alice.putBillingDetails({ ...validDetails(), recipients: ['alice@example.com'] }, a.etag);
    const e = await failure(bob.putBillingDetails({ ...validDetails(), recipients: ['bob@example.com'] }, b.etag));
    assert.equal(e.status, 412);
    assert.equal(e.kind, 'stale');
    assert.equal(e.code, 'stale-etag');
    const current = e.problem?.current as BillingDetails;
    assert.deepEqual(current, saved.details);
    assert.equal(current.version, '"v1"');
    assert.deepEqual(store.world.billingDetails?.recipients, ['alice@example.com']);
  });

  it('If-Match compares strongly: * or a list naming the tag saves, a weak tag is 412 (RFC 9110)', async () => {
    const e = await failure(client.putBillingDetails(validDetails(), 'W/"v0"'));
    assert.equal(e.status, 412);
    assert.equal(store.world.billingDetails, undefined);
    await client.putBillingDetails(validDetails(), '"v9", "v0"');
    const saved = await client.putBillingDetails(validDetails(), '*');
    assert.equal(saved.etag, '"v2"');
  });

  for (const [what, input, field, code] of INVALID_DETAILS) {
    it(`422 for ${what} (${field}: ${code}), nothing saved`, async () => {
      const before = JSON.stringify(store.world);
      const r = await send(BASE, 'PUT', '/billing-details', input, { 'If-Match': '"v0"' });
      assert.equal(r.status, 422);
      const p = (await r.json()) as Problem;
      assert.equal(p.code, 'invalid-details');
      assert.ok(
        p.errors?.some((x) => x.field === field && x.code === code),
        JSON.stringify(p.errors),
      );
      assert.equal(JSON.stringify(store.world), before);
    });
  }

  it('every problem is listed at once', async () => {
    const e = await failure(
      client.putBillingDetails(
        {
          recipients: ['x', 'ok@example.com', 'OK@example.com'],
          address: { line1: '', postalCode: '1000', city: '', country: 'nl' },
          eInvoicing: { enabled: true },
        },
        '"v0"',
      ),
    );
    assert.equal(e.status, 422);
    assert.deepEqual(Object.keys(e.fieldErrors).sort(), [
      'address.city',
      'address.country',
      'address.line1',
      'eInvoicing.address',
      'eInvoicing.operatorCode',
      'recipients[0]',
      'recipients[2]',
    ]);
  });

  it('a malformed body is a 400: wrong types and read-only or unknown fields', async () => {
    const r = await send(
      BASE,
      'PUT',
      '/billing-details',
      { ...validDetails(), recipients: 'a@example.com', companyName: 'Other B.V.', eInvoicing: { enabled: 'no' } },
      { 'If-Match': '"v0"' },
    );
    assert.equal(r.status, 400);
    const p = (await r.json()) as Problem;
    assert.deepEqual(p.errors?.map((x) => `${x.field}:${x.code}`).sort(), [
      'companyName:unknown-field',
      'eInvoicing.enabled:invalid-type',
      'recipients:invalid-type',
    ]);
  });

  it('a contact is a person of the organisation (shown with name and e-mail) or a typed e-mail', async () => {
    const person = w.people.find((p) => !p.deletedOn) as (typeof w.people)[number];
    const saved = await client.putBillingDetails({ ...validDetails(), contact: { personId: person.id } }, '"v0"');
    assert.deepEqual(saved.details.contact, { personId: person.id, name: person.name, email: person.email });
    const typed = await client.putBillingDetails(
      { ...validDetails(), contact: { email: 'cfo@example.com' } },
      saved.etag,
    );
    assert.deepEqual(typed.details.contact, { email: 'cfo@example.com' });
    const e = await failure(
      client.putBillingDetails({ ...validDetails(), contact: { personId: 'p-nobody' } }, typed.etag),
    );
    assert.equal(e.status, 422);
    assert.deepEqual(Object.keys(e.fieldErrors), ['contact.personId']);
  });

  it('the PO number is printed on invoices issued afterwards, not on earlier ones', async () => {
    const earlier = store.world.invoices.at(-1);
    await client.putBillingDetails({ ...validDetails(), poNumber: 'PO-NEW-1' }, '"v0"');
    store.setToday('2026-12-01');
    const issued = store.world.invoices.at(-1);
    assert.notEqual(issued?.id, earlier?.id);
    assert.equal(issued?.poNumber, 'PO-NEW-1');
    assert.equal(store.world.invoices.find((i) => i.id === earlier?.id)?.poNumber, earlier?.poNumber);
    const shown = await client.getInvoice(issued?.id as string);
    assert.equal(shown.poNumber, 'PO-NEW-1');
  });

  it('people to pick the contact from: searched in name and e-mail, active first, limited', async () => {
    const all = await client.searchPeople('', 500);
    const listed = w.people.filter((p) => !p.deletedOn || p.deletedOn > w.today);
    assert.equal(all.items.length, listed.length);
    const activeCount = listed.filter((p) => !p.deactivatedOn || p.deactivatedOn > w.today).length;
    const firstInactive = all.items.findIndex((x) => {
      const p = w.people.find((q) => q.id === x.id);
      return !!p?.deactivatedOn && p.deactivatedOn <= w.today;
    });
    assert.ok(firstInactive === -1 || firstInactive >= activeCount);
    const someone = listed[3] as (typeof w.people)[number];
    const found = await client.searchPeople(someone.email.toUpperCase().slice(0, 8), 5);
    assert.ok(found.items.length > 0 && found.items.length <= 5);
    for (const x of found.items) {
      assert.ok(`${x.name}\n${x.email}`.toLowerCase().includes(someone.email.slice(0, 8).toLowerCase()));
    }
  });
});
