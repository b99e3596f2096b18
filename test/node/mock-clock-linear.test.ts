/**
 * Moving the mock's clock decades ahead costs work linear in the ledger: issuing reads the
 * ledger it starts from a bounded number of times, not once per new invoice.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateWorld } from '../../mocks/engine/generate.js';
import type { Invoice, World } from '../../mocks/engine/types.js';
import { MockStore } from '../../mocks/store/store.js';

describe('moving the clock far ahead', () => {
  /**
   * A world whose issued invoices (and the array holding them) count every property read.
   * Issuing must read the ledger it starts from a bounded number of times, however many
   * invoices the move issues: reading it again per new invoice is what makes a move of
   * decades quadratic (each new invoice read the whole ledger, new ones included).
   */
  function counted(world: World): { world: World; reads: () => number; reset: () => void } {
    let reads = 0;
    const handler: ProxyHandler<object> = {
      get(target, key, receiver) {
        reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    };
    const invoices = new Proxy(
      world.invoices.map((i) => new Proxy(i, handler) as Invoice),
      handler,
    ) as Invoice[];
    return {
      world: { ...world, invoices },
      reads: () => reads,
      reset: () => {
        reads = 0;
      },
    };
  }

  function readsToMove(years: number, model: 'per-user' | 'prepaid-licenses'): { reads: number; ledger: number } {
    // Ten years of history: 120 invoices (per-user) or 120 periods (monthly licenses).
    const g = generateWorld({ seed: 3, people: 4, model, today: '2026-11-22', historyMonths: 120 });
    const licenses = g.subscription.licenses;
    if (licenses) g.subscription.licenses = { ...licenses, periodMonths: 1 };
    const base = new MockStore({ world: g }).world; // the invoices due, issued
    const c = counted(base);
    const store = new MockStore({ world: generateWorld({ seed: 1, people: 2, model: 'per-user' }) });
    store.loadWorld(c.world, { copy: false });
    c.reset();
    store.setToday(`${2026 + years}-11-22`);
    assert.ok(store.world.invoices.length >= base.invoices.length + 12 * years);
    return { reads: c.reads(), ledger: base.invoices.length };
  }

  for (const model of ['per-user', 'prepaid-licenses'] as const) {
    it(`${model}: 20 years ahead reads the existing ledger no more than 10 years ahead does`, () => {
      const ten = readsToMove(10, model);
      const twenty = readsToMove(20, model);
      assert.ok(ten.ledger >= 100, `a ledger of ${ten.ledger} invoices`);
      // Linear: a fixed number of reads per existing invoice, whatever the distance.
      assert.ok(twenty.reads <= ten.reads * 1.25 + 100, `10 years: ${ten.reads} reads, 20 years: ${twenty.reads}`);
      assert.ok(twenty.reads <= 60 * twenty.ledger, `${twenty.reads} reads of a ledger of ${twenty.ledger}`);
    });
  }
});
