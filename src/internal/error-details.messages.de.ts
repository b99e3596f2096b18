import type { Translations } from '../i18n/types.js';
import type { en } from './error-details.messages.js';

/** German twin of the technical details under an error; loaded when first shown in German. */
export const de: Translations<typeof en> = {
  'state.error.details': 'Technische Details',
  'state.error.details.not-implemented':
    '{method} {path} antwortete mit {status}: Dem Backend fehlt dieser Endpunkt der Abrechnungs-API, den dieses Element benötigt.',
  'state.error.details.answer': '{method} {path} antwortete mit {status}: {detail}',
};
