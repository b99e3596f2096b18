/**
 * Registers every `<billing-*>` element. Importing the classes from the package's main
 * entry registers nothing; importing this module does, once: a tag that is already
 * defined (two copies of the kit on one page) is skipped instead of throwing.
 *
 * @example
 * import 'billing-elements/define.js';
 */
export { defineElement } from './internal/define-element.js';
