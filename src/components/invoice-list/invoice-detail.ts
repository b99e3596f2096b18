/**
 * The body of the invoice detail dialog of `<billing-invoice-list>`: loaded when the user
 * first opens an invoice (a chunk of its own, with its styles and messages), so a page
 * that only lists invoices does not download it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Invoice } from '../../client/client.js';
import type { MessageParams } from '../../i18n/index.js';
import { addStyles } from '../../internal/on-demand.js';
import { en, nl } from './invoice-detail.messages.js';
import { invoiceDetailStyles } from './invoice-detail.styles.js';
import type { ListHelpers } from './on-demand.js';

/**
 * The part's messages, English bundled and Dutch on first use (a plain object: a module
 * namespace would need a bundler helper shared with the element's entry chunk).
 */
export const messages = { en, nl };

type Key = keyof typeof en;
type Line = Invoice['lines'][number];
type ChargedKind = Exclude<Line['kind'], 'credit'>;

const tr = (h: ListHelpers, key: Key, params?: MessageParams): string => h.own(messages, key, params);

/** The invoice's dates, PO number and status, its lines, totals and payments. */
export function renderDetail(h: ListHelpers, inv: Invoice): TemplateResult {
  addStyles(h.root, invoiceDetailStyles);
  const money = (n: number) => h.money(n, inv.currency);
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
  const rate = new Intl.NumberFormat(h.locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    inv.taxRate / 10_000,
  );
  return html`<dl class="meta">
      ${item(tr(h, 'invoices.detail.period'), h.period(inv.periodStart, inv.periodEnd))}
      ${item(tr(h, upcoming ? 'invoices.detail.issued.upcoming' : 'invoices.detail.issued'), h.date(inv.issuedOn))}
      ${upcoming ? nothing : item(tr(h, 'invoices.detail.due'), h.date(inv.dueOn))}
      ${inv.poNumber ? item(tr(h, 'invoices.detail.po'), inv.poNumber, 'po') : nothing}
      ${item(h.t('invoices.col.status'), h.badge(inv))}
    </dl>
    ${upcoming ? html`<p class="note provisional-note">${h.t('invoices.upcoming.note', { date: h.date(inv.issuedOn) })}</p>` : nothing}
    <table class="lines">
      <caption class="visually-hidden">
        ${tr(h, 'invoices.detail.lines')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${tr(h, 'invoices.detail.col.description')}</th>
          <th scope="col" class="num col-qty">${tr(h, 'invoices.detail.col.quantity')}</th>
          <th scope="col" class="num col-unit">${tr(h, 'invoices.detail.col.unit-price')}</th>
          <th scope="col" class="num">${tr(h, 'invoices.detail.col.amount')}</th>
        </tr>
      </thead>
      <tbody>
        ${lines.map(
          (l) =>
            html`<tr class="line ${l.kind}" data-kind=${l.kind}>
              <th scope="row">
                <span class="line-kind">${tr(h, `invoices.line.${l.kind}`)}</span>
                ${
                  l.kind === 'user-count' && l.peak
                    ? html`<span class="sub rule"
                        >${tr(h, 'invoices.line.user-count.peak', {
                          count: h.count(l.peak.count),
                          date: h.date(l.peak.on),
                        })}</span
                      >`
                    : html`<span class="sub line-description">${l.description}</span>`
                }
                <span class="sub qty-inline"
                  >${
                    l.informative
                      ? h.count(l.quantity)
                      : tr(h, 'invoices.detail.qty-price', { quantity: h.count(l.quantity), price: money(l.unitPrice) })
                  }</span
                >
              </th>
              <td class="num col-qty quantity">${h.count(l.quantity)}</td>
              <td class="num col-unit">${l.informative ? '—' : money(l.unitPrice)}</td>
              <td class="num amount">
                ${l.informative ? html`<span class="sub">${tr(h, 'invoices.detail.informative')}</span>` : money(l.amount)}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    <dl class="totals">
      ${total('subtotal', tr(h, 'invoices.detail.subtotal'), inv.subtotal)}
      ${total('tax', tr(h, 'invoices.detail.tax', { rate }), inv.tax)}
      ${total('total', tr(h, 'invoices.detail.total'), inv.total)}
      ${
        inv.creditApplied > 0
          ? html`${total(
              'credit',
              html`${tr(h, 'invoices.detail.credit')} <span class="sub">${tr(h, 'invoices.detail.credit.body')}</span>`,
              -inv.creditApplied,
            )}
            ${total('amount-due', tr(h, 'invoices.detail.amount-due'), inv.amountDue)}`
          : nothing
      }
      ${!upcoming && inv.balance > 0 ? total('balance', tr(h, 'invoices.detail.balance'), inv.balance) : nothing}
    </dl>
    ${
      upcoming
        ? nothing
        : html`<h3>${tr(h, 'invoices.detail.payments')}</h3>
            ${
              inv.payments?.length
                ? html`<ul class="payments">
                    ${inv.payments.map(
                      (p) =>
                        html`<li class=${p.outcome}>
                          <span>${h.date(p.on)}</span>
                          <span
                            >${
                              p.outcome === 'succeeded'
                                ? tr(h, 'invoices.detail.payment.succeeded', { amount: money(p.amount) })
                                : tr(h, 'invoices.detail.payment.declined', {
                                    reason: h.reason(p.declineReason ?? 'declined'),
                                  })
                            }</span
                          >
                        </li>`,
                    )}
                  </ul>`
                : html`<p class="note">${tr(h, 'invoices.detail.payments.none')}</p>`
            }`
    }`;
}
