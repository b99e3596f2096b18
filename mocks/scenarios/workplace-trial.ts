/**
 * Workplace Core (B3, full calendar month, qualifying activity required, USD) in the
 * last days of its 30-day trial: started 26 October, ends 24 November; 25–30 November
 * are free and December is the first billed month. No invoices yet.
 */
import { addDays } from '../engine/dates.js';
import { generateWorld } from '../engine/generate.js';
import type { ActivityEvent, Person, World } from '../engine/types.js';
import { COMPANY_MANAGED_AT, addPeople, billingDetails, expectShape, finish } from './helpers.js';

export const NAME = 'workplace-trial';
export const TODAY = '2026-11-22';
export const TRIAL_START = '2026-10-26';

export function buildWorkplaceTrial(): World {
  // Northstar Retail Inc. (New York): a retailer rolling Workplace out to its stores.
  const g = generateWorld({ seed: 36, people: 60, model: 'full-month', today: TODAY, historyMonths: 1 });

  // Accounts are created when the trial starts: the admin and finance on day one, the
  // existing staff in three waves (26–28 October); later hires keep their own dates.
  // Whoever left before the trial never got an account.
  const people: Person[] = [];
  g.people.forEach((p, i) => {
    const start = p.billingStart >= TRIAL_START ? p.billingStart : i < 2 ? TRIAL_START : addDays(TRIAL_START, i % 3);
    const end = p.deletedOn ?? p.deactivatedOn;
    if (end !== undefined && end <= start) return;
    const { joinDate: _edited, ...rest } = p;
    people.push({ ...rest, billingStart: start });
  });
  let w: World = {
    ...g,
    subscription: {
      ...g.subscription,
      planId: 'workplace-core',
      plans: g.subscription.plans.map((plan) => ({ ...plan, requiresActivity: true })),
      startedOn: TRIAL_START,
      trial: { startedOn: TRIAL_START, lengthDays: 30 },
      storageUsedGb: 41.2,
    },
    people,
  };

  // Two guests from the sister company, in shared groups: never billable.
  w = addPeople(w, [
    {
      name: 'Sara Lindqvist',
      email: 'sara.lindqvist@northstar-logistics.example',
      role: 'guest',
      guest: true,
      billingStart: '2026-10-27',
      directories: ['workplace'],
    },
    {
      name: 'Kenji Okafor',
      email: 'kenji.okafor@northstar-logistics.example',
      role: 'guest',
      guest: true,
      billingStart: '2026-11-02',
      directories: ['workplace'],
    },
  ]);
  const guests = w.people.filter((p) => p.guest === true).map((p) => p.id);
  const guestActivity: ActivityEvent[] = guests.flatMap((personId) => [
    { personId, on: '2026-11-03', kind: 'chat' },
    { personId, on: '2026-11-17', kind: 'web-visit' },
  ]);

  // Keep only activity on days the person had an account.
  const byId = new Map(w.people.map((p) => [p.id, p]));
  const activity = [...g.activity, ...guestActivity]
    .filter((e) => {
      const p = byId.get(e.personId);
      if (!p || e.on < p.billingStart) return false;
      const end = p.deletedOn ?? p.deactivatedOn;
      return end === undefined || e.on < end;
    })
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));

  const details = billingDetails(w, {
    recipients: ['accounts.payable'],
    companyManagedAt: COMPANY_MANAGED_AT.workplace,
  });
  details.contact = { email: details.recipients[0] as string, name: 'Accounts Payable' };
  w = { ...w, activity, billingDetails: details };

  expectShape(w.invoices.length === 0 && w.payments.length === 0, NAME, 'no invoices or payments during the trial');
  return finish(NAME, w);
}
