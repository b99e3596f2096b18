/**
 * Registers `<billing-invoice-list>` alone (guarded: skipped when the page already has it; a no-op
 * without a DOM) and exports its class. A host that uses only this element imports only
 * this module and gets only its code.
 *
 * @example
 * import 'billing-elements/define/invoice-list.js';
 */
import { BillingInvoiceList } from '../components/invoice-list/invoice-list.js';
import { defineElement } from '../internal/define-element.js';

defineElement('billing-invoice-list', BillingInvoiceList);

export { BillingInvoiceList };
