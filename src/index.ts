/**
 * billing-elements: web components for billing administration.
 *
 * This entry exports classes, types and helpers and registers nothing; import
 * `billing-elements/define.js` to register the tags. The element classes exported here are
 * those of src/elements.ts (test/node/registry.test.ts holds them to it).
 */
export * from './client/index.js';
export { billingContext, type BillingContextValue, type ChangeTopic } from './context/context.js';
export { BillingContactsEditor } from './components/contacts-editor/contacts-editor.js';
export { BillingInvoiceList } from './components/invoice-list/invoice-list.js';
export { BillingSubscriptionOverview } from './components/subscription-overview/subscription-overview.js';
export { BillingUserCountChart } from './components/user-count-chart/user-count-chart.js';
export { BillingUsersTable } from './components/users-table/users-table.js';
export { BillingProvider } from './context/billing-provider.js';
export { BillingSession, type SessionConfig } from './context/session.js';
export { BillingChangeEvent, BillingErrorEvent, BillingPeopleEvent } from './internal/events.js';
export type { PeopleFigure, PeopleQuery } from './internal/events.js';
export { BillingUpdatePaymentMethodEvent } from './internal/payment-method-event.js';
export { BillingElement } from './internal/billing-element.js';
export { defineElement } from './internal/define-element.js';
export { formatCount, formatDate, formatMonth } from './internal/format.js';
export { formatMoney } from './internal/money.js';
export {
  languageOf,
  loadLanguage,
  supportedLanguages,
  translate,
  type Message,
  type MessageKey,
  type MessageParams,
} from './i18n/index.js';
export { overrideMessages, registerLanguage, type KitMessageOverrides, type KitMessages } from './i18n/register.js';
