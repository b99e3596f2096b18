import type { Translations } from '../../i18n/types.js';

/** English messages of <billing-user-dialog> (loaded with it, when a dialog first opens). */
export const en = {
  'users.dialog.deactivate.title': 'Deactivate {name}?',
  'users.dialog.deactivate.body': 'They lose access. You can reactivate them later.',
  'users.dialog.deactivate.license':
    'Their license becomes free. Remove it from your next period, or keep it for someone else? Free licenses are still charged.',
  'users.dialog.deactivate.keep': 'Keep the license for someone else',
  'users.dialog.deactivate.remove': 'Remove the license from the next period',
  'users.dialog.buy.title': 'No free license',
  'users.dialog.buy.body':
    'To reactivate {name}, buy one more license. It costs {price} for the rest of this period (until {end}), charged now.',
  'users.dialog.buy.confirm': 'Buy license and reactivate',
  'users.deactivated': '{name} is deactivated.',
  'users.reactivated': '{name} is active again.',
  'users.whatif.loading': 'Working out what this does to the bill…',
  'users.whatif.error': 'What this does to the bill could not be worked out',
  'users.whatif.billed': 'Still billed for {month}: {reason}.',
  'users.whatif.not-billed': 'Not billed for {month}: {reason}.',
  'users.whatif.not-billed-from': 'Not billed from {month}.',
  'users.whatif.drops': 'The bill drops from {before} to {after} (provisional, before tax).',
  'users.whatif.same': 'The bill stays at {amount} (provisional, before tax).',
  'users.whatif.license-stays':
    'The license stays billed until {date}, the end of the period: licenses are billed for whole periods.',
  'users.whatif.license-removed': 'The license is removed from the next period, from {month}.',
  'users.whatif.license-kept': 'The license stays in the next period, from {month}, as a free license, still billed.',
  'users.person.billed': 'Billed: {reason}.',
  'users.person.not-billed': 'Not billed: {reason}.',
  'users.person.facts': 'What happened in {month}',
  'users.person.no-facts': 'Nothing this month bears on the bill.',
  'users.person.truncated': 'There are more facts than fit here; the rest were left out.',
  'users.effect.bills': 'Counts: why billed',
  'users.effect.excludes': 'Why not billed',
  'users.effect.none': 'No effect on this bill',
  'users.fact.listed': 'Listed in {directories}',
  'users.fact.started': 'First day as a user',
  'users.fact.invited': 'Invited to claim their account',
  'users.fact.activity.login': 'Signed in',
  'users.fact.activity.web-visit': 'Visited on the web',
  'users.fact.activity.mobile-visit': 'Visited on mobile',
  'users.fact.activity.admin-panel': 'Used the admin panel',
  'users.fact.activity.chat': 'Used the chat',
  'users.fact.activity.push-notification-view': 'Viewed a push notification',
  'users.fact.activity.email-notification-view': 'Viewed an e-mail notification',
  'users.fact.peak-day': { one: "The month's peak: {n} user", other: "The month's peak: {n} users" },
  'users.fact.deactivated': 'Deactivated',
  'users.fact.deleted': 'Deleted',
} as const;

/** Dutch, loaded on first use. */
export const nl = (): Promise<Translations<typeof en>> => import('./user-dialog.messages.nl.js').then((m) => m.nl);

/** German, loaded on first use. */
export const de = (): Promise<Translations<typeof en>> => import('./user-dialog.messages.de.js').then((m) => m.de);
