/**
 * `<billing-invoice-detail>`, private to `<billing-invoice-list>`: the body of the invoice
 * dialog (dates, PO number, status, lines, totals, payments). A chunk of its own with its
 * styles and messages, loaded when the user first opens an invoice.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Invoice } from '../../client/client.js';
import { joinMessages } from '../../i18n/join.js';
import { BillingElement } from '../../internal/billing-element.js';
import { defineElement } from '../../internal/define-element.js';
import type { PeopleFigure } from '../../internal/events.js';
import { privateElement } from '../../internal/private-element.js';
import { Query } from '../../internal/query.js';
import { showPeople } from '../../internal/show-people.js';
import { errorMessage } from '../../internal/states.js';
import { creditEntryText, creditSources, wholeLedger } from './credit.js';
import { de, en, nl } from './invoice-detail.messages.js';
import { invoiceDetailStyles } from './invoice-detail.styles.js';
import { InvoiceElement } from './invoice-element.js';
import { de as listDe, en as listEn, nl as listNl } from './invoice-list.messages.js';
import { invoiceSharedStyles } from './invoice-list.styles.js';
import { formatMoney } from '../../internal/money.js';

type Line = Invoice['lines'][number];
type ChargedKind = Exclude<Line['kind'], 'credit'>;

/**
 * The credit ledger (a chunk of its own, like the detail), opened from the credit line
 * or, through {@link openLedger}, from the list's credit balance. Tests replace it to see
 * what shows when it cannot be loaded.
 */
export const parts = {
  ledger: privateElement(() => import('./credit-ledger.js')),
};

/**
 * Opens the credit ledger in `from`'s shadow root; rejects (a network `BillingApiError`)
 * when its chunk cannot be loaded.
 */
export async function openLedger(from: HTMLElement): Promise<void> {
  (await parts.ledger()).open(from);
}

export class BillingInvoiceDetail extends InvoiceElement {
  static override styles = [...BillingElement.styles, invoiceSharedStyles, invoiceDetailStyles];
  static override messages = joinMessages({ en: listEn, nl: listNl, de: listDe }, { en, nl, de });

  static override properties = {
    invoice: { attribute: false },
    notice: { state: true },
  };

  /** The invoice shown. */
  invoice: Invoice | undefined;

  /** Why the people or the credit history could not be shown. */
  private notice = '';

