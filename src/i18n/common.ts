import type { Translations } from './types.js';

/** Messages every element shares: states and common buttons (English). */
export const en = {
  'state.loading': 'Loading billing data…',
  'state.error.title': 'Billing data could not be loaded',
  'state.error.network': 'The billing service could not be reached. Check your connection and try again.',
  'state.error.server': 'The billing service had a problem. Try again in a moment.',
  'state.error.rate-limited': 'Too many requests. Wait a moment and try again.',
  'state.error.not-found': 'This billing information was not found.',
  'state.error.unauthorized': 'Your session has ended. Sign in again to see billing.',
  'state.retry': 'Try again',
  'state.forbidden.title': 'Billing is for administrators',
  'state.forbidden.body':
    'Only people with the admin or finance role can see billing. Ask your administrator if you need access.',
  'state.provisional': 'Provisional: the month is still in progress.',
  'common.close': 'Close',
  'common.cancel': 'Cancel',
  'common.confirm': 'Confirm',
} as const;

/** Dutch twin of the shared messages. */
export const nl: Translations<typeof en> = {
  'state.loading': 'Factuurgegevens laden…',
  'state.error.title': 'Factuurgegevens konden niet worden geladen',
  'state.error.network': 'De factuurservice is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
  'state.error.server': 'De factuurservice had een probleem. Probeer het zo opnieuw.',
  'state.error.rate-limited': 'Te veel verzoeken. Wacht even en probeer het opnieuw.',
  'state.error.not-found': 'Deze factuurgegevens zijn niet gevonden.',
  'state.error.unauthorized': 'Je sessie is verlopen. Log opnieuw in om de facturatie te zien.',
  'state.retry': 'Opnieuw proberen',
  'state.forbidden.title': 'Facturatie is voor beheerders',
  'state.forbidden.body':
    'Alleen mensen met de rol beheerder of financiën kunnen de facturatie zien. Vraag je beheerder om toegang als je die nodig hebt.',
  'state.provisional': 'Voorlopig: de maand is nog bezig.',
  'common.close': 'Sluiten',
  'common.cancel': 'Annuleren',
  'common.confirm': 'Bevestigen',
};
