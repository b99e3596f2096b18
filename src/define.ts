/**
 * Registers every `<billing-*>` element. Importing the classes from the package's main
 * entry registers nothing; importing this module does, once: a tag that is already
 * defined (two copies of the kit on one page) is skipped instead of throwing, and without
 * a DOM (server rendering) nothing is registered and nothing throws.
 *
 * To register only some elements, import their own modules instead:
 * `billing-elements/define/users-table.js`, `…/define/provider.js` and so on.
 *
 * The imports below are written out for bundlers; the list is src/elements.ts, and
 * test/node/registry.test.ts fails while they differ.
 *
 * @example
 * import 'billing-elements/define.js';
 */
import './define/provider.js';
import './define/users-table.js';
import './define/subscription-overview.js';
import './define/user-count-chart.js';
import './define/invoice-list.js';
import './define/contacts-editor.js';

export { defineElement } from './internal/define-element.js';
