/**
 * The world's types: the plain-JSON format of one tenant's data, as mocks/world.schema.json states it.
 *
 * Generated from mocks/world.schema.json: do not edit. After changing the schema run
 * `npx tsx scripts/world-types.ts --write` (test/node/world-schema.test.ts fails while this is stale).
 */

/** billing-elements tenant world */
export interface World {
  /** Where this schema lives, for editors. Ignored by the engine. */
  $schema?: string;
  /** Version of the world format. This engine reads 1. */
  schemaVersion: 1;
  /** "Today" for every rule: the injected clock, not before the subscription starts (its startedOn, or the first trial day when that is earlier; a prepaid-license subscription has no trial days before its first period). Invoices due by this day are issued; the month containing it is the open (provisional) month. */
  today: Today;
  tenant: Tenant;
  subscription: Subscription;
  /** Every person of the organisation, deactivated and deleted ones included. Ids are unique. */
  people: Person[];
  /** What people did, one event per person per kind per day (needed by plans with requiresActivity and by the monthly-active-users figure). May be empty. */
  activity: ActivityEvent[];
  /** Order confirmations, in the order they were placed. Orders effective after today are the scheduled changes. */
  orders: Order[];
  /** Issued invoices, oldest first. Immutable once issued: the engine never recomputes them; it only issues the ones missing by today. Their totals add up to at most 4,000,000,000,000,000 minor units (beyond it the ledger's sums are not exact). */
  invoices: Invoice[];
  /** Payment attempts and receipts, in the order they happened. Their amounts add up to at most 4,000,000,000,000,000 minor units. */
  payments: Payment[];
  paymentMethod?: PaymentMethod;
  billingDetails?: BillingDetails;
}

/** A calendar date, YYYY-MM-DD (no time, no zone), from 2000-01-01 through 2110-12-31. */
export type IsoDate = string;

/** A calendar month, YYYY-MM, from 2000-01 through 2110-12. */
export type YearMonth = string;

/** An identifier: any non-blank text of at most 100 characters, unique within its list. */
export type Id = string;

/** An e-mail address: an ASCII local part, "@", and a domain of at least two labels (at most 254 characters). */
export type Email = string;

/** An amount in minor units of the tenant currency (cents); an integer, negative only for credits, at most 100,000,000,000,000 either way. */
export type Minor = number;

/** An amount in minor units (cents), 0 through 100,000,000,000,000. */
export type MinorNonNegative = number;

/** A tax rate in basis points: 2100 = 21 %, 0..10000. */
export type BasisPoints = number;

/** An ISO 4217 currency code (upper case) the runtime knows. */
export type Currency = string;

/** How a plan turns people into a bill: "peak-daily" (B1, base fee with included users, billed users = the month's highest daily count), "per-user" (B2, everyone active on at least one day), "full-month" (B3, active every day of the month, optionally with a qualifying activity; guests never), "invited" (B4, active and already invited on at least one day), "prepaid-licenses" (B5, a license count bought in advance per period). */
export type BillingModel = 'peak-daily' | 'per-user' | 'full-month' | 'invited' | 'prepaid-licenses';

/** A section of the product where people are listed. A person may be in several and is billed once. */
export type DirectoryName = 'wfm-employees' | 'account-users' | 'people' | 'workplace' | 'severa' | 'm365';

/** A person's role. Only "admin" and "finance" may see billing. */
export type Role = 'admin' | 'finance' | 'member' | 'guest';

/** Kinds of activity. "login", "web-visit", "mobile-visit", "admin-panel" and "chat" qualify for requiresActivity; notification views do not. */
export type ActivityKind =
  | 'login'
  | 'web-visit'
  | 'mobile-visit'
  | 'admin-panel'
  | 'chat'
  | 'push-notification-view'
  | 'email-notification-view';

/** Kinds of order: every change to a subscription produces one. */
export type OrderKind = 'add-licenses' | 'remove-licenses' | 'change-plan' | 'change-period';

/** What an invoice line stands for. */
export type InvoiceLineKind = 'base-fee' | 'user-count' | 'extra-users' | 'users' | 'licenses' | 'proration' | 'credit';

