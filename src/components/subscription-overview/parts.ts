import { onDemand } from '../../internal/on-demand.js';

/**
 * The parts of <billing-subscription-overview> that load on demand, each a chunk of its own
 * fetched when an admin first needs it: the confirmation dialog (after asking for a change)
 * and the order history (when opening it). A failed download is tried again on the next
 * call. An object rather than bare `import()`s, so that a test can slow a part down or make
 * it fail, as a flaky network would.
 */
export const parts = {
  dialog: onDemand(() => import('./change-dialog.js')),
  history: onDemand(() => import('./order-history.js')),
};
