import type { Translations } from '../../i18n/types.js';
import type { en } from './change-dialog.messages.js';

/** German messages of the overview's change flow; loaded when an admin first asks for a change in German. */
export const de: Translations<typeof en> = {
  'overview.dialog.add.title': { one: '{n} Lizenz hinzufügen?', other: '{n} Lizenzen hinzufügen?' },
  'overview.dialog.add.body':
    'Wird heute hinzugefügt und jetzt anteilig für den Rest dieses Zeitraums berechnet ({start} – {end}: {days} von {total} Tagen).',
  'overview.dialog.add.price': 'Preis jetzt, zzgl. USt.',
  'overview.dialog.add.confirm': 'Für {price} kaufen',
  'overview.dialog.remove.title': { one: '{n} Lizenz entfernen?', other: '{n} Lizenzen entfernen?' },
  'overview.dialog.remove.body':
    'Sie werden bis {end}, dem Ende dieses Zeitraums, weiter berechnet; für ihn erfolgt keine Gutschrift. Ab {date} wird die Entfernung wirksam.',
  'overview.dialog.remove.confirm': 'Entfernung planen',
  'overview.dialog.plan.title': 'Zur Edition {plan} wechseln?',
  'overview.dialog.plan.body': 'Bis {end} bleiben Sie bei {current}; ab {date} gilt {plan}.',
  'overview.dialog.period.title': 'Künftig {period} abrechnen?',
  'overview.dialog.period.body': 'Der aktuelle Zeitraum bleibt unverändert; das neue Intervall gilt ab {date}.',
  'overview.dialog.price.now': 'Monatspreis jetzt',
  'overview.dialog.price.from': 'Monatspreis ab {date}',
  'overview.dialog.price.period-now': 'Preis pro Abrechnungszeitraum jetzt',
  'overview.dialog.price.period-from': 'Preis pro Abrechnungszeitraum ab {date}',
  'overview.dialog.price.period': '{price} ({period})',
  'overview.dialog.schedule': 'Änderung planen',
  'overview.dialog.cancel.title': '„{change}“ ab {date} stornieren?',
  'overview.dialog.cancel.remove-licenses': {
    one: 'Sie behalten {n} Lizenz auch ab {date}; sie wird im nächsten Zeitraum weiter abgerechnet.',
    other: 'Sie behalten {n} Lizenzen auch ab {date}; sie werden im nächsten Zeitraum weiter abgerechnet.',
  },
  'overview.dialog.cancel.add-licenses': {
    one: 'Am {date} wird {n} Lizenz nicht hinzugefügt.',
    other: 'Am {date} werden {n} Lizenzen nicht hinzugefügt.',
  },
  'overview.dialog.cancel.change-plan': 'Sie bleiben auch ab {date} bei {current}, statt zu {plan} zu wechseln.',
  'overview.dialog.cancel.change-period':
    'Das Abrechnungsintervall bleibt auch ab {date} {frequency}, statt {period} zu werden.',
  'overview.dialog.cancel.confirm': 'Änderung stornieren',
  'overview.dialog.cancel.keep': 'Beibehalten',
  'overview.dialog.retry':
    'Die Anfrage ist möglicherweise nicht angekommen. Versuchen Sie es erneut: Sie wird mit demselben Schlüssel gesendet, daher wird nichts doppelt bestellt.',

  'overview.done.add': { one: '{n} Lizenz hinzugefügt.', other: '{n} Lizenzen hinzugefügt.' },
  'overview.done.add-invoice': 'Rechnung {number} über {total} wurde ausgestellt.',
  'overview.done.remove': {
    one: '{n} Lizenz wird ab {date} entfernt.',
    other: '{n} Lizenzen werden ab {date} entfernt.',
  },
  'overview.done.plan': 'Ab {date} gilt die Edition {plan}.',
  'overview.done.period': 'Ab {date} wird {period} abgerechnet.',
  'overview.done.cancel': 'Storniert: {change} ab {date}.',

  'overview.count.licenses': { one: '{n} Lizenz', other: '{n} Lizenzen' },
  'overview.count.active-users': { one: '{n} aktiver Benutzer', other: '{n} aktive Benutzer' },
  'overview.refused.below-active-users': 'Ab {date} wären es {licenses}, aber {users}.',
  'overview.refused.deactivate-first': 'Kaufen Sie Lizenzen hinzu, oder deaktivieren Sie zuerst Benutzer.',
  'overview.refused.same-plan': 'Sie haben ab {date} bereits die Edition {plan}.',
  'overview.refused.same-period': 'Ab {date} wird bereits {period} abgerechnet.',
  'overview.refused.quantity': 'Geben Sie eine ganze Zahl von Lizenzen von 1 bis {max} ein.',
  'overview.refused.already-effective': 'Diese Änderung gilt seit {date}; Sie können sie nicht mehr stornieren.',
  'overview.refused.unknown-order':
    'Diese Änderung ist nicht mehr geplant: Sie wurde inzwischen storniert oder ist in Kraft getreten.',
  'overview.refused.order-invoiced':
    'Diese Änderung wurde mit einer eigenen Rechnung abgerechnet; Sie können sie nicht stornieren.',
};
