import type { Translations } from '../../i18n/types.js';

/** English messages of <billing-people-dialog> (loaded with it, when the people behind a figure are first opened). */
export const en = {
  'people.title.month': { one: '{n} billed user in {month}', other: '{n} billed users in {month}' },
  'people.title.day': 'People active on {date}: {n}',
  'people.title.licenses': { one: '{n} license in {month}', other: '{n} licenses in {month}' },
  'people.title.licenses-free': {
    one: '{n} license: {held} held, {free} free',
    other: '{n} licenses: {held} held, {free} free',
  },
  'people.title.licenses-held': {
    one: '{n} license in {month}: {held} held',
    other: '{n} licenses in {month}: {held} held',
  },
} as const;

/** Dutch, loaded on first use: a page in English does not download it. */
export const nl = (): Promise<Translations<typeof en>> => import('./people-dialog.messages.nl.js').then((m) => m.nl);

/** German, loaded on first use: a page in English does not download it. */
export const de = (): Promise<Translations<typeof en>> => import('./people-dialog.messages.de.js').then((m) => m.de);
