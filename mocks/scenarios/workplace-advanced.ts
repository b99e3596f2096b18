/**
 * Workplace Advanced (B4, invited users, USD): provisioning is free; people count from
 * the day they are invited to claim their account. A year of history after a trial,
 * paid by card on each invoice day.
 */
import { generateWorld } from '../engine/generate.js';
import type { World } from '../engine/types.js';
import {
  COMPANY_MANAGED_AT,
  addPeople,
  autopay,
  billingDetails,
  emailOf,
  expectShape,
  finish,
  playHistory,
} from './helpers.js';

export const NAME = 'workplace-advanced';
export const TODAY = '2026-11-22';

export function buildWorkplaceAdvanced(): World {
  // Tidewater Telecom Ltd (London): 120 people, billed in USD with 20 % VAT, with a PO.
  let w = generateWorld({ seed: 11, people: 120, model: 'invited', today: TODAY, historyMonths: 12 });
  w = { ...w, subscription: { ...w.subscription, planId: 'workplace-advanced', poNumber: 'PO-88213' } };

  // This month's starters: two provisioned by the HR sync (not invited yet, so free),
  // one invited on the 18th who has not claimed the account yet.
  w = addPeople(w, [
    { name: 'Grace Walsh', billingStart: '2026-11-16', directories: ['workplace', 'people'] },
    { name: 'Arjun Sharma', billingStart: '2026-11-16', directories: ['workplace'] },
    { name: 'Freya Evans', billingStart: '2026-11-16', invitedOn: '2026-11-18', directories: ['workplace', 'people'] },
  ]);

  w = {
    ...w,
    billingDetails: billingDetails(w, {
      recipients: ['accounts', emailOf(w, 'p-00002')],
      contactPersonId: 'p-00002',
      version: 4,
      companyManagedAt: COMPANY_MANAGED_AT.workplace,
    }),
  };

  w = playHistory(w, w.subscription.startedOn, TODAY, autopay);

  const provisioned = w.people.filter((p) => p.invitedOn === undefined).length;
  const invitedOnly = w.people.filter((p) => p.invitedOn !== undefined && p.claimedOn === undefined).length;
  expectShape(provisioned > 0 && invitedOnly > 0, NAME, 'provisioned, invited and claimed people');
  return finish(NAME, w);
}
