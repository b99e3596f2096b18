import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { addDays } from '../../mocks/engine/dates.js';
import { WorldError } from '../../mocks/engine/errors.js';
import type { World } from '../../mocks/engine/types.js';
import { isEmail, validateWorld, validateWorldAll } from '../../mocks/engine/validate.js';

/** A small world that uses every part of the format once or twice, and is valid. */
function minimalWorld(): World {
  return {
    schemaVersion: 1,
    today: '2026-11-22',
    tenant: {
      id: 'tenant-1',
      name: 'Noordwind Logistics B.V.',
      vatNumber: 'NL123456789B01',
      timeZone: 'Europe/Amsterdam',
      currency: 'EUR',
      paymentTermDays: 30,
      taxRate: 2100,
      locale: 'nl-NL',
    },
    subscription: {
      planId: 'injixo-advanced',
      plans: [
        {
          id: 'injixo-advanced',
          name: 'injixo Advanced',
          model: 'peak-daily',
          baseFee: 99900,
          includedUsers: 50,
          unitPrice: 2900,
        },
        { id: 'severa-professional', name: 'Visma Severa Professional', model: 'prepaid-licenses', unitPrice: 2000 },
      ],
      startedOn: '2026-01-01',
      trial: { startedOn: '2025-11-19', lengthDays: 30 },
      storageUsedGb: 12.5,
      poNumber: 'PO-2026-0042',
    },
    people: [
      {
        id: 'p-1',
        name: 'Anna de Vries',
        email: 'anna.devries@noordwind.example',
        role: 'admin',
        directories: ['wfm-employees', 'account-users', 'people'],
        billingStart: '2025-06-01',
      },
      {
        id: 'p-2',
        name: 'Mikko Mäkinen',
        email: 'mikko.makinen@noordwind.example',
        role: 'finance',
        directories: ['account-users'],
        billingStart: '2026-03-10',
        joinDate: '2026-03-01',
        deactivatedOn: '2026-03-20',
        deletedOn: '2026-04-01',
      },
      {
        id: 'p-3',
        name: "Chiara O'Brien",
        email: "chiara.o'brien+billing@noordwind.example",
        role: 'member',
        directories: ['people'],
        billingStart: '2026-02-01',
        invitedOn: '2026-02-03',
        claimedOn: '2026-02-04',
      },
      {
        id: 'p-4',
        name: 'Guest Person',
        email: 'guest@sister-company.example',
        role: 'guest',
        directories: ['workplace'],
        billingStart: '2026-01-15',
        guest: true,
        deactivatedOn: '2026-01-16',
      },
    ],
    activity: [
      { personId: 'p-1', on: '2026-11-02', kind: 'login' },
      { personId: 'p-3', on: '2026-11-03', kind: 'push-notification-view' },
    ],
    orders: [
      {
        id: 'ord-1',
        kind: 'add-licenses',
        placedOn: '2026-04-01',
        effectiveOn: '2026-04-01',
        quantity: 2,
        amount: 12066,
        idempotencyKey: 'key-1',
        placedBy: 'p-1',
      },
      {
        id: 'ord-2',
        kind: 'change-plan',
        placedOn: '2026-04-02',
        effectiveOn: '2026-07-01',
        planId: 'injixo-advanced',
      },
      { id: 'ord-3', kind: 'change-period', placedOn: '2026-04-03', effectiveOn: '2026-07-01', periodMonths: 12 },
    ],
    invoices: [
      {
        id: 'inv-1',
        number: 'INV-2026-0001',
        periodStart: '2026-03-01',
        periodEnd: '2026-03-31',
        issuedOn: '2026-04-01',
        dueOn: '2026-05-01',
        currency: 'EUR',
        lines: [
          { kind: 'base-fee', description: 'Base fee', quantity: 1, unitPrice: 99900, amount: 99900 },
          {
            kind: 'user-count',
            description: 'Billed users: peak 53 on 2026-03-10',
            quantity: 53,
            unitPrice: 0,
            amount: 0,
            informative: true,
            peak: { count: 53, on: '2026-03-10' },
          },
          {
            kind: 'extra-users',
            description: 'Extra users above 50 included',
            quantity: 3,
            unitPrice: 2900,
            amount: 8700,
            periodStart: '2026-03-01',
            periodEnd: '2026-03-31',
          },
        ],
        subtotal: 108600,
        taxRate: 2100,
        tax: 22806,
        total: 131406,
        creditApplied: 1000,
        amountDue: 130406,
        poNumber: 'PO-2026-0042',
        planId: 'injixo-advanced',
        orderId: 'ord-1',
      },
    ],
    payments: [
      {
        id: 'pay-1',
        on: '2026-04-02',
        amount: 0,
        outcome: 'declined',
        declineReason: 'card_expired',
        invoiceId: 'inv-1',
      },
      { id: 'pay-2', on: '2026-04-05', amount: 130406, outcome: 'succeeded', invoiceId: 'inv-1' },
      { id: 'pay-3', on: '2026-04-06', amount: 500, outcome: 'succeeded' },
    ],
    paymentMethod: { kind: 'card', brand: 'visa', last4: '4242', expires: '2027-12' },
  };
}

