import type { Translations } from '../../i18n/types.js';
import type { en } from './people-dialog.messages.js';

/** German messages of <billing-people-dialog>. */
export const de: Translations<typeof en> = {
  'people.title.month': { one: '{n} abgerechneter Benutzer im {month}', other: '{n} abgerechnete Benutzer im {month}' },
  'people.title.day': 'Aktiv am {date}: {n}',
  'people.title.licenses': { one: '{n} Lizenz im {month}', other: '{n} Lizenzen im {month}' },
  'people.title.licenses-free': {
    one: '{n} Lizenz: {held} vergeben, {free} frei',
    other: '{n} Lizenzen: {held} vergeben, {free} frei',
  },
  'people.title.licenses-held': {
    one: '{n} Lizenz im {month}: {held} vergeben',
    other: '{n} Lizenzen im {month}: {held} vergeben',
  },
};