/** The tenant: who is billed, where, and on what terms. */
export interface Tenant {
  /** Tenant id. */
  id: Id;
  /** Company name, shown read-only on billing pages and printed on invoices. */
  name: Name;
  /** VAT number, shown read-only and printed on invoices. */
  vatNumber?: string;
  /** IANA time zone; every date in the world is a calendar date in it. */
  timeZone: string;
  /** Currency of every price and invoice. */
  currency: Currency;
  /** Payment term in days (0 through 365): due date = issue date + this. */
  paymentTermDays: number;
  /** Tax rate applied to invoice subtotals. */
  taxRate: BasisPoints;
  /** BCP 47 locale of the tenant's documents (number and date formats on invoices). */
  locale: string;
}

/** A plan (edition) in the tenant's price list. Prices exclude tax, in the tenant currency. */
export interface Plan {
  /** Plan id, unique in the price list. */
  id: Id;
  /** Display name, e.g. "injixo Advanced". */
  name: Name;
  model: BillingModel;
  /** Monthly base fee in minor units (peak-daily). */
  baseFee?: BaseFee;
  /** Users included in the base fee (required for peak-daily). */
  includedUsers?: number;
  /** Per-unit price in minor units: per extra user per month (B1), per billable user per month (B2–B4), per license per month (B5). */
  unitPrice: UnitPrice;
  /** full-month only: a billable user must also have a qualifying activity in the month. */
  requiresActivity?: boolean;
  /** File storage included, in GB. */
  storageGb?: number;
}

/** A trial before the first billed month (Workplace). Billing starts on the 1st of the month after the last trial day. */
export interface Trial {
  /** First trial day. */
  startedOn: IsoDate;
  /** Length in days, start day included (1 through 365). Default 30. */
  lengthDays?: number;
}

/** Prepaid licenses (B5): required when the subscription's plan is prepaid-licenses. The count on a day is initialCount plus the add-licenses orders minus the remove-licenses orders effective by then. That count must stay from 0 through 1,000,000 on every day. */
export interface LicenseTerms {
  /** Licenses held at the subscription start. */
  initialCount: LicenseCount;
  /** Months per billing period at the start (1 monthly, 12 yearly, 6…); periods are invoiced in advance on their first day. */
  periodMonths: PeriodMonths;
}

/** The subscription and its price list. */
export interface Subscription {
  /** The plan at the start (must be in plans); change-plan orders move it later. */
  planId: Id;
  /** Every plan the tenant can be on (editions to change to). Ids are unique. */
  plans: Plan[];
  /** First day of the subscription (first period start for prepaid licenses; first billed month when there is no trial). */
  startedOn: IsoDate;
  trial?: Trial;
  licenses?: LicenseTerms;
  /** File storage used, in GB. */
  storageUsedGb?: number;
  /** PO number printed on invoices issued from now on (at most 50 characters). */
  poNumber?: string;
}

/** One person of the organisation, with the dates that decide billing. A person is active on day d when billingStart <= d and d is before deactivatedOn and deletedOn. */
export interface Person {
  /** Person id, unique. */
  id: Id;
  /** Full name. */
  name: Name;
  email: Email;
  role: Role;
  /** Where the person is listed; at least one, each once. */
  directories: DirectoryName[];
  /** The join date given when the person was created: the first day they count. Never changes when the join date is edited later. */
  billingStart: IsoDate;
  /** The join date as shown today, when it was edited after creation. Does not change billing. */
  joinDate?: IsoDate;
  /** First day the person is no longer active (not before billingStart; on billingStart itself: never active). Absent: still active. */
  deactivatedOn?: IsoDate;
  /** The day the person was deleted (not before billingStart): inactive from then on and hidden from lists; past months still count them. */
  deletedOn?: IsoDate;
  /** full-month: a guest from another company of a multi-company group; never billable. */
  guest?: boolean;
  /** invited: the day the person was invited to claim their account. Absent: only provisioned (free). */
  invitedOn?: IsoDate;
  /** invited: the day the person claimed their account (not before invitedOn). */
  claimedOn?: IsoDate;
}

/** One thing a person did on one day. */
export interface ActivityEvent {
  /** Id of a person in people. */
  personId: Id;
  on: IsoDate;
  kind: ActivityKind;
}

