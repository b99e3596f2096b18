/**
 * billing-elements: web components for billing administration.
 *
 * This entry exports classes, types and helpers and registers nothing; import
 * `billing-elements/define.js` to register the tags.
 */
export { defineElement } from './internal/define-element.js';
export { formatCount, formatDate, formatMoney, formatMonth } from './internal/format.js';
export * from './client/index.js';
