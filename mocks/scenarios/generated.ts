/**
 * Large generated tenants (B1, peak daily users) for performance work: 10,000 and
 * 100,000 people with a year of history, every month invoiced and paid by card on the
 * day it was issued. Built on demand (generating 100,000 people takes a moment).
 */
import { dueInvoices } from '../engine/invoices.js';
import { generateWorld } from '../engine/generate.js';
import { recordPayment } from '../engine/payments.js';
import type { World } from '../engine/types.js';
import { COMPANY_MANAGED_AT, at, billingDetails, finish, withPayments } from './helpers.js';

export const TODAY = '2026-11-22';

/** A generated peak-daily tenant of `people` persons (the seed is the size). */
export function buildGenerated(name: string, people: number): World {
  let w = generateWorld({ seed: people, people, model: 'peak-daily', today: TODAY, historyMonths: 12 });
  // The generator makes the second person the finance user: the billing contact.
  const finance = w.people[1];
  w = {
    ...w,
    billingDetails: billingDetails(w, {
      recipients: finance ? ['invoices', finance.email] : ['invoices'],
      ...(finance ? { contactPersonId: finance.id } : {}),
      companyManagedAt: COMPANY_MANAGED_AT.injixo,
    }),
  };
  // Every month at once: one index of the people serves all twelve invoices.
  w = { ...w, invoices: [...w.invoices, ...dueInvoices(w)] };
  // The card was charged on each invoice's issue day.
  for (const inv of w.invoices) {
    w = withPayments(w, recordPayment(at(w, TODAY), { amount: inv.amountDue, invoiceId: inv.id, on: inv.issuedOn }));
  }
  return finish(name, at(w, TODAY));
}
