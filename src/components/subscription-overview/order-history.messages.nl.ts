import type { Translations } from '../../i18n/types.js';
import type { en } from './order-history.messages.js';

/** Dutch messages of the overview's order history; loaded when it is first opened in Dutch. */
export const nl: Translations<typeof en> = {
  'overview.orders.caption': 'Elke wijziging van het abonnement, nieuwste eerst',
  'overview.orders.none': 'Nog geen bestellingen.',
  'overview.orders.placed': 'Geplaatst op',
  'overview.orders.change': 'Wijziging',
  'overview.orders.effective': 'Gaat in op',
  'overview.orders.amount': 'Bedrag',
  'overview.orders.no-amount': 'Geen kosten',
};
