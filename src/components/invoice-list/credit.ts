/**
 * The credit ledger (`GET /credits`) read whole, and where an invoice's credit came from.
 * Used by the invoice detail (a chunk of its own), not by the list's main module.
 */
import type { BillingClient, CreditEntry } from '../../client/client.js';
import { listCreditLimits } from '../../client/limits.js';
import type { MessageKey, MessageParams } from '../../i18n/index.js';

/** An entry that made credit, and how much of it went to the invoice. */
export interface CreditSource {
  entry: CreditEntry;
  used: number;
}

/** Every entry of the ledger, newest first (as many pages as it takes). */
export async function wholeLedger(client: BillingClient, signal: AbortSignal): Promise<CreditEntry[]> {
  const entries: CreditEntry[] = [];
  const limit = listCreditLimits.limit.max;
  for (let offset = 0; ; offset += limit) {
    const page = await client.listCredit({ offset, limit }, { signal });
    entries.push(...page.entries);
    if (page.entries.length === 0 || offset + limit >= page.total) return entries;
  }
}

/**
 * Where the credit applied to an invoice came from, first in, first out: credit is used
 * in the order it arose. `invoiceId` names the invoice of an `applied` entry; with none
 * (the upcoming invoice, not issued yet), `amount` is taken from the credit still left.
 * `applied` is the ledger's entry for the invoice, when it has one.
 */
export function creditSources(
  newestFirst: readonly CreditEntry[],
  invoiceId: string,
  amount: number,
): { applied?: CreditEntry; sources: CreditSource[] } {
  const left: CreditSource[] = [];
  /** Takes `n` from the oldest credit left; answers what it took from each entry. */
  const take = (n: number): CreditSource[] => {
    const taken: CreditSource[] = [];
    while (n > 0 && left.length > 0) {
      const head = left[0]!;
      const used = Math.min(n, head.used);
      taken.push({ entry: head.entry, used });
      head.used -= used;
      n -= used;
      if (head.used === 0) left.shift();
    }
    return taken;
  };
  for (const entry of [...newestFirst].reverse()) {
    if (entry.amount > 0) left.push({ entry, used: entry.amount });
    else {
      const taken = take(-entry.amount);
      if (entry.kind === 'applied' && entry.invoiceId === invoiceId) return { applied: entry, sources: taken };
    }
  }
  return { sources: take(amount) };
}

/** What an entry of the credit ledger was, in words: "Overpayment on INV-2026-0003". */
export function creditEntryText(say: (key: MessageKey, params?: MessageParams) => string, e: CreditEntry): string {
  if (e.kind === 'payment-on-account') return say('invoices.credit.entry.payment-on-account');
  return e.invoiceNumber
    ? say(`invoices.credit.entry.${e.kind}`, { number: e.invoiceNumber })
    : say(`invoices.credit.entry.${e.kind}.none`);
}
