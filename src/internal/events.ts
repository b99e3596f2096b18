import type { ChangeTopic } from '../context/context.js';
import type { BillingApiError } from '../client/errors.js';

// Each event's `eventName` is a static getter, not a static field: a field compiles to a
// static block, which a bundler keeps (with its class) in every element that imports this
// module, even one that never fires the event.

/**
 * Fired after a change made through a billing element was confirmed by the server
 * (a user deactivated, licenses ordered, contacts saved…). Bubbles and is composed, so
 * a host can listen on the document.
 */
export class BillingChangeEvent extends Event {
  static get eventName(): 'billing-change' {
    return 'billing-change';
  }
  constructor(
    readonly topic: ChangeTopic,
    readonly detail: unknown = undefined,
  ) {
    super(BillingChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when a request of a billing element failed; a host may log it. */
export class BillingErrorEvent extends Event {
  static get eventName(): 'billing-error' {
    return 'billing-error';
  }
  constructor(readonly error: BillingApiError) {
    super(BillingErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * Which figure a {@link BillingPeopleEvent} opens: an invoice's `user-count`,
 * `extra-users`, `users` or `licenses` line, the overview's `peak`, or the chart's `month`
 * (a bar: the month's billed users) or `day` (a point: the people active that day).
 */
export type PeopleFigure = 'user-count' | 'extra-users' | 'users' | 'licenses' | 'peak' | 'month' | 'day';

/** What a {@link BillingPeopleEvent} asks to show: the people behind one figure. */
export interface PeopleQuery {
  /** The figure's month, `YYYY-MM`: the people are that month's billed users. */
  month: string;
  /** A chart point's day, `YYYY-MM-DD`: the people active that day instead. */
  day?: string;
  figure: PeopleFigure;
  /** The figure as shown; the list's count equals it. */
  count: number;
}

/**
 * Fired when the user opens a figure (a count, a peak, a bar or point of the chart) to
 * see the people behind it. Bubbles, is composed and is cancelable: a host that calls
 * `preventDefault()` routes to its own users page with `detail`; otherwise the element
 * shows the people in a dialog (a `<billing-users-table>` for that month or day).
 */
export class BillingPeopleEvent extends Event {
  static get eventName(): 'billing-people' {
    return 'billing-people';
  }
  constructor(readonly detail: PeopleQuery) {
    super(BillingPeopleEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'billing-change': BillingChangeEvent;
    'billing-error': BillingErrorEvent;
    'billing-people': BillingPeopleEvent;
  }
}
