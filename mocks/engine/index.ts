/**
 * The billing engine: pure functions of a tenant's world and its clock (`world.today`).
 * Published as `billing-elements/engine` for hosts who want the same figures elsewhere
 * (e.g. to check their own backend against the kit's reading of the rules).
 */
export * from './dates.js';
export * from './details.js';
export * from './email.js';
export * from './errors.js';
export * from './generate.js';
export * from './invoices.js';
export * from './ledger.js';
export * from './licenses.js';
export * from './limits.js';
export * from './money.js';
export * from './payments.js';
export * from './preview.js';
export * from './timeline.js';
export * from './trial.js';
export * from './types.js';
export * from './usage.js';
export * from './validate.js';
