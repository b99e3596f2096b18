import type { Translations } from './types.js';

/** Messages every element shares: states and common buttons (English). */
export const en = {
  'state.loading': 'Loading billing data…',
  'state.error.title': 'Billing data could not be loaded',
  'state.error.network': 'The billing service could not be reached. Check your connection and try again.',
  'state.error.server': 'The billing service had a problem. Try again in a moment.',
  'state.error.rate-limited': 'Too many requests. Wait a moment and try again.',
  'state.error.rate-limited-waiting': {
    one: 'Too many requests. Trying again in {count} second.',
    other: 'Too many requests. Trying again in {count} seconds.',
  },
  'state.error.timeout': 'The billing service is taking longer than expected. The request was stopped; try again.',
  'state.session.title': 'Your access to billing could not be checked',
  'state.error.not-found': 'This billing information was not found.',
  'state.error.unauthorized': 'Your session has ended. Sign in again to see billing.',
  'state.retry': 'Try again',
  'state.forbidden.title': 'Billing is for administrators',
  'state.forbidden.body':
    'Only people with the admin or finance role can see billing. Ask your administrator if you need access.',
  'state.provisional': 'Provisional: the month is still in progress.',
  'common.close': 'Close',
  'common.cancel': 'Cancel',
  'common.confirm': 'Confirm',
} as const;

/** Dutch, loaded on first use: a page in English does not download it. */
export const nl = (): Promise<Translations<typeof en>> => import('./common.nl.js').then((m) => m.nl);

/** German, loaded on first use. */
export const de = (): Promise<Translations<typeof en>> => import('./common.de.js').then((m) => m.de);
