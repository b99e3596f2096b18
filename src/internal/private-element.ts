import { BillingApiError } from '../client/errors.js';
import { onDemand } from './on-demand.js';

/**
 * What a private element's module gives its owner: `define()`, which registers the
 * element's tag (`billing-*`, not exported by the package) unless the page has it, with
 * `defineElement`. The module may export what else its owner needs once it is loaded.
 */
export interface PrivateElementModule {
  define(): void;
}

/**
 * A private element of the kit: a piece that only a user's act shows (a dialog, a panel, a
 * review), a small element of its own, whose module is a chunk of its own. Declared with
 * the loader of its module, as a function that loads the module the first time it is
 * called, defines the element's tag and answers with the module (the module names its own
 * tag, so its owner's bundle does not). A module that cannot be fetched (offline, a
 * deployment that replaced the chunk) rejects as a network `BillingApiError`, so the owner
 * shows it like a failed request, with a retry; the next call tries again (see `onDemand`).
 *
 * @example
 * const detail = privateElement(() => import('./invoice-detail.js'));
 * await detail();
 */
export function privateElement<M extends PrivateElementModule>(load: () => Promise<M>): () => Promise<M> {
  return onDemand(() =>
    load().then(
      (m) => {
        m.define();
        return m;
      },
      (cause: unknown) => {
        throw new BillingApiError({ status: 0, kind: 'network', message: String(cause), cause });
      },
    ),
  );
}
