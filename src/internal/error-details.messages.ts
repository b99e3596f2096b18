import type { Translations } from '../i18n/types.js';

/** The technical details under an error (English); see error-details.ts. */
export const en = {
  'state.error.details': 'Technical details',
  'state.error.details.not-implemented':
    '{method} {path} answered {status}: the backend lacks this endpoint of the billing API, which this element needs.',
  'state.error.details.answer': '{method} {path} answered {status}: {detail}',
} as const;

/** Dutch, loaded on first use: a page in English does not download it. */
export const nl = (): Promise<Translations<typeof en>> => import('./error-details.messages.nl.js').then((m) => m.nl);

/** German, loaded on first use: a page in English does not download it. */
export const de = (): Promise<Translations<typeof en>> => import('./error-details.messages.de.js').then((m) => m.de);
