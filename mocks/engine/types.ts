/**
 * The tenant world: everything the billing engine reads. A world is plain JSON (it is
 * what QA writes, what the mock store keeps, what the generator makes), so every field
 * is a string, number, boolean, array or object; dates are calendar dates.
 *
 * The world's types are generated from its one source, `mocks/world.schema.json`, into
 * `world.ts` (`npx tsx scripts/world-types.ts --write`) and re-exported here under the
 * names the engine uses; this module adds what the engine computes from a world.
 *
 * The engine never mutates a world. Functions that "change" something return what to
 * append (an order, a payment, an invoice) and the store applies it.
 */
import type { IsoDate } from './world.js';
import type { ActivityKind } from './world.js';

export type {
  ActivityEvent,
  ActivityKind,
  BillingDetails as BillingDetailsRecord,
  BillingModel,
  DirectoryName,
  Invoice,
  InvoiceLine,
  InvoiceLineKind,
  IsoDate,
  LicenseTerms,
  Order,
  OrderKind,
  Payment,
  PaymentMethod,
  Person,
  Plan,
  PostalAddress,
  Role,
  Subscription,
  Tenant,
  Trial,
  World,
  YearMonth,
} from './world.js';
export type { Money } from './money.js';

/** Activity kinds that make a person billable under `requiresActivity`. */
export const QUALIFYING_ACTIVITY: ReadonlySet<ActivityKind> = new Set<ActivityKind>([
  'login',
  'web-visit',
  'mobile-visit',
  'admin-panel',
  'chat',
]);

/** Invoice statuses, as the API reports them. */
export type InvoiceStatus = 'upcoming' | 'open' | 'paid' | 'past_due' | 'payment_failed';

/** Why a person is or is not billed in a month (the UI turns codes into sentences). */
export type BillingReason =
  // billed
  | 'active-on-peak-day' // B1: active on the day the month's peak was first reached
  | 'active-in-month' // B2: active on at least one day
  | 'active-full-month' // B3: active every day (and, if required, a qualifying activity)
  | 'invited-and-active' // B4: active and invited on at least one day
  | 'holds-license' // B5: active, using one of the prepaid licenses
  // not billed
  | 'deactivated' // inactive for the whole month (or, B1, from before the peak day); date = deactivatedOn
  | 'not-yet-started' // starts after the month (or, B1, after the peak day); date = billingStart
  | 'created-mid-month' // B3: created after the 1st; date = billingStart
  | 'ended-mid-month' // B3: ended before the last day; date = deactivatedOn
  | 'guest' // B3: guest from another company
  | 'not-invited' // B4: never invited while active in the month
  | 'no-qualifying-activity'; // B3 with requiresActivity

/** One person's verdict for one month, with the date that explains it. */
export interface PersonBilling {
  personId: string;
  billable: boolean;
  reason: BillingReason;
  /** The date behind the reason (deactivation, creation, peak day…), if any. */
  reasonDate?: IsoDate;
}
