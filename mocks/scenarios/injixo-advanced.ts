/**
 * injixo Advanced (B1, peak daily users): 50 users included in the base fee, and this
 * month's peak above it. A year of history, invoices issued every 1st and collected by
 * SEPA direct debit on their due date, so the last one is still open.
 */
import { generateWorld } from '../engine/generate.js';
import type { World } from '../engine/types.js';
import {
  COMPANY_MANAGED_AT,
  addPeople,
  billingDetails,
  editPerson,
  emailOf,
  expectShape,
  finish,
  on,
  payAfter,
  playHistory,
} from './helpers.js';

export const NAME = 'injixo-advanced';
export const TODAY = '2026-11-22';
/** The PO number finance set in June; invoices issued from July carry it. */
export const PO_NUMBER = '4500018372';

export function buildInjixoAdvanced(): World {
  // Lumen Facilities B.V. (Utrecht): 62 people over the years, WFM employees, account
  // users and People, with leavers, one deleted account and a few edited join dates.
  let w = generateWorld({ seed: 16, people: 62, model: 'peak-daily', today: TODAY, historyMonths: 12 });
  w = { ...w, subscription: { ...w.subscription, planId: 'injixo-advanced' } };
  delete w.subscription.poNumber;

  // November: two hires push the peak above the 50 included users. Omar was created
  // with join date 16 November; HR later edited it to 2 November, which changes nothing
  // for billing (he counts from the 16th). James leaves on the 19th, after the peak.
  w = addPeople(w, [
    { name: 'Fleur Bakker', billingStart: '2026-11-09', directories: ['wfm-employees', 'people'] },
    {
      name: 'Omar Haddad',
      billingStart: '2026-11-16',
      joinDate: '2026-11-02',
      directories: ['wfm-employees', 'account-users', 'people'],
    },
  ]);
  w = editPerson(w, 'p-00058', { deactivatedOn: '2026-11-19' });

  w = {
    ...w,
    paymentMethod: { kind: 'sepa-debit', last4: '4821' },
    billingDetails: billingDetails(w, {
      recipients: ['facturen', emailOf(w, 'p-00002')],
      contactPersonId: 'p-00002',
      version: 3,
      companyManagedAt: COMPANY_MANAGED_AT.injixo,
    }),
  };

  w = playHistory(
    w,
    w.subscription.startedOn,
    TODAY,
    on('2026-06-15', (x) => ({ ...x, subscription: { ...x.subscription, poNumber: PO_NUMBER } })),
    // SEPA direct debit: collected on the due date.
    payAfter(() => w.tenant.paymentTermDays),
  );

  expectShape(w.people.filter((p) => p.deletedOn !== undefined).length === 1, NAME, 'exactly one deleted person');
  expectShape(w.people.filter((p) => p.deactivatedOn !== undefined).length >= 3, NAME, 'several deactivated people');
  return finish(NAME, w);
}
