/**
 * Engine figures for the 100,000-person tenant (issue 2's budgets):
 * - a month's B1 bill with its daily counts: < 50 ms
 * - a year of monthly billed counts: < 500 ms
 * "cold" runs on a fresh copy of the world each time, so the per-world index is built
 * inside the timed part (what the mock store pays after every change); "warm" reuses it.
 */
import { generateWorld } from '../mocks/engine/generate.js';
import { upcomingInvoice } from '../mocks/engine/invoices.js';
import type { World } from '../mocks/engine/types.js';
import { dailyCounts, monthBilling, monthlyBilling, peopleBilling } from '../mocks/engine/usage.js';
import { validateWorld } from '../mocks/engine/validate.js';
import { measure, once } from './harness.js';

const SUITE = 'engine';
const MONTH = '2026-10';

function fresh(world: World): World {
  // A new object identity (and new arrays) without paying for a deep copy in the timing.
  return { ...world, people: [...world.people], activity: [...world.activity], orders: [...world.orders] };
}

export function runEngineBench(): void {
  let b1!: World;
  once(SUITE, 'generate 100,000-person B1 world, 12 months of history', () => {
    b1 = generateWorld({ seed: 1, people: 100_000, model: 'peak-daily' });
  });
  once(SUITE, 'validate that world', () => validateWorld(b1));

  measure<World>(
    SUITE,
    `B1 bill for ${MONTH} with daily counts, cold (index built)`,
    (w) => {
      dailyCounts(w, MONTH);
      monthBilling(w, MONTH);
    },
    { setup: () => fresh(b1), budget: 50, runs: 10 },
  );
  measure(
    SUITE,
    `B1 bill for ${MONTH} with daily counts, warm`,
    () => {
      dailyCounts(b1, MONTH);
      monthBilling(b1, MONTH);
    },
    { budget: 50 },
  );
  measure<World>(SUITE, 'B1 monthly billed counts for 2026, cold', (w) => monthlyBilling(w, 2026), {
    setup: () => fresh(b1),
    budget: 500,
    runs: 5,
  });
  measure(SUITE, 'B1 upcoming invoice (open month), warm', () => upcomingInvoice(b1));
  measure(SUITE, `B1 per-person verdicts for ${MONTH} (100,000 people), warm`, () => peopleBilling(b1, MONTH), {
    runs: 5,
  });

  let b3!: World;
  once(SUITE, 'generate 100,000-person B3 world with activity', () => {
    b3 = generateWorld({ seed: 2, people: 100_000, model: 'full-month', withActivity: true });
  });
  // No budget: what the mock store pays to load this world (~1.75 million events), kept to
  // compare with; each event is checked against its schema and its person.
  measure(SUITE, 'validate the B3 world with activity', () => validateWorld(b3), { runs: 5, warmup: 1 });
  // No budget: this world has ~1.8 million activity events, and "cold" here means the
  // activity index is rebuilt, which happens only when a world is loaded (the index is
  // cached by the activity array, which user and license changes keep).
  measure<World>(
    SUITE,
    'B3 monthly billed + active counts for 2026, cold (activity index built)',
    (w) => monthlyBilling(w, 2026),
    {
      setup: () => fresh(b3),
      runs: 5,
    },
  );
  measure(SUITE, 'B3 monthly billed + active counts for 2026, warm', () => monthlyBilling(b3, 2026), {
    budget: 500,
    runs: 5,
  });
}
