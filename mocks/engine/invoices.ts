/**
 * Invoices: which ones are due, what they contain, and their status over time.
 *
 * Readings of the rules (shared/billing-rules.md, "Billing models", "Invoices and payments"):
 * - B1–B4 are billed in arrears: one invoice per calendar month from the first billed
 *   month (after a trial), issued on the 1st of the next month. B5 is billed in advance:
 *   one invoice per period, issued on the period's first day. A license addition is billed
 *   by its own invoice, issued the day it is ordered.
 * - Issued invoices (`world.invoices`) are never recomputed: {@link dueInvoices} only
 *   issues what is missing (a month or period is issued when an invoice without
 *   `orderId` starts on its first day), so later changes to people or orders never alter
 *   a closed period.
 * - Numbers are `INV-YYYY-NNNN`, numbered by issue order within the issue year; ids are
 *   `inv-YYYY-NNNN`. Invoices due together are issued oldest first.
 * - The credit balance is applied automatically to each new invoice, after tax: a `credit`
 *   line shows it (informative, outside the subtotal), `creditApplied` records it and
 *   `amountDue = total − creditApplied`.
 * - Status: `paid` when the payments for it (plus the credit applied) cover the total;
 *   otherwise `payment_failed` when its latest payment attempt was declined, up to and
 *   including the due date; after the due date an unpaid invoice is `past_due` (the
 *   decline reason stays available from {@link invoiceState}); otherwise `open`.
 *   The open month / next period is `upcoming` and provisional.
 */
import { addDays, addMonths, firstDayOfMonth, lastDayOfMonth, monthOf } from './dates.js';
import type { YearMonth } from './dates.js';
import { WorldError } from './errors.js';
import { isLicensed, periodAt, periodLicenseCount, periodsThrough, planById, prorationDraft } from './licenses.js';
import type { LicensePeriod } from './licenses.js';
import { amountPaid, InvoiceIssuer, invoiceBalance, issueInvoice } from './payments.js';
import type { InvoiceDraft } from './payments.js';
import { firstBilledMonth } from './trial.js';
import type { Invoice, InvoiceLine, InvoiceStatus, IsoDate, World } from './types.js';
import { monthBilling, planOn } from './usage.js';

export { invoiceBalance } from './payments.js';
export type { InvoiceDraft } from './payments.js';

/** The invoice of the open month (B1–B4) or the next period (B5): provisional, not issued. */
export type UpcomingInvoice = Invoice & { provisional: true; status: 'upcoming' };

/**
 * The invoices that should have been issued by `world.today` but are not in
 * `world.invoices`, oldest first, numbered and with credit applied in that order. The
 * store appends them as they are.
 */
export function dueInvoices(world: World): Invoice[] {
  const pending: { issuedOn: IsoDate; draft: InvoiceDraft }[] = [];
  const issuedStarts = new Set(world.invoices.filter((i) => i.orderId === undefined).map((i) => i.periodStart));
  const billedOrders = new Set(world.invoices.map((i) => i.orderId).filter((id) => id !== undefined));
  if (isLicensed(world)) {
    if (world.today < world.subscription.startedOn) return [];
    for (const period of periodsThrough(world, world.today)) {
      if (!issuedStarts.has(period.start)) pending.push({ issuedOn: period.start, draft: periodDraft(world, period) });
    }
    for (const order of world.orders) {
      if (order.kind === 'add-licenses' && order.effectiveOn <= world.today && !billedOrders.has(order.id)) {
        pending.push({ issuedOn: order.placedOn, draft: prorationDraft(world, order) });
      }
    }
  } else {
    const open = monthOf(world.today);
    for (let month = firstBilledMonth(world); month < open; month = addMonths(month, 1)) {
      if (!issuedStarts.has(firstDayOfMonth(month))) {
        pending.push({ issuedOn: firstDayOfMonth(addMonths(month, 1)), draft: monthDraft(world, month) });
      }
    }
  }

  // Stable: on the same issue day a period invoice comes before the additions of that day.
  pending.sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : 0));
  // One issuer for all of them: the ledger is read once, however many are due (linear).
  const issuer = new InvoiceIssuer(world, { limitLedger: true });
  for (const { issuedOn, draft } of pending) issuer.issue(draft, issuedOn);
  return issuer.issued;
}

/**
 * The provisional invoice of the open month (B1–B4, figures so far; during a trial, the
 * first billed month, estimated from this month's usage so far) or of the next period (B5, with the scheduled changes applied),
 * with the credit that would be applied if it were issued after the invoices now due.
 */
export function upcomingInvoice(world: World): UpcomingInvoice {
  let draft: InvoiceDraft;
  let issuedOn: IsoDate;
  if (isLicensed(world)) {
    const { startedOn } = world.subscription;
    const next =
      world.today < startedOn
        ? periodAt(world, startedOn)
        : periodAt(world, addDays(periodAt(world, world.today).end, 1));
    draft = periodDraft(world, next);
    issuedOn = next.start;
  } else {
    const first = firstBilledMonth(world);
    const open = monthOf(world.today);
    const month = first > open ? first : open;
    draft = monthDraft(world, open);
    if (month !== open) {
      // In a trial (or before the subscription starts) the first billed month has no days
      // yet: estimate it from the usage so far this month, for that month's dates.
      const periodStart = firstDayOfMonth(month);
      const periodEnd = lastDayOfMonth(month);
      draft = {
        ...draft,
        periodStart,
        periodEnd,
        lines: draft.lines.map((l) => ({ ...l, periodStart, periodEnd })),
      };
    }
    issuedOn = firstDayOfMonth(addMonths(month, 1));
  }
  const ledger = { ...world, invoices: [...world.invoices, ...dueInvoices(world)] };
  const invoice = issueInvoice(ledger, draft, issuedOn);
  return { ...invoice, id: `upcoming-${draft.periodStart}`, number: '', provisional: true, status: 'upcoming' };
}

