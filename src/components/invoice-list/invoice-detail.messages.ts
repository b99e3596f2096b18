import type { Translations } from '../../i18n/types.js';

/** English messages of the invoice detail of <billing-invoice-list> (loaded with it, on demand). */
export const en = {
  'invoices.detail.period': 'Period',
  'invoices.detail.issued': 'Issued',
  'invoices.detail.issued.upcoming': 'To be issued',
  'invoices.detail.due': 'Due',
  'invoices.detail.po': 'PO number',
  'invoices.detail.lines': 'Invoice lines',
  'invoices.detail.col.description': 'Description',
  'invoices.detail.col.quantity': 'Quantity',
  'invoices.detail.col.unit-price': 'Unit price',
  'invoices.detail.col.amount': 'Amount',
  'invoices.detail.informative': 'Not charged',
  'invoices.detail.subtotal': 'Subtotal',
  'invoices.detail.tax': 'Tax ({rate})',
  'invoices.detail.total': 'Total',
  'invoices.detail.credit': 'Credit applied',
  'invoices.detail.credit.body': 'Paid from your credit balance; not part of the subtotal.',
  'invoices.detail.amount-due': 'Amount due',
  'invoices.detail.balance': 'Still to pay',
  'invoices.detail.payments': 'Payments',
  'invoices.detail.payments.none': 'No payments yet.',
  'invoices.detail.payment.succeeded': '{amount} received',
  'invoices.detail.payment.declined': 'Charge declined: {reason}',
  'invoices.detail.qty-price': '{quantity} × {price}',
  'invoices.line.base-fee': 'Base fee',
  'invoices.line.user-count': 'User count',
  'invoices.line.user-count.peak':
    'The highest number of users active on one day this month: {count}, first reached on {date}. This is the number billed.',
  'invoices.line.extra-users': 'Extra users',
  'invoices.line.users': 'Users',
  'invoices.line.licenses': 'Licenses',
  'invoices.line.proration': 'Licenses added mid-period (prorated)',
  'invoices.line.of-plan': '{plan}: {text}',
  'invoices.line.base-fee.detail': '{plan}, {users} included',
  'invoices.line.extra-users.detail': 'Above the {users} included, at the month’s peak of {peak} on {date}',
  'invoices.line.extra-users.none': 'No active users this month',
  'invoices.line.users.per-user': 'active on at least one day of the month',
  'invoices.line.users.full-month': 'active every day of the month',
  'invoices.line.users.full-month.activity': 'active every day of the month, with a qualifying activity',
  'invoices.line.users.invited': 'invited and active in the month',
  'invoices.line.licenses.detail': '{licenses} × {months}',
  'invoices.line.proration.days': { one: '{days} day of {of}', other: '{days} days of {of}' },
  'invoices.count.users': { one: '{n} user', other: '{n} users' },
  'invoices.count.licenses': { one: '{n} license', other: '{n} licenses' },
  'invoices.count.months': { one: '{n} month', other: '{n} months' },
} as const;

/** Dutch, loaded on first use. */
export const nl = (): Promise<Translations<typeof en>> => import('./invoice-detail.messages.nl.js').then((m) => m.nl);

/** German, loaded on first use. */
export const de = (): Promise<Translations<typeof en>> => import('./invoice-detail.messages.de.js').then((m) => m.de);
