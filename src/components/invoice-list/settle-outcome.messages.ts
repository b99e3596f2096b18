import type { Translations } from '../../i18n/types.js';

/** English messages of the outcome of settling the balance in <billing-invoice-list> (loaded with it, on demand). */
export const en = {
  'invoices.settle.paid': 'Paid: {amount} was charged to your payment method, and your balance is settled.',
  'invoices.settle.paid-left': 'Paid: {amount} was charged to your payment method. Still outstanding: {left}.',
  'invoices.settle.nothing-due': 'There was nothing to pay: your balance is already settled.',
  'invoices.settle.failed.title': 'The payment did not go through',
  'invoices.settle.failed.card_expired':
    'The card on file expired in {month}. Update your payment method, then try again.',
  'invoices.settle.failed.card_expired-unknown':
    'The card on file has expired. Update your payment method, then try again.',
  'invoices.settle.failed.card_declined':
    'The card on file was declined. Update your payment method, or ask your bank why, then try again.',
  'invoices.settle.failed.no_payment_method': 'There is no payment method on file. Add one, then try again.',
  'invoices.settle.failed.not_chargeable':
    'Bank transfer cannot be charged from here. Transfer the amount due using the payment details on the invoice, or add a card and try again.',
  'invoices.settle.failed.other': 'The payment was declined ({reason}). Update your payment method, then try again.',
} as const;

/** Dutch, loaded on first use. */
export const nl = (): Promise<Translations<typeof en>> => import('./settle-outcome.messages.nl.js').then((m) => m.nl);

/** German, loaded on first use. */
export const de = (): Promise<Translations<typeof en>> => import('./settle-outcome.messages.de.js').then((m) => m.de);
