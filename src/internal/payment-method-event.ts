import type { PaymentMethod } from '../client/client.js';

/**
 * Fired when the user asks to update (or add) the payment method. Updating it is the
 * host's job: open your payment provider's form, and when it is done call the element's
 * `paymentMethodUpdated()` (or the provider's `refresh()`). `current` is the method on
 * file (never a card number), `null` when there is none.
 */
export class BillingUpdatePaymentMethodEvent extends Event {
  static get eventName(): 'billing-update-payment-method' {
    return 'billing-update-payment-method';
  }
  constructor(readonly current: PaymentMethod | null = null) {
    super(BillingUpdatePaymentMethodEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'billing-update-payment-method': BillingUpdatePaymentMethodEvent;
  }
}