/** A loosely typed view of a world, so tests can break it in ways the types forbid. */
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function broken(mutate: (w: Loose) => void): unknown {
  const w = structuredClone(minimalWorld()) as Loose;
  mutate(w);
  return w;
}

function fieldOf(input: unknown): string {
  try {
    validateWorld(input);
  } catch (e) {
    expect(e).to.be.instanceOf(WorldError);
    return (e as WorldError).field;
  }
  throw new Error('expected a WorldError, but the world was accepted');
}

const secondInvoice = (w: Loose): Loose => ({
  ...structuredClone(w.invoices[0]),
  id: 'inv-2',
  number: 'INV-2026-0002',
});

/** [what is wrong, how to break the minimal world, the field the error must name]. */
const CASES: [string, (w: Loose) => void, string][] = [
  // top level
  ['wrong schemaVersion', (w) => (w.schemaVersion = 2), 'schemaVersion'],
  ['schemaVersion as a string', (w) => (w.schemaVersion = '1'), 'schemaVersion'],
  ['missing schemaVersion', (w) => delete w.schemaVersion, 'schemaVersion'],
  ['today not a calendar date', (w) => (w.today = '2026-02-29'), 'today'],
  ['today with a time', (w) => (w.today = '2026-11-22T10:00:00Z'), 'today'],
  // tenant
  ['missing tenant', (w) => delete w.tenant, 'tenant'],
  ['unknown time zone', (w) => (w.tenant.timeZone = 'Europe/Atlantis'), 'tenant.timeZone'],
  ['empty time zone', (w) => (w.tenant.timeZone = ''), 'tenant.timeZone'],
  ['unknown currency', (w) => (w.tenant.currency = 'XYZ'), 'tenant.currency'],
  ['lower-case currency', (w) => (w.tenant.currency = 'eur'), 'tenant.currency'],
  ['fractional payment term', (w) => (w.tenant.paymentTermDays = 14.5), 'tenant.paymentTermDays'],
  ['negative payment term', (w) => (w.tenant.paymentTermDays = -1), 'tenant.paymentTermDays'],
  ['infinite payment term', (w) => (w.tenant.paymentTermDays = Infinity), 'tenant.paymentTermDays'],
  ['tax rate above 100 %', (w) => (w.tenant.taxRate = 10001), 'tenant.taxRate'],
  ['negative tax rate', (w) => (w.tenant.taxRate = -100), 'tenant.taxRate'],
  ['fractional tax rate', (w) => (w.tenant.taxRate = 21.5), 'tenant.taxRate'],
  ['NaN tax rate', (w) => (w.tenant.taxRate = NaN), 'tenant.taxRate'],
  ['bad locale', (w) => (w.tenant.locale = 'not a locale!'), 'tenant.locale'],
  ['empty tenant name', (w) => (w.tenant.name = '  '), 'tenant.name'],
  // subscription and plans
  ['no plans', (w) => (w.subscription.plans = []), 'subscription.plans'],
  ['duplicate plan ids', (w) => (w.subscription.plans[1].id = 'injixo-advanced'), 'subscription.plans[1].id'],
  ['planId not in plans', (w) => (w.subscription.planId = 'injixo-ultimate'), 'subscription.planId'],
  ['unknown billing model', (w) => (w.subscription.plans[1].model = 'per-seat'), 'subscription.plans[1].model'],
  ['negative unit price', (w) => (w.subscription.plans[1].unitPrice = -1), 'subscription.plans[1].unitPrice'],
  ['fractional unit price', (w) => (w.subscription.plans[1].unitPrice = 19.99), 'subscription.plans[1].unitPrice'],
  ['NaN unit price', (w) => (w.subscription.plans[0].unitPrice = NaN), 'subscription.plans[0].unitPrice'],
  ['missing unit price', (w) => delete w.subscription.plans[1].unitPrice, 'subscription.plans[1].unitPrice'],
  ['negative base fee', (w) => (w.subscription.plans[0].baseFee = -5), 'subscription.plans[0].baseFee'],
  ['fractional base fee', (w) => (w.subscription.plans[0].baseFee = 999.5), 'subscription.plans[0].baseFee'],
  [
    'includedUsers missing on a peak-daily plan',
    (w) => delete w.subscription.plans[0].includedUsers,
    'subscription.plans[0].includedUsers',
  ],
  [
    'negative includedUsers',
    (w) => (w.subscription.plans[0].includedUsers = -1),
    'subscription.plans[0].includedUsers',
  ],
  [
    'license terms missing for a prepaid-licenses plan',
    (w) => (w.subscription.planId = 'severa-professional'),
    'subscription.licenses',
  ],
  [
    'zero initial licenses',
    (w) => (w.subscription.licenses = { initialCount: 0, periodMonths: 12 }),
    'subscription.licenses.initialCount',
  ],
  [
    'fractional period',
    (w) => (w.subscription.licenses = { initialCount: 10, periodMonths: 1.5 }),
    'subscription.licenses.periodMonths',
  ],
  [
    'negative period',
    (w) => (w.subscription.licenses = { initialCount: 10, periodMonths: -6 }),
    'subscription.licenses.periodMonths',
  ],
  ['startedOn not a date', (w) => (w.subscription.startedOn = '2026-1-1'), 'subscription.startedOn'],
  ['trial start not a date', (w) => (w.subscription.trial.startedOn = 'soon'), 'subscription.trial.startedOn'],
  ['trial of zero days', (w) => (w.subscription.trial.lengthDays = 0), 'subscription.trial.lengthDays'],
  ['NaN storage used', (w) => (w.subscription.storageUsedGb = NaN), 'subscription.storageUsedGb'],
  [
    'requiresActivity not boolean',
    (w) => (w.subscription.plans[0].requiresActivity = 'yes'),
    'subscription.plans[0].requiresActivity',
  ],
  // people
  ['people not an array', (w) => (w.people = {}), 'people'],
  ['person not an object', (w) => (w.people[1] = null), 'people[1]'],
  ['duplicate person ids', (w) => (w.people[2].id = 'p-1'), 'people[2].id'],
  ['person without directories', (w) => (w.people[1].directories = []), 'people[1].directories'],
  ['person with directories missing', (w) => delete w.people[1].directories, 'people[1].directories'],
  ['unknown directory', (w) => (w.people[0].directories = ['people', 'intranet']), 'people[0].directories[1]'],
  ['directory listed twice', (w) => (w.people[0].directories = ['people', 'people']), 'people[0].directories[1]'],
  ['e-mail without domain', (w) => (w.people[2].email = 'chiara@'), 'people[2].email'],
  ['e-mail with a space', (w) => (w.people[2].email = 'chiara obrien@noordwind.example'), 'people[2].email'],
  ['e-mail without dot in domain', (w) => (w.people[2].email = 'chiara@localhost'), 'people[2].email'],
  ['e-mail with two @', (w) => (w.people[2].email = 'a@b@noordwind.example'), 'people[2].email'],
  ['unknown role', (w) => (w.people[0].role = 'owner'), 'people[0].role'],
  ['billingStart not a date', (w) => (w.people[1].billingStart = '2026-13-01'), 'people[1].billingStart'],
  ['joinDate not a date', (w) => (w.people[1].joinDate = '01-03-2026'), 'people[1].joinDate'],
  ['deactivatedOn before billingStart', (w) => (w.people[3].deactivatedOn = '2025-12-31'), 'people[3].deactivatedOn'],
  ['deactivatedOn not a date', (w) => (w.people[3].deactivatedOn = '2026-04-31'), 'people[3].deactivatedOn'],
  ['deactivatedOn null', (w) => (w.people[3].deactivatedOn = null), 'people[3].deactivatedOn'],
  ['deletedOn before billingStart', (w) => (w.people[1].deletedOn = '2026-03-09'), 'people[1].deletedOn'],
  ['claimedOn before invitedOn', (w) => (w.people[2].claimedOn = '2026-02-02'), 'people[2].claimedOn'],
  ['invitedOn not a date', (w) => (w.people[2].invitedOn = 'yesterday'), 'people[2].invitedOn'],
  ['guest not boolean', (w) => (w.people[3].guest = 'yes'), 'people[3].guest'],
  // activity
  ['activity of an unknown person', (w) => (w.activity[1].personId = 'p-99'), 'activity[1].personId'],
  ['activity of a numeric person id', (w) => (w.activity[1].personId = 1), 'activity[1].personId'],
  ['activity with an unknown kind', (w) => (w.activity[0].kind = 'logout'), 'activity[0].kind'],
  ['activity on a non-date', (w) => (w.activity[1].on = '2026-11-31'), 'activity[1].on'],
  ['activity element not an object', (w) => (w.activity[1] = 'login'), 'activity[1]'],
  // orders
  ['duplicate order ids', (w) => (w.orders[1].id = 'ord-1'), 'orders[1].id'],
  ['unknown order kind', (w) => (w.orders[0].kind = 'buy-licenses'), 'orders[0].kind'],
  ['zero licenses ordered', (w) => (w.orders[0].quantity = 0), 'orders[0].quantity'],
  ['fractional licenses ordered', (w) => (w.orders[0].quantity = 1.5), 'orders[0].quantity'],
  ['license order without quantity', (w) => delete w.orders[0].quantity, 'orders[0].quantity'],
  [
    'remove-licenses with negative quantity',
    (w) => Object.assign(w.orders[0], { kind: 'remove-licenses', quantity: -2 }),
    'orders[0].quantity',
  ],
  ['change-plan to an unknown plan', (w) => (w.orders[1].planId = 'injixo-ultimate'), 'orders[1].planId'],
  ['change-plan without plan', (w) => delete w.orders[1].planId, 'orders[1].planId'],
  ['change-period without period', (w) => delete w.orders[2].periodMonths, 'orders[2].periodMonths'],
  ['effectiveOn before placedOn', (w) => (w.orders[1].effectiveOn = '2026-04-01'), 'orders[1].effectiveOn'],
  ['placedOn not a date', (w) => (w.orders[0].placedOn = '2026/04/01'), 'orders[0].placedOn'],
  ['duplicate idempotency key', (w) => (w.orders[2].idempotencyKey = 'key-1'), 'orders[2].idempotencyKey'],
  ['fractional order amount', (w) => (w.orders[0].amount = 120.66), 'orders[0].amount'],
  // invoices
  ['duplicate invoice ids', (w) => w.invoices.push({ ...secondInvoice(w), id: 'inv-1' }), 'invoices[1].id'],
  [
    'duplicate invoice numbers',
    (w) => w.invoices.push({ ...secondInvoice(w), number: 'INV-2026-0001' }),
    'invoices[1].number',
  ],
  ['invoice in another currency', (w) => (w.invoices[0].currency = 'USD'), 'invoices[0].currency'],
  ['fractional subtotal', (w) => (w.invoices[0].subtotal = 108600.5), 'invoices[0].subtotal'],
  ['fractional tax', (w) => (w.invoices[0].tax = 22806.06), 'invoices[0].tax'],
  ['total is not subtotal + tax', (w) => (w.invoices[0].total = 131407), 'invoices[0].total'],
  ['amountDue is not total − credit', (w) => (w.invoices[0].amountDue = 131406), 'invoices[0].amountDue'],
  ['negative credit applied', (w) => (w.invoices[0].creditApplied = -1), 'invoices[0].creditApplied'],
  ['fractional line amount', (w) => (w.invoices[0].lines[2].amount = 8700.4), 'invoices[0].lines[2].amount'],
  ['infinite line quantity', (w) => (w.invoices[0].lines[0].quantity = Infinity), 'invoices[0].lines[0].quantity'],
  ['unknown line kind', (w) => (w.invoices[0].lines[0].kind = 'discount'), 'invoices[0].lines[0].kind'],
  ['bad peak date', (w) => (w.invoices[0].lines[1].peak.on = '2026-03-32'), 'invoices[0].lines[1].peak.on'],
  ['period ends before it starts', (w) => (w.invoices[0].periodEnd = '2026-02-28'), 'invoices[0].periodEnd'],
  ['due before issued', (w) => (w.invoices[0].dueOn = '2026-03-31'), 'invoices[0].dueOn'],
  ['invoice of an unknown plan', (w) => (w.invoices[0].planId = 'nope'), 'invoices[0].planId'],
  ['invoice of an unknown order', (w) => (w.invoices[0].orderId = 'ord-9'), 'invoices[0].orderId'],
  // payments and payment method
  ['payment of an unknown invoice', (w) => (w.payments[1].invoiceId = 'inv-9'), 'payments[1].invoiceId'],
  ['negative payment', (w) => (w.payments[2].amount = -500), 'payments[2].amount'],
  ['NaN payment', (w) => (w.payments[2].amount = NaN), 'payments[2].amount'],
  ['unknown payment outcome', (w) => (w.payments[0].outcome = 'pending'), 'payments[0].outcome'],
  ['duplicate payment ids', (w) => (w.payments[1].id = 'pay-1'), 'payments[1].id'],
  ['payment on a non-date', (w) => (w.payments[0].on = ''), 'payments[0].on'],
  ['card expiry as MM/YY', (w) => (w.paymentMethod.expires = '12/27'), 'paymentMethod.expires'],
  ['card expiry month 13', (w) => (w.paymentMethod.expires = '2027-13'), 'paymentMethod.expires'],
  ['card expiry as a full date', (w) => (w.paymentMethod.expires = '2027-12-31'), 'paymentMethod.expires'],
  ['unknown payment method kind', (w) => (w.paymentMethod.kind = 'cash'), 'paymentMethod.kind'],
  ['last4 with letters', (w) => (w.paymentMethod.last4 = '42x2'), 'paymentMethod.last4'],
];

