import type { Translations } from '../../i18n/types.js';

/** English messages of <billing-contacts-editor>. */
export const en = {} as const;

/** Dutch messages of <billing-contacts-editor>. */
export const nl: Translations<typeof en> = {};
