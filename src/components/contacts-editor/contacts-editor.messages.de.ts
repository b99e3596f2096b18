import type { Translations } from '../../i18n/types.js';
import type { AllMessages } from './contacts-editor.messages.js';

/** German messages of <billing-contacts-editor>; loaded when an element first speaks German (a chunk of its own). */
export const de: Translations<AllMessages> = {
  'contacts.title': 'Rechnungsdaten',
  'contacts.read-only':
    'Sie können diese Daten sehen, aber nur Personen mit der Rolle Administrator oder Finanzen können sie ändern.',
  'contacts.required': 'erforderlich',
  'contacts.status.idle': 'Änderungen werden automatisch gespeichert',
  'contacts.status.pending': 'Nicht gespeicherte Änderungen',
  'contacts.status.saving': 'Wird gespeichert…',
  'contacts.status.saved': 'Gespeichert',
  'contacts.status.failed': 'Nicht gespeichert. {reason} Ihre Änderungen bleiben erhalten.',
  'contacts.status.blocked': 'Nicht gespeichert: Korrigieren Sie die markierten Felder.',
  'contacts.status.invalid':
    'Nicht gespeichert: Der Abrechnungsdienst hat einige Felder abgelehnt. Korrigieren Sie die markierten Felder.',
  'contacts.status.conflict':
    'Nicht gespeichert: Jemand anderes hat diese Daten geändert. Wählen Sie, welche Version erhalten bleiben soll.',
  'contacts.status.replaced': 'Angezeigt wird die Version, die jemand anderes gespeichert hat.',
  'contacts.status.merged':
    'Gespeichert, mit den Änderungen, die jemand anderes inzwischen an {fields} vorgenommen hat.',
  'contacts.status.denied':
    'Nicht gespeichert: Zum Speichern ist die Rolle Administrator oder Finanzen erforderlich. Ihre Änderungen bleiben erhalten; melden Sie sich mit dieser Rolle erneut an, um sie zu speichern.',
  'contacts.restored.title': 'Nicht gespeicherte Änderungen wiederhergestellt',
  'contacts.restored.body':
    'Diese Änderungen wurden vor dem Verlassen der Seite nicht gespeichert. Speichern Sie sie, oder verwerfen Sie sie, um die gespeicherten Daten zu sehen.',
  'contacts.restored.save': 'Änderungen speichern',
  'contacts.restored.discard': 'Verwerfen',
  'contacts.restored.discarded': 'Nicht gespeicherte Änderungen verworfen.',
  'contacts.restored.merged':
    'Jemand anderes hat inzwischen {fields} geändert. Diese Änderungen sind bereits in Ihrer Version.',
  'contacts.retry': 'Erneut speichern',
  'contacts.part-failed': 'Ein Teil des Editors konnte nicht geladen werden. Prüfen Sie Ihre Verbindung.',
  'contacts.empty.title': 'Noch keine Rechnungsdaten',
  'contacts.empty.body':
    'Geben Sie mindestens eine E-Mail-Adresse für den Rechnungsversand und die Rechnungsadresse an. Alles wird während der Eingabe gespeichert.',
  'contacts.recipients.legend': 'Rechnungsempfänger',
  'contacts.recipients.hint': 'Diese Adressen erhalten Rechnungen und Zahlungserinnerungen.',
  'contacts.recipients.label': 'Empfänger {n}',
  'contacts.recipients.add': 'Empfänger hinzufügen',
  'contacts.recipients.remove': 'Entfernen',
  'contacts.recipients.max': 'Höchstens {n} Empfänger.',
  'contacts.recipients.remove-last':
    'Rechnungen benötigen mindestens einen Empfänger. Fügen Sie eine weitere Adresse hinzu, bevor Sie diese entfernen.',
  'contacts.recipients.removed': '{email} entfernt.',
  'contacts.recipients.recommend':
    'Fügen Sie einen zweiten Empfänger hinzu. Bei nur einem Empfänger kann eine übersehene E-Mail zu einer verspäteten Zahlung führen, und eine verspätete Zahlung kann zur Sperrung Ihres Abonnements führen.',
  'contacts.contact.legend': 'Ansprechpartner für die Abrechnung',
  'contacts.contact.hint':
    'Die Person, an die wir uns bei Fragen zur Abrechnung wenden. Wählen Sie jemanden aus Ihrer Organisation aus oder geben Sie eine E-Mail-Adresse ein.',
  'contacts.contact.label': 'Person oder E-Mail-Adresse',
  'contacts.contact.people': 'Personen aus Ihrer Organisation',
  'contacts.contact.searching': 'Suche läuft…',
  'contacts.contact.results': {
    one: '{n} Person gefunden. Wählen Sie mit den Pfeiltasten nach oben und unten aus und übernehmen Sie mit der Eingabetaste.',
    other:
      '{n} Personen gefunden. Wählen Sie mit den Pfeiltasten nach oben und unten aus und übernehmen Sie mit der Eingabetaste.',
  },
  'contacts.contact.no-results':
    'Niemand aus Ihrer Organisation passt. Eine eingegebene E-Mail-Adresse wird unverändert übernommen.',
  'contacts.contact.search-failed':
    'Die Personensuche ist fehlgeschlagen. Sie können trotzdem eine E-Mail-Adresse eingeben.',
  'contacts.contact.person': 'Aus Ihrer Organisation: {email}',
  'contacts.contact.typed': 'Eine E-Mail-Adresse, keine Person aus Ihrer Organisation.',
  'contacts.address.legend': 'Rechnungsadresse',
  'contacts.address.hint':
    'Steht auf jeder Rechnung. Pflichtangabe, auch wenn Rechnungen als E-Rechnung versendet werden.',
  'contacts.field.line1': 'Straße und Hausnummer',
  'contacts.field.line2': 'Adresszeile 2 (optional)',
  'contacts.field.postalCode': 'Postleitzahl',
  'contacts.field.city': 'Ort',
  'contacts.field.country': 'Land',
  'contacts.address.country.choose': 'Land auswählen',
  'contacts.einvoice.legend': 'E-Rechnung',
  'contacts.einvoice.toggle': 'Rechnungen als E-Rechnung senden',
  'contacts.einvoice.hint': 'Rechnungen gehen an Ihren E-Rechnungsdienstleister statt per E-Mail.',
  'contacts.field.einvoice-address': 'E-Rechnungsadresse',
  'contacts.field.einvoice-address.hint': 'Ihre elektronische Rechnungsadresse (z. B. ein OVT- oder GLN-Code).',
  'contacts.field.operator-code': 'Dienstleistercode',
  'contacts.field.operator-code.hint': 'Der Code Ihres E-Rechnungsdienstleisters (z. B. E204503).',
  'contacts.po.legend': 'Bestellung',
  'contacts.field.po-number': 'Bestellnummer (optional)',
  'contacts.field.po-number.hint':
    'Erscheint auf Rechnungen, die ab jetzt ausgestellt werden; bereits ausgestellte Rechnungen behalten ihre bisherige.',
  'contacts.company.title': 'Unternehmen',
  'contacts.company.name': 'Firmenname',
  'contacts.company.vat': 'USt-IdNr.',
  'contacts.company.vat.none': 'Nicht angegeben',
  'contacts.company.where': 'Hier schreibgeschützt. Ändern Sie diese Angaben unter {place}.',
  'contacts.company.where.unknown': 'Hier schreibgeschützt. Ändern Sie diese Angaben in Ihrem Unternehmensprofil.',
  'contacts.on': 'Ein',
  'contacts.off': 'Aus',
  'contacts.none': '(leer)',
  'contacts.error.recipient.invalid': '„{value}“ ist keine gültige E-Mail-Adresse.',
  'contacts.error.recipient.duplicate': '{value} ist bereits in der Liste.',
  'contacts.error.recipients.required': 'Geben Sie mindestens eine E-Mail-Adresse für den Rechnungsversand an.',
  'contacts.error.contact.invalid':
    'Wählen Sie eine Person aus der Liste aus oder geben Sie eine gültige E-Mail-Adresse ein.',
  'contacts.error.contact.unknown':
    'Wählen Sie den Ansprechpartner für die Abrechnung aus den Personen Ihrer Organisation aus.',
  'contacts.error.required': 'Füllen Sie dieses Feld aus.',
  'contacts.error.country': 'Wählen Sie ein Land aus.',
  'contacts.error.too-long': 'Diese Angabe ist zu lang. Kürzen Sie sie.',
  'contacts.error.too-long.max': {
    one: 'Diese Angabe ist zu lang: höchstens {max} Zeichen.',
    other: 'Diese Angabe ist zu lang: höchstens {max} Zeichen.',
  },
  'contacts.error.recipients.too-many': 'Es sind höchstens {max} Empfänger möglich.',
  'contacts.error.invalid': 'Dieser Wert ist ungültig.',
  'contacts.conflict.title': 'Jemand anderes hat diese Daten geändert',
  'contacts.conflict.body':
    'Während Sie bearbeitet haben, hat jemand andere Rechnungsdaten gespeichert. Es wurde nichts überschrieben. Vergleichen Sie die abweichenden Felder und wählen Sie, welche Version erhalten bleiben soll.',
  'contacts.conflict.merged':
    'Die Änderungen der anderen Person an {fields} sind bereits in Ihrer Version. Nur die Felder unten haben Sie beide geändert.',
  'contacts.conflict.caption': 'Abweichende Felder',
  'contacts.conflict.field': 'Feld',
  'contacts.conflict.mine': 'Ihre Version',
  'contacts.conflict.theirs': 'Andere Version',
  'contacts.conflict.keep-mine': 'Meine Version behalten',
  'contacts.conflict.use-theirs': 'Andere Version übernehmen',
};
