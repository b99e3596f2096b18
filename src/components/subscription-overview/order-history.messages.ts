import type { Translations } from '../../i18n/types.js';

/**
 * English messages of the order history of <billing-subscription-overview>: loaded with
 * it, when an admin first opens it.
 */
export const en = {
  'overview.orders.caption': 'Every change to the subscription, newest first',
  'overview.orders.none': 'No orders yet.',
  'overview.orders.placed': 'Placed on',
  'overview.orders.change': 'Change',
  'overview.orders.effective': 'Effective',
  'overview.orders.amount': 'Amount',
  'overview.orders.no-amount': 'No charge',
} as const;

/** Dutch, loaded on first use: a page in English does not download it. */
export const nl = (): Promise<Translations<typeof en>> => import('./order-history.messages.nl.js').then((m) => m.nl);

/** German, loaded on first use: a page in English does not download it. */
export const de = (): Promise<Translations<typeof en>> => import('./order-history.messages.de.js').then((m) => m.de);
