/**
 * The engine's answers in the contract's shapes (`openapi/billing-api.yaml`). Pure
 * functions of a world: no rule is decided here, only what to show and under which name.
 */
import { addMonths, firstDayOfMonth, lastDayOfMonth, monthOf } from '../engine/dates.js';
import { detailsRecommendations } from '../engine/details.js';
import { invoiceState, upcomingInvoice } from '../engine/invoices.js';
import type { AddLicensesQuote } from '../engine/licenses.js';
import { isLicensed, licenseSummary, removableLicenses, scheduledChanges } from '../engine/licenses.js';
import { creditBalance } from '../engine/payments.js';
import { firstBilledMonth, trialInfo } from '../engine/trial.js';
import type {
  BillingDetailsRecord,
  Invoice,
  InvoiceLine,
  Order,
  Payment,
  Person,
  PersonBilling,
  Plan,
  World,
} from '../engine/types.js';
import type { ChangeEffect } from '../engine/preview.js';
import type { PersonMonth } from '../engine/timeline.js';
import type { DailyCounts, MonthBilling } from '../engine/usage.js';
import { monthBilling, planOn } from '../engine/usage.js';
import type {
  ApiBalance,
  ApiBillingDetails,
  ApiBillingUser,
  ApiDailyUsage,
  ApiDeactivationPreview,
  ApiInvoice,
  ApiInvoiceLine,
  ApiInvoiceSummary,
  ApiLicenseQuote,
  ApiLicenseSummary,
  ApiMonthUsage,
  ApiOrder,
  ApiPayment,
  ApiPaymentMethod,
  ApiPermissions,
  ApiPersonTimeline,
  ApiPlan,
  ApiSubscriptionOverview,
} from './contract.js';

/** Roles that may read and change billing data: `admin` and `finance`; every other role (open list) may not. */
export function canUseBilling(role: string | null): boolean {
  return role === 'admin' || role === 'finance';
}

export function permissionsView(world: World, role: string): ApiPermissions {
  const allowed = canUseBilling(role);
  return {
    role,
    today: world.today,
    canRead: allowed,
    canWrite: allowed,
    tenantId: world.tenant.id,
    locale: world.tenant.locale,
    timeZone: world.tenant.timeZone,
    currency: world.tenant.currency,
  };
}

/** The fields `keys` of `source` that are set: an optional field the world lacks is left out of the answer. */
function present<T extends object, K extends keyof T>(
  source: T,
  keys: readonly K[],
): { [P in K]?: Exclude<T[P], undefined> } {
  const out: { [P in K]?: T[P] } = {};
  for (const k of keys) if (source[k] !== undefined) out[k] = source[k];
  return out as { [P in K]?: Exclude<T[P], undefined> };
}

export function planView(plan: Plan): ApiPlan {
  return {
    id: plan.id,
    name: plan.name,
    model: plan.model,
    unitPrice: plan.unitPrice,
    ...present(plan, ['baseFee', 'includedUsers', 'requiresActivity', 'storageGb']),
  };
}

/** An order confirmation, without the client's idempotency key. */
export function orderView(order: Order): ApiOrder {
  return {
    id: order.id,
    kind: order.kind,
    placedOn: order.placedOn,
    effectiveOn: order.effectiveOn,
    ...present(order, ['quantity', 'planId', 'periodMonths', 'amount', 'placedBy']),
  };
}

export function paymentView(p: Payment): ApiPayment {
  return { id: p.id, on: p.on, amount: p.amount, outcome: p.outcome, ...present(p, ['declineReason', 'invoiceId']) };
}

export function invoiceSummaryView(world: World, inv: Invoice): ApiInvoiceSummary {
  const state = invoiceState(world, inv);
  const out = summaryFields(inv, state.balance, state.status);
  if (state.declineReason !== undefined) out.declineReason = state.declineReason;
  return out;
}

/** The fields an invoice's summary shows, whatever its state. */
function summaryFields(
  inv: Invoice,
  balance: ApiInvoiceSummary['balance'],
  status: ApiInvoiceSummary['status'],
): ApiInvoiceSummary {
  return {
    id: inv.id,
    number: inv.number,
    periodStart: inv.periodStart,
    periodEnd: inv.periodEnd,
    issuedOn: inv.issuedOn,
    dueOn: inv.dueOn,
    currency: inv.currency,
    total: inv.total,
    amountDue: inv.amountDue,
    balance,
    status,
  };
}

