/**
 * Types shared by <billing-subscription-overview> and its private elements (the change
 * dialog, the order history). Types only: nothing here reaches a bundle.
 */
import type { Invoice, Plan, SubscriptionOverview } from '../../client/client.js';

/** The four things an admin can change; each has its own field and its own error. */
export type Action = 'add' | 'remove' | 'plan' | 'period';

/** Everything the overview shows, fetched together. */
export interface OverviewData {
  sub: SubscriptionOverview;
  /** The provisional next invoice: its lines give the engine's own amounts (extra users so far). */
  upcoming: Invoice;
  plans: Plan[];
}
