/**
 * The credit ledger: where the credit balance ({@link creditBalance}) came from and where
 * it went, one entry per change, each with the balance after it (`GET /credits`).
 *
 * - `overpayment`: a succeeded payment naming an invoice, for the part beyond what was
 *   still due on it (its `amountDue` less the succeeded payments before it);
 * - `payment-on-account`: a succeeded payment naming no invoice, all of it;
 * - `applied`: the credit an invoice used at issue (`creditApplied`), on its issue day,
 *   negative.
 *
 * Oldest first, by day; on one day the payments (in the order they were recorded) come
 * before the invoices issued that day (in issue order), so the balance never dips below 0.
 * The entries add up: the first one's balance is its amount, and the last one's balance is
 * {@link creditBalance} (for the ledgers the engine makes, where credit is only applied
 * once it is there).
 */
import { creditBalance } from './payments.js';
import type { Invoice, IsoDate, Payment, World } from './types.js';

export type CreditKind = 'overpayment' | 'payment-on-account' | 'applied';

export interface CreditEntry {
  on: IsoDate;
  kind: CreditKind;
  /** Minor units: positive adds to the credit, negative uses it. */
  amount: number;
  /** The balance after this entry. */
  balance: number;
  invoiceId?: string;
  invoiceNumber?: string;
}

export interface CreditLedger {
  /** Oldest first. */
  entries: CreditEntry[];
  /** The credit balance now ({@link creditBalance}). */
  balance: number;
}

interface Pending {
  on: IsoDate;
  /** 0: payments, 1: invoices (on one day). */
  group: 0 | 1;
  seq: number;
  kind: CreditKind;
  amount: number;
  invoice?: Invoice;
}

/** The credit ledger of `world`, oldest first, with the balance after each entry. */
export function creditLedger(world: World): CreditLedger {
  const balance = creditBalance(world); // also checks the amounts and the invoices payments name
  const byId = new Map<string, Invoice>();
  for (const inv of world.invoices) byId.set(inv.id, inv);
  const paid = new Map<string, number>();
  const pending: Pending[] = [];
  world.payments.forEach((p: Payment, seq) => {
    if (p.outcome !== 'succeeded' || p.amount <= 0) return;
    if (p.invoiceId === undefined) {
      pending.push({ on: p.on, group: 0, seq, kind: 'payment-on-account', amount: p.amount });
      return;
    }
    const inv = byId.get(p.invoiceId) as Invoice;
    const due = Math.max(0, inv.amountDue);
    const before = paid.get(inv.id) ?? 0;
    const after = before + p.amount;
    paid.set(inv.id, after);
    const over = Math.max(0, after - due) - Math.max(0, before - due);
    if (over > 0) pending.push({ on: p.on, group: 0, seq, kind: 'overpayment', amount: over, invoice: inv });
  });
  world.invoices.forEach((inv, seq) => {
    if (inv.creditApplied > 0) {
      pending.push({ on: inv.issuedOn, group: 1, seq, kind: 'applied', amount: -inv.creditApplied, invoice: inv });
    }
  });
  pending.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.group - b.group || a.seq - b.seq));
  let running = 0;
  const entries = pending.map((x): CreditEntry => {
    running += x.amount;
    const entry: CreditEntry = { on: x.on, kind: x.kind, amount: x.amount, balance: running };
    if (x.invoice) {
      entry.invoiceId = x.invoice.id;
      entry.invoiceNumber = x.invoice.number;
    }
    return entry;
  });
  return { entries, balance };
}
