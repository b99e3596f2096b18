/**
 * Visma Severa (B5, prepaid licenses) on 6-month periods, invoiced in advance by
 * e-invoice. Licenses were added in March (billed pro rata for the rest of that
 * period); two consultants left in November, so two licenses are scheduled to be
 * removed from the next period. Some licenses are free (bought, unassigned, still paid).
 */
import { generateWorld } from '../engine/generate.js';
import { addLicenses, removeLicenses } from '../engine/licenses.js';
import type { World } from '../engine/types.js';
import {
  COMPANY_MANAGED_AT,
  billingDetails,
  editPerson,
  emailOf,
  expectShape,
  finish,
  on,
  payAfter,
  peakActive,
  playHistory,
} from './helpers.js';

export const NAME = 'severa-prepaid';
export const TODAY = '2026-11-22';
const START = '2025-11-01';
/** The day finance bought licenses for the spring hires. */
export const ADDED_ON = '2026-03-20';
/** The day two consultants left and their licenses were scheduled for removal. */
export const LEFT_ON = '2026-11-13';

export function buildSeveraPrepaid(): World {
  // Kaleva Consulting Oy (Helsinki): 44 people over the years, EUR, 25.5 % VAT.
  let w = generateWorld({ seed: 93, people: 44, model: 'prepaid-licenses', today: TODAY, historyMonths: 12 });
  w = editPerson(w, 'p-00012', { deactivatedOn: LEFT_ON });
  w = editPerson(w, 'p-00026', { deactivatedOn: LEFT_ON });

  // Enough licenses at the start for everyone then, plus one spare; in March the spare
  // ran out, so finance bought enough for the year plus one spare again.
  const initialCount = peakActive(w, START, '2026-03-19') + 1;
  const added = Math.max(1, peakActive(w, ADDED_ON, TODAY) + 1 - initialCount);
  w = {
    ...w,
    subscription: {
      ...w.subscription,
      planId: 'severa-professional',
      startedOn: START,
      licenses: { initialCount, periodMonths: 6 },
    },
    paymentMethod: { kind: 'invoice' },
  };
  delete w.subscription.poNumber;
  const vatDigits = (w.tenant.vatNumber ?? 'FI00000000').slice(2);
  w = {
    ...w,
    billingDetails: billingDetails(w, {
      recipients: ['laskut', emailOf(w, 'p-00002')],
      contactPersonId: 'p-00002',
      // Finnish e-invoice address: OVT code 0037 + business ID; operator: a bank's code.
      eInvoicing: { enabled: true, address: `0037${vatDigits}`, operatorCode: 'E204503' },
      version: 2,
      companyManagedAt: COMPANY_MANAGED_AT.severa,
    }),
  };

  w = playHistory(
    w,
    START,
    TODAY,
    on(ADDED_ON, (x) => {
      const { order, invoice } = addLicenses(x, { quantity: added, placedBy: 'p-00002' });
      return { ...x, orders: [...x.orders, order], invoices: [...x.invoices, invoice] };
    }),
    on(LEFT_ON, (x) => {
      const { order } = removeLicenses(x, { quantity: 2, placedBy: 'p-00002' });
      return { ...x, orders: [...x.orders, order] };
    }),
    // E-invoices are paid ten days after they arrive.
    payAfter(() => 10),
  );

  expectShape(w.orders.length === 2, NAME, 'an order history of two orders');
  return finish(NAME, w);
}
