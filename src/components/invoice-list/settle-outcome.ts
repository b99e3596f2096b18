/**
 * `<billing-settle-outcome>`, private to `<billing-invoice-list>`: what settling the
 * balance came to. Loaded when the user first clicks "Settle balance" (a chunk of its own,
 * with its messages), before the request is sent, so the answer can always be shown; the
 * request is sent from here too ({@link settle}), so that code is not in the list's bundle.
 */
import { css, html, nothing } from 'lit';
import type { BillingClient, InvoicePage, PaymentMethod, SettleResult } from '../../client/client.js';
import { BillingApiError } from '../../client/errors.js';
import { newIdempotencyKey } from '../../client/idempotency.js';
import { joinMessages } from '../../i18n/join.js';
import { BillingElement } from '../../internal/billing-element.js';
import { defineElement } from '../../internal/define-element.js';
import { InvoiceElement } from './invoice-element.js';
import type { BillingInvoiceList } from './invoice-list.js';
import { de as listDe, en as listEn, nl as listNl } from './invoice-list.messages.js';
import { invoiceSharedStyles } from './invoice-list.styles.js';
import { de, en, nl } from './settle-outcome.messages.js';
import { formatMoney } from '../../internal/money.js';

/** A payment that went through: the outcome box in the colour of success (only this element shows it). */
const styles = css`
  .outcome.paid {
    border-color: var(--_success);
    background: color-mix(in srgb, var(--_success) 7%, var(--_surface));
  }
`;

/**
 * Paid (how much, and what is still outstanding), nothing due, or declined with the
 * reason and what to do; the owner's "Update payment method" button goes in the slot.
 *
 * @slot - The actions offered after a declined payment.
 */
export class BillingSettleOutcome extends InvoiceElement {
  static override styles = [...BillingElement.styles, invoiceSharedStyles, styles];
  static override messages = joinMessages({ en: listEn, nl: listNl, de: listDe }, { en, nl, de });

  static override properties = {
    result: { attribute: false },
    expiry: {},
  };

  /** The settle request's answer. */
  result: SettleResult | undefined;

  /** The month the card on file expired, in words, when it did. */
  expiry = '';

  /** Why a charge failed, and what to do. */
  #failure(reason: string | undefined): string {
    switch (reason) {
      case 'card_expired':
        return this.expiry
          ? this.t('invoices.settle.failed.card_expired', { month: this.expiry })
          : this.t('invoices.settle.failed.card_expired-unknown');
      case 'card_declined':
      case 'no_payment_method':
      case 'not_chargeable':
        return this.t(`invoices.settle.failed.${reason}`);
      default:
        return this.t('invoices.settle.failed.other', { reason: reason ?? '' });
    }
  }

  protected override render() {
    const r = this.result;
    if (!r) return nothing;
    const currency = r.balance.currency;
    if (r.outcome === 'failed') {
      return html`<div class="outcome failed" role="alert" aria-labelledby="outcome-title">
        <h3 id="outcome-title">${this.t('invoices.settle.failed.title')}</h3>
        <p>${this.#failure(r.reason)}</p>
        <div class="actions"><slot></slot></div>
      </div>`;
    }
    const paid = formatMoney(
      r.payments.reduce((s, p) => s + (p.outcome === 'succeeded' ? p.amount : 0), 0),
      currency,
      this.locale,
    );
    const text =
      r.outcome === 'nothing-due'
        ? this.t('invoices.settle.nothing-due')
        : r.balance.outstanding > 0
          ? this.t('invoices.settle.paid-left', {
              amount: paid,
              left: formatMoney(r.balance.outstanding, currency, this.locale),
            })
          : this.t('invoices.settle.paid', { amount: paid });
    return html`<div class="outcome paid" role="status"><p>${text}</p></div>`;
  }
}

/** Defines the tag (once): the list loads this module when the user first settles. */
export function define(): void {
  defineElement('billing-settle-outcome', BillingSettleOutcome);
}

/** Per list, the idempotency key of a settle attempt whose outcome is unknown (no answer): a retry reuses it. */
const pendingKeys = new WeakMap<BillingInvoiceList, string>();

/**
 * Settles `list`'s balance (its "Settle balance" click, once this module is loaded, so the
 * answer can always be shown): one idempotent request per click, whose key only a retry of
 * an attempt that got no answer reuses. Shows the outcome (with `pm`, the payment method it
 * was declined with: a new one makes the decline moot), the new balance on `page`, and
 * tells the provider (paid) or refetches (declined attempts were recorded: statuses may
 * have changed). Rejects with the request's error, which the list shows.
 */
export async function settle(
  list: BillingInvoiceList,
  client: BillingClient,
  page: { value: InvoicePage | undefined },
  pm: PaymentMethod | null | undefined,
): Promise<void> {
  const key = pendingKeys.get(list) ?? newIdempotencyKey();
  pendingKeys.set(list, key);
  let result: SettleResult;
  try {
    result = await client.settleBalance({ idempotencyKey: key });
  } catch (e) {
    // An answer (even a refusal) ends the attempt: only one without an answer is retried with its key.
    if (e instanceof BillingApiError && e.status !== 0) pendingKeys.delete(list);
    throw e;
  }
  pendingKeys.delete(list);
  list['outcome'] = { kind: 'result', result, pm };
  if (page.value) page.value = { ...page.value, balance: result.balance };
  if (result.outcome === 'paid') {
    list['changed']('invoices', result);
  } else if (result.payments.length > 0) {
    list.refresh();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-settle-outcome': BillingSettleOutcome;
  }
}
