/**
 * A Microsoft 365-style subscription (B5, prepaid licenses, monthly) whose card expired
 * at the end of October: the November invoice was declined twice (`card_expired`) and is
 * now past due; a license bought on 20 November for new hires was declined too.
 */
import { generateWorld } from '../engine/generate.js';
import { addLicenses } from '../engine/licenses.js';
import type { Plan, World } from '../engine/types.js';
import {
  COMPANY_MANAGED_AT,
  addPeople,
  autopay,
  billingDetails,
  chargeOnFile,
  emailOf,
  expectShape,
  finish,
  on,
  peakActive,
  playHistory,
} from './helpers.js';
import { activeUserCount, licenseCountOn } from '../engine/licenses.js';

export const NAME = 'm365-declined';
export const TODAY = '2026-11-22';
const START = '2025-11-01';
/** The admin pressed "settle balance" once the decline e-mail came in. */
export const RETRIED_ON = '2026-11-08';
/** New hires start; a license is bought for the one without a free license. */
export const HIRED_ON = '2026-11-20';

/** Editions, per license per month, excluding VAT (euro cents). */
export const M365_PLANS: Plan[] = [
  { id: 'm365-business-basic', name: 'Microsoft 365 Business Basic', model: 'prepaid-licenses', unitPrice: 560 },
  { id: 'm365-business-standard', name: 'Microsoft 365 Business Standard', model: 'prepaid-licenses', unitPrice: 1170 },
  { id: 'm365-business-premium', name: 'Microsoft 365 Business Premium', model: 'prepaid-licenses', unitPrice: 2060 },
];

const HIRES = ['Noor Visser', 'Thomas de Wit', 'Sophie Brouwer', 'Lars Meijer', 'Eva Dekker', 'Ruben Smit'];

export function buildM365Declined(): World {
  // Polaris Insurance B.V. (Utrecht): 45 people over the years, every one in the M365 directory.
  const g = generateWorld({ seed: 13, people: 45, model: 'peak-daily', today: TODAY, historyMonths: 12 });
  let w: World = {
    ...g,
    people: g.people.map((p) => ({ ...p, directories: ['m365'] })),
    subscription: { planId: 'm365-business-standard', plans: M365_PLANS, startedOn: START },
    // Valid through October 2026: November's charges decline.
    paymentMethod: { kind: 'card', brand: 'visa', last4: '4417', expires: '2026-10' },
  };
  const day0 = '2026-11-19';
  const initialCount = peakActive(w, START, day0);
  w = { ...w, subscription: { ...w.subscription, licenses: { initialCount, periodMonths: 1 } } };
  // One more hire than free licenses: one license has to be bought.
  const hires = initialCount - activeUserCount(w, day0) + 1;
  expectShape(hires <= HIRES.length, NAME, `at most ${HIRES.length} hires (got ${hires})`);

  w = {
    ...w,
    billingDetails: billingDetails(w, {
      recipients: ['crediteuren', emailOf(w, 'p-00001')],
      contactPersonId: 'p-00001',
      version: 1,
      companyManagedAt: COMPANY_MANAGED_AT.m365,
    }),
  };

  w = playHistory(
    w,
    START,
    TODAY,
    // The card on file is charged the day each period is invoiced.
    autopay,
    on(RETRIED_ON, chargeOnFile),
    on(HIRED_ON, (x) => {
      let y = addPeople(
        x,
        HIRES.slice(0, hires).map((name) => ({ name, billingStart: HIRED_ON, directories: ['m365' as const] })),
      );
      const { order, invoice } = addLicenses(y, { quantity: 1, placedBy: 'p-00001' });
      y = { ...y, orders: [...y.orders, order], invoices: [...y.invoices, invoice] };
      return chargeOnFile(y);
    }),
  );

  expectShape(licenseCountOn(w, TODAY) === activeUserCount(w, TODAY), NAME, 'every license in use');
  expectShape(
    w.payments.some((p) => p.outcome === 'declined' && p.declineReason === 'card_expired'),
    NAME,
    'a declined payment (card_expired)',
  );
  return finish(NAME, w);
}
