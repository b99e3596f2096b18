import type { Translations } from '../../i18n/types.js';
import type { en } from './settle-outcome.messages.js';

/** Dutch messages of the outcome of settling the balance in <billing-invoice-list>. */
export const nl: Translations<typeof en> = {
  'invoices.settle.paid': 'Betaald: {amount} is afgeschreven via uw betaalmethode en uw saldo is vereffend.',
  'invoices.settle.paid-left': 'Betaald: {amount} is afgeschreven via uw betaalmethode. Staat nog open: {left}.',
  'invoices.settle.nothing-due': 'Er was niets te betalen: uw saldo is al vereffend.',
  'invoices.settle.failed.title': 'De betaling is niet gelukt',
  'invoices.settle.failed.card_expired':
    'De kaart die bij ons bekend is, is in {month} verlopen. Werk uw betaalmethode bij en probeer het opnieuw.',
  'invoices.settle.failed.card_expired-unknown':
    'De kaart die bij ons bekend is, is verlopen. Werk uw betaalmethode bij en probeer het opnieuw.',
  'invoices.settle.failed.card_declined':
    'De kaart is geweigerd. Werk uw betaalmethode bij of vraag uw bank waarom, en probeer het opnieuw.',
  'invoices.settle.failed.no_payment_method':
    'Er is geen betaalmethode bekend. Voeg er een toe en probeer het opnieuw.',
  'invoices.settle.failed.not_chargeable':
    'Een bankoverschrijving kan niet vanuit hier worden afgeschreven. Maak het openstaande bedrag over met de betaalgegevens op de factuur, of voeg een kaart toe en probeer het opnieuw.',
  'invoices.settle.failed.other':
    'De betaling is geweigerd ({reason}). Werk uw betaalmethode bij en probeer het opnieuw.',
};
