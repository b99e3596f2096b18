import type { Translations } from '../../i18n/types.js';

/**
 * English messages of the change flow of <billing-subscription-overview> (the form's check,
 * the confirmation dialog, the outcome): loaded with it, when an admin first asks for a change.
 */
export const en = {
  'overview.dialog.add.title': { one: 'Add {n} license?', other: 'Add {n} licenses?' },
  'overview.dialog.add.body':
    'Added today and billed now for the rest of this period ({start} – {end}: {days} of {total} days).',
  'overview.dialog.add.price': 'Price now, excl. tax',
  'overview.dialog.add.confirm': 'Buy for {price}',
  'overview.dialog.remove.title': { one: 'Remove {n} license?', other: 'Remove {n} licenses?' },
  'overview.dialog.remove.body':
    'They stay billed until {end}, the end of this period, which is not credited; they are removed from {date}.',
  'overview.dialog.remove.confirm': 'Schedule removal',
  'overview.dialog.plan.title': 'Change the edition to {plan}?',
  'overview.dialog.plan.body': 'You stay on {current} until {end}; {plan} applies from {date}.',
  'overview.dialog.period.title': 'Change the billing frequency to {period}?',
  'overview.dialog.period.body': 'The current period stays as it is; the new frequency applies from {date}.',
  'overview.dialog.price.now': 'Monthly price now',
  'overview.dialog.price.from': 'Monthly price from {date}',
  'overview.dialog.price.period-now': 'Price per period now',
  'overview.dialog.price.period-from': 'Price per period from {date}',
  'overview.dialog.price.period': '{price} ({period})',
  'overview.dialog.schedule': 'Schedule change',
  'overview.dialog.cancel.title': 'Cancel “{change}” from {date}?',
  'overview.dialog.cancel.remove-licenses': {
    one: 'You keep {n} license from {date} too; it stays billed in the next period.',
    other: 'You keep {n} licenses from {date} too; they stay billed in the next period.',
  },
  'overview.dialog.cancel.add-licenses': {
    one: '{n} license will not be added on {date}.',
    other: '{n} licenses will not be added on {date}.',
  },
  'overview.dialog.cancel.change-plan': 'You stay on {current} from {date} too, instead of changing to {plan}.',
  'overview.dialog.cancel.change-period':
    'The billing frequency stays {frequency} from {date} too, instead of changing to {period}.',
  'overview.dialog.cancel.confirm': 'Cancel the change',
  'overview.dialog.cancel.keep': 'Keep it',
  'overview.dialog.retry':
    'The request may not have arrived. Try again: it is sent with the same key, so nothing is ordered twice.',

  'overview.done.add': { one: '{n} license added.', other: '{n} licenses added.' },
  'overview.done.add-invoice': 'Invoice {number} of {total} was issued.',
  'overview.done.remove': {
    one: '{n} license will be removed from {date}.',
    other: '{n} licenses will be removed from {date}.',
  },
  'overview.done.plan': 'The edition changes to {plan} from {date}.',
  'overview.done.period': 'The billing frequency changes to {period} from {date}.',
  'overview.done.cancel': 'Cancelled: {change} from {date}.',

  'overview.count.licenses': { one: '{n} license', other: '{n} licenses' },
  'overview.count.active-users': { one: '{n} active user', other: '{n} active users' },
  'overview.refused.below-active-users': 'From {date} there would be {licenses} for {users}.',
  'overview.refused.deactivate-first': 'Buy licenses or deactivate users first.',
  'overview.refused.same-plan': 'You are already on {plan} from {date}.',
  'overview.refused.same-period': 'The billing frequency is already {period} from {date}.',
  'overview.refused.quantity': 'Enter a whole number of licenses from 1 to {max}.',
  'overview.refused.already-effective': 'This change took effect on {date}; it can no longer be cancelled.',
  'overview.refused.unknown-order':
    'This change is no longer scheduled: it was cancelled or has taken effect meanwhile.',
  'overview.refused.order-invoiced': 'This change was billed on an invoice of its own; it cannot be cancelled.',
} as const;

/** Dutch, loaded on first use: a page in English does not download it. */
export const nl = (): Promise<Translations<typeof en>> => import('./change-dialog.messages.nl.js').then((m) => m.nl);

/** German, loaded on first use: a page in English does not download it. */
export const de = (): Promise<Translations<typeof en>> => import('./change-dialog.messages.de.js').then((m) => m.de);
