import { BillingApiError } from '../client/errors.js';
import { defineElement } from './define-element.js';
import { onDemand } from './on-demand.js';

/**
 * A private element of the kit: a piece that only a user's act shows (a dialog, a panel, a
 * review), a small element of its own, tagged `billing-*` but not exported by the package.
 * Its module is a chunk of its own, loaded the first time it is needed.
 */
export interface PrivateElement {
  readonly tag: string;
  /**
   * Loads the element's module and defines its tag, once. A module that cannot be
   * fetched (offline, a deployment that replaced the chunk) rejects as a network
   * `BillingApiError`, so the owner shows it like a failed request, with a retry; the
   * next call tries again.
   */
  load(): Promise<void>;
}

/**
 * Declares the private element `tag`, whose class `load` imports on first use.
 *
 * @example
 * const detail = privateElement('billing-invoice-detail', () =>
 *   import('./invoice-detail.js').then((m) => m.BillingInvoiceDetail));
 * await detail.load();
 */
export function privateElement(tag: string, load: () => Promise<CustomElementConstructor>): PrivateElement {
  const define = onDemand(() => load().then((ctor) => void defineElement(tag, ctor)));
  return {
    tag,
    load: () =>
      define().catch((cause: unknown) => {
        throw new BillingApiError({ status: 0, kind: 'network', message: String(cause), cause });
      }),
  };
}
