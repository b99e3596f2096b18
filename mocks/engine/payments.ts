/**
 * The ledger: what has been paid, what is still owed, and the credit balance.
 *
 * Everything here reads `world.invoices` (issued invoices, immutable) and `world.payments`
 * (attempts and receipts) and returns what to append; nothing is mutated. This module is
 * the bottom layer of the billing engine's money side: `licenses.ts` and `invoices.ts`
 * both issue invoices through {@link issueInvoice}, so numbering, tax, due dates and the
 * automatic use of credit are done in exactly one place.
 *
 * Readings of the rules (shared/billing-rules.md, "Invoices and payments"):
 * - An invoice's balance is `amountDue` (its total minus the credit applied at issue)
 *   minus the succeeded payments that name it; never below 0.
 * - The credit balance is every euro received beyond what it settled (overpayments and
 *   payments on account) minus the credit already applied on issued invoices. It is used
 *   automatically, and only, by invoices issued afterwards; it is never negative.
 * - A received payment is allocated to the invoice it names (or, naming none, to the
 *   outstanding invoices oldest first); whatever is left becomes a payment on account,
 *   i.e. credit for the next invoices.
 * - Settling the balance charges the payment method on file for every outstanding
 *   invoice. An expired card (valid through a month before today's) declines with
 *   `card_expired`, a card known to be declined with `card_declined`; each attempt is
 *   recorded as a declined payment of 0 so the invoice shows `payment_failed`. Without a
 *   payment method nothing is attempted (`no_payment_method`); a method of kind `invoice`
 *   (bank transfer) cannot be charged (`not_chargeable`).
 * - Invoices issued while the clock moves are charged on their issue day with the method
 *   on file ({@link chargeOnIssue}), declines recorded the same way.
 */
import { addDays, compareDates, isIsoDate, monthOf } from './dates.js';
import { RuleError, WorldError } from './errors.js';
import { LIMITS } from './limits.js';
import { taxOn } from './money.js';
import type { Invoice, InvoiceLine, IsoDate, Payment, World } from './types.js';

/** An invoice before numbering, tax and credit: what a billing rule decides. */
export interface InvoiceDraft {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** Charge lines and informative lines; the credit line (its `date`: when the credit arose) is added by {@link issueInvoice}. */
  lines: InvoiceLine[];
  planId: string;
  orderId?: string;
}

/** Succeeded payments that name `invoice`, in minor units. */
export function amountPaid(world: World, invoice: Invoice): number {
  let paid = 0;
  for (const p of world.payments) {
    if (p.outcome === 'succeeded' && p.invoiceId === invoice.id) paid += p.amount;
  }
  return paid;
}

/** What is still to be paid on an issued invoice, in minor units (≥ 0). */
export function invoiceBalance(world: World, invoice: Invoice): number {
  return Math.max(0, invoice.amountDue - amountPaid(world, invoice));
}

/**
 * The credit balance in minor units: overpayments (succeeded payments beyond the invoice
 * balance they settle, and payments on account) minus the credit applied on issued
 * invoices. Never negative.
 */
export function creditBalance(world: World): number {
  const byId = new Map<string, Invoice>();
  for (const inv of world.invoices) byId.set(inv.id, inv);
  const paidById = new Map<string, number>();
  let received = 0;
  world.payments.forEach((p, i) => {
    if (p.outcome !== 'succeeded') return;
    checkAmount(p.amount, `payments[${i}].amount`);
    if (p.invoiceId === undefined) {
      received += p.amount;
      return;
    }
    if (!byId.has(p.invoiceId)) {
      throw new WorldError(
        `payments[${i}].invoiceId`,
        `Payment ${p.id} names invoice ${p.invoiceId}, which was never issued.`,
      );
    }
    paidById.set(p.invoiceId, (paidById.get(p.invoiceId) ?? 0) + p.amount);
  });
  let applied = 0;
  world.invoices.forEach((inv, i) => {
    checkAmount(inv.creditApplied, `invoices[${i}].creditApplied`);
    applied += inv.creditApplied;
    const paid = paidById.get(inv.id) ?? 0;
    received += Math.max(0, paid - Math.max(0, inv.amountDue));
  });
  return Math.max(0, received - applied);
}

/**
 * When the credit balance arose: the day of the latest succeeded payment that added to
 * it (a payment on account, or the one that took an invoice's payments past its amount
 * due); `undefined` when none did. The `credit` line of an invoice names this day.
 */