/** An order confirmation. Additions take effect at once (and are billed pro rata by their own invoice); removals and plan or period changes at the next period start (or the next month's 1st). */
export interface Order {
  /** Order id, unique (the engine makes ord-1, ord-2…). */
  id: Id;
  kind: OrderKind;
  /** The day the order was placed. */
  placedOn: IsoDate;
  /** The day it takes effect (not before placedOn). */
  effectiveOn: IsoDate;
  /** Licenses added or removed (required for license orders). */
  quantity?: LicenseCount;
  /** The plan from effectiveOn (required for change-plan; must be in the price list and billed the same way as the subscription's plan: prepaid licenses stay prepaid licenses). */
  planId?: Id;
  /** The period length from effectiveOn (required for change-period). */
  periodMonths?: PeriodMonths;
  /** The prorated amount billed at once (add-licenses), minor units. */
  amount?: MinorNonNegative;
  /** The client's idempotency key (unique), so a replayed request never orders twice. At most 200 characters. */
  idempotencyKey?: string;
  /** Who placed it: a person id (or another user id, e.g. a support agent). */
  placedBy?: Id;
}

/** The typed values a line (or a refusal) is worded with, as the API's TextParams: counts as numbers, dates as dates, amounts in minor units; names shown as given. */
export interface TextParams {
  /** A plan's (edition's) name. */
  plan?: string;
  /** The billing model of a users line. */
  model?: BillingModel;
  /** Full-month plans that also ask for a qualifying activity. */
  qualifyingActivity?: boolean;
  /** Users counted (billed users, active users). */
  count?: number;
  /** Users included in a base fee. */
  included?: number;
  /** A number of licenses. */
  licenses?: number;
  /** A number of months (a billing period's length). */
  months?: number;
  /** Days billed of periodDays. */
  days?: number;
  /** Days in the period. */
  periodDays?: number;
  /** The most allowed (characters, items, licenses to remove). */
  max?: number;
  /** Seconds to wait. */
  seconds?: number;
  /** Minor units. */
  amount?: Minor;
  /** The date the text names (a credit line: the day the credit arose). */
  date?: IsoDate;
  /** What the user sent (an address that was refused). */
  value?: string;
}

/** One invoice line. amount = round-half-up(quantity × unitPrice × factor). A line carries no sentence: the invoice PDF and the client word it from kind and params in the reader's language. */
export interface InvoiceLine {
  kind: InvoiceLineKind;
  /** The values the line is worded with, by kind: base-fee plan, included; user-count count; extra-users included; users plan, model, qualifyingActivity, count; licenses plan, licenses, months; proration plan, licenses, months, days, periodDays; credit date. A line without them reads by its kind alone ("Base fee"). */
  params?: TextParams;
  /** Deprecated and ignored: lines are worded from kind and params. Accepted (at most 1,000 characters) so that worlds written when lines carried an English sentence still load; never printed or answered. */
  description?: string;
  /** Units billed (users, license-months…). */
  quantity: number;
  /** Minor units per unit (0 for informative lines such as the user count). */
  unitPrice: Minor;
  /** Minor units; negative for a credit. */
  amount: Minor;
  /** First day of the service period this line covers. */
  periodStart?: IsoDate;
  /** Last day of the service period this line covers. */
  periodEnd?: IsoDate;
  /** Informative lines (the user count, the credit applied) carry no amount in the subtotal. */
  informative?: boolean;
  /** User-count and extra-users lines (peak-daily): the peak and the first day it was reached. */
  peak?: {
    count: number;
    on: IsoDate;
  };
}

/** An issued invoice, immutable once issued. total = subtotal + tax; amountDue = total − creditApplied. Normally written by the engine (dueInvoices), not by hand. */
export interface Invoice {
  /** Invoice id, unique (inv-YYYY-NNNN). */
  id: Id;
  /** Human invoice number, unique (INV-YYYY-NNNN). */
  number: string;
  /** First day of the service period billed. */
  periodStart: IsoDate;
  /** Last day of the service period billed (not before periodStart). */
  periodEnd: IsoDate;
  issuedOn: IsoDate;
  /** Issue date + the payment term (not before issuedOn). */
  dueOn: IsoDate;
  /** Must be the tenant currency. */
  currency: Currency;
  lines: InvoiceLine[];
  /** Sum of the non-informative lines, minor units. */
  subtotal: Minor;
  taxRate: BasisPoints;
  /** Tax on the subtotal, rounded half-up, minor units. */
  tax: Minor;
  /** subtotal + tax. */
  total: Minor;
  /** Credit balance applied at issue, minor units. */
  creditApplied: MinorNonNegative;
  /** total − creditApplied: what has to be paid. */
  amountDue: Minor;
  /** The PO number in force when it was issued. */
  poNumber?: string;
  /** The plan billed (must be in the price list). */
  planId: Id;
  /** The order this invoice bills at once (license additions). */
  orderId?: Id;
}

