/**
 * Registers `<billing-users-table>` alone (guarded: skipped when the page already has it; a no-op
 * without a DOM) and exports its class. A host that uses only this element imports only
 * this module and gets only its code.
 *
 * @example
 * import 'billing-elements/define/users-table.js';
 */
import { BillingUsersTable } from '../components/users-table/users-table.js';
import { defineElement } from '../internal/define-element.js';

defineElement('billing-users-table', BillingUsersTable);

export { BillingUsersTable };
