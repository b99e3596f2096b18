import type { Translations } from '../../i18n/types.js';
import type { en } from './user-dialog.messages.js';

/** German messages of <billing-user-dialog>. */
export const de: Translations<typeof en> = {
  'users.dialog.deactivate.title': '{name} deaktivieren?',
  'users.dialog.deactivate.body': 'Die Person verliert den Zugriff. Sie können sie später reaktivieren.',
  'users.dialog.deactivate.license':
    'Die Lizenz der Person wird frei. Möchten Sie sie ab Ihrem nächsten Zeitraum entfernen oder für eine andere Person behalten? Freie Lizenzen werden ebenfalls berechnet.',
  'users.dialog.deactivate.keep': 'Lizenz für eine andere Person behalten',
  'users.dialog.deactivate.remove': 'Lizenz ab dem nächsten Zeitraum entfernen',
  'users.dialog.buy.title': 'Keine freie Lizenz',
  'users.dialog.buy.body':
    'Um {name} zu reaktivieren, kaufen Sie eine weitere Lizenz. Sie kostet {price} für den Rest dieses Zeitraums (bis {end}) und wird sofort berechnet.',
  'users.dialog.buy.confirm': 'Lizenz kaufen und reaktivieren',
  'users.deactivated': '{name} ist deaktiviert.',
  'users.reactivated': '{name} ist wieder aktiv.',
  'users.whatif.loading': 'Die Auswirkung auf die Rechnung wird berechnet…',
  'users.whatif.error': 'Die Auswirkung auf die Rechnung konnte nicht berechnet werden',
  'users.whatif.billed': 'Für {month} weiterhin abgerechnet: {reason}.',
  'users.whatif.not-billed': 'Für {month} nicht abgerechnet: {reason}.',
  'users.whatif.not-billed-from': 'Ab {month} nicht mehr abgerechnet.',
  'users.whatif.drops': 'Die Rechnung sinkt von {before} auf {after} (vorläufig, ohne Steuer).',
  'users.whatif.same': 'Die Rechnung bleibt bei {amount} (vorläufig, ohne Steuer).',
  'users.whatif.license-stays':
    'Die Lizenz wird bis {date}, dem Ende des Zeitraums, abgerechnet: Lizenzen werden für ganze Zeiträume abgerechnet.',
  'users.whatif.license-removed': 'Die Lizenz wird ab dem nächsten Zeitraum entfernt, ab {month}.',
  'users.whatif.license-kept':
    'Die Lizenz bleibt im nächsten Zeitraum, ab {month}, als freie Lizenz und wird weiterhin abgerechnet.',
  'users.person.billed': 'Abgerechnet: {reason}.',
  'users.person.not-billed': 'Nicht abgerechnet: {reason}.',
  'users.person.facts': 'Was im {month} geschah',
  'users.person.no-facts': 'Nichts in diesem Monat wirkt sich auf die Rechnung aus.',
  'users.person.truncated': 'Es gibt mehr Ereignisse, als hier Platz haben; der Rest wurde weggelassen.',
  'users.effect.bills': 'Zählt: warum abgerechnet',
  'users.effect.excludes': 'Warum nicht abgerechnet',
  'users.effect.none': 'Keine Auswirkung auf diese Rechnung',
  'users.fact.listed': 'Aufgeführt in {directories}',
  'users.fact.started': 'Erster Tag als Benutzer',
  'users.fact.invited': 'Eingeladen, das Konto zu übernehmen',
  'users.fact.activity.login': 'Angemeldet',
  'users.fact.activity.web-visit': 'Besuch im Web',
  'users.fact.activity.mobile-visit': 'Besuch über Mobilgerät',
  'users.fact.activity.admin-panel': 'Admin-Bereich verwendet',
  'users.fact.activity.chat': 'Chat verwendet',
  'users.fact.activity.push-notification-view': 'Push-Benachrichtigung angesehen',
  'users.fact.activity.email-notification-view': 'E-Mail-Benachrichtigung angesehen',
  'users.fact.peak-day': {
    one: 'Spitzenwert des Monats: {n} Benutzer',
    other: 'Spitzenwert des Monats: {n} Benutzer',
  },
  'users.fact.deactivated': 'Deaktiviert',
  'users.fact.deleted': 'Gelöscht',
};
