/**
 * mocks/world.schema.json, the one source of the world format: the engine's types and its
 * schema module are generated from it and fresh (`npx tsx scripts/world-types.ts --write`);
 * every scenario validates against it (ajv, strict); a hand-written QA world validates
 * against it and against validateWorld, and worlds either refuses the other refuses too,
 * with the field named. Under Node because ajv is CommonJS (the browser test runner has no
 * CommonJS transform).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { World } from '../../mocks/engine/types.js';
import { LIMITS } from '../../mocks/engine/limits.js';
import { validateWorldAll } from '../../mocks/engine/validate.js';
import { scenarioNames, loadScenario } from '../../mocks/scenarios/index.js';
import { WORLD_SCHEMA } from '../../mocks/engine/world-schema.js';
import {
  SCHEMA_MODULE_FILE,
  schemaModuleSource,
  TYPES_FILE,
  typesSource,
  worldSchema,
} from '../../scripts/world-types.js';

const schema: unknown = JSON.parse(readFileSync(new URL('../../mocks/world.schema.json', import.meta.url), 'utf8'));
// Strict: unknown keywords or types missing for a keyword are schema bugs. (strictRequired
// is off: `if/then` names properties defined by the parent schema.)
// Union types are allowed: companyManagedAt is a string or words per language.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
addFormats(ajv);
// The reason a validator gives for a value not of a field's form (the engine's validator reads it).
ajv.addVocabulary(['x-error-message']);
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
    // Bounds (mocks/engine/limits.ts): worlds the engine cannot run.
    [
      'a unit price above the limit',
      (w) => Object.assign(w.subscription.plans[1] as object, { unitPrice: LIMITS.unitPrice + 1 }),
    ],
    [
      'a base fee above the limit',
      (w) => Object.assign(w.subscription.plans[0] as object, { baseFee: LIMITS.baseFee + 1 }),
    ],
    [
      'more included users than the limit',
      (w) => Object.assign(w.subscription.plans[0] as object, { includedUsers: LIMITS.includedUsers + 1 }),
    ],
    [
      'a license count above the limit',
      (w) => (w.subscription.licenses = { initialCount: LIMITS.licenses + 1, periodMonths: 1 }),
    ],
    [
      'a period of 37 months',
      (w) => (w.subscription.licenses = { initialCount: 10, periodMonths: LIMITS.periodMonths + 1 }),
    ],
    [
      'a license order above the limit',
      (w) =>
        w.orders.push({
          id: 'o2',
          kind: 'add-licenses',
          placedOn: '2026-03-01',
          effectiveOn: '2026-03-01',
          quantity: LIMITS.licenses + 1,
        }),
    ],
    [
      'a payment of more than the largest amount',
      (w) => w.payments.push({ id: 'pay-1', on: '2026-03-01', amount: LIMITS.amount + 1, outcome: 'succeeded' }),
    ],
    ['a trial of a billion days', (w) => (w.subscription.trial = { startedOn: '2026-01-01', lengthDays: 1e9 })],
    ['a payment term of a billion days', (w) => Object.assign(w.tenant, { paymentTermDays: 1e9 })],
    ['a date before 2000', (w) => Object.assign(w.people[0] as object, { billingStart: '1999-12-31' })],
    ['a date after 2110', (w) => Object.assign(w.people[1] as object, { deactivatedOn: '2111-01-01' })],
    ['today after 2100', (w) => Object.assign(w, { today: '2101-01-01' })],
    ['a card expiring in 9999', (w) => Object.assign(w.paymentMethod as object, { expires: '9999-12' })],
    ['a 201-character name', (w) => Object.assign(w.people[0] as object, { name: 'x'.repeat(201) })],
    ['a 101-character id', (w) => Object.assign(w.tenant, { id: 'x'.repeat(101) })],
    ['a 51-character PO number', (w) => Object.assign(w.subscription, { poNumber: 'x'.repeat(51) })],
    [
      'a 201-character contact name',
      (w) => Object.assign(w.billingDetails as object, { contact: { email: 'a@example.com', name: 'x'.repeat(201) } }),
    ],
  ];
  for (const [what, breakIt] of broken) {
    it(`refuses ${what}, as validateWorld does`, () => {
      const w = qaWorld();
      breakIt(w);
      assert.notDeepEqual(schemaErrors(w), [], 'schema should refuse');
      assert.notDeepEqual(validateWorldAll(w), [], 'validateWorld should refuse');
    });
  }

  it('refuses today before the subscription starts, as validateWorld does (the rule is stated, not schema)', () => {
    const w = qaWorld();
    w.today = '2025-12-31';
    assert.deepEqual(schemaErrors(w), []);
    assert.deepEqual(
      validateWorldAll(w).map((e) => e.field),
      ['today'],
    );
  });

  it('states the same bounds as the validator (mocks/engine/limits.ts)', () => {
    const defs = (schema as { $defs: Record<string, Record<string, unknown>> }).$defs;
    const prop = (def: string, name: string): Record<string, unknown> =>
      (defs[def]?.['properties'] as Record<string, Record<string, unknown>>)[name] ?? {};
    assert.equal(defs['UnitPrice']?.['maximum'], LIMITS.unitPrice);
    assert.equal(defs['BaseFee']?.['maximum'], LIMITS.baseFee);
    assert.equal(defs['Minor']?.['maximum'], LIMITS.amount);
    assert.equal(defs['Minor']?.['minimum'], -LIMITS.amount);
    assert.equal(defs['MinorNonNegative']?.['maximum'], LIMITS.amount);
    assert.equal(defs['LicenseCount']?.['maximum'], LIMITS.licenses);
    assert.equal(defs['PeriodMonths']?.['maximum'], LIMITS.periodMonths);
    assert.equal(defs['Id']?.['maxLength'], LIMITS.idLength);
    assert.equal(defs['Name']?.['maxLength'], LIMITS.nameLength);
    assert.equal(prop('Tenant', 'paymentTermDays')['maximum'], LIMITS.paymentTermDays);
    assert.equal(prop('Trial', 'lengthDays')['maximum'], LIMITS.trialDays);
    assert.equal(prop('Plan', 'includedUsers')['maximum'], LIMITS.includedUsers);
    assert.equal(prop('Plan', 'storageGb')['maximum'], LIMITS.storageGb);
    assert.equal(prop('Subscription', 'poNumber')['maxLength'], LIMITS.poNumberLength);
    assert.equal(prop('Subscription', 'plans')['maxItems'], LIMITS.plans);
    assert.equal(prop('InvoiceLine', 'description')['maxLength'], LIMITS.descriptionLength);
    assert.equal(prop('Invoice', 'lines')['maxItems'], LIMITS.invoiceLines);
    const top = (schema as { properties: Record<string, Record<string, unknown>> }).properties;
    for (const list of ['people', 'activity', 'orders', 'invoices', 'payments'] as const) {
      assert.equal(top[list]?.['maxItems'], LIMITS[list], list);
    }
    // The date patterns accept exactly the range.
    const date = new RegExp(defs['IsoDate']?.['pattern'] as string);
    const today = new RegExp(defs['Today']?.['pattern'] as string);
    assert.ok(date.test(LIMITS.firstDate) && date.test(LIMITS.lastDate));
    assert.ok(!date.test('1999-12-31') && !date.test('2111-01-01'));
    assert.ok(today.test(LIMITS.lastToday) && !today.test('2101-01-01'));
  });

  it('refuses unknown fields (typos), as validateWorld does, naming the field', () => {
    const w = qaWorld();
    Object.assign(w.people[1] as object, { deactivatedAt: '2026-03-20' });
    assert.notDeepEqual(schemaErrors(w), []);
    assert.deepEqual(
      validateWorldAll(w).map((e) => e.message),
      ['people[1].deactivatedAt: is not a field of the world format (a typo?)'],
    );
  });

  it('gives the path and the reason of every problem the schema finds', () => {
    const w = qaWorld();
    Object.assign(w.people[0] as object, { billingStart: '2026-02-30', role: 'owner' });
    Object.assign(w.tenant, { taxRate: 12000 });
    delete w.subscription.plans[0]?.includedUsers;
    Object.assign(w.billingDetails as object, { contact: { name: 'Finance' } });
    assert.deepEqual(
      validateWorldAll(w).map((e) => e.message),
      [
        'tenant.taxRate: must be from 0 through 10,000, got 12000',
        'subscription.plans[0].includedUsers: is required',
        'people[0].role: must be one of "admin", "finance", "member", "guest", got "owner"',
        'people[0].billingStart: must be a calendar date (YYYY-MM-DD) from 2000-01-01 through 2110-12-31, got "2026-02-30"',
        'billingDetails.contact: needs personId or email',
      ],
    );
  });

  it('mocks/engine/world.ts and world-schema.ts are generated from it as it stands (npx tsx scripts/world-types.ts --write)', async () => {
    assert.equal(readFileSync(TYPES_FILE, 'utf8'), await typesSource());
    assert.equal(readFileSync(SCHEMA_MODULE_FILE, 'utf8'), await schemaModuleSource());
    assert.equal(WORLD_SCHEMA.$defs?.['IsoDate']?.pattern, worldSchema().$defs?.['IsoDate']?.pattern);
  });

  it('the generator types what the schema says: required or optional, enums, consts, lists, inline objects', async () => {
    const source = await typesSource({
      title: 'T',
      type: 'object',
      required: ['a', 'b'],
      properties: {
        a: { description: 'An A.', const: 1 },
        b: { type: 'array', items: { enum: ['x', 'y'] } },
        c: { type: 'object', required: ['d'], properties: { d: { $ref: '#/$defs/D' } } },
        'e-f': { type: ['string', 'null'] },
      },
      $defs: { D: { description: 'A D.', type: 'integer' } },
    });
    assert.match(source, /export interface World \{\n {2}\/\*\* An A\. \*\/\n {2}a: 1;\n {2}b: \('x' \| 'y'\)\[\];/);
    assert.match(source, /c\?: \{\n {4}d: D;\n {2}\};\n {2}'e-f'\?: string \| null;/);
    assert.match(source, /\/\*\* A D\. \*\/\nexport type D = number;/);
    await assert.rejects(
      typesSource({ type: 'object', properties: { x: { $ref: 'other.json#/X' } } }),
      /Only #\/\$defs\//,
    );
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
