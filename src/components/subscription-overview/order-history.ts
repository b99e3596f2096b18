/**
 * `<billing-order-history>`, private to `<billing-subscription-overview>`: every order,
 * newest first. Loaded when an admin first opens the "Order history" disclosure (a chunk
 * of its own with its messages); it fetches the orders itself (loading, error with a retry,
 * again after any change of the subscription or its licenses), the overview keeps the
 * disclosure.
 */
import { css, html } from 'lit';
import type { Order } from '../../client/client.js';
import type { ChangeTopic } from '../../context/context.js';
import { joinMessages } from '../../i18n/join.js';
import { BillingElement } from '../../internal/billing-element.js';
import { defineElement } from '../../internal/define-element.js';
import { Query } from '../../internal/query.js';
import { de, en, nl } from './order-history.messages.js';
import { OverviewElement } from './overview-element.js';
import { de as overviewDe, en as overviewEn, nl as overviewNl } from './subscription-overview.messages.js';
import type { OverviewData } from './types.js';
import { formatMoney } from '../../internal/money.js';

/** The changes that make orders (the overview's topics: any change may). */
const TOPICS: readonly ChangeTopic[] = ['subscription', 'licenses', 'users', 'invoices', 'details'];

const styles = css`
  :host {
    display: block;
  }
  .state,
  .none {
    margin: calc(var(--_space) * 2);
  }
  .state {
    min-height: 6rem;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    text-align: start;
    padding: var(--_space) calc(var(--_space) * 2);
    border-bottom: 1px solid var(--_border);
    white-space: nowrap;
  }
  td:nth-child(2) {
    white-space: normal;
  }
  tbody tr:last-child td {
    border-bottom: none;
  }
  th {
    background: var(--_subtle);
    font-weight: 600;
    font-size: 0.9rem;
  }
  .num {
    text-align: end;
  }
`;

/** Every order, newest first, in a table that scrolls sideways on a narrow screen. */
export class BillingOrderHistory extends OverviewElement {
  static override styles = [...BillingElement.styles, styles];
  static override messages = joinMessages({ en: overviewEn, nl: overviewNl, de: overviewDe }, { en, nl, de });

  static override properties = {
    data: { attribute: false },
  };

  /** The orders, newest first. */
  #orders = new Query(this, {
    topics: TOPICS,
    run: async (client, signal) => (await client.listOrders({ signal })).items,
  });

  /** The overview's data (plan names, currency). */
  data: OverviewData | undefined;

  /** Fetches the orders again. */
  refresh(): void {
    void this.#orders.refresh();
  }

  protected override render() {
    return this.renderQuery(this.#orders, (orders) => this.#renderTable(orders), 3);
  }

  #renderTable(orders: Order[]) {
    if (orders.length === 0) return html`<p class="none">${this.t('overview.orders.none')}</p>`;
    const currency = this.data?.sub.currency ?? 'EUR';
    return html`<div class="table-wrap" role="region" aria-label=${this.t('overview.orders.title')} tabindex="0">
      <table>
        <caption class="visually-hidden">
          ${this.t('overview.orders.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.t('overview.orders.placed')}</th>
            <th scope="col">${this.t('overview.orders.change')}</th>
            <th scope="col">${this.t('overview.orders.effective')}</th>
            <th scope="col" class="num">${this.t('overview.orders.amount')}</th>
          </tr>
        </thead>
        <tbody>
          ${orders.map(
            (o) =>
              html`<tr data-kind=${o.kind}>
                <td>${this.fmtDate(o.placedOn)}</td>
                <td>${this.changeText(this.data, o)}</td>
                <td>${this.fmtDate(o.effectiveOn)}</td>
                <td class="num">
                  ${o.amount !== undefined ? formatMoney(o.amount, currency, this.locale) : this.t('overview.orders.no-amount')}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

/** Defines the tag (once): the overview loads this module when the order history is first opened. */
export function define(): void {
  defineElement('billing-order-history', BillingOrderHistory);
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-order-history': BillingOrderHistory;
  }
}
