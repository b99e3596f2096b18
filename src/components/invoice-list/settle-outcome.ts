/**
 * What settling the balance came to, in `<billing-invoice-list>`: loaded when the user
 * first clicks "Settle balance" (a chunk of its own, with its messages), before the
 * request is sent, so the answer can always be shown.
 */
import { html, type TemplateResult } from 'lit';
import type { SettleResult } from '../../client/client.js';
import type { MessageParams } from '../../i18n/index.js';
import type { ListHelpers } from './on-demand.js';
import { en, nl } from './settle-outcome.messages.js';

/**
 * The part's messages, English bundled and Dutch on first use (a plain object: a module
 * namespace would need a bundler helper shared with the element's entry chunk).
 */
export const messages = { en, nl };

const tr = (h: ListHelpers, key: keyof typeof en, params?: MessageParams): string => h.own(messages, key, params);

/** Why a charge failed, and what to do: `expiry` is the month the card on file expired. */
function failure(h: ListHelpers, reason: string | undefined, expiry: string | undefined): string {
  switch (reason) {
    case 'card_expired':
      return expiry
        ? tr(h, 'invoices.settle.failed.card_expired', { month: expiry })
        : tr(h, 'invoices.settle.failed.card_expired-unknown');
    case 'card_declined':
    case 'no_payment_method':
    case 'not_chargeable':
      return tr(h, `invoices.settle.failed.${reason}`);
    default:
      return tr(h, 'invoices.settle.failed.other', { reason: reason ?? '' });
  }
}

/**
 * Paid (how much, and what is still outstanding), nothing due, or declined with the
 * reason and `update` (the "Update payment method" button).
 */
export function renderOutcome(
  h: ListHelpers,
  r: SettleResult,
  expiry: string | undefined,
  update: unknown,
): TemplateResult {
  const currency = r.balance.currency;
  if (r.outcome === 'failed') {
    return html`<div class="outcome failed" part="outcome" role="alert" aria-labelledby="outcome-title">
      <h3 id="outcome-title">${tr(h, 'invoices.settle.failed.title')}</h3>
      <p>${failure(h, r.reason, expiry)}</p>
      <div class="actions">${update}</div>
    </div>`;
  }
  const paid = h.money(
    r.payments.reduce((s, p) => s + (p.outcome === 'succeeded' ? p.amount : 0), 0),
    currency,
  );
  const text =
    r.outcome === 'nothing-due'
      ? tr(h, 'invoices.settle.nothing-due')
      : r.balance.outstanding > 0
        ? tr(h, 'invoices.settle.paid-left', { amount: paid, left: h.money(r.balance.outstanding, currency) })
        : tr(h, 'invoices.settle.paid', { amount: paid });
  return html`<div class="outcome paid" part="outcome" role="status"><p>${text}</p></div>`;
}
