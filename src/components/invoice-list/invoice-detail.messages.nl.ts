import type { Translations } from '../../i18n/types.js';
import type { en } from './invoice-detail.messages.js';

/** Dutch messages of the invoice detail of <billing-invoice-list>. */
export const nl: Translations<typeof en> = {
  'invoices.detail.period': 'Periode',
  'invoices.detail.issued': 'Uitgereikt',
  'invoices.detail.issued.upcoming': 'Wordt uitgereikt',
  'invoices.detail.due': 'Vervalt',
  'invoices.detail.po': 'Inkoopordernummer',
  'invoices.detail.lines': 'Factuurregels',
  'invoices.detail.col.description': 'Omschrijving',
  'invoices.detail.col.quantity': 'Aantal',
  'invoices.detail.col.unit-price': 'Prijs per eenheid',
  'invoices.detail.col.amount': 'Bedrag',
  'invoices.detail.informative': 'Niet in rekening gebracht',
  'invoices.detail.subtotal': 'Subtotaal',
  'invoices.detail.tax': 'Btw ({rate})',
  'invoices.detail.total': 'Totaal',
  'invoices.detail.credit': 'Verrekend tegoed',
  'invoices.detail.credit.body': 'Betaald uit uw tegoed; geen deel van het subtotaal.',
  'invoices.detail.amount-due': 'Te betalen',
  'invoices.detail.balance': 'Nog te betalen',
  'invoices.detail.payments': 'Betalingen',
  'invoices.detail.payments.none': 'Nog geen betalingen.',
  'invoices.detail.payment.succeeded': '{amount} ontvangen',
  'invoices.detail.payment.declined': 'Afschrijving geweigerd: {reason}',
  'invoices.detail.qty-price': '{quantity} × {price}',
  'invoices.line.base-fee': 'Basisbedrag',
  'invoices.line.user-count': 'Aantal gebruikers',
  'invoices.line.user-count.peak':
    'Het hoogste aantal gebruikers dat op één dag deze maand actief was: {count}, voor het eerst bereikt op {date}. Dit aantal wordt gefactureerd.',
  'invoices.line.extra-users': 'Extra gebruikers',
  'invoices.line.users': 'Gebruikers',
  'invoices.line.licenses': 'Licenties',
  'invoices.line.proration': 'Licenties toegevoegd tijdens de periode (naar rato)',
};