  /** The whole credit ledger, for an invoice with credit applied (where it came from); else nothing. */
  #credit = new Query(this, {
    topics: ['invoices'],
    args: () => [this.invoice && this.invoice.creditApplied > 0 ? this.invoice.id : ''] as const,
    run: (client, signal, [id]) => (id ? wholeLedger(client, signal) : Promise.resolve(undefined)),
  });

  /** Opens the people behind a figure of `inv` (the host may route there instead). */
  #people(inv: Invoice, figure: PeopleFigure, count: number): TemplateResult | typeof nothing {
    if (count <= 0) return nothing;
    return html`<button
      type="button"
      class="link people"
      aria-haspopup="dialog"
      data-figure=${figure}
      @click=${() => {
        this.notice = '';
        showPeople(this, { month: inv.periodStart.slice(0, 7), figure, count }).catch((e: unknown) => {
          this.notice = this.t('invoices.people.failed', { reason: errorMessage(this.locale, this.reportError(e)) });
        });
      }}
    >
      ${this.t(figure === 'licenses' ? 'invoices.people.licenses' : 'invoices.people.users', { count, n: this.fmtCount(count) })}
    </button>`;
  }

  /** The people behind a line: its billed users, or its licenses. */
  #peopleOf(inv: Invoice, l: Line): TemplateResult | typeof nothing {
    if (l.kind === 'user-count' || l.kind === 'users') return this.#people(inv, l.kind, l.quantity);
    if (l.kind === 'extra-users') return this.#people(inv, 'extra-users', l.peak?.count ?? 0);
    if (l.kind === 'licenses') return this.#people(inv, 'licenses', l.params?.licenses ?? l.quantity);
    return nothing;
  }

  /**
   * A line's arithmetic, as the contract states it (amount = quantity × unit price; a
   * proration × days / days of the period, its quantity licenses × months), in words a
   * reader can redo: "2 licenses × €20.00 × 6 months × 91/181 days = €120.66".
   */
  #math(l: Line, money: (n: number) => string): string {
    const p = l.params ?? {};
    const counted = (key: 'invoices.count.users' | 'invoices.count.licenses' | 'invoices.count.months', n: number) =>
      this.t(key, { count: n, n: this.fmtCount(n) });
    const price = money(l.unitPrice);
    const amount = money(l.amount);
    if ((l.kind === 'licenses' || l.kind === 'proration') && p.licenses !== undefined && p.months !== undefined) {
      const parts = {
        licenses: counted('invoices.count.licenses', p.licenses),
        price,
        months: counted('invoices.count.months', p.months),
        amount,
      };
      if (l.kind === 'licenses') return this.t('invoices.math.licenses', parts);
      if (p.days !== undefined && p.periodDays !== undefined) {
        return this.t('invoices.math.proration', {
          ...parts,
          days: this.t('invoices.math.days', {
            count: p.periodDays,
            days: this.fmtCount(p.days),
            of: this.fmtCount(p.periodDays),
          }),
        });
      }
    }
    if (l.kind === 'users' || l.kind === 'extra-users') {
      return this.t('invoices.math.users', { users: counted('invoices.count.users', l.quantity), price, amount });
    }
    return this.t('invoices.math.each', { quantity: this.fmtCount(l.quantity), price, amount });
  }

  /** The quantity column: a proration's share of the period beside its license-months. */
  #quantity(l: Line): string {
    const p = l.params ?? {};
    return l.kind === 'proration' && p.days !== undefined && p.periodDays !== undefined
      ? this.t('invoices.detail.qty-prorated', {
          quantity: this.fmtCount(l.quantity),
          days: this.fmtCount(p.days),
          of: this.fmtCount(p.periodDays),
        })
      : this.fmtCount(l.quantity);
  }

  /** Where the credit applied came from: the ledger's entries that made it, and when it was applied. */
  #creditSource(inv: Invoice, money: (n: number) => string): unknown {
    const q = this.#credit;
    if (q.error) {
      return html`<span class="sub credit-source" role="alert"
        >${this.t('invoices.detail.credit.failed', { reason: errorMessage(this.locale, q.error) })}
        <button type="button" class="link" @click=${() => void q.refresh()}>${this.t('state.retry')}</button></span
      >`;
    }
    if (!q.value) return nothing;
    const { applied, sources } = creditSources(q.value, inv.id, inv.creditApplied);
    if (sources.length === 0) return nothing;
    const list = new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(
      sources.map((s) =>
        this.t('invoices.detail.credit.item', {
          entry: creditEntryText((k, p) => this.t(k, p), s.entry),
          date: this.fmtDate(s.entry.on),
          amount: money(s.used),
        }),
      ),
    );
    return html`<span class="sub credit-source"
      >${
        applied
          ? this.t('invoices.detail.credit.issued', { date: this.fmtDate(applied.on), sources: list })
          : this.t('invoices.detail.credit.upcoming', { sources: list })
      }</span
    >`;
  }

  async #openLedger(): Promise<void> {
    this.notice = '';
    try {
      await openLedger(this);
    } catch (e) {
      this.notice = errorMessage(this.locale, this.reportError(e));
    }
  }

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
    const money = (n: number) => formatMoney(n, inv.currency, this.locale);
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
                  ${l.informative ? nothing : html`<span class="sub math">${this.#math(l, money)}</span>`}
                  ${this.#peopleOf(inv, l)}
                </th>
                <td class="num col-qty quantity">${this.#quantity(l)}</td>
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
        ${total(
          'tax',
          html`${this.t('invoices.detail.tax', { rate })}
            <span class="sub math"
              >${this.t('invoices.math.tax', { rate, subtotal: money(inv.subtotal), tax: money(inv.tax) })}</span
            >`,
          inv.tax,
        )}
        ${total('total', this.t('invoices.detail.total'), inv.total)}
        ${
          inv.creditApplied > 0
            ? html`${total(
                'credit',
                html`${this.t('invoices.detail.credit')}
                  <span class="sub">${this.t('invoices.detail.credit.body')}</span>
                  ${this.#creditSource(inv, money)}
                  <button type="button" class="link ledger" aria-haspopup="dialog" @click=${this.#openLedger}>
                    ${this.t('invoices.credit.open')}
                  </button>`,
                -inv.creditApplied,
              )}
              ${total('amount-due', this.t('invoices.detail.amount-due'), inv.amountDue)}`
            : nothing
        }
        ${!upcoming && inv.balance > 0 ? total('balance', this.t('invoices.detail.balance'), inv.balance) : nothing}
      </dl>
      <p class="note rounding">${this.t('invoices.math.rounding')}</p>
      <p class="note notice" role="status">${this.notice}</p>
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
