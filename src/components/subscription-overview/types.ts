/**
 * Types shared by <billing-subscription-overview> and the parts it loads on demand (the
 * confirmation dialog, the order history). Types only: nothing here reaches a bundle.
 */
import type { ReactiveElement } from 'lit';
import type { BillingApiError } from '../../client/errors.js';
import type { Invoice, LicenseQuote, Order, Plan, SubscriptionOverview } from '../../client/client.js';
import type { BillingContextValue, ChangeTopic } from '../../context/context.js';
import type { MessageKey, MessageParams } from '../../i18n/index.js';

/** The four things an admin can change; each has its own field and its own error. */
export type Action = 'add' | 'remove' | 'plan' | 'period';

/** Everything the overview shows, fetched together. */
export interface OverviewData {
  sub: SubscriptionOverview;
  /** The provisional next invoice: its lines give the engine's own amounts (extra users so far). */
  upcoming: Invoice;
  plans: Plan[];
}

/** A change waiting for the admin's confirmation. */
export interface Pending {
  action: Action;
  quantity?: number;
  planId?: string;
  periodMonths?: number;
  /** The prorated price of added licenses, fetched before the dialog opens. */
  quote?: LicenseQuote | undefined;
  /** One key per user action: a retry or a double click never orders twice. */
  key: string;
  busy: boolean;
  /** Why the last attempt failed, when it may be tried again. */
  error?: BillingApiError | undefined;
}

/**
 * The overview as its parts loaded on demand see it: the members they read, set or call.
 * On the element they are private or protected (not its public API); the element hands
 * itself over typed as this interface.
 */
export interface OverviewHost extends ReactiveElement {
  readonly locale: string;
  readonly billing: BillingContextValue | undefined;
  readonly data: OverviewData | undefined;
  pending: Pending | undefined;
  inputs: Record<Action, string>;
  status: string;
  fieldErrors: Partial<Record<Action, string>>;
  t(key: MessageKey, params?: MessageParams): string;
  fmtMoney(minorUnits: number, currency: string): string;
  fmtCount(n: number): string;
  fmtDate(isoDate: string): string;
  changed(topic: ChangeTopic, detail?: unknown): void;
  reportError(error: unknown): BillingApiError;
  /** The edition or frequency in force from the next period. */
  current(action: Action): string;
  /** The edition or frequency chosen in its select. */
  choice(action: Action): string;
  planName(id: string): string;
  frequency(months: number): string;
  /** An order in words ("2 licenses added"), as the scheduled changes say it. */
  changeText(order: Order): string;
}
