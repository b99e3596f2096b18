/**
 * Which endpoints each element needs, and what it cannot do without one: read from the
 * kit (the `BillingClient` methods each element's folder calls, and `GET /me` that the
 * provider loads for all of them). One table, so a missing endpoint is reported with the
 * elements it breaks; `conformance-contract.test.ts` holds it to the kit's sources (every
 * client call of every element is listed, nothing else) and to the contract's operations.
 */

/** The kit's elements, and the provider they all read permissions from. */
export type ElementTag =
  | 'billing-provider'
  | 'billing-users-table'
  | 'billing-subscription-overview'
  | 'billing-user-count-chart'
  | 'billing-invoice-list'
  | 'billing-contacts-editor';

/** One endpoint one element uses. */
export interface ElementNeed {
  element: ElementTag;
  /** The contract's operationId. */
  operationId: string;
  /** The `BillingClient` method the element calls. */
  clientMethod: string;
  /** What the element cannot do without it (follows the tag in a sentence). */
  without: string;
}

const need = (element: ElementTag, operationId: string, clientMethod: string, without: string): ElementNeed => ({
  element,
  operationId,
  clientMethod,
  without,
});

/** Every endpoint every element uses, by element. */
export const ELEMENT_NEEDS: readonly ElementNeed[] = Object.freeze([
  need('billing-provider', 'getMe', 'getMe', 'cannot tell who is signed in, so no element shows any billing data'),

  need('billing-users-table', 'listUsers', 'listUsers', 'cannot list the billed users'),
  need('billing-users-table', 'exportUsers', 'exportUsersCsv', 'cannot export the CSV of billed users'),
  need('billing-users-table', 'deactivateUser', 'deactivateUser', 'cannot deactivate a person'),
  need('billing-users-table', 'reactivateUser', 'reactivateUser', 'cannot reactivate a person'),
  need(
    'billing-users-table',
    'getUserTimeline',
    'getUserTimeline',
    "cannot explain a person's month (their verdict and the dated facts behind it)",
  ),
  need(
    'billing-users-table',
    'getLicenses',
    'getLicenses',
    'cannot say, behind a licenses figure, how many licenses are held and how many are free',
  ),
  need(
    'billing-users-table',
    'previewDeactivation',
    'previewDeactivation',
    'cannot show what a deactivation would do to this bill and the next before it is made',
  ),
  need(
    'billing-users-table',
    'getSubscription',
    'getSubscription',
    'offers the last two years of months, whatever the subscription (it cannot tell when it started)',
  ),

  need(
    'billing-subscription-overview',
    'getSubscription',
    'getSubscription',
    'cannot show the subscription (it shows an error)',
  ),
  need(
    'billing-subscription-overview',
    'getUpcomingInvoice',
    'getUpcomingInvoice',
    'cannot show the subscription (it loads the upcoming invoice with it, and shows an error)',
  ),
  need(
    'billing-subscription-overview',
    'listPlans',
    'listPlans',
    'cannot show the subscription (it loads the price list with it, and shows an error)',
  ),
  need('billing-subscription-overview', 'listOrders', 'listOrders', 'cannot show the order history'),
  need('billing-subscription-overview', 'quoteLicenses', 'quoteLicenses', 'cannot price licenses before ordering'),
  need('billing-subscription-overview', 'orderLicenses', 'orderLicenses', 'cannot add or remove licenses'),
  need(
    'billing-subscription-overview',
    'scheduleChange',
    'scheduleChange',
    'cannot change the edition or the billing period',
  ),
  need(
    'billing-subscription-overview',
    'cancelScheduledChange',
    'cancelScheduledChange',
    'cannot cancel a scheduled change',
  ),

  need('billing-user-count-chart', 'getDailyUsage', 'getDailyUsage', "cannot show a month's daily counts"),
  need(
    'billing-user-count-chart',
    'getMonthlyUsage',
    'getMonthlyUsage',
    'cannot show the chart (it loads the year with every month, and shows an error)',
  ),
  need(
    'billing-user-count-chart',
    'getSubscription',
    'getSubscription',
    'offers the last five years and draws no license line (it cannot tell when the subscription started)',
  ),

  need('billing-invoice-list', 'listInvoices', 'listInvoices', 'cannot list the invoices'),
  need(
    'billing-invoice-list',
    'getUpcomingInvoice',
    'getUpcomingInvoice',
    'cannot list the invoices (it loads the upcoming invoice with them, and shows an error)',
  ),
  need(
    'billing-invoice-list',
    'getPaymentMethod',
    'getPaymentMethod',
    'cannot list the invoices (it loads the payment method with them, and shows an error)',
  ),
  need('billing-invoice-list', 'getInvoice', 'getInvoice', "cannot open an invoice's lines and payments"),
  need('billing-invoice-list', 'getInvoicePdf', 'getInvoicePdf', 'cannot download an invoice as PDF'),
  need('billing-invoice-list', 'settleBalance', 'settleBalance', 'cannot pay the outstanding balance'),
  need('billing-invoice-list', 'listCredit', 'listCredit', 'cannot show where the credit balance came from'),

  need('billing-contacts-editor', 'getBillingDetails', 'getBillingDetails', 'cannot show the billing details'),
  need('billing-contacts-editor', 'putBillingDetails', 'putBillingDetails', 'cannot save the billing details'),
  need('billing-contacts-editor', 'searchPeople', 'searchPeople', 'cannot suggest people as billing contact'),
]);

/** The needs of one operation (empty: no element uses it). */
export function needsOf(operationId: string): ElementNeed[] {
  return ELEMENT_NEEDS.filter((n) => n.operationId === operationId);
}

/** "<billing-x> cannot …; <billing-y> cannot …", or a note that no element uses it. */
export function whatBreaks(operationId: string): string {
  const needs = needsOf(operationId);
  if (needs.length === 0) return 'no element uses it, but the contract has it (a host may)';
  return needs.map((n) => `<${n.element}> ${n.without}`).join('; ');
}

/** The elements that use an operation, as `<tag>` names. */
export function elementsOf(operationId: string): string[] {
  return [...new Set(needsOf(operationId).map((n) => `<${n.element}>`))];
}
