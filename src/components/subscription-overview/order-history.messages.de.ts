import type { Translations } from '../../i18n/types.js';
import type { en } from './order-history.messages.js';

/** German messages of the overview's order history; loaded when it is first opened in German. */
export const de: Translations<typeof en> = {
  'overview.orders.caption': 'Alle Änderungen am Abonnement, neueste zuerst',
  'overview.orders.none': 'Noch keine Bestellungen.',
  'overview.orders.placed': 'Bestellt am',
  'overview.orders.change': 'Änderung',
  'overview.orders.effective': 'Wirksam ab',
  'overview.orders.amount': 'Betrag',
  'overview.orders.no-amount': 'Keine Kosten',
};
