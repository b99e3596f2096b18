/**
 * `<billing-invoice-detail>`, private to `<billing-invoice-list>`: the body of the invoice
 * dialog (dates, PO number, status, lines, totals, payments). A chunk of its own with its
 * styles and messages, loaded when the user first opens an invoice.
 */
import { html, nothing } from 'lit';
import type { Invoice } from '../../client/client.js';
import { joinMessages } from '../../i18n/join.js';
import { BillingElement } from '../../internal/billing-element.js';
import { defineElement } from '../../internal/define-element.js';
import { de, en, nl } from './invoice-detail.messages.js';
import { invoiceDetailStyles } from './invoice-detail.styles.js';
import { InvoiceElement } from './invoice-element.js';
import { de as listDe, en as listEn, nl as listNl } from './invoice-list.messages.js';
import { invoiceSharedStyles } from './invoice-list.styles.js';

type Line = Invoice['lines'][number];
type ChargedKind = Exclude<Line['kind'], 'credit'>;

export class BillingInvoiceDetail extends InvoiceElement {
  static override styles = [...BillingElement.styles, invoiceSharedStyles, invoiceDetailStyles];
  static override messages = joinMessages({ en: listEn, nl: listNl, de: listDe }, { en, nl, de });

  static override properties = {
    invoice: { attribute: false },
  };

  /** The invoice shown. */
  invoice: Invoice | undefined;

