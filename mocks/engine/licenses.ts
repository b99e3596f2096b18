/**
 * B5, prepaid licenses (Severa; Microsoft 365 style), and the orders that change a
 * subscription: the engine's one name for both, as its callers (store, handlers,
 * scenarios, tests) import them. The rules live in two modules, each with its readings of
 * billing-rules.md:
 *
 * - `license-periods.ts`: the periods, the license count and its coverage of the active
 *   users, the license overview;
 * - `orders.ts`: quotes, adding and removing licenses, edition and period changes,
 *   replays, scheduled changes and history, and whether a user can be activated.
 *
 * Both rest on `license-terms.ts` (the terms and count), which stays private: only its
 * {@link isLicensed} and {@link licenseCountOn} are public, from here.
 */
export * from './license-periods.js';
export { isLicensed, licenseCountOn } from './license-terms.js';
export * from './orders.js';
