import type { Translations } from './types.js';
import type { en } from './common.js';

/** German twin of the shared messages (states and common buttons); loaded when an element first speaks German (a chunk of its own). */
export const de: Translations<typeof en> = {
  'state.loading': 'Abrechnungsdaten werden geladen…',
  'state.error.title': 'Abrechnungsdaten konnten nicht geladen werden',
  'state.error.network':
    'Der Abrechnungsdienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'state.error.server': 'Beim Abrechnungsdienst ist ein Problem aufgetreten. Versuchen Sie es gleich noch einmal.',
  'state.error.rate-limited': 'Zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es erneut.',
  'state.error.rate-limited-waiting': {
    one: 'Zu viele Anfragen. Neuer Versuch in {count} Sekunde.',
    other: 'Zu viele Anfragen. Neuer Versuch in {count} Sekunden.',
  },
  'state.error.timeout':
    'Der Abrechnungsdienst braucht länger als erwartet. Die Anfrage wurde abgebrochen; versuchen Sie es erneut.',
  'state.session.title': 'Ihr Zugriff auf die Abrechnung konnte nicht geprüft werden',
  'state.error.not-found': 'Diese Abrechnungsdaten wurden nicht gefunden.',
  'state.error.unauthorized': 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um die Abrechnung zu sehen.',
  'state.retry': 'Erneut versuchen',
  'state.forbidden.title': 'Die Abrechnung ist Administratoren vorbehalten',
  'state.forbidden.body':
    'Nur Personen mit der Rolle Administrator oder Finanzen können die Abrechnung sehen. Wenden Sie sich an Ihren Administrator, wenn Sie Zugriff benötigen.',
  'state.provisional': 'Vorläufig: Der Monat läuft noch.',
  'common.close': 'Schließen',
  'common.cancel': 'Abbrechen',
  'common.confirm': 'Bestätigen',
};
