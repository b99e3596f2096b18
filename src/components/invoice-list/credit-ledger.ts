/**
 * `<billing-credit-ledger>`, private to `<billing-invoice-list>`: the credit ledger
 * (`GET /credits`) in a dialog, where the credit balance came from and where it went,
 * newest first and paged: "Overpayment on INV-2026-0003 +€100.00", "Applied to
 * INV-2026-0005 −€60.00", each with the balance after it. A chunk of its own, loaded when
 * the user first opens it (from the credit balance, or from an invoice's credit line).
 */
import { css, html, nothing } from 'lit';
import type { CreditLedger } from '../../client/client.js';
import { joinMessages } from '../../i18n/join.js';
import { BillingElement } from '../../internal/billing-element.js';
import { defineElement } from '../../internal/define-element.js';
import { dialogStyles } from '../../internal/dialog.styles.js';
import { currencyDigits, formatMoney } from '../../internal/money.js';
import { Query } from '../../internal/query.js';
import { emptyState } from '../../internal/states.js';
import { creditEntryText } from './credit.js';
import { de, en, nl } from './invoice-detail.messages.js';
import { InvoiceElement } from './invoice-element.js';
import { de as listDe, en as listEn, nl as listNl } from './invoice-list.messages.js';
import { invoiceSharedStyles } from './invoice-list.styles.js';

/** Entries a page. */
export const PAGE_SIZE = 10;

const styles = css`
  dialog {
    width: min(40rem, calc(100vw - 2rem));
    max-width: none;
    max-height: calc(100dvh - 2rem);
  }
  .dialog-head {
    display: flex;
    gap: var(--_space);
    align-items: start;
    justify-content: space-between;
    margin-bottom: var(--_space);
  }
  dialog h2 {
    margin: 0;
  }
  button.close {
    min-width: 2.25rem;
    padding: 0;
    font-size: 1.25rem;
    line-height: 1;
  }
  .balance {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .table-wrap {
    overflow-x: auto;
    margin: var(--_space) 0;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  thead th {
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .num {
    text-align: end;
    white-space: nowrap;
  }
  td.entry {
    overflow-wrap: anywhere;
  }
  .amount.added {
    color: var(--_success);
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    justify-content: space-between;
  }
  .pager [aria-hidden]:dir(rtl) {
    display: inline-flex;
    scale: -1 1;
  }
  .range {
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .actions {
    display: flex;
    justify-content: end;
    margin-top: calc(var(--_space) * 2);
  }
  /* A phone: the headings wrap, the cells and the frame take less room. */
  thead th.num {
    white-space: normal;
  }
  @media (max-width: 30rem) {
    dialog {
      padding: calc(var(--_space) * 1.5);
    }
    th,
    td {
      padding-inline: calc(var(--_space) / 2);
    }
  }
`;

/** The credit ledger in a modal dialog, paged on the server. */
export class BillingCreditLedger extends InvoiceElement {
  static override styles = [...BillingElement.styles, dialogStyles, invoiceSharedStyles, styles];
  static override messages = joinMessages({ en: listEn, nl: listNl, de: listDe }, { en, nl, de });

  static override properties = {
    offset: { state: true },
  };

  /** The first entry of the page shown. */
  private offset = 0;

  /** Where the focus goes back to when the dialog closes. */
  returnFocus: HTMLElement | null = null;

