import type { Translations } from '../i18n/types.js';
import type { en } from './error-details.messages.js';

/** Dutch twin of the technical details under an error; loaded when first shown in Dutch. */
export const nl: Translations<typeof en> = {
  'state.error.details': 'Technische details',
  'state.error.details.not-implemented':
    '{method} {path} antwoordde {status}: dit endpoint van de facturatie-API, dat dit element nodig heeft, ontbreekt in de backend.',
  'state.error.details.answer': '{method} {path} antwoordde {status}: {detail}',
};
