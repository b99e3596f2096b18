/**
 * Registers `<billing-provider>` alone (guarded: skipped when the page already has it; a no-op
 * without a DOM) and exports its class. A host that uses only this element imports only
 * this module and gets only its code.
 *
 * @example
 * import 'billing-elements/define/provider.js';
 */
import { BillingProvider } from '../context/billing-provider.js';
import { defineElement } from '../internal/define-element.js';

defineElement('billing-provider', BillingProvider);

export { BillingProvider };
