import { html } from 'lit';
import { BillingElement } from '../../internal/billing-element.js';

/**
 * (Being built.)
 *
 * @summary (Being built.)
 */
export class BillingInvoiceList extends BillingElement {
  protected override render() {
    return html``;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-invoice-list': BillingInvoiceList;
  }
}
