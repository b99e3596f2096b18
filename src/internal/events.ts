import type { ChangeTopic } from '../context/context.js';
import type { BillingApiError } from '../client/errors.js';
import type { PaymentMethod } from '../client/client.js';

/**
 * Fired after a change made through a billing element was confirmed by the server
 * (a user deactivated, licenses ordered, contacts saved…). Bubbles and is composed, so
 * a host can listen on the document.
 */
export class BillingChangeEvent extends Event {
  static readonly eventName = 'billing-change';
  constructor(
    readonly topic: ChangeTopic,
    readonly detail: unknown = undefined,
  ) {
    super(BillingChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when a request of a billing element failed; a host may log it. */
export class BillingErrorEvent extends Event {
  static readonly eventName = 'billing-error';
  constructor(readonly error: BillingApiError) {
    super(BillingErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * Fired when the user asks to update (or add) the payment method. Updating it is the
 * host's job: open your payment provider's form, and when it is done call the element's
 * `paymentMethodUpdated()` (or the provider's `refresh()`). `current` is the method on
 * file (never a card number), `null` when there is none.
 */
export class BillingUpdatePaymentMethodEvent extends Event {
  static readonly eventName = 'billing-update-payment-method';
  constructor(readonly current: PaymentMethod | null = null) {
    super(BillingUpdatePaymentMethodEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'billing-change': BillingChangeEvent;
    'billing-error': BillingErrorEvent;
    'billing-update-payment-method': BillingUpdatePaymentMethodEvent;
  }
}
