import type { Translations } from '../../i18n/types.js';

/** English messages of <billing-subscription-overview>. */
export const en = {} as const;

/** Dutch messages of <billing-subscription-overview>. */
export const nl: Translations<typeof en> = {};
