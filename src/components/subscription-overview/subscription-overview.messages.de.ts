import type { Translations } from '../../i18n/types.js';
import type { en } from './subscription-overview.messages.js';

/** German messages of <billing-subscription-overview>; loaded when an element first speaks German (a chunk of its own). */
export const de: Translations<typeof en> = {
  'overview.title': 'Abonnement',
  'overview.invalid-quantity': 'Geben Sie eine ganze Zahl von Lizenzen ein, mindestens 1.',
  'overview.badge.trial': 'Testphase',
  'overview.rule.peak-daily':
    'Eine monatliche Grundgebühr umfasst {included} Benutzer; abgerechnet wird die höchste Zahl von Personen, die an einem einzelnen Tag des Monats aktiv waren, und jeder Benutzer über {included} wird als zusätzlicher Benutzer berechnet.',
  'overview.rule.per-user':
    'Alle, die an mindestens einem Tag des Monats aktiv waren, werden einmal zum Preis pro Benutzer abgerechnet.',
  'overview.rule.full-month':
    'Eine Person wird für einen Monat nur abgerechnet, wenn ihr Konto an jedem Tag des Monats aktiv ist; Gäste aus anderen Unternehmen werden nie abgerechnet.',
  'overview.rule.full-month-activity':
    'Eine Person wird für einen Monat nur abgerechnet, wenn ihr Konto an jedem Tag des Monats aktiv ist und sie es in diesem Monat genutzt hat (eine Anmeldung, ein Besuch, ein Chat); Gäste aus anderen Unternehmen werden nie abgerechnet.',
  'overview.rule.invited':
    'Das Hinzufügen von Personen ist kostenlos; eine Person wird für jeden Monat abgerechnet, in dem sie aktiv ist und eingeladen wurde, ihr Konto zu übernehmen.',
  'overview.rule.prepaid-licenses':
    'Sie kaufen Lizenzen für jeden Zeitraum im Voraus und bezahlen jede Lizenz, ob zugewiesen oder frei; Sie können jederzeit Lizenzen hinzukaufen und sie zum nächsten Zeitraum entfernen.',
  'overview.refreshing': 'Wird aktualisiert…',
  'overview.refresh-failed': 'Die Zahlen konnten nicht aktualisiert werden.',

  'overview.period.title': 'Abrechnungszeitraum',
  'overview.period.current': 'Aktueller Zeitraum',
  'overview.period.next': 'Nächster Zeitraum',
  'overview.period.range': '{start} – {end}',
  'overview.period.months': { one: '{n} Monat', other: '{n} Monate' },
  'overview.period.next-edition': 'Edition ab dann: {plan}',
  'overview.period.next-licenses': { one: '{n} Lizenz ab dann', other: '{n} Lizenzen ab dann' },
  'overview.trial.ends': 'Ihre kostenlose Testphase endet am {date}.',
  'overview.trial.first-month':
    'Der Rest dieses Monats ist ebenfalls kostenlos: Der erste abgerechnete Monat ist {month}.',

  'overview.price.title': 'Preis',
  'overview.price.monthly': 'Monatspreis',
  'overview.price.base-fee': '{fee} Grundgebühr, {included} Benutzer inbegriffen',
  'overview.price.extra-user': '{price} pro zusätzlichem Benutzer',
  'overview.price.per-user': '{price} pro Benutzer',
  'overview.price.per-license': '{price} pro Lizenz',
  'overview.price.month-so-far': 'Dieser Monat bisher',
  'overview.price.excl-tax': 'zzgl. USt.',
  'overview.price.not-charged': 'Nicht berechnet: Ihre Testphase läuft noch.',
  'overview.price.per-period': 'Preis pro Zeitraum',
  'overview.upcoming': 'Nächste Rechnung (Schätzung)',
  'overview.upcoming.detail': 'Für {period}, Ausstellung am {date}, inkl. USt.',
  'overview.upcoming.provisional': 'Vorläufig: Der Betrag kann sich bis zur Ausstellung der Rechnung ändern.',
  'overview.po': 'Bestellnummer auf Rechnungen',

  'overview.usage.title': 'Benutzer in diesem Monat',
  'overview.usage.provisional': 'Bisher: Der Monat läuft noch.',
  'overview.usage.included': 'Inbegriffene Benutzer',
  'overview.usage.peak': 'Spitzenwert bisher',
  'overview.usage.peak-value': '{n} am {date}',
  'overview.usage.none-yet': 'Noch niemand aktiv',
  'overview.usage.extra': 'Zusätzliche Benutzer',
  'overview.usage.extra-cost': 'Kosten für zusätzliche Benutzer bisher',
  'overview.people': 'Personen hinter dieser Zahl anzeigen',
  'overview.usage.billed': 'Abgerechnete Benutzer bisher',
  'overview.usage.mau': 'Monatlich aktive Benutzer',
  'overview.usage.mau-note':
    'Alle mit irgendeiner Aktivität in den letzten 30 Tagen: meist mehr als die abgerechneten Benutzer, die den ganzen Monat aktiv sein müssen.',
  'overview.usage.trial-note': 'Nicht berechnet: Dieser Monat fällt in Ihre Testphase.',

  'overview.licenses.title': 'Lizenzen',
  'overview.licenses.assigned': 'Aktiven Benutzern zugewiesen',
  'overview.licenses.free': 'Frei',
  'overview.licenses.free-note': 'Freie Lizenzen werden ebenfalls berechnet.',
  'overview.licenses.quantity': 'Menge in diesem Zeitraum',
  'overview.licenses.quantity-value': '{licenses} × {months} = {quantity}',
  'overview.n-licenses': { one: '{n} Lizenz', other: '{n} Lizenzen' },
  'overview.n-license-months': { one: '{n} Lizenzmonat', other: '{n} Lizenzmonate' },
  'overview.licenses.unit-price': 'Preis pro Lizenz und Monat',

  'overview.storage.title': 'Dateispeicher',
  'overview.storage.used': '{used} GB von {included} GB belegt',

  'overview.scheduled.title': 'Geplante Änderungen',
  'overview.scheduled.none': 'Keine Änderungen geplant.',
  'overview.scheduled.on': 'ab {date}',
  'overview.scheduled.cancel': 'Stornieren…',
  'overview.change.add-licenses': { one: '{n} Lizenz hinzugefügt', other: '{n} Lizenzen hinzugefügt' },
  'overview.change.remove-licenses': { one: '{n} Lizenz entfernt', other: '{n} Lizenzen entfernt' },
  'overview.change.change-plan': 'Wechsel zur Edition {plan}',
  'overview.change.change-period': 'Abrechnung künftig {period}',
  'overview.frequency.1': 'monatlich',
  'overview.frequency.6': 'alle 6 Monate',
  'overview.frequency.12': 'jährlich',
  'overview.frequency.other': { one: 'im Abstand von {n} Monat', other: 'alle {n} Monate' },

  'overview.manage.title': 'Abonnement ändern',
  'overview.add.label': 'Hinzuzufügende Lizenzen',
  'overview.add.hint': 'Werden sofort hinzugefügt; Sie bezahlen jetzt anteilig für den Rest dieses Zeitraums.',
  'overview.add.button': 'Lizenzen hinzufügen…',
  'overview.add.quoting': 'Preis wird ermittelt…',
  'overview.remove.label': 'Zu entfernende Lizenzen',
  'overview.remove.hint':
    'Werden ab {date}, dem Beginn des nächsten Zeitraums, entfernt; für diesen Zeitraum erfolgt keine Gutschrift.',
  'overview.remove.button': 'Lizenzen entfernen…',
  'overview.remove.max': {
    zero: 'Derzeit kann keine Lizenz entfernt werden.',
    one: 'Sie können höchstens {n} Lizenz entfernen.',
    other: 'Sie können höchstens {n} Lizenzen entfernen.',
  },
  'overview.refused.too-few-left': 'Ab {date} gäbe es weniger Lizenzen als aktive Benutzer.',
  'overview.refused.remove-at-most': {
    zero: 'Deaktivieren Sie zuerst Benutzer.',
    one: 'Entfernen Sie höchstens {n} Lizenz, oder deaktivieren Sie zuerst Benutzer.',
    other: 'Entfernen Sie höchstens {n} Lizenzen, oder deaktivieren Sie zuerst Benutzer.',
  },
  'overview.plan.label': 'Edition',
  'overview.plan.hint': 'Der Wechsel erfolgt zum Beginn des nächsten Zeitraums, am {date}.',
  'overview.plan.button': 'Edition wechseln…',
  'overview.plan.option.peak-daily': '{name} ({fee} pro Monat, {included} Benutzer inbegriffen)',
  'overview.plan.option.per-unit': '{name} ({price} pro Monat)',
  'overview.plan.current': '{name} (aktuell)',
  'overview.plan.scheduled': '{name} (ab {date})',
  'overview.period.label': 'Abrechnungsintervall',
  'overview.period.button': 'Intervall ändern…',
  'overview.opening': 'Wird geöffnet…',
  'overview.load-failed':
    'Dieser Teil der Seite konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',

  'overview.orders.title': 'Bestellhistorie',

  'overview.empty.title': 'Noch kein Abonnement',
  'overview.empty.body':
    'Diese Organisation hat kein Abonnement. Sobald eines eingerichtet ist, erscheinen hier Edition, Zeiträume und Preise; wenden Sie sich an Ihren Anbieter, um eines abzuschließen.',
};
