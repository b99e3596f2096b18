/**
 * English messages: the source catalogue. Every visible string of every element comes
 * from here (and its Dutch twin, nl.ts, which must have the same keys — the compiler
 * checks it). `{name}` is replaced by a parameter; an object with `one`/`other` picks a
 * plural form by the `count` parameter (Intl.PluralRules).
 */
import * as usersTable from '../components/users-table/users-table.messages.js';
import * as subscriptionOverview from '../components/subscription-overview/subscription-overview.messages.js';
import * as userCountChart from '../components/user-count-chart/user-count-chart.messages.js';
import * as invoiceList from '../components/invoice-list/invoice-list.messages.js';
import * as contactsEditor from '../components/contacts-editor/contacts-editor.messages.js';
import type { Message } from './types.js';

export const en = {
  ...usersTable.en,
  ...subscriptionOverview.en,
  ...userCountChart.en,
  ...invoiceList.en,
  ...contactsEditor.en,
  'state.loading': 'Loading billing data…',
  'state.error.title': 'Billing data could not be loaded',
  'state.error.network': 'The billing service could not be reached. Check your connection and try again.',
  'state.error.server': 'The billing service had a problem. Try again in a moment.',
  'state.error.rate-limited': 'Too many requests. Wait a moment and try again.',
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

export type MessageKey = keyof typeof en;
export type { Message };
export type Catalogue = { readonly [K in MessageKey]: Message };
