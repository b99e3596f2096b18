/**
 * Registers every `<billing-*>` element. Importing the classes from the package's main
 * entry registers nothing; importing this module does, once: a tag that is already
 * defined (two copies of the kit on one page) is skipped instead of throwing.
 *
 * It also attaches a context root to the document, so an element that asks for its
 * provider before the provider is upgraded still gets the context when it arrives.
 *
 * @example
 * import 'billing-elements/define.js';
 */
import { ContextRoot } from '@lit/context';
import { BillingContactsEditor } from './components/contacts-editor/contacts-editor.js';
import { BillingInvoiceList } from './components/invoice-list/invoice-list.js';
import { BillingSubscriptionOverview } from './components/subscription-overview/subscription-overview.js';
import { BillingUserCountChart } from './components/user-count-chart/user-count-chart.js';
import { BillingUsersTable } from './components/users-table/users-table.js';
import { BillingProvider } from './context/billing-provider.js';
import { defineElement } from './internal/define-element.js';

const ROOT = Symbol.for('billing-elements.context-root');
const doc = document as Document & { [ROOT]?: ContextRoot };
if (!doc[ROOT]) {
  doc[ROOT] = new ContextRoot();
  doc[ROOT].attach(document.documentElement);
}

defineElement('billing-provider', BillingProvider);
defineElement('billing-users-table', BillingUsersTable);
defineElement('billing-subscription-overview', BillingSubscriptionOverview);
defineElement('billing-user-count-chart', BillingUserCountChart);
defineElement('billing-invoice-list', BillingInvoiceList);
defineElement('billing-contacts-editor', BillingContactsEditor);

export { defineElement };
