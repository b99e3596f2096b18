import { createContext } from '@lit/context';
import type { BillingClient, Permissions } from '../client/client.js';
import type { BillingApiError } from '../client/errors.js';

/** What a change touched, so elements that show it can refresh. */
export type ChangeTopic = 'users' | 'subscription' | 'licenses' | 'invoices' | 'details' | 'payment-method';

/**
 * What `<billing-provider>` gives every billing element inside it. A new object is
 * provided whenever any part changes, so consumers that subscribe re-render.
 */
export interface BillingContextValue {
  client: BillingClient;
  /** BCP 47 locale for words, numbers and dates. */
  locale: string;
  /** The tenant's time zone and currency (from `GET /me`), once known. */
  timeZone: string | undefined;
  currency: string | undefined;
  /** The caller's permissions; `undefined` while loading, `null` when they could not be loaded. */
  permissions: Permissions | null | undefined;
  /**
   * The permissions the elements ask for their data with: `permissions`, or while `/me` is
   * asked on a later load in the tab, the answer the tab had last (when it could read
   * billing), so the data is asked for beside `/me`. Nothing is shown on it: what is shown
   * waits for `permissions`.
   */
  expectedPermissions: Permissions | undefined;
  /** Why the permissions could not be loaded (when `permissions` is `null`). */
  sessionError: BillingApiError | undefined;
  /** Loads the permissions again (the retry of a failed `/me`); what is shown stays meanwhile. */
  reload(): void;
  /**
   * How often any of `topics` changed (plus every `refresh()`): an element refetches what
   * it shows when this moves for the topics it shows, and not for other changes.
   */
  changes(topics: readonly ChangeTopic[]): number;
  /** Tells every element that `topic` changed (call after a successful write). */
  notifyChange(topic: ChangeTopic): void;
}

export const billingContext = createContext<BillingContextValue>(Symbol.for('billing-elements.context'));