export function creditArose(world: World): IsoDate | undefined {
  const due = new Map<string, number>();
  for (const inv of world.invoices) due.set(inv.id, Math.max(0, inv.amountDue));
  const paid = new Map<string, number>();
  let latest: IsoDate | undefined;
  for (const p of world.payments) {
    if (p.outcome !== 'succeeded') continue;
    let adds = p.invoiceId === undefined;
    if (p.invoiceId !== undefined) {
      const sum = (paid.get(p.invoiceId) ?? 0) + p.amount;
      paid.set(p.invoiceId, sum);
      adds = sum > (due.get(p.invoiceId) ?? 0);
    }
    if (adds && p.amount > 0 && (latest === undefined || p.on > latest)) latest = p.on;
  }
  return latest;
}

/** Issued invoices (issued on or before today) with a balance, oldest first, and the sum of their balances. */
export function outstanding(world: World): { invoices: Invoice[]; total: number } {
  const open = world.invoices
    .map((inv, index) => ({ inv, index, balance: invoiceBalance(world, inv) }))
    .filter((x) => x.balance > 0 && x.inv.issuedOn <= world.today)
    .sort((a, b) => compareDates(a.inv.issuedOn, b.inv.issuedOn) || a.index - b.index);
  return { invoices: open.map((x) => x.inv), total: open.reduce((s, x) => s + x.balance, 0) };
}

/** Why the payment method on file cannot be charged on `on` (default today), or `undefined` when it can. */
export function chargeRefusal(world: World, on: IsoDate = world.today): string | undefined {
  const pm = world.paymentMethod;
  if (!pm) return 'no_payment_method';
  if (pm.kind === 'invoice') return 'not_chargeable';
  if (pm.expires !== undefined && pm.expires < monthOf(on)) return 'card_expired';
  if (pm.declines === true) return 'card_declined';
  return undefined;
}

/**
 * Resubmits payment of everything outstanding with the payment method on file. Returns
 * the payments to append: one succeeded payment per outstanding invoice (its balance), or
 * one declined attempt per invoice while the method is invalid. Without a payment method,
 * or with one that cannot be charged, nothing is attempted.
 */
export function settleBalance(
  world: World,
  options: { idPrefix?: string } = {},
): { outcome: 'paid' | 'failed' | 'nothing-due'; payments: Payment[]; reason?: string } {
  const due = outstanding(world);
  if (due.invoices.length === 0) return { outcome: 'nothing-due', payments: [] };
  const refusal = chargeRefusal(world);
  if (refusal === 'no_payment_method' || refusal === 'not_chargeable') {
    return { outcome: 'failed', payments: [], reason: refusal };
  }
  const ids = paymentIds(world, options.idPrefix);
  const payments: Payment[] = due.invoices.map((inv) =>
    refusal === undefined
      ? { id: ids(), on: world.today, amount: invoiceBalance(world, inv), outcome: 'succeeded', invoiceId: inv.id }
      : { id: ids(), on: world.today, amount: 0, outcome: 'declined', declineReason: refusal, invoiceId: inv.id },
  );
  return refusal === undefined ? { outcome: 'paid', payments } : { outcome: 'failed', payments, reason: refusal };
}

/**
 * Charges invoices just issued (they are in `world.invoices`) with the payment method on
 * file, each on its issue day, as a card or direct-debit customer is charged: one
 * succeeded payment of its amount due, or, when the method cannot be charged that day (a
 * card expired by then, or known to decline), one declined attempt of 0 with the reason,
 * so the invoice shows `payment_failed` and, once due, `past_due`. Nothing is attempted
 * without a payment method or with a bank transfer (`invoice`) on file, nor for an
 * invoice with nothing to pay. Reads the payments once (linear).
 */
export function chargeOnIssue(
  world: World,
  invoices: readonly Invoice[],
  options: { idPrefix?: string } = {},
): Payment[] {
  const fileRefusal = chargeRefusal(world);
  if (fileRefusal === 'no_payment_method' || fileRefusal === 'not_chargeable') return [];
  const paid = new Map<string, number>();
  for (const p of world.payments) {
    if (p.outcome === 'succeeded' && p.invoiceId !== undefined)
      paid.set(p.invoiceId, (paid.get(p.invoiceId) ?? 0) + p.amount);
  }
  const ids = paymentIds(world, options.idPrefix);
  const payments: Payment[] = [];
  for (const inv of invoices) {
    const balance = Math.max(0, inv.amountDue - (paid.get(inv.id) ?? 0));
    if (balance === 0) continue;
    const on = inv.issuedOn;
    const refusal = chargeRefusal(world, on);
    payments.push(
      refusal === undefined
        ? { id: ids(), on, amount: balance, outcome: 'succeeded', invoiceId: inv.id }
        : { id: ids(), on, amount: 0, outcome: 'declined', declineReason: refusal, invoiceId: inv.id },
    );
  }
  return payments;
}

