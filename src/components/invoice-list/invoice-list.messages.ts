import type { Translations } from '../../i18n/types.js';

/** English messages of <billing-invoice-list>. */
export const en = {} as const;

/** Dutch messages of <billing-invoice-list>. */
export const nl: Translations<typeof en> = {};
