import type { ChangeTopic } from '../context/context.js';
import type { BillingApiError } from '../client/errors.js';

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

declare global {
  interface GlobalEventHandlersEventMap {
    'billing-change': BillingChangeEvent;
    'billing-error': BillingErrorEvent;
  }
}