/** One payment attempt or receipt. */
export interface Payment {
  /** Payment id, unique. */
  id: Id;
  on: IsoDate;
  /** Minor units received (0 for a declined charge). */
  amount: MinorNonNegative;
  outcome: 'succeeded' | 'declined';
  /** Why a charge was declined. */
  declineReason?: string;
  /** The invoice paid or attempted (an issued invoice id); absent for a payment on account, which becomes credit. */
  invoiceId?: Id;
}

/** The payment method on file: only what can be shown, never a card number. */
export interface PaymentMethod {
  /** "card", "sepa-debit", or "invoice" (bank transfer: cannot be charged by settle balance). */
  kind: 'card' | 'sepa-debit' | 'invoice';
  /** Card brand. */
  brand?: string;
  /** Last four digits of the card or account. */
  last4?: string;
  /** The card is valid through the end of this month; charges after it decline with card_expired. */
  expires?: YearMonth;
  /** The card is known to be declined (e.g. blocked) whatever its expiry. */
  declines?: boolean;
}

/** A postal address. */
export interface PostalAddress {
  /** Street and number. */
  line1: string;
  /** Second address line. */
  line2?: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
}

/** Who receives invoices and where they are sent. Company name and VAT number live on the tenant, the PO number on the subscription. */
export interface BillingDetails {
  /** E-mail addresses that receive invoices and payment reminders: at least one, at most 20, unique ignoring case (fewer than two gets a recommendation to add a second). */
  recipients: string[];
  /** The billing contact: a person of the organisation (personId) or an e-mail typed in. */
  contact?: {
    /** Id of a person in people. */
    personId?: string;
    email?: Email;
    /** Name shown for a typed-in contact. */
    name?: string;
  };
  /** The billing address: required, even when invoices go out electronically. */
  address: PostalAddress;
  /** E-invoicing: when enabled, the e-invoice address and the operator code are required. */
  eInvoicing: {
    enabled: boolean;
    /** E-invoice address, e.g. a Finnish OVT code. */
    address?: string;
    /** The e-invoice operator's code. */
    operatorCode?: string;
  };
  /** Bumped on every save: the ETag of the details. */
  version: number;
  /** Where company name and VAT number are changed, in one language or several: a string ("Account › Company profile"), or the words per language ({ "en": "Account › Company profile", "nl": "Account › Bedrijfsprofiel", "de": "Konto › Unternehmensprofil" }), of which the API answers the one nearest the request's Accept-Language (else English, else the first given). */
  companyManagedAt?:
    | string
    | {
        /** In the language en. */
        en?: string;
        /** In the language nl. */
        nl?: string;
        /** In the language de. */
        de?: string;
        /** In the language fr. */
        fr?: string;
        /** In the language es. */
        es?: string;
        /** In the language it. */
        it?: string;
        /** In the language pt. */
        pt?: string;
        /** In the language fi. */
        fi?: string;
        /** In the language sv. */
        sv?: string;
        /** In the language da. */
        da?: string;
        /** In the language nb. */
        nb?: string;
        /** In the language pl. */
        pl?: string;
      };
}

/** The clock's date: a calendar date from 2000-01-01 through 2100-12-31 (dates derived from it, such as period ends and due dates, stay within 2110). */
export type Today = string;

/** A name: text with at least one non-space character, at most 200 characters. */
export type Name = string;

/** A number of licenses, 1 through 1,000,000. */
export type LicenseCount = number;

/** Months per billing period, 1 through 36. */
export type PeriodMonths = number;

/** A unit price per month in minor units (cents), 0 through 1,000,000 (10,000.00 in a two-decimal currency). */
export type UnitPrice = number;

/** A monthly base fee in minor units (cents), 0 through 100,000,000 (1,000,000.00 in a two-decimal currency). */
export type BaseFee = number;