  #ledger = new Query(this, {
    topics: ['invoices'],
    args: () => [this.offset] as const,
    run: (client, signal, [offset]) => client.listCredit({ offset, limit: PAGE_SIZE }, { signal }),
  });

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  protected override updated(): void {
    const d = this.#dialog;
    if (d && !d.open && this.isConnected) d.showModal();
  }

  #close(): void {
    this.#dialog?.close();
  }

  /** After the dialog closed: the element goes, the focus returns to what opened it. */
  #closed(): void {
    this.remove();
    this.returnFocus?.focus();
  }

  /** `+€100.00`, `−€60.00`: money with its sign, in the locale's way. */
  #signed(minor: number, currency: string): string {
    return new Intl.NumberFormat(this.locale, { style: 'currency', currency, signDisplay: 'exceptZero' }).format(
      minor / 10 ** currencyDigits(currency),
    );
  }

  #renderLedger(ledger: CreditLedger): unknown {
    const money = (n: number) => formatMoney(n, ledger.currency, this.locale);
    const balance = html`<p class="balance">
      ${this.t('invoices.credit.balance', { amount: money(ledger.balance) })}
    </p>`;
    if (ledger.total === 0) {
      return html`${balance}${emptyState(this.t('invoices.credit.empty.title'), this.t('invoices.credit.empty.body'))}`;
    }
    const from = ledger.offset + 1;
    const to = ledger.offset + ledger.entries.length;
    const busy = this.#ledger.loading;
    return html`${balance}
      <p class="note">${this.t('invoices.credit.rule')}</p>
      <div class="table-wrap" role="region" aria-label=${this.t('invoices.credit.caption')} tabindex="0">
        <table aria-busy=${busy}>
          <caption class="visually-hidden">
            ${this.t('invoices.credit.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${this.t('invoices.credit.col.date')}</th>
              <th scope="col">${this.t('invoices.credit.col.entry')}</th>
              <th scope="col" class="num">${this.t('invoices.credit.col.amount')}</th>
              <th scope="col" class="num">${this.t('invoices.credit.col.balance')}</th>
            </tr>
          </thead>
          <tbody>
            ${ledger.entries.map(
              (e) =>
                html`<tr data-kind=${e.kind}>
                  <td class="date">${this.fmtDate(e.on)}</td>
                  <td class="entry">${creditEntryText((k, p) => this.t(k, p), e)}</td>
                  <td class="num amount ${e.amount > 0 ? 'added' : 'used'}">
                    ${this.#signed(e.amount, ledger.currency)}
                  </td>
                  <td class="num after">${money(e.balance)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        ledger.offset === 0 && to >= ledger.total
          ? nothing
          : html`<nav class="pager" aria-label=${this.t('invoices.credit.pager.label')}>
              <button
                type="button"
                ?disabled=${ledger.offset === 0 || busy}
                @click=${() => (this.offset = Math.max(0, ledger.offset - PAGE_SIZE))}
              >
                <span aria-hidden="true">←</span> ${this.t('invoices.pager.previous')}
              </button>
              <span class="range" aria-live="polite"
                >${this.t('invoices.credit.pager.range', {
                  count: ledger.total,
                  from: this.fmtCount(from),
                  to: this.fmtCount(to),
                  n: this.fmtCount(ledger.total),
                })}</span
              >
              <button
                type="button"
                ?disabled=${to >= ledger.total || busy}
                @click=${() => (this.offset = ledger.offset + PAGE_SIZE)}
              >
                ${this.t('invoices.pager.next')} <span aria-hidden="true">→</span>
              </button>
            </nav>`
      }`;
  }

  protected override render() {
    return html`<dialog part="dialog" aria-labelledby="credit-title" @close=${this.#closed}>
      <div class="dialog-head">
        <h2 id="credit-title">${this.t('invoices.credit.title')}</h2>
        <button type="button" class="close" aria-label=${this.t('common.close')} @click=${this.#close}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      ${this.renderQuery(this.#ledger, (l) => this.#renderLedger(l), 5)}
      <div class="actions">
        <button type="button" class="primary" @click=${this.#close}>${this.t('common.close')}</button>
      </div>
    </dialog>`;
  }
}

/**
 * Opens the ledger in `from`'s shadow root (so it finds the same provider, and speaks
 * `from`'s language); the focus returns to what had it when the dialog closes.
 */
export function open(from: HTMLElement): BillingCreditLedger {
  const root = from.shadowRoot!;
  const el = document.createElement('billing-credit-ledger');
  el.lang = from.lang;
  el.returnFocus = root.activeElement as HTMLElement | null;
  root.append(el);
  return el;
}

/** Defines the tag (once): loaded when the ledger is first opened. */
export function define(): void {
  defineElement('billing-credit-ledger', BillingCreditLedger);
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-credit-ledger': BillingCreditLedger;
  }
}
