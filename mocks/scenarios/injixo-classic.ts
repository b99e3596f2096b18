/**
 * injixo Classic (B2, per created user): no base fee, every person active on at least one
 * day of the month is billed. Paid by bank transfer; one transfer was rounded up, and the
 * overpayment came back as credit on the next invoice.
 */
import { generateWorld } from '../engine/generate.js';
import type { World } from '../engine/types.js';
import { COMPANY_MANAGED_AT, billingDetails, emailOf, expectShape, finish, payAfter, playHistory } from './helpers.js';

export const NAME = 'injixo-classic';
export const TODAY = '2026-11-22';

/** The invoice whose transfer was rounded up to the next 100 euros. */
const ROUNDED_UP = '2026-04-01';

export function buildInjixoClassic(): World {
  // Kestrel Travel GmbH (Berlin): 48 people, German tenant, 19 % VAT.
  let w = generateWorld({ seed: 26, people: 48, model: 'per-user', today: TODAY, historyMonths: 12 });
  w = {
    ...w,
    subscription: { ...w.subscription, planId: 'injixo-classic' },
    paymentMethod: { kind: 'invoice' },
    billingDetails: billingDetails(w, {
      recipients: ['buchhaltung', emailOf(w, 'p-00002')],
      contactPersonId: 'p-00002',
      version: 2,
      companyManagedAt: COMPANY_MANAGED_AT.injixo,
    }),
  };
  delete w.subscription.poNumber;

  w = playHistory(
    w,
    w.subscription.startedOn,
    TODAY,
    // Bank transfer 12 days after the invoice; the April one was rounded up to 100 euros.
    payAfter(
      () => 12,
      (inv, balance) => (inv.issuedOn === ROUNDED_UP ? Math.ceil(balance / 10_000) * 10_000 : balance),
    ),
  );

  expectShape(
    w.invoices.some((i) => i.creditApplied > 0),
    NAME,
    'an invoice paid partly from credit',
  );
  return finish(NAME, w);
}
