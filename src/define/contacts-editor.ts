/**
 * Registers `<billing-contacts-editor>` alone (guarded: skipped when the page already has it; a no-op
 * without a DOM) and exports its class. A host that uses only this element imports only
 * this module and gets only its code.
 *
 * @example
 * import 'billing-elements/define/contacts-editor.js';
 */
import { BillingContactsEditor } from '../components/contacts-editor/contacts-editor.js';
import { defineElement } from '../internal/define-element.js';

defineElement('billing-contacts-editor', BillingContactsEditor);

export { BillingContactsEditor };