/**
 * A payment received (bank transfer, manual entry). It settles the invoice it names, or
 * without one the outstanding invoices oldest first; any amount beyond their balance is
 * returned as a payment on account (no `invoiceId`), which becomes credit applied
 * automatically to the next invoices.
 */
export function recordPayment(
  world: World,
  request: { amount: number; on?: IsoDate; invoiceId?: string; idPrefix?: string },
): Payment[] {
  const { amount } = request;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
    throw new RuleError('amount', 'invalid-amount', 'Enter the amount received as a positive whole number of cents.');
  }
  const on = request.on ?? world.today;
  if (!isIsoDate(on)) throw new RuleError('on', 'invalid-date', 'Enter the payment date as YYYY-MM-DD.');
  if (on > world.today) {
    throw new RuleError('on', 'in-future', `A payment cannot be received after today (${world.today}).`, {
      date: world.today,
    });
  }
  let targets: Invoice[];
  if (request.invoiceId !== undefined) {
    const inv = world.invoices.find((i) => i.id === request.invoiceId);
    if (!inv) {
      throw new RuleError('invoiceId', 'unknown-invoice', `There is no issued invoice ${request.invoiceId}.`);
    }
    targets = [inv];
  } else {
    targets = outstanding(world).invoices;
  }
  const ids = paymentIds(world, request.idPrefix);
  const payments: Payment[] = [];
  let left = amount;
  for (const inv of targets) {
    const part = Math.min(left, invoiceBalance(world, inv));
    if (part <= 0) continue;
    payments.push({ id: ids(), on, amount: part, outcome: 'succeeded', invoiceId: inv.id });
    left -= part;
  }
  if (left > 0) payments.push({ id: ids(), on, amount: left, outcome: 'succeeded' });
  return payments;
}

/**
 * Issues an invoice from a draft on `issuedOn`: numbers it (`INV-YYYY-NNNN`, the next
 * number of the issue year), computes subtotal, tax (half-up on the subtotal) and total,
 * applies the credit balance of `world` (shown as an informative `credit` line, never in
 * the subtotal), and sets the due date (issue date + payment term) and the PO number in
 * force. `world` must already contain every invoice issued before this one.
 */
export function issueInvoice(world: World, draft: InvoiceDraft, issuedOn: IsoDate): Invoice {
  return new InvoiceIssuer(world).issue(draft, issuedOn);
}

/**
 * Issues invoices one after another after those of `world`, as {@link issueInvoice} would
 * if each were issued on a world holding the ones before it: the numbering, the credit
 * left and the ledger's total are carried along, so the ledger is read once however many
 * invoices follow (issuing decades of invoices is linear, not quadratic).
 *
 * With `limitLedger`, an invoice that would take the sum of all invoice totals past
 * {@link LIMITS.ledger} is refused (`WorldError` naming `invoices`): beyond it the ledger's
 * sums would no longer be exact.
 */
export class InvoiceIssuer {
  /** The invoices issued so far, in issue order. */
  readonly issued: Invoice[] = [];
  readonly #world: World;
  readonly #limitLedger: boolean;
  #credit: number;
  /** When the credit balance arose (the credit line's `date`). */
  readonly #creditOn: IsoDate | undefined;
  #ledgerTotal = 0;
  readonly #ids = new Set<string>();
  readonly #numbers = new Set<string>();
  /** Highest sequence number used per issue year (`2026` → 3 for INV-2026-0003). */
  readonly #lastSeq = new Map<string, number>();

