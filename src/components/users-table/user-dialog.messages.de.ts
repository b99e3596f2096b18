import type { Translations } from '../../i18n/types.js';
import type { en } from './user-dialog.messages.js';

/** German messages of <billing-user-dialog>. */
export const de: Translations<typeof en> = {
  'users.dialog.deactivate.title': '{name} deaktivieren?',
  'users.dialog.deactivate.body': 'Die Person verliert den Zugriff. Sie können sie später reaktivieren.',
  'users.dialog.deactivate.license':
    'Die Lizenz der Person wird frei. Möchten Sie sie ab Ihrem nächsten Zeitraum entfernen oder für eine andere Person behalten? Freie Lizenzen werden ebenfalls berechnet.',
  'users.dialog.deactivate.keep': 'Deaktivieren, Lizenz behalten',
  'users.dialog.deactivate.remove': 'Deaktivieren, Lizenz entfernen',
  'users.dialog.buy.title': 'Keine freie Lizenz',
  'users.dialog.buy.body':
    'Um {name} zu reaktivieren, kaufen Sie eine weitere Lizenz. Sie kostet {price} für den Rest dieses Zeitraums (bis {end}) und wird sofort berechnet.',
  'users.dialog.buy.confirm': 'Lizenz kaufen und reaktivieren',
  'users.deactivated': '{name} ist deaktiviert.',
  'users.reactivated': '{name} ist wieder aktiv.',
};
