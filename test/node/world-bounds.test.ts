/**
 * Worlds at the bounds of mocks/engine/limits.ts: every world the validator accepts can
 * be run (loaded, read through every view, its clock moved to the last day, a license
 * bought), with every figure an exact integer and every date a four-digit year; every
 * world it refuses is refused at load with the field named, never an engine crash.
 * fast-check, seeded, a bounded number of runs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isIsoDate } from '../../mocks/engine/dates.js';
import { generateWorld } from '../../mocks/engine/generate.js';
import { LIMITS } from '../../mocks/engine/limits.js';
import { dailyCounts, monthlyBilling } from '../../mocks/engine/usage.js';
import type { BillingModel, World } from '../../mocks/engine/types.js';
import { validateWorldAll } from '../../mocks/engine/validate.js';
import { renderInvoicePdf } from '../../mocks/pdf/invoice-pdf.js';
import { MockError } from '../../mocks/store/errors.js';
import { MockStore } from '../../mocks/store/store.js';
import {
  balanceView,
  invoiceView,
  licenseSummaryView,
  overviewView,
  upcomingInvoiceView,
} from '../../mocks/store/views.js';
import { invoiceStatus } from '../../mocks/engine/invoices.js';

const MODELS: BillingModel[] = ['peak-daily', 'per-user', 'full-month', 'invited', 'prepaid-licenses'];

/** Every number in `value` is finite; integers where the contract has money; every date has four digits. */
function checkFigures(value: unknown, path = ''): void {
  if (typeof value === 'number') {
    assert.ok(Number.isFinite(value), `${path} = ${value}`);
    if (/(amount|total|subtotal|tax|price|balance|credit|fee|due)$/i.test(path) && !/rate$/i.test(path)) {
      assert.ok(Number.isSafeInteger(value), `${path} = ${value} is not an exact integer`);
    }
  } else if (typeof value === 'string') {
    if (/^\d{4,}-\d{2}-\d{2}$/.test(value)) assert.ok(isIsoDate(value) && value.length === 10, `${path} = ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkFigures(v, `${path}[${i}]`));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) checkFigures(v, path ? `${path}.${k}` : k);
  }
}

/** Everything the API reads from a world, as the handlers build it. */
async function readEverything(store: MockStore): Promise<void> {
  const w = store.world;
  const month = w.today.slice(0, 7);
  const figures: unknown[] = [
    overviewView(w),
    upcomingInvoiceView(w),
    balanceView(w),
    store.listUsers({ month, limit: 5 }),
    store.listUsers({ month, limit: 5, billed: false }),
    dailyCounts(w, month),
    monthlyBilling(w, Number(w.today.slice(0, 4))),
    w.invoices.slice(-3).map((inv) => invoiceView(w, inv)),
  ];
  if (overviewView(w).model === 'prepaid-licenses') {
    figures.push(licenseSummaryView(w));
    try {
      figures.push(store.quoteLicenses(1));
    } catch (e) {
      // At the most licenses a subscription may hold: refused with a reason (a 422).
      assert.ok(e instanceof MockError && e.code === 'too-many-licenses', String(e));
    }
  }
  checkFigures(figures);
  const last = w.invoices.at(-1);
  if (last) await renderInvoicePdf(last, { world: w, status: invoiceStatus(w, last) });
}

/** A generated world pushed to the bounds. */
const extremeWorld = fc
  .record({
    model: fc.constantFrom(...MODELS),
    seed: fc.integer({ min: 1, max: 1000 }),
    people: fc.integer({ min: 1, max: 12 }),
    today: fc.constantFrom('2001-06-15', '2026-11-22', '2100-11-30', LIMITS.lastToday),
    historyMonths: fc.constantFrom(0, 1, 14),
    unitPrice: fc.constantFrom(0, 1, 2999, LIMITS.unitPrice),
    baseFee: fc.constantFrom(0, LIMITS.baseFee),
    includedUsers: fc.constantFrom(0, 3, LIMITS.includedUsers),
    paymentTermDays: fc.constantFrom(0, 30, LIMITS.paymentTermDays),
    taxRate: fc.constantFrom(0, 2100, 10000),
    trialDays: fc.constantFrom(1, 30, LIMITS.trialDays),
    periodMonths: fc.constantFrom(1, 7, 12, LIMITS.periodMonths),
    licenses: fc.constantFrom(0, LIMITS.licenses - 1, LIMITS.licenses),
    todayAtStart: fc.boolean(),
    longText: fc.boolean(),
  })
  .map((o): World => {
    const g = generateWorld({
      seed: o.seed,
      people: o.people,
      model: o.model,
      today: o.today,
      historyMonths: o.historyMonths,
    });
    const plans = g.subscription.plans.map((p) => ({
      ...p,
      unitPrice: o.unitPrice,
      ...(p.baseFee !== undefined ? { baseFee: o.baseFee } : {}),
      ...(p.includedUsers !== undefined ? { includedUsers: o.includedUsers } : {}),
      ...(o.longText ? { name: 'P'.repeat(LIMITS.nameLength) } : {}),
    }));
    const subscription: World['subscription'] = { ...g.subscription, plans };
    if (subscription.trial) subscription.trial = { ...subscription.trial, lengthDays: o.trialDays };
    if (subscription.licenses) {
      const extra = o.licenses === 0 ? 0 : o.licenses - subscription.licenses.initialCount;
      subscription.licenses = {
        initialCount: subscription.licenses.initialCount + Math.max(0, extra),
        periodMonths: o.periodMonths,
      };
    }
    if (o.longText) subscription.poNumber = '9'.repeat(LIMITS.poNumberLength);
    return {
      ...g,
      today: o.todayAtStart ? g.subscription.startedOn : g.today,
      tenant: {
        ...g.tenant,
        paymentTermDays: o.paymentTermDays,
        taxRate: o.taxRate,
        ...(o.longText ? { name: 'T'.repeat(LIMITS.nameLength), id: 't'.repeat(LIMITS.idLength) } : {}),
      },
      subscription,
    };
  });

describe('worlds at the bounds', () => {
  it('a world the validator accepts runs: loads, reads, moves to the last day, buys a license', async () => {
    await fc.assert(
      fc.asyncProperty(extremeWorld, async (world) => {
        const problems = validateWorldAll(world);
        const store = new MockStore({ world: generateWorld({ seed: 1, people: 3, model: 'per-user' }) });
        if (problems.length > 0) {
          assert.throws(
            () => store.loadWorld(world),
            (e: unknown) => e instanceof MockError && e.code === 'invalid-world' && e.errors.length > 0,
          );
          return;
        }
        store.loadWorld(world);
        await readEverything(store);
        if (store.world.subscription.licenses) {
          try {
            store.orderLicenses('add', 1, 'fuzz-1');
          } catch (e) {
            assert.ok(e instanceof MockError, String(e));
          }
        }
        store.setToday(LIMITS.lastToday);
        assert.deepEqual(validateWorldAll(store.world), [], 'the world the store wrote is valid');
        await readEverything(store);
      }),
      { seed: 17, numRuns: 60, interruptAfterTimeLimit: 60_000 },
    );
  });

  it('the clock stays within the range', () => {
    const store = new MockStore({ world: generateWorld({ seed: 1, people: 3, model: 'per-user' }) });
    for (const today of ['2101-01-01', '9999-12-31', '1999-12-31']) {
      assert.throws(
        () => store.setToday(today),
        (e: unknown) => e instanceof MockError && e.kind === 'invalid' && e.errors[0]?.field === 'today',
        today,
      );
    }
  });
});
