import * as usersTable from '../components/users-table/users-table.messages.js';
import * as subscriptionOverview from '../components/subscription-overview/subscription-overview.messages.js';
import * as userCountChart from '../components/user-count-chart/user-count-chart.messages.js';
import * as invoiceList from '../components/invoice-list/invoice-list.messages.js';
import * as contactsEditor from '../components/contacts-editor/contacts-editor.messages.js';
import type { Catalogue } from './en.js';

/** Dutch messages; same keys as en.ts. */
export const nl: Catalogue = {
  ...usersTable.nl,
  ...subscriptionOverview.nl,
  ...userCountChart.nl,
  ...invoiceList.nl,
  ...contactsEditor.nl,
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