/**
 * An invoice line as the API shows it: its kind, params and figures. A world written
 * before lines carried params may still hold an English `description`: it is never
 * answered (the client words every line from kind and params).
 */
export function lineView(l: InvoiceLine): ApiInvoiceLine {
  const out: ApiInvoiceLine = { kind: l.kind, quantity: l.quantity, unitPrice: l.unitPrice, amount: l.amount };
  if (l.params !== undefined) out.params = { ...l.params };
  if (l.periodStart !== undefined) out.periodStart = l.periodStart;
  if (l.periodEnd !== undefined) out.periodEnd = l.periodEnd;
  if (l.informative !== undefined) out.informative = l.informative;
  if (l.peak !== undefined) out.peak = { ...l.peak };
  return out;
}

/** The fields of an invoice's detail beyond its summary. */
function detailFields(inv: Invoice) {
  return {
    lines: inv.lines.map(lineView),
    subtotal: inv.subtotal,
    taxRate: inv.taxRate,
    tax: inv.tax,
    creditApplied: inv.creditApplied,
    planId: inv.planId,
  };
}

/** An issued invoice with its lines and the payments naming it. */
export function invoiceView(world: World, inv: Invoice): ApiInvoice {
  const out: ApiInvoice = {
    ...invoiceSummaryView(world, inv),
    ...detailFields(inv),
    payments: world.payments.filter((p) => p.invoiceId === inv.id).map(paymentView),
  };
  if (inv.poNumber !== undefined) out.poNumber = inv.poNumber;
  return out;
}

/** The provisional next invoice (open month, or next period for prepaid licenses). */
export function upcomingInvoiceView(world: World): ApiInvoice {
  const inv = upcomingInvoice(world);
  const out: ApiInvoice = {
    ...summaryFields(inv, inv.amountDue, 'upcoming'),
    ...detailFields(inv),
    provisional: true,
    payments: [],
  };
  if (inv.poNumber !== undefined) out.poNumber = inv.poNumber;
  return out;
}

/**
 * The account's balance: everything still to pay on invoices issued by today, of which
 * past its due date, of which a charge was declined (payment failed, also once past
 * due), and the credit balance.
 */
export function balanceView(world: World): ApiBalance {
  let outstanding = 0;
  let pastDue = 0;
  let failed = 0;
  for (const inv of world.invoices) {
    if (inv.issuedOn > world.today) continue;
    const state = invoiceState(world, inv);
    if (state.balance === 0) continue;
    outstanding += state.balance;
    if (state.status === 'past_due') pastDue += state.balance;
    if (state.declineReason !== undefined) failed += state.balance;
  }
  return { currency: world.tenant.currency, outstanding, pastDue, failed, creditBalance: creditBalance(world) };
}

export function licenseSummaryView(world: World): ApiLicenseSummary {
  const s = licenseSummary(world);
  return {
    licenses: s.licenses,
    assigned: s.assigned,
    free: s.free,
    removableLicenses: removableLicenses(world),
    periodMonths: s.periodMonths,
    periodQuantity: s.periodQuantity,
    unitPrice: s.unitPrice,
    pricePerPeriod: s.pricePerPeriod,
    period: { start: s.period.start, end: s.period.end, months: s.periodMonths },
    nextPeriod: { ...s.nextPeriod },
  };
}

export function quoteView(world: World, q: AddLicensesQuote): ApiLicenseQuote {
  return {
    quantity: q.quantity,
    unitPrice: q.unitPrice,
    periodMonths: q.periodMonths,
    daysRemaining: q.daysRemaining,
    daysInPeriod: q.daysInPeriod,
    factor: q.factor,
    amount: q.amount,
    currency: world.tenant.currency,
    period: { start: q.period.start, end: q.period.end, months: q.periodMonths },
  };
}

export function monthUsageView(mb: MonthBilling): ApiMonthUsage {
  return { ...mb, peak: mb.peak ? { ...mb.peak } : null };
}

