/**
 * Registers `<billing-user-count-chart>` alone (guarded: skipped when the page already has it; a no-op
 * without a DOM) and exports its class. A host that uses only this element imports only
 * this module and gets only its code.
 *
 * @example
 * import 'billing-elements/define/user-count-chart.js';
 */
import { BillingUserCountChart } from '../components/user-count-chart/user-count-chart.js';
import { defineElement } from '../internal/define-element.js';

defineElement('billing-user-count-chart', BillingUserCountChart);

export { BillingUserCountChart };
