/**
 * The contract's types (generated from `openapi/billing-api.yaml` into
 * `src/client/schema.ts`), under the names the mock backend uses. Type-only: the mock
 * answers exactly what the client expects, and a contract change breaks compilation here.
 */
import type { components } from '../../src/client/schema.js';

type Schemas = components['schemas'];

export type ApiBalance = Schemas['Balance'];
export type ApiBillingDetails = Schemas['BillingDetails'];
export type ApiBillingDetailsInput = Schemas['BillingDetailsInput'];
export type ApiBillingUser = Schemas['BillingUser'];
export type ApiChangeRequest = Schemas['ChangeRequest'];
export type ApiCreditEntry = Schemas['CreditEntry'];
export type ApiCreditLedger = Schemas['CreditLedger'];
export type ApiDeactivationMonth = Schemas['DeactivationMonth'];
export type ApiDeactivationPreview = Schemas['DeactivationPreview'];
export type ApiDailyUsage = Schemas['DailyUsage'];
export type ApiFault = Schemas['Fault'];
export type ApiInvoice = Schemas['Invoice'];
export type ApiInvoiceLine = Schemas['InvoiceLine'];
export type ApiInvoicePage = Schemas['InvoicePage'];
export type ApiInvoiceSummary = Schemas['InvoiceSummary'];
export type ApiLicenseOrderResult = Schemas['LicenseOrderResult'];
export type ApiLicenseQuote = Schemas['LicenseQuote'];
export type ApiLicenseSummary = Schemas['LicenseSummary'];
export type ApiMonthUsage = Schemas['MonthUsage'];
export type ApiOrder = Schemas['Order'];
export type ApiPayment = Schemas['Payment'];
export type ApiPaymentMethod = Schemas['PaymentMethod'];
export type ApiPermissions = Schemas['Permissions'];
export type ApiPersonTimeline = Schemas['PersonTimeline'];
export type ApiPersonRef = Schemas['PersonRef'];
export type ApiPlan = Schemas['Plan'];
export type ApiSettleResult = Schemas['SettleResult'];
export type ApiSubscriptionOverview = Schemas['SubscriptionOverview'];
export type ApiTimelineEvent = Schemas['TimelineEvent'];
export type ApiUserChange = Schemas['UserChange'];
export type ApiUserPage = Schemas['UserPage'];
export type FieldError = Schemas['FieldError'];
export type Problem = Schemas['Problem'];
export type TextParams = Schemas['TextParams'];

/** The columns the users list sorts by (`-` in front: descending). */
export type UserSortKey = 'name' | 'email' | 'role' | 'startDate' | 'reason' | 'reasonDate' | 'directories';
export type UserSort = UserSortKey | `-${UserSortKey}`;
export const USER_SORT_KEYS: readonly UserSortKey[] = [
  'name',
  'email',
  'role',
  'startDate',
  'reason',
  'reasonDate',
  'directories',
];

export const INVOICE_STATUSES = ['upcoming', 'open', 'paid', 'past_due', 'payment_failed'] as const;
export const FAULT_KINDS = ['latency', 'error-500', 'network-error', 'hang', 'rate-limit-429'] as const;
