import type { Translations } from '../../i18n/types.js';
import type { en } from './change-dialog.messages.js';

/** Dutch messages of the overview's change flow; loaded when an admin first asks for a change in Dutch. */
export const nl: Translations<typeof en> = {
  'overview.dialog.add.title': { one: '{n} licentie bijkopen?', other: '{n} licenties bijkopen?' },
  'overview.dialog.add.body':
    'Vandaag toegevoegd en nu gefactureerd voor de rest van deze periode ({start} – {end}: {days} van {total} dagen).',
  'overview.dialog.add.price': 'Prijs nu, excl. btw',
  'overview.dialog.add.confirm': 'Kopen voor {price}',
  'overview.dialog.remove.title': { one: '{n} licentie verwijderen?', other: '{n} licenties verwijderen?' },
  'overview.dialog.remove.body':
    'Ze blijven gefactureerd tot en met {end}, het einde van deze periode; die periode wordt niet gecrediteerd. Vanaf {date} vervallen ze.',
  'overview.dialog.remove.confirm': 'Verwijdering plannen',
  'overview.dialog.plan.title': 'Editie wijzigen naar {plan}?',
  'overview.dialog.plan.body': 'U blijft op {current} tot en met {end}; {plan} geldt vanaf {date}.',
  'overview.dialog.period.title': 'Factuurfrequentie wijzigen naar {period}?',
  'overview.dialog.period.body': 'De huidige periode blijft zoals hij is; de nieuwe frequentie geldt vanaf {date}.',
  'overview.dialog.price.now': 'Prijs per maand nu',
  'overview.dialog.price.from': 'Prijs per maand vanaf {date}',
  'overview.dialog.price.period-now': 'Prijs per periode nu',
  'overview.dialog.price.period-from': 'Prijs per periode vanaf {date}',
  'overview.dialog.price.period': '{price} ({period})',
  'overview.dialog.schedule': 'Wijziging plannen',
  'overview.dialog.cancel.title': '„{change}” vanaf {date} annuleren?',
  'overview.dialog.cancel.remove-licenses': {
    one: 'U houdt ook vanaf {date} {n} licentie; die wordt in de volgende periode gefactureerd.',
    other: 'U houdt ook vanaf {date} {n} licenties; die worden in de volgende periode gefactureerd.',
  },
  'overview.dialog.cancel.add-licenses': {
    one: 'Op {date} wordt {n} licentie niet toegevoegd.',
    other: 'Op {date} worden {n} licenties niet toegevoegd.',
  },
  'overview.dialog.cancel.change-plan':
    'U blijft ook vanaf {date} op {current}, in plaats van over te stappen op {plan}.',
  'overview.dialog.cancel.change-period':
    'De factuurfrequentie blijft ook vanaf {date} {frequency}, in plaats van {period} te worden.',
  'overview.dialog.cancel.confirm': 'Wijziging annuleren',
  'overview.dialog.cancel.keep': 'Behouden',
  'overview.dialog.retry':
    'Het verzoek is misschien niet aangekomen. Probeer het opnieuw: het gaat met dezelfde sleutel, dus er wordt niets dubbel besteld.',

  'overview.done.add': { one: '{n} licentie toegevoegd.', other: '{n} licenties toegevoegd.' },
  'overview.done.add-invoice': 'Factuur {number} van {total} is uitgereikt.',
  'overview.done.remove': {
    one: '{n} licentie wordt verwijderd vanaf {date}.',
    other: '{n} licenties worden verwijderd vanaf {date}.',
  },
  'overview.done.plan': 'De editie wordt {plan} vanaf {date}.',
  'overview.done.period': 'De factuurfrequentie wordt {period} vanaf {date}.',
  'overview.done.cancel': 'Geannuleerd: {change} vanaf {date}.',

  'overview.count.licenses': { one: '{n} licentie', other: '{n} licenties' },
  'overview.count.active-users': { one: '{n} actieve gebruiker', other: '{n} actieve gebruikers' },
  'overview.refused.below-active-users': 'Vanaf {date} zouden er {licenses} zijn voor {users}.',
  'overview.refused.deactivate-first': 'Koop licenties of deactiveer eerst gebruikers.',
  'overview.refused.same-plan': 'U hebt vanaf {date} al de editie {plan}.',
  'overview.refused.same-period': 'De factuurfrequentie is vanaf {date} al {period}.',
  'overview.refused.quantity': 'Vul een heel aantal licenties in, van 1 tot en met {max}.',
  'overview.refused.already-effective': 'Deze wijziging is op {date} ingegaan; u kunt haar niet meer annuleren.',
  'overview.refused.unknown-order': 'Deze wijziging is niet meer gepland: ze is intussen geannuleerd of ingegaan.',
  'overview.refused.order-invoiced': 'Deze wijziging is op een eigen factuur gefactureerd; u kunt haar niet annuleren.',
};