/**
 * The draft invoice of a B1–B4 month (in arrears). Reads the month's figures from usage.
 * Lines carry no sentence, only `params` (and `peak`) to word them with in any language:
 * base fee (plan, included users), the user count (count; `peak` its first day), extra
 * users (included; `peak`), or one users line (plan, model, qualifyingActivity, count).
 */
export function monthDraft(world: World, month: YearMonth): InvoiceDraft {
  const mb = monthBilling(world, month);
  const plan = planById(world, mb.planId);
  const periodStart = firstDayOfMonth(month);
  const periodEnd = lastDayOfMonth(month);
  const span = { periodStart, periodEnd };
  const lines: InvoiceLine[] = [];
  if (mb.model === 'peak-daily') {
    const included = mb.includedUsers ?? plan.includedUsers ?? 0;
    const extra = mb.extraUsers ?? Math.max(0, mb.billedCount - included);
    const baseFee = plan.baseFee ?? 0;
    const peak = mb.peak ? { count: mb.peak.count, on: mb.peak.on } : undefined;
    lines.push({
      kind: 'base-fee',
      params: { plan: plan.name, included },
      quantity: 1,
      unitPrice: baseFee,
      amount: baseFee,
      ...span,
    });
    lines.push({
      kind: 'user-count',
      params: { count: mb.billedCount },
      quantity: mb.billedCount,
      unitPrice: 0,
      amount: 0,
      informative: true,
      ...span,
      ...(peak ? { peak } : {}),
    });
    lines.push({
      kind: 'extra-users',
      params: { included },
      quantity: extra,
      unitPrice: plan.unitPrice,
      amount: extra * plan.unitPrice,
      ...span,
      ...(peak ? { peak: { ...peak } } : {}),
    });
  } else if (mb.model === 'prepaid-licenses') {
    throw new WorldError(
      'subscription.planId',
      `Month ${month} is on a prepaid-license plan; it is billed per period.`,
    );
  } else {
    lines.push({
      kind: 'users',
      params: {
        plan: plan.name,
        model: mb.model,
        ...(mb.model === 'full-month' ? { qualifyingActivity: plan.requiresActivity === true } : {}),
        count: mb.billedCount,
      },
      quantity: mb.billedCount,
      unitPrice: plan.unitPrice,
      amount: mb.billedCount * plan.unitPrice,
      ...span,
    });
  }
  return { periodStart, periodEnd, planId: plan.id, lines };
}

/**
 * The draft invoice of a B5 period (in advance): licenses × months at the price per
 * license-month, one `licenses` line worded from plan, licenses and months.
 */
export function periodDraft(world: World, period: LicensePeriod): InvoiceDraft {
  const plan = planOn(world, period.start);
  const licenses = periodLicenseCount(world, period.start);
  const quantity = licenses * period.months;
  return {
    periodStart: period.start,
    periodEnd: period.end,
    planId: plan.id,
    lines: [
      {
        kind: 'licenses',
        params: { plan: plan.name, licenses, months: period.months },
        quantity,
        unitPrice: plan.unitPrice,
        amount: quantity * plan.unitPrice,
        periodStart: period.start,
        periodEnd: period.end,
      },
    ],
  };
}

/** An invoice's status today, with what explains it. */
export interface InvoiceState {
  status: InvoiceStatus;
  /** Minor units still to pay. */
  balance: number;
  /** Minor units paid by succeeded payments naming it. */
  paid: number;
  /** When the latest attempt was declined (even once past due): why. */
  declineReason?: string;
  declinedOn?: IsoDate;
}

/** Status, balance and the latest decline of an invoice as of `world.today`. */
export function invoiceState(world: World, invoice: Invoice): InvoiceState {
  if ((invoice as Partial<UpcomingInvoice>).provisional === true) {
    return { status: 'upcoming', balance: invoice.amountDue, paid: 0 };
  }
  const paid = amountPaid(world, invoice);
  const balance = invoiceBalance(world, invoice);
  if (balance === 0) return { status: 'paid', balance, paid };
  // The latest attempt: the last one on the latest day (payments are stored in the order they happened).
  let latest: { on: IsoDate; declined: boolean; reason?: string } | undefined;
  for (const p of world.payments) {
    if (p.invoiceId !== invoice.id) continue;
    if (!latest || p.on >= latest.on) {
      latest = { on: p.on, declined: p.outcome === 'declined' };
      if (p.declineReason !== undefined) latest.reason = p.declineReason;
    }
  }
  const state: InvoiceState = { status: 'open', balance, paid };
  if (latest?.declined) {
    state.declineReason = latest.reason ?? 'declined';
    state.declinedOn = latest.on;
  }
  if (world.today > invoice.dueOn) state.status = 'past_due';
  else if (latest?.declined) state.status = 'payment_failed';
  return state;
}

/** An invoice's status as of `world.today` (see {@link invoiceState}). */
export function invoiceStatus(world: World, invoice: Invoice): InvoiceStatus {
  return invoiceState(world, invoice).status;
}
