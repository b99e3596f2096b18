import type { Translations } from '../../i18n/types.js';
import type { en } from './people-dialog.messages.js';

/** Dutch messages of <billing-people-dialog>. */
export const nl: Translations<typeof en> = {
  'people.title.month': {
    one: '{n} gefactureerde gebruiker in {month}',
    other: '{n} gefactureerde gebruikers in {month}',
  },
  'people.title.day': 'Actief op {date}: {n}',
  'people.title.licenses': { one: '{n} licentie in {month}', other: '{n} licenties in {month}' },
  'people.title.licenses-free': {
    one: '{n} licentie: {held} in gebruik, {free} vrij',
    other: '{n} licenties: {held} in gebruik, {free} vrij',
  },
  'people.title.licenses-held': {
    one: '{n} licentie in {month}: {held} in gebruik',
    other: '{n} licenties in {month}: {held} in gebruik',
  },
};