describe('validateWorld', () => {
  it('accepts a valid minimal world and returns the same object', () => {
    const w = minimalWorld();
    expect(validateWorld(w)).to.equal(w);
    expect(validateWorldAll(w)).to.deep.equal([]);
  });

  it('accepts empty people, activity, orders, invoices and payments, and no payment method', () => {
    const w = broken((x) => {
      x.people = [];
      x.activity = [];
      x.orders = [];
      x.invoices = [];
      x.payments = [];
      delete x.paymentMethod;
      delete x.subscription.trial;
    });
    expect(() => validateWorld(w)).not.to.throw();
  });

  it('accepts a prepaid-licenses world with license terms', () => {
    const w = broken((x) => {
      x.subscription.planId = 'severa-professional';
      x.subscription.licenses = { initialCount: 10, periodMonths: 6 };
      // An order cannot switch the way of billing: the per-user plan change goes.
      x.orders = x.orders.filter((o: { kind: string }) => o.kind !== 'change-plan');
    });
    expect(() => validateWorld(w)).not.to.throw();
  });

  it('rejects a plan change that switches between per-user billing and prepaid licenses', () => {
    const w = broken((x) => {
      x.subscription.planId = 'severa-professional';
      x.subscription.licenses = { initialCount: 10, periodMonths: 6 };
    });
    expect(fieldOf(w)).to.match(/^orders\[\d+\]\.planId$/);
  });

  it('rejects a world that is not an object', () => {
    for (const input of [null, undefined, 42, 'world', []]) expect(fieldOf(input)).to.equal('world');
  });

  for (const [what, mutate, field] of CASES) {
    it(`rejects ${what} (${field})`, () => {
      const w = broken(mutate);
      expect(fieldOf(w)).to.equal(field);
      const all = validateWorldAll(w);
      expect(all.length).to.be.greaterThan(0);
      expect(all[0]?.field).to.equal(field);
      for (const e of all) expect(e).to.be.instanceOf(WorldError);
    });
  }

  it('names the field and the reason in the error', () => {
    try {
      validateWorld(broken((w) => (w.people[3].deactivatedOn = '2026-01-10')));
      expect.fail('should have thrown');
    } catch (e) {
      const err = e as WorldError;
      expect(err.name).to.equal('WorldError');
      expect(err.field).to.equal('people[3].deactivatedOn');
      expect(err.reason).to.match(/end before start/);
      expect(err.message).to.contain('people[3].deactivatedOn');
    }
  });

  it('throws for the first problem in document order', () => {
    const w = broken((x) => {
      x.payments[0].outcome = 'pending';
      x.people[2].email = 'nope';
      x.tenant.currency = 'XYZ';
    });
    expect(fieldOf(w)).to.equal('tenant.currency');
  });

  it('lists every problem with validateWorldAll', () => {
    const w = broken((x) => {
      x.tenant.currency = 'XYZ';
      x.subscription.plans[1].unitPrice = -1;
      x.people[2].email = 'nope';
      x.people[3].deactivatedOn = '2026-01-01';
      x.activity[0].kind = 'logout';
      x.orders[1].planId = 'missing';
      x.payments[0].outcome = 'pending';
      x.paymentMethod.expires = '2027';
    });
    expect(validateWorldAll(w).map((e) => e.field)).to.deep.equal([
      'tenant.currency',
      'subscription.plans[1].unitPrice',
      'people[2].email',
      'people[3].deactivatedOn',
      'activity[0].kind',
      'orders[1].planId',
      'payments[0].outcome',
      'paymentMethod.expires',
    ]);
    expect(validateWorldAll(w, 3)).to.have.length(3);
  });

  it('checks every element of long arrays (no record is skipped)', () => {
    const w = broken((x) => {
      for (let i = 0; i < 5000; i++) x.activity.push({ personId: 'p-1', on: '2026-11-02', kind: 'chat' });
      x.activity.push({ personId: 'p-1', on: '2026-11-02', kind: 'chatting' });
      x.activity.push({ personId: 'p-1', on: '2026-11-02', kind: 'chat' });
      x.activity.push({ personId: 'p-1', on: '2026-11-31', kind: 'chat' });
    });
    expect(validateWorldAll(w).map((e) => e.field)).to.deep.equal(['activity[5002].kind', 'activity[5004].on']);
  });

  it('rejects NaN and Infinity wherever a number is expected', () => {
    const numericPaths: [(w: Loose, v: number) => void, string][] = [
      [(w, v) => (w.tenant.paymentTermDays = v), 'tenant.paymentTermDays'],
      [(w, v) => (w.subscription.plans[0].baseFee = v), 'subscription.plans[0].baseFee'],
      [(w, v) => (w.subscription.plans[0].storageGb = v), 'subscription.plans[0].storageGb'],
      [(w, v) => (w.orders[0].quantity = v), 'orders[0].quantity'],
      [(w, v) => (w.invoices[0].lines[0].unitPrice = v), 'invoices[0].lines[0].unitPrice'],
      [(w, v) => (w.invoices[0].lines[1].peak.count = v), 'invoices[0].lines[1].peak.count'],
    ];
    for (const v of [NaN, Infinity, -Infinity]) {
      for (const [set, field] of numericPaths)
        expect(fieldOf(broken((w) => set(w, v))), `${field}=${v}`).to.equal(field);
    }
  });

  it('accepts a deactivation on the start day: a person active on no day (the store writes it)', () => {
    expect(validateWorldAll(broken((w) => (w.people[3].deactivatedOn = w.people[3].billingStart)))).to.deep.equal([]);
  });

  it('never accepts a world whose deactivation is before its start (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (startOffset, endOffset) => {
        const day = (n: number): string => addDays('2026-01-01', n);
        const w = broken((x) => {
          x.people[3].billingStart = day(startOffset);
          x.people[3].deactivatedOn = day(endOffset);
        });
        const problems = validateWorldAll(w);
        if (endOffset >= startOffset) expect(problems).to.deep.equal([]);
        else expect(problems.map((e) => e.field)).to.deep.equal(['people[3].deactivatedOn']);
      }),
    );
  });

  it('validates e-mail addresses sanely', () => {
    for (const ok of ['a@b.co', 'anna.de.vries@noordwind.example', 'x+tag@sub.domain.org', "o'brien@x.ie"]) {
      expect(isEmail(ok), ok).to.equal(true);
    }
    for (const bad of ['', 'a', 'a@b', '@b.co', 'a@.co', 'a@b.', 'a..b@c.co', '.a@b.co', 'a@-b.co', 'a b@c.co', 42]) {
      expect(isEmail(bad), String(bad)).to.equal(false);
    }
  });
});
