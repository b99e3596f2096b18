/**
 * The order history of <billing-subscription-overview>, loaded on demand: it shows only
 * once an admin opens the "Order history" disclosure, so a page view that leaves it
 * closed does not download it. The overview fetches the orders and keeps the disclosure.
 */
import { css, html, type TemplateResult } from 'lit';
import type { Order } from '../../client/client.js';
import { en, nl } from './order-history.messages.js';
import { part } from './part.js';
import type { OverviewHost } from './types.js';

const styles = css`
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

const self = part(styles, { en, nl });
const { t } = self;
export const ready = self.ready;

/** Every order, newest first, in a table that scrolls sideways on a narrow screen. */
export function render(host: OverviewHost, orders: Order[]): TemplateResult {
  self.follow(host);
  if (orders.length === 0) return html`<p class="none">${t(host, 'overview.orders.none')}</p>`;
  const currency = host.data?.sub.currency ?? 'EUR';
  return html`<div class="table-wrap" role="region" aria-label=${host.t('overview.orders.title')} tabindex="0">
    <table>
      <caption class="visually-hidden">
        ${t(host, 'overview.orders.caption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t(host, 'overview.orders.placed')}</th>
          <th scope="col">${t(host, 'overview.orders.change')}</th>
          <th scope="col">${t(host, 'overview.orders.effective')}</th>
          <th scope="col" class="num">${t(host, 'overview.orders.amount')}</th>
        </tr>
      </thead>
      <tbody>
        ${orders.map(
          (o) =>
            html`<tr data-kind=${o.kind}>
              <td>${host.fmtDate(o.placedOn)}</td>
              <td>${host.changeText(o)}</td>
              <td>${host.fmtDate(o.effectiveOn)}</td>
              <td class="num">
                ${o.amount !== undefined ? host.fmtMoney(o.amount, currency) : t(host, 'overview.orders.no-amount')}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