export function dailyUsageView(dc: DailyCounts): ApiDailyUsage {
  return { ...dc, peak: dc.peak ? { ...dc.peak } : null };
}

/**
 * The subscription overview. Periods: for user-based models the calendar month of today
 * and the next one (plan in force from its 1st, i.e. after scheduled edition changes);
 * for prepaid licenses the license period and the next one. Usage is the open month so
 * far (user-based models); licenses the license summary (prepaid licenses).
 */
export function overviewView(world: World): ApiSubscriptionOverview {
  const today = world.today;
  const plan = planOn(world, today);
  const licensed = isLicensed(world);
  let currentPeriod: ApiSubscriptionOverview['currentPeriod'];
  let nextPeriod: ApiSubscriptionOverview['nextPeriod'];
  let licenses: ApiLicenseSummary | undefined;
  if (licensed) {
    licenses = licenseSummaryView(world);
    currentPeriod = { ...licenses.period };
    nextPeriod = { ...licenses.nextPeriod };
  } else {
    const month = monthOf(today);
    const next = addMonths(month, 1);
    currentPeriod = { start: firstDayOfMonth(month), end: lastDayOfMonth(month), months: 1 };
    nextPeriod = {
      start: firstDayOfMonth(next),
      end: lastDayOfMonth(next),
      months: 1,
      planId: planOn(world, firstDayOfMonth(next)).id,
    };
  }
  const upcoming = upcomingInvoice(world);
  const out: ApiSubscriptionOverview = {
    plan: planView(plan),
    model: plan.model,
    currency: world.tenant.currency,
    today,
    startedOn: trialInfo(world)?.startedOn ?? world.subscription.startedOn,
    firstBilledMonth: firstBilledMonth(world),
    currentPeriod,
    nextPeriod,
    scheduledChanges: scheduledChanges(world).map(orderView),
    upcoming: {
      total: { amount: upcoming.total, currency: upcoming.currency },
      provisional: true,
      periodStart: upcoming.periodStart,
      periodEnd: upcoming.periodEnd,
    },
  };
  if (licenses) out.licenses = licenses;
  else out.usage = monthUsageView(monthBilling(world, monthOf(today)));
  const trial = trialInfo(world);
  if (trial) out.trial = { ...trial };
  if (plan.storageGb !== undefined) {
    out.storage = { includedGb: plan.storageGb, usedGb: world.subscription.storageUsedGb ?? 0 };
  }
  if (world.subscription.poNumber) out.poNumber = world.subscription.poNumber;
  return out;
}

/** The version of the billing details: 0 before the first save, one more with each. */
export function detailsVersion(world: World): number {
  return world.billingDetails?.version ?? 0;
}

/** A version of the details as the API names it (the details' `version` and ETag): `"v<version>"`. */
export function versionTag(version: number): string {
  return `"v${version}"`;
}

/** The version a tag names (the inverse of {@link versionTag}), or `undefined` for any other text. */
export function tagVersion(tag: string): number | undefined {
  const m = /^"v(.+)"$/.exec(tag);
  const version = m ? Number(m[1]) : NaN;
  return Number.isFinite(version) && versionTag(version) === tag ? version : undefined;
}

/** The ETag of the billing details: `"v<version>"` (`"v0"` before the first save). */
export function detailsEtag(world: World): string {
  return versionTag(detailsVersion(world));
}

/** What a tenant without saved details shows: nothing filled in yet. */
export const EMPTY_DETAILS: BillingDetailsRecord = {
  recipients: [],
  address: { line1: '', postalCode: '', city: '', country: '' },
  eInvoicing: { enabled: false },
  version: 0,
};

/** Where company name and VAT number are changed, as the world gives it: words, or words per language. */
export type CompanyPlace = NonNullable<BillingDetailsRecord['companyManagedAt']>;

/** Picks the words of one language from words given per language (the HTTP layer's language negotiation). */
export type PlacePicker = (words: Readonly<Record<string, string | undefined>>) => string | undefined;

/** Without a request to negotiate with: English, else the first language given. */
const englishPlace: PlacePicker = (words) =>
  words['en'] ?? Object.values(words).find((w): w is string => typeof w === 'string' && w !== '');

