import type { Translations } from '../../i18n/types.js';
import type { en } from './invoice-detail.messages.js';

/** German messages of the invoice detail of <billing-invoice-list>. */
export const de: Translations<typeof en> = {
  'invoices.detail.period': 'Zeitraum',
  'invoices.detail.issued': 'Ausgestellt',
  'invoices.detail.issued.upcoming': 'Wird ausgestellt',
  'invoices.detail.due': 'Fällig',
  'invoices.detail.po': 'Bestellnummer',
  'invoices.detail.lines': 'Rechnungspositionen',
  'invoices.detail.col.description': 'Beschreibung',
  'invoices.detail.col.quantity': 'Menge',
  'invoices.detail.col.unit-price': 'Einzelpreis',
  'invoices.detail.col.amount': 'Betrag',
  'invoices.detail.informative': 'Nicht berechnet',
  'invoices.detail.subtotal': 'Zwischensumme',
  'invoices.detail.tax': 'USt. ({rate})',
  'invoices.detail.total': 'Gesamt',
  'invoices.detail.credit': 'Verrechnetes Guthaben',
  'invoices.detail.credit.body': 'Aus Ihrem Guthaben bezahlt; nicht Teil der Zwischensumme.',
  'invoices.detail.amount-due': 'Fälliger Betrag',
  'invoices.detail.balance': 'Noch zu bezahlen',
  'invoices.detail.payments': 'Zahlungen',
  'invoices.detail.payments.none': 'Noch keine Zahlungen.',
  'invoices.detail.payment.succeeded': '{amount} erhalten',
  'invoices.detail.payment.declined': 'Belastung abgelehnt: {reason}',
  'invoices.detail.qty-price': '{quantity} × {price}',
  'invoices.line.base-fee': 'Grundgebühr',
  'invoices.line.user-count': 'Benutzerzahl',
  'invoices.line.user-count.peak':
    'Die höchste Zahl an einem Tag aktiver Benutzer in diesem Monat: {count}, erstmals erreicht am {date}. Diese Zahl wird abgerechnet.',
  'invoices.line.extra-users': 'Zusätzliche Benutzer',
  'invoices.line.users': 'Benutzer',
  'invoices.line.licenses': 'Lizenzen',
  'invoices.line.proration': 'Im Lauf des Zeitraums hinzugefügte Lizenzen (anteilig)',
};