  /**
   * What a line is for, worded from its kind and params in the reader's language (the
   * backend sends no sentence); nothing when the params it needs are missing.
   */
  #detail(l: Line) {
    const p = l.params ?? {};
    const count = (key: 'invoices.count.users' | 'invoices.count.licenses' | 'invoices.count.months', n: number) =>
      this.t(key, { count: n, n: this.fmtCount(n) });
    let text: string | undefined;
    if (l.kind === 'base-fee' && p.plan !== undefined && p.included !== undefined) {
      text = this.t('invoices.line.base-fee.detail', {
        plan: p.plan,
        users: count('invoices.count.users', p.included),
      });
    } else if (l.kind === 'extra-users' && p.included !== undefined) {
      text = l.peak
        ? this.t('invoices.line.extra-users.detail', {
            users: count('invoices.count.users', p.included),
            peak: this.fmtCount(l.peak.count),
            date: this.fmtDate(l.peak.on),
          })
        : this.t('invoices.line.extra-users.none');
    } else if (l.kind === 'users' && p.model) {
      const rule = this.t(
        p.model === 'full-month'
          ? p.qualifyingActivity
            ? 'invoices.line.users.full-month.activity'
            : 'invoices.line.users.full-month'
          : p.model === 'invited'
            ? 'invoices.line.users.invited'
            : 'invoices.line.users.per-user',
      );
      text = p.plan === undefined ? rule : this.t('invoices.line.of-plan', { plan: p.plan, text: rule });
    } else if (
      (l.kind === 'licenses' || l.kind === 'proration') &&
      p.licenses !== undefined &&
      p.months !== undefined
    ) {
      const licenses = this.t('invoices.line.licenses.detail', {
        licenses: count('invoices.count.licenses', p.licenses),
        months: count('invoices.count.months', p.months),
      });
      const days =
        l.kind === 'proration' && p.days !== undefined && p.periodDays !== undefined
          ? this.t('invoices.line.proration.days', {
              count: p.days,
              days: this.fmtCount(p.days),
              of: this.fmtCount(p.periodDays),
            })
          : '';
      const period = l.periodStart && l.periodEnd ? this.period(l.periodStart, l.periodEnd) : '';
      text = [
        p.plan === undefined ? licenses : this.t('invoices.line.of-plan', { plan: p.plan, text: licenses }),
        days,
        period,
      ]
        .filter(Boolean)
        .join(', ');
    }
    return text ? html`<span class="sub line-description">${text}</span>` : nothing;
  }

  /** The invoice's dates, PO number and status, its lines, totals and payments. */
  protected override render() {
    const inv = this.invoice;
    if (!inv) return nothing;
    const money = (n: number) => this.fmtMoney(n, inv.currency);
    const upcoming = inv.status === 'upcoming';
    const item = (label: string, value: unknown, cls = '') =>
      html`<div>
        <dt>${label}</dt>
        <dd class=${cls}>${value}</dd>
      </div>`;
    const total = (cls: string, label: unknown, amount: number) =>
      html`<div class=${cls}>
        <dt>${label}</dt>
        <dd>${money(amount)}</dd>
      </div>`;
    // Credit is shown once, in the totals.
    const lines = inv.lines.filter((l): l is Line & { kind: ChargedKind } => l.kind !== 'credit');
    const rate = new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 2 }).format(
      inv.taxRate / 10_000,
    );
    return html`<dl class="meta">
        ${item(this.t('invoices.detail.period'), this.period(inv.periodStart, inv.periodEnd))}
        ${item(this.t(upcoming ? 'invoices.detail.issued.upcoming' : 'invoices.detail.issued'), this.fmtDate(inv.issuedOn))}
        ${upcoming ? nothing : item(this.t('invoices.detail.due'), this.fmtDate(inv.dueOn))}
        ${inv.poNumber ? item(this.t('invoices.detail.po'), inv.poNumber, 'po') : nothing}
        ${item(this.t('invoices.col.status'), this.statusBadge(inv))}
      </dl>
      ${upcoming ? html`<p class="note provisional-note">${this.t('invoices.upcoming.note', { date: this.fmtDate(inv.issuedOn) })}</p>` : nothing}
      <table class="lines">
        <caption class="visually-hidden">
          ${this.t('invoices.detail.lines')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.t('invoices.detail.col.description')}</th>
            <th scope="col" class="num col-qty">${this.t('invoices.detail.col.quantity')}</th>
            <th scope="col" class="num col-unit">${this.t('invoices.detail.col.unit-price')}</th>
            <th scope="col" class="num">${this.t('invoices.detail.col.amount')}</th>
          </tr>
        </thead>
        <tbody>
          ${lines.map(
            (l) =>
              html`<tr class="line ${l.kind}" data-kind=${l.kind}>
                <th scope="row">
                  <span class="line-kind">${this.t(`invoices.line.${l.kind}`)}</span>
                  ${
                    l.kind === 'user-count' && l.peak
                      ? html`<span class="sub rule"
                          >${this.t('invoices.line.user-count.peak', {
                            count: this.fmtCount(l.peak.count),
                            date: this.fmtDate(l.peak.on),
                          })}</span
                        >`
                      : this.#detail(l)
                  }
                  <span class="sub qty-inline"
                    >${
                      l.informative
                        ? this.fmtCount(l.quantity)
                        : this.t('invoices.detail.qty-price', {
                            quantity: this.fmtCount(l.quantity),
                            price: money(l.unitPrice),
                          })
                    }</span
                  >
                </th>
                <td class="num col-qty quantity">${this.fmtCount(l.quantity)}</td>
                <td class="num col-unit">${l.informative ? '—' : money(l.unitPrice)}</td>
                <td class="num amount">
                  ${l.informative ? html`<span class="sub">${this.t('invoices.detail.informative')}</span>` : money(l.amount)}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <dl class="totals">
        ${total('subtotal', this.t('invoices.detail.subtotal'), inv.subtotal)}
        ${total('tax', this.t('invoices.detail.tax', { rate }), inv.tax)}
        ${total('total', this.t('invoices.detail.total'), inv.total)}
        ${
          inv.creditApplied > 0
            ? html`${total(
                'credit',
                html`${this.t('invoices.detail.credit')}
                  <span class="sub">${this.t('invoices.detail.credit.body')}</span>`,
                -inv.creditApplied,
              )}
              ${total('amount-due', this.t('invoices.detail.amount-due'), inv.amountDue)}`
            : nothing
        }
        ${!upcoming && inv.balance > 0 ? total('balance', this.t('invoices.detail.balance'), inv.balance) : nothing}
      </dl>
      ${
        upcoming
          ? nothing
          : html`<h3>${this.t('invoices.detail.payments')}</h3>
              ${
                inv.payments?.length
                  ? html`<ul class="payments">
                      ${inv.payments.map(
                        (p) =>
                          html`<li class=${p.outcome}>
                            <span>${this.fmtDate(p.on)}</span>
                            <span
                              >${
                                p.outcome === 'succeeded'
                                  ? this.t('invoices.detail.payment.succeeded', { amount: money(p.amount) })
                                  : this.t('invoices.detail.payment.declined', {
                                      reason: this.reason(p.declineReason ?? 'declined'),
                                    })
                              }</span
                            >
                          </li>`,
                      )}
                    </ul>`
                  : html`<p class="note">${this.t('invoices.detail.payments.none')}</p>`
              }`
      }`;
  }
}

/** Defines the tag (once): the list loads this module when an invoice is first opened. */
export function define(): void {
  defineElement('billing-invoice-detail', BillingInvoiceDetail);
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-invoice-detail': BillingInvoiceDetail;
  }
}
