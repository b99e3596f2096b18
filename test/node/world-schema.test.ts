/**
 * mocks/world.schema.json against the world format: every scenario validates against it,
 * a hand-written QA world validates against it and against validateWorld, and worlds the
 * engine refuses are refused by the schema too. Under Node because ajv is CommonJS (the
 * browser test runner has no CommonJS transform).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { World } from '../../mocks/engine/types.js';
import { validateWorldAll } from '../../mocks/engine/validate.js';
import { scenarioNames, loadScenario } from '../../mocks/scenarios/index.js';

const schema: unknown = JSON.parse(readFileSync(new URL('../../mocks/world.schema.json', import.meta.url), 'utf8'));
// Strict: unknown keywords or types missing for a keyword are schema bugs. (strictRequired
// is off: `if/then` names properties defined by the parent schema.)
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
const validate = ajv.compile(schema as object);

function schemaErrors(world: unknown): string[] {
  return validate(world) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** A small world as QA would write it by hand. */
function qaWorld(): World & { $schema: string } {
  return {
    $schema: '../../mocks/world.schema.json',
    schemaVersion: 1,
    today: '2026-03-31',
    tenant: {
      id: 't-1',
      name: 'Example B.V.',
      vatNumber: 'NL123456789B01',
      timeZone: 'Europe/Amsterdam',
      currency: 'EUR',
      paymentTermDays: 14,
      taxRate: 2100,
      locale: 'nl-NL',
    },
    subscription: {
      planId: 'essential',
      plans: [
        {
          id: 'essential',
          name: 'injixo Essential',
          model: 'peak-daily',
          baseFee: 49900,
          includedUsers: 50,
          unitPrice: 1250,
        },
        { id: 'severa', name: 'Severa', model: 'prepaid-licenses', unitPrice: 2000 },
      ],
      startedOn: '2026-01-01',
      poNumber: 'PO-1',
    },
    people: [
      {
        id: 'p1',
        name: 'Anna de Jong',
        email: 'anna@example.com',
        role: 'admin',
        directories: ['wfm-employees', 'people'],
        billingStart: '2025-01-01',
      },
      {
        id: 'p2',
        name: 'Bram Bakker',
        email: 'bram@example.com',
        role: 'member',
        directories: ['account-users'],
        billingStart: '2026-03-10',
        joinDate: '2026-03-01',
        deactivatedOn: '2026-03-20',
      },
    ],
    activity: [{ personId: 'p1', on: '2026-03-02', kind: 'login' }],
    orders: [
      { id: 'ord-1', kind: 'change-plan', placedOn: '2026-03-15', effectiveOn: '2026-04-01', planId: 'essential' },
    ],
    invoices: [],
    payments: [],
    paymentMethod: { kind: 'card', brand: 'visa', last4: '4242', expires: '2027-12' },
    billingDetails: {
      recipients: ['finance@example.com'],
      contact: { personId: 'p1' },
      address: { line1: 'Dam 1', postalCode: '1012 JS', city: 'Amsterdam', country: 'NL' },
      eInvoicing: { enabled: false },
      version: 1,
    },
  };
}

describe('world.schema.json', () => {
  for (const name of scenarioNames) {
    if (name === 'generated-100k') continue; // too slow to build in the suite
    it(`accepts the ${name} scenario`, () => {
      assert.deepEqual(schemaErrors(loadScenario(name)), []);
    });
  }

  it('accepts a hand-written world with "$schema", which validateWorld accepts too', () => {
    const w = qaWorld();
    assert.deepEqual(schemaErrors(w), []);
    assert.deepEqual(validateWorldAll(w), []);
  });

  const broken: [string, (w: World) => void][] = [
    ['an unknown role', (w) => Object.assign(w.people[0] as object, { role: 'owner' })],
    ['a date that does not exist', (w) => Object.assign(w.people[0] as object, { billingStart: '2026-02-30' })],
    ['a peak-daily plan without includedUsers', (w) => delete w.subscription.plans[0]?.includedUsers],
    [
      'a license order without quantity',
      (w) => w.orders.push({ id: 'o2', kind: 'add-licenses', placedOn: '2026-03-01', effectiveOn: '2026-03-01' }),
    ],
    ['a plan change without a plan', (w) => delete w.orders[0]?.planId],
    ['a person without directories', (w) => Object.assign(w.people[0] as object, { directories: [] })],
    ['an invalid e-mail', (w) => Object.assign(w.people[1] as object, { email: 'bram@' })],
    ['a tax rate above 100 %', (w) => Object.assign(w.tenant, { taxRate: 12000 })],
    [
      'a fractional amount',
      (w) => w.payments.push({ id: 'pay-1', on: '2026-03-01', amount: 10.5, outcome: 'succeeded' }),
    ],
    ['a card expiry that is not a month', (w) => Object.assign(w.paymentMethod as object, { expires: '2027-13' })],
    ['no invoice recipients', (w) => Object.assign(w.billingDetails as object, { recipients: [] })],
    [
      'e-invoicing on without an operator code',
      (w) => Object.assign(w.billingDetails as object, { eInvoicing: { enabled: true, address: '0037123' } }),
    ],
    ['a blank city', (w) => Object.assign(w.billingDetails?.address as object, { city: '  ' })],
    ['a lower-case country', (w) => Object.assign(w.billingDetails?.address as object, { country: 'nl' })],
    [
      'a contact that is neither a person nor an e-mail',
      (w) => Object.assign(w.billingDetails as object, { contact: { name: 'Finance' } }),
    ],
    ['schema version 2', (w) => Object.assign(w, { schemaVersion: 2 })],
    ['no people array', (w) => delete (w as Partial<World>).people],
  ];
  for (const [what, breakIt] of broken) {
    it(`refuses ${what}, as validateWorld does`, () => {
      const w = qaWorld();
      breakIt(w);
      assert.notDeepEqual(schemaErrors(w), [], 'schema should refuse');
      assert.notDeepEqual(validateWorldAll(w), [], 'validateWorld should refuse');
    });
  }

  it('refuses unknown fields (typos), which validateWorld ignores', () => {
    const w = qaWorld();
    Object.assign(w.people[1] as object, { deactivatedAt: '2026-03-20' });
    assert.notDeepEqual(schemaErrors(w), []);
    assert.deepEqual(validateWorldAll(w), []);
  });

  it('documents every property it declares', () => {
    const missing: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const props = (node as { properties?: Record<string, unknown> }).properties;
      if (props && !path.includes('/then') && !path.includes('/if')) {
        for (const [key, sub] of Object.entries(props)) {
          const s = sub as { description?: string; $ref?: string };
          if (!s.description && !s.$ref) missing.push(`${path}/properties/${key}`);
        }
      }
      for (const [key, value] of Object.entries(node)) visit(value, `${path}/${key}`);
    };
    visit(schema, '#');
    // Self-explanatory leaves may go without a description.
    const allowed = [
      '/postalCode',
      '/city',
      '/outcome',
      '/lines',
      '/issuedOn',
      '/enabled',
      '/count',
      '/on',
      '/kind',
      '/email',
      '/role',
    ];
    assert.deepEqual(
      missing.filter((m) => !allowed.some((a) => m.endsWith(a))),
      [],
    );
  });
});
