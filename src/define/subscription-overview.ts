/**
 * Registers `<billing-subscription-overview>` alone (guarded: skipped when the page already has it; a no-op
 * without a DOM) and exports its class. A host that uses only this element imports only
 * this module and gets only its code.
 *
 * @example
 * import 'billing-elements/define/subscription-overview.js';
 */
import { BillingSubscriptionOverview } from '../components/subscription-overview/subscription-overview.js';
import { defineElement } from '../internal/define-element.js';

defineElement('billing-subscription-overview', BillingSubscriptionOverview);

export { BillingSubscriptionOverview };
