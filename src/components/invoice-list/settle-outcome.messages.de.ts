import type { Translations } from '../../i18n/types.js';
import type { en } from './settle-outcome.messages.js';

/** German messages of the outcome of settling the balance in <billing-invoice-list>. */
export const de: Translations<typeof en> = {
  'invoices.settle.paid': 'Bezahlt: Ihre Zahlungsmethode wurde mit {amount} belastet, und Ihr Saldo ist beglichen.',
  'invoices.settle.paid-left': 'Bezahlt: Ihre Zahlungsmethode wurde mit {amount} belastet. Noch offen: {left}.',
  'invoices.settle.nothing-due': 'Es war nichts zu bezahlen: Ihr Saldo ist bereits beglichen.',
  'invoices.settle.failed.title': 'Die Zahlung konnte nicht durchgeführt werden',
  'invoices.settle.failed.card_expired':
    'Die hinterlegte Karte ist im {month} abgelaufen. Aktualisieren Sie Ihre Zahlungsmethode und versuchen Sie es dann erneut.',
  'invoices.settle.failed.card_expired-unknown':
    'Die hinterlegte Karte ist abgelaufen. Aktualisieren Sie Ihre Zahlungsmethode und versuchen Sie es dann erneut.',
  'invoices.settle.failed.card_declined':
    'Die hinterlegte Karte wurde abgelehnt. Aktualisieren Sie Ihre Zahlungsmethode oder fragen Sie Ihre Bank nach dem Grund, und versuchen Sie es dann erneut.',
  'invoices.settle.failed.no_payment_method':
    'Es ist keine Zahlungsmethode hinterlegt. Fügen Sie eine hinzu und versuchen Sie es dann erneut.',
  'invoices.settle.failed.not_chargeable':
    'Bei Zahlung per Überweisung ist hier keine Belastung möglich. Überweisen Sie den fälligen Betrag mit den Zahlungsangaben auf der Rechnung, oder fügen Sie eine Karte hinzu und versuchen Sie es erneut.',
  'invoices.settle.failed.other':
    'Die Zahlung wurde abgelehnt ({reason}). Aktualisieren Sie Ihre Zahlungsmethode und versuchen Sie es dann erneut.',
};