/** `companyManagedAt` in one language: as given when it is one string, else as `pick` chooses. */
export function companyPlace(place: CompanyPlace | undefined, pick: PlacePicker = englishPlace): string | undefined {
  if (place === undefined) return undefined;
  const text = typeof place === 'string' ? place : pick(place);
  return text === undefined || text === '' ? undefined : text;
}

/**
 * The billing details: the record's recipients, contact, address and e-invoicing, the PO
 * number of the subscription, company name and VAT number of the tenant (read-only), where
 * those are changed (in the language `pick` chooses, English by default), the version
 * (same as the ETag) and the recommendations.
 */
export function detailsView(world: World, pick?: PlacePicker): ApiBillingDetails {
  const d = world.billingDetails ?? EMPTY_DETAILS;
  const place = companyPlace(d.companyManagedAt, pick);
  const out: ApiBillingDetails = {
    recipients: [...d.recipients],
    address: { ...d.address },
    eInvoicing: { ...d.eInvoicing },
    companyName: world.tenant.name,
    ...(world.tenant.vatNumber ? { vatNumber: world.tenant.vatNumber } : {}),
    ...(place ? { companyManagedAt: place } : {}),
    version: detailsEtag(world),
    recommendations: detailsRecommendations(d),
  };
  if (d.contact) {
    // A contact picked from the people shows their current name and e-mail.
    const id = d.contact.personId;
    const person = id === undefined ? undefined : world.people.find((p) => p.id === id);
    out.contact = person ? { personId: person.id, name: person.name, email: person.email } : { ...d.contact };
  }
  if (world.subscription.poNumber) out.poNumber = world.subscription.poNumber;
  return out;
}

/** The payment method on file, `expired` when valid through a month before today's; never the `declines` flag. */
export function paymentMethodView(world: World): ApiPaymentMethod | null {
  const pm = world.paymentMethod;
  if (!pm) return null;
  return {
    kind: pm.kind,
    expired: pm.expires !== undefined && pm.expires < monthOf(world.today),
    ...present(pm, ['brand', 'last4', 'expires']),
  };
}

/**
 * Whether a person is deactivated today (deactivatedOn on or before today), or for good
 * before they start (deactivatedOn on their start day: never active).
 */
export function isDeactivated(person: Person, today: string): boolean {
  const from = person.billingStart > today ? person.billingStart : today;
  return person.deactivatedOn !== undefined && person.deactivatedOn <= from;
}

/** One row of the users list: the person, where they appear, and the month's verdict. */
export function billingUserView(world: World, person: Person, verdict: PersonBilling | undefined): ApiBillingUser {
  const out: ApiBillingUser = {
    id: person.id,
    name: person.name,
    email: person.email,
    role: person.role,
    directories: [...new Set(person.directories)],
    startDate: person.billingStart,
    status: isDeactivated(person, world.today) ? 'deactivated' : 'active',
    billable: verdict?.billable ?? false,
    reason: verdict?.reason ?? (isDeactivated(person, world.today) ? 'deactivated' : 'not-yet-started'),
  };
  if (person.deactivatedOn !== undefined) out.deactivatedOn = person.deactivatedOn;
  if (verdict?.reasonDate !== undefined) out.reasonDate = verdict.reasonDate;
  return { ...out, ...present(person, ['guest', 'invitedOn']) };
}

/** A person's month (`GET /users/{id}/timeline`): the users list's row for that month and the dated facts. */
export function timelineView(world: World, person: Person, pm: PersonMonth): ApiPersonTimeline {
  const out: ApiPersonTimeline = {
    month: pm.month,
    model: pm.model,
    user: billingUserView(world, person, pm.verdict),
    events: pm.events.map((e) => ({ ...e, ...(e.directories ? { directories: [...e.directories] } : {}) })),
    truncated: pm.truncated,
  };
  if (pm.peak) out.peak = { ...pm.peak };
  return out;
}

/** What a deactivation would do (`GET /users/{id}/deactivate/preview`): `on` is the day it takes effect. */
export function deactivationPreviewView(deactivated: Person, effect: ChangeEffect): ApiDeactivationPreview {
  return {
    on: deactivated.deactivatedOn as string,
    model: effect.model,
    currency: effect.currency,
    months: effect.months.map((m) => ({ ...m })),
  };
}
