import type { Translations } from '../../i18n/types.js';

/** English messages of <billing-user-count-chart>. */
export const en = {} as const;

/** Dutch messages of <billing-user-count-chart>. */
export const nl: Translations<typeof en> = {};
