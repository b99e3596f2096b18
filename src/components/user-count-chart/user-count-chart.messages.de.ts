import type { Translations } from '../../i18n/types.js';
import type { en } from './user-count-chart.messages.js';

/** German messages of <billing-user-count-chart>; loaded when an element first speaks German (a chunk of its own). */
export const de: Translations<typeof en> = {
  'chart.title.month': 'Benutzer pro Tag, {month}',
  'chart.title.year': 'Abgerechnete Benutzer pro Monat, {year}',
  'chart.range': '{from} bis {to}',
  'chart.period': 'Zeitraum',
  'chart.period.month': 'Monat',
  'chart.period.year': 'Jahr',
  'chart.show-table': 'Als Tabelle anzeigen',
  'chart.series.daily': 'Benutzer pro Tag',
  'chart.series.included': 'Inbegriffene Benutzer',
  'chart.series.above': 'Über den inbegriffenen Benutzern',
  'chart.series.peak': 'Spitzenwert',
  'chart.series.billed': 'Abgerechnete Benutzer',
  'chart.series.billable': 'Abrechenbare Benutzer',
  'chart.series.licenses': 'Genutzte Lizenzen',
  'chart.series.mau': 'Monatlich aktive Benutzer',
  'chart.series.provisional': 'Vorläufig (Monat läuft noch)',
  'chart.series.not-charged': 'Nicht berechnet (Testphase)',
  'chart.series.before': 'Nicht berechnet (vor Beginn des Abonnements)',
  'chart.series.held': 'Lizenzen (aktueller Zeitraum)',
  'chart.stat.peak-on': 'am {date}',
  'chart.stat.highest': 'Höchste Tageszahl',
  'chart.stat.extra': 'Zusätzliche Benutzer',
  'chart.rule.peak-daily':
    'Der Monat wird nach seiner höchsten täglichen Benutzerzahl (dem Spitzenwert) abgerechnet; Benutzer über den inbegriffenen Benutzern werden als zusätzliche Benutzer abgerechnet.',
  'chart.rule.per-user':
    'Alle, die an mindestens einem Tag des Monats aktiv waren, werden einmal abgerechnet; die abgerechnete Zahl kann daher höher sein als die Zahl eines einzelnen Tages.',
  'chart.rule.full-month':
    'Die Rechnung liegt meist unter der Zahl der monatlich aktiven Benutzer: Sie zählt nur Personen, die an jedem Tag des Kalendermonats aktiv waren, mit einer anrechenbaren Aktivität (Anmeldung, Besuch im Web oder mobil, Admin-Bereich oder Chat), sofern die Edition eine verlangt; die monatlich aktiven Benutzer umfassen dagegen alle mit irgendeiner Aktivität in den letzten 30 Tagen.',
  'chart.rule.invited':
    'Personen werden abgerechnet, sobald sie eingeladen wurden, ihr Konto zu übernehmen, und aktiv sind; die Zahl der abgerechneten Benutzer kann daher unter den Tageszahlen liegen: Lediglich angelegte Personen sind kostenlos.',
  'chart.rule.prepaid-licenses':
    'Sie bezahlen für Lizenzen, nicht für Benutzer: Jeder aktive Benutzer belegt eine Lizenz, und freie Lizenzen werden ebenfalls berechnet.',
  'chart.provisional.year': '{month} läuft noch: Der Wert ist vorläufig.',
  'chart.aria.hint':
    'Setzen Sie den Fokus auf das Diagramm und lesen Sie die Werte mit den Pfeiltasten einzeln ab, mit der Eingabetaste sehen Sie die Personen hinter einem Wert; „Als Tabelle anzeigen“ zeigt alle Werte an.',
  'chart.summary.included': { one: '{n} Benutzer inbegriffen.', other: '{n} Benutzer inbegriffen.' },
  'chart.summary.highest': {
    one: 'Höchstwert: {n} Benutzer im {month}.',
    other: 'Höchstwert: {n} Benutzer im {month}.',
  },
  'chart.summary.mau': 'Monatlich aktive Benutzer im {month}: {n}.',
  'chart.caption.provisional': '{caption} (vorläufig)',
  'chart.col.date': 'Datum',
  'chart.col.users': 'Benutzer',
  'chart.col.note': 'Hinweis',
  'chart.note.provisional': 'Vorläufig',
  'chart.note.not-charged': 'Nicht berechnet (Testphase oder vor Beginn des Abonnements)',
  'chart.empty.month.title': 'Keine Benutzer im {month}',
  'chart.empty.month.body':
    'An keinem Tag dieses Monats war jemand aktiv. Wählen Sie einen anderen Monat, um dessen Tageszahlen zu sehen.',
  'chart.empty.year.title': 'Keine abgerechneten Benutzer im Jahr {year}',
  'chart.empty.year.body': 'Für keinen Monat dieses Jahres gibt es bisher Benutzer. Wählen Sie ein anderes Jahr.',
  'chart.load-failed': 'Das Diagramm konnte nicht gezeichnet werden. Die Tabelle zeigt dieselben Zahlen.',
};
