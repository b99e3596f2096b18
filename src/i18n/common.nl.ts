import type { Translations } from './types.js';
import type { en } from './common.js';

/** Dutch twin of the shared messages (states and common buttons); loaded when an element first speaks Dutch (a chunk of its own). */
export const nl: Translations<typeof en> = {
  'state.loading': 'Factuurgegevens laden…',
  'state.error.title': 'Factuurgegevens konden niet worden geladen',
  'state.error.network': 'De factuurservice is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
  'state.error.server': 'De factuurservice had een probleem. Probeer het zo opnieuw.',
  'state.error.rate-limited': 'Te veel verzoeken. Wacht even en probeer het opnieuw.',
  'state.error.rate-limited-waiting': {
    one: 'Te veel verzoeken. Over {count} seconde wordt het opnieuw geprobeerd.',
    other: 'Te veel verzoeken. Over {count} seconden wordt het opnieuw geprobeerd.',
  },
  'state.error.timeout':
    'De factuurservice doet er langer over dan verwacht. Het verzoek is gestopt; probeer het opnieuw.',
  'state.session.title': 'Uw toegang tot de facturatie kon niet worden gecontroleerd',
  'state.error.not-found': 'Deze factuurgegevens zijn niet gevonden.',
  'state.error.unauthorized': 'Uw sessie is verlopen. Meld u opnieuw aan om de facturatie te zien.',
  'state.retry': 'Opnieuw proberen',
  'state.forbidden.title': 'Facturatie is voor beheerders',
  'state.forbidden.body':
    'Alleen mensen met de rol beheerder of financiën kunnen de facturatie zien. Vraag uw beheerder om toegang als u die nodig hebt.',
  'state.provisional': 'Voorlopig: de maand is nog bezig.',
  'common.close': 'Sluiten',
  'common.cancel': 'Annuleren',
  'common.confirm': 'Bevestigen',
};
