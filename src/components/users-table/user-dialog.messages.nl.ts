import type { Translations } from '../../i18n/types.js';
import type { en } from './user-dialog.messages.js';

/** Dutch messages of <billing-user-dialog>. */
export const nl: Translations<typeof en> = {
  'users.dialog.deactivate.title': '{name} deactiveren?',
  'users.dialog.deactivate.body': 'Deze persoon verliest de toegang. U kunt de persoon later heractiveren.',
  'users.dialog.deactivate.license':
    'De licentie komt vrij. Verwijdert u die vanaf uw volgende periode, of houdt u die voor iemand anders? Vrije licenties worden ook gefactureerd.',
  'users.dialog.deactivate.keep': 'Deactiveren, licentie houden',
  'users.dialog.deactivate.remove': 'Deactiveren, licentie verwijderen',
  'users.dialog.buy.title': 'Geen vrije licentie',
  'users.dialog.buy.body':
    'Om {name} te heractiveren, koopt u één licentie extra. Die kost {price} voor de rest van deze periode (tot en met {end}) en wordt nu in rekening gebracht.',
  'users.dialog.buy.confirm': 'Licentie kopen en heractiveren',
  'users.deactivated': '{name} is gedeactiveerd.',
  'users.reactivated': '{name} is weer actief.',
};
