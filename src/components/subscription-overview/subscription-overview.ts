import { html } from 'lit';
import { BillingElement } from '../../internal/billing-element.js';

/**
 * (Being built.)
 *
 * @summary (Being built.)
 */
export class BillingSubscriptionOverview extends BillingElement {
  protected override render() {
    return html``;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-subscription-overview': BillingSubscriptionOverview;
  }
}
