import type { Translations } from '../../i18n/types.js';

/** English messages of <billing-user-dialog> (loaded with it, when a dialog first opens). */
export const en = {
  'users.dialog.deactivate.title': 'Deactivate {name}?',
  'users.dialog.deactivate.body': 'They lose access. You can reactivate them later.',
  'users.dialog.deactivate.license':
    'Their license becomes free. Remove it from your next period, or keep it for someone else? Free licenses are still charged.',
  'users.dialog.deactivate.keep': 'Deactivate, keep license',
  'users.dialog.deactivate.remove': 'Deactivate, remove license',
  'users.dialog.buy.title': 'No free license',
  'users.dialog.buy.body':
    'To reactivate {name}, buy one more license. It costs {price} for the rest of this period (until {end}), charged now.',
  'users.dialog.buy.confirm': 'Buy license and reactivate',
  'users.deactivated': '{name} is deactivated.',
  'users.reactivated': '{name} is active again.',
} as const;

/** Dutch, loaded on first use. */
export const nl = (): Promise<Translations<typeof en>> => import('./user-dialog.messages.nl.js').then((m) => m.nl);

/** German, loaded on first use. */
export const de = (): Promise<Translations<typeof en>> => import('./user-dialog.messages.de.js').then((m) => m.de);
