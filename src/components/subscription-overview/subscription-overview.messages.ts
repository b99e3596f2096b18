import type { Translations } from '../../i18n/types.js';

/** English messages of <billing-subscription-overview>. */
export const en = {
  'overview.title': 'Subscription',
  'overview.invalid-quantity': 'Enter a whole number of licenses, 1 or more.',
  'overview.badge.trial': 'Trial',
  'overview.rule.peak-daily':
    "A monthly base fee includes {included} users; the month's billed users are the most people active on any one day, and each one above {included} is charged as an extra user.",
  'overview.rule.per-user': 'Everyone active on at least one day of the month is billed once, at the price per user.',
  'overview.rule.full-month':
    'A person is billed for a month only when their account is active on every day of it; guests from other companies never are.',
  'overview.rule.full-month-activity':
    'A person is billed for a month only when their account is active on every day of it and they used it that month (a login, a visit, a chat); guests from other companies never are.',
  'overview.rule.invited':
    'Adding people is free; a person is billed for each month in which they are active and have been invited to claim their account.',
  'overview.rule.prepaid-licenses':
    'You buy licenses in advance for each period and pay for every license, assigned or free; you can add licenses at any time and remove them from the next period.',
  'overview.refreshing': 'Updating…',
  'overview.refresh-failed': 'The figures could not be updated.',

  'overview.period.title': 'Billing period',
  'overview.period.current': 'Current period',
  'overview.period.next': 'Next period',
  'overview.period.range': '{start} – {end}',
  'overview.period.months': { one: '{n} month', other: '{n} months' },
  'overview.period.next-edition': 'Edition from then: {plan}',
  'overview.period.next-licenses': { one: '{n} license from then', other: '{n} licenses from then' },
  'overview.trial.ends': 'Your free trial ends on {date}.',
  'overview.trial.first-month': 'The rest of that month is free too: the first billed month is {month}.',

  'overview.price.title': 'Price',
  'overview.price.monthly': 'Monthly price',
  'overview.price.base-fee': '{fee} base fee, {included} users included',
  'overview.price.extra-user': '{price} per extra user',
  'overview.price.per-user': '{price} per user',
  'overview.price.per-license': '{price} per license',
  'overview.price.month-so-far': 'This month so far',
  'overview.price.excl-tax': 'excl. tax',
  'overview.price.not-charged': 'Not charged: you are in your trial.',
  'overview.price.per-period': 'Price per period',
  'overview.upcoming': 'Next invoice (estimate)',
  'overview.upcoming.detail': 'For {period}, issued on {date}, incl. tax',
  'overview.upcoming.provisional': 'Provisional: it may change until the invoice is issued.',
  'overview.po': 'PO number on invoices',

  'overview.usage.title': 'Users this month',
  'overview.usage.provisional': 'So far: the month is still in progress.',
  'overview.usage.included': 'Users included',
  'overview.usage.peak': 'Peak so far',
  'overview.usage.peak-value': '{n} on {date}',
  'overview.usage.none-yet': 'No one active yet',
  'overview.usage.extra': 'Extra users',
  'overview.usage.extra-cost': 'Extra users cost so far',
  'overview.people': 'Show the people behind this figure',
  'overview.usage.billed': 'Billed users so far',
  'overview.usage.mau': 'Monthly active users',
  'overview.usage.mau-note':
    'Anyone with any activity in the last 30 days: usually more than the billed users, who must be active the whole month.',
  'overview.usage.trial-note': 'Not charged: this month falls in your trial.',

  'overview.licenses.title': 'Licenses',
  'overview.licenses.assigned': 'Assigned to active users',
  'overview.licenses.free': 'Free',
  'overview.licenses.free-note': 'Free licenses are still charged.',
  'overview.licenses.quantity': "This period's quantity",
  'overview.licenses.quantity-value': '{licenses} × {months} = {quantity}',
  'overview.n-licenses': { one: '{n} license', other: '{n} licenses' },
  'overview.n-license-months': { one: '{n} license-month', other: '{n} license-months' },
  'overview.licenses.unit-price': 'Price per license per month',

  'overview.storage.title': 'File storage',
  'overview.storage.used': '{used} GB of {included} GB used',

  'overview.scheduled.title': 'Scheduled changes',
  'overview.scheduled.none': 'No changes scheduled.',
  'overview.scheduled.on': 'from {date}',
  'overview.scheduled.cancel': 'Cancel…',
  'overview.change.add-licenses': { one: '{n} license added', other: '{n} licenses added' },
  'overview.change.remove-licenses': { one: '{n} license removed', other: '{n} licenses removed' },
  'overview.change.change-plan': 'Edition changes to {plan}',
  'overview.change.change-period': 'Billing frequency changes to {period}',
  'overview.frequency.1': 'monthly',
  'overview.frequency.6': 'every 6 months',
  'overview.frequency.12': 'yearly',
  'overview.frequency.other': { one: 'every {n} month', other: 'every {n} months' },

  'overview.manage.title': 'Change the subscription',
  'overview.add.label': 'Licenses to add',
  'overview.add.hint': 'Added at once; you pay for the rest of this period now.',
  'overview.add.button': 'Add licenses…',
  'overview.add.quoting': 'Getting the price…',
  'overview.remove.label': 'Licenses to remove',
  'overview.remove.hint': 'Removed from {date}, the start of the next period; this period is not credited.',
  'overview.remove.button': 'Remove licenses…',
  'overview.remove.max': {
    zero: 'No license can be removed now.',
    one: 'At most {n} license can be removed.',
    other: 'At most {n} licenses can be removed.',
  },
  'overview.refused.too-few-left': 'From {date} there would be fewer licenses than active users.',
  'overview.refused.remove-at-most': {
    zero: 'Deactivate users first.',
    one: 'Remove at most {n} license, or deactivate users first.',
    other: 'Remove at most {n} licenses, or deactivate users first.',
  },
  'overview.plan.label': 'Edition',
  'overview.plan.hint': 'Changes at the period boundary, on {date}.',
  'overview.plan.button': 'Change edition…',
  'overview.plan.option.peak-daily': '{name} ({fee} a month, {included} users included)',
  'overview.plan.option.per-unit': '{name} ({price} a month)',
  'overview.plan.current': '{name} (current)',
  'overview.plan.scheduled': '{name} (from {date})',
  'overview.period.label': 'Billing frequency',
  'overview.period.button': 'Change frequency…',
  'overview.opening': 'Opening…',
  'overview.load-failed': 'This part of the page could not be loaded. Check your connection and try again.',

  'overview.orders.title': 'Order history',

  'overview.empty.title': 'No subscription yet',
  'overview.empty.body':
    'This organisation has no billing subscription. Once one is set up, its plan, periods and prices appear here; contact your supplier to start one.',
} as const;

/** Dutch, loaded on first use: a page in English does not download it. */
export const nl = (): Promise<Translations<typeof en>> =>
  import('./subscription-overview.messages.nl.js').then((m) => m.nl);

/** German, loaded on first use: a page in English does not download it. */
export const de = (): Promise<Translations<typeof en>> =>
  import('./subscription-overview.messages.de.js').then((m) => m.de);