  constructor(world: World, options: { limitLedger?: boolean } = {}) {
    this.#world = world;
    this.#limitLedger = options.limitLedger === true;
    this.#credit = creditBalance(world);
    this.#creditOn = this.#credit > 0 ? creditArose(world) : undefined;
    for (const inv of world.invoices) {
      this.#ids.add(inv.id);
      this.#numbers.add(inv.number);
      this.#ledgerTotal += Math.abs(inv.total);
      // As nextInvoiceNumber reads them: `INV-` + the year + `-` + a number.
      if (inv.number.startsWith('INV-') && inv.number.charAt(8) === '-') {
        const year = inv.number.slice(4, 8);
        const n = Number(inv.number.slice(9));
        if (Number.isSafeInteger(n) && n > (this.#lastSeq.get(year) ?? 0)) this.#lastSeq.set(year, n);
      }
    }
  }

  /** Issues one invoice after those issued so far (see {@link issueInvoice}). */
  issue(draft: InvoiceDraft, issuedOn: IsoDate): Invoice {
    const world = this.#world;
    const { tenant } = world;
    if (!Number.isSafeInteger(tenant.paymentTermDays) || tenant.paymentTermDays < 0) {
      throw new WorldError('tenant.paymentTermDays', 'The payment term must be a whole number of days, 0 or more.');
    }
    if (!Number.isSafeInteger(tenant.taxRate) || tenant.taxRate < 0) {
      throw new WorldError('tenant.taxRate', 'The tax rate must be a whole number of basis points, 0 or more.');
    }
    const lines = draft.lines.map((l) => ({ ...l }));
    let subtotal = 0;
    lines.forEach((l, i) => {
      checkAmount(l.amount, `lines[${i}].amount`, true);
      if (!l.informative) subtotal += l.amount;
    });
    const tax = taxOn(subtotal, tenant.taxRate);
    const total = subtotal + tax;
    if (this.#limitLedger && this.#ledgerTotal + Math.abs(total) > LIMITS.ledger) {
      throw new WorldError(
        'invoices',
        `Issuing the invoice of ${draft.periodStart} – ${draft.periodEnd} would take the invoices past ` +
          `${LIMITS.ledger.toLocaleString('en-US')} minor units in total, more than the mock can add up exactly.`,
      );
    }
    const creditApplied = Math.min(this.#credit, Math.max(0, total));
    if (creditApplied > 0) {
      lines.push({
        kind: 'credit',
        params: { date: this.#creditOn !== undefined && this.#creditOn <= issuedOn ? this.#creditOn : issuedOn },
        quantity: 1,
        unitPrice: -creditApplied,
        amount: -creditApplied,
        informative: true,
      });
    }
    const { number, id } = this.#next(issuedOn);
    const invoice: Invoice = {
      id,
      number,
      periodStart: draft.periodStart,
      periodEnd: draft.periodEnd,
      issuedOn,
      dueOn: addDays(issuedOn, tenant.paymentTermDays),
      currency: tenant.currency,
      lines,
      subtotal,
      taxRate: tenant.taxRate,
      tax,
      total,
      creditApplied,
      amountDue: total - creditApplied,
      planId: draft.planId,
    };
    if (world.subscription.poNumber !== undefined && world.subscription.poNumber !== '') {
      invoice.poNumber = world.subscription.poNumber;
    }
    if (draft.orderId !== undefined) invoice.orderId = draft.orderId;
    // A new invoice has no payments: the credit it used is gone, nothing else changes.
    this.#credit -= creditApplied;
    this.#ledgerTotal += Math.abs(total);
    this.#ids.add(id);
    this.#numbers.add(number);
    this.issued.push(invoice);
    return invoice;
  }

  #next(issuedOn: IsoDate): { number: string; id: string } {
    const year = issuedOn.slice(0, 4);
    let seq = this.#lastSeq.get(year) ?? 0;
    for (;;) {
      seq += 1;
      const n = String(seq).padStart(4, '0');
      const number = `INV-${year}-${n}`;
      const id = `inv-${year}-${n}`;
      if (!this.#ids.has(id) && !this.#numbers.has(number)) {
        this.#lastSeq.set(year, seq);
        return { number, id };
      }
    }
  }
}

/** The next free invoice number and id in the issue year: `INV-2026-0003` / `inv-2026-0003`. */
export function nextInvoiceNumber(world: World, issuedOn: IsoDate): { number: string; id: string } {
  const year = issuedOn.slice(0, 4);
  const prefix = `INV-${year}-`;
  let seq = 0;
  const ids = new Set<string>();
  const numbers = new Set<string>();
  for (const inv of world.invoices) {
    ids.add(inv.id);
    numbers.add(inv.number);
    if (inv.number.startsWith(prefix)) {
      const n = Number(inv.number.slice(prefix.length));
      if (Number.isSafeInteger(n) && n > seq) seq = n;
    }
  }
  for (;;) {
    seq += 1;
    const n = String(seq).padStart(4, '0');
    const number = `${prefix}${n}`;
    const id = `inv-${year}-${n}`;
    if (!ids.has(id) && !numbers.has(number)) return { number, id };
  }
}

/** A generator of payment ids `pay-N` (or `${idPrefix}N`) not yet used in the world. */
function paymentIds(world: World, idPrefix = 'pay-'): () => string {
  const used = new Set(world.payments.map((p) => p.id));
  let n = world.payments.length;
  return () => {
    let id: string;
    do {
      n += 1;
      id = `${idPrefix}${n}`;
    } while (used.has(id));
    used.add(id);
    return id;
  };
}

function checkAmount(amount: unknown, field: string, allowNegative = false): void {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || (!allowNegative && amount < 0)) {
    throw new WorldError(field, `Amounts are whole numbers of minor units${allowNegative ? '' : ', 0 or more'}.`);
  }
}
