import type { Translations } from '../../i18n/types.js';
import type { en } from './subscription-overview.messages.js';

/** Dutch messages of <billing-subscription-overview>; loaded when an element first speaks Dutch (a chunk of its own). */
export const nl: Translations<typeof en> = {
  'overview.title': 'Abonnement',
  'overview.invalid-quantity': 'Vul een heel aantal licenties in, 1 of meer.',
  'overview.badge.trial': 'Proefperiode',
  'overview.rule.peak-daily':
    'Een maandelijks basisbedrag omvat {included} gebruikers; gefactureerd wordt het hoogste aantal mensen dat op één dag van de maand actief was, en elke gebruiker boven de {included} wordt als extra gebruiker gefactureerd.',
  'overview.rule.per-user':
    'Iedereen die minstens één dag van de maand actief was, wordt één keer gefactureerd tegen de prijs per gebruiker.',
  'overview.rule.full-month':
    'Iemand wordt voor een maand alleen gefactureerd als het account elke dag van die maand actief was; gasten van andere bedrijven nooit.',
  'overview.rule.full-month-activity':
    'Iemand wordt voor een maand alleen gefactureerd als het account elke dag van die maand actief was en de persoon het die maand gebruikte (inloggen, een bezoek, een chat); gasten van andere bedrijven nooit.',
  'overview.rule.invited':
    'Mensen toevoegen is gratis; iemand wordt gefactureerd voor elke maand waarin die persoon actief is en is uitgenodigd om het account te claimen.',
  'overview.rule.prepaid-licenses':
    'U koopt licenties vooraf per periode en betaalt voor elke licentie, toegewezen of vrij; u kunt altijd licenties bijkopen en ze vanaf de volgende periode verwijderen.',
  'overview.refreshing': 'Bijwerken…',
  'overview.refresh-failed': 'De cijfers konden niet worden bijgewerkt.',

  'overview.period.title': 'Factuurperiode',
  'overview.period.current': 'Huidige periode',
  'overview.period.next': 'Volgende periode',
  'overview.period.range': '{start} – {end}',
  'overview.period.months': { one: '{n} maand', other: '{n} maanden' },
  'overview.period.next-edition': 'Editie vanaf dan: {plan}',
  'overview.period.next-licenses': { one: '{n} licentie vanaf dan', other: '{n} licenties vanaf dan' },
  'overview.trial.ends': 'Uw gratis proefperiode eindigt op {date}.',
  'overview.trial.first-month': 'De rest van die maand is ook gratis: de eerste gefactureerde maand is {month}.',

  'overview.price.title': 'Prijs',
  'overview.price.monthly': 'Prijs per maand',
  'overview.price.base-fee': '{fee} basisbedrag, {included} gebruikers inbegrepen',
  'overview.price.extra-user': '{price} per extra gebruiker',
  'overview.price.per-user': '{price} per gebruiker',
  'overview.price.per-license': '{price} per licentie',
  'overview.price.month-so-far': 'Deze maand tot nu toe',
  'overview.price.excl-tax': 'excl. btw',
  'overview.price.not-charged': 'Niet in rekening gebracht: uw proefperiode loopt nog.',
  'overview.price.per-period': 'Prijs per periode',
  'overview.upcoming': 'Volgende factuur (schatting)',
  'overview.upcoming.detail': 'Voor {period}, uitgereikt op {date}, incl. btw',
  'overview.upcoming.provisional': 'Voorlopig: het bedrag kan veranderen tot de factuur is uitgereikt.',
  'overview.po': 'Inkoopordernummer op facturen',

  'overview.usage.title': 'Gebruikers deze maand',
  'overview.usage.provisional': 'Tot nu toe: de maand is nog bezig.',
  'overview.usage.included': 'Inbegrepen gebruikers',
  'overview.usage.peak': 'Hoogste aantal tot nu toe',
  'overview.usage.peak-value': '{n} op {date}',
  'overview.usage.none-yet': 'Nog niemand actief',
  'overview.usage.extra': 'Extra gebruikers',
  'overview.usage.extra-cost': 'Kosten extra gebruikers tot nu toe',
  'overview.people': 'Toon de personen achter dit aantal',
  'overview.usage.billed': 'Gefactureerde gebruikers tot nu toe',
  'overview.usage.mau': 'Maandelijks actieve gebruikers',
  'overview.usage.mau-note':
    'Iedereen met enige activiteit in de laatste 30 dagen: meestal meer dan de gefactureerde gebruikers, die de hele maand actief moeten zijn.',
  'overview.usage.trial-note': 'Niet in rekening gebracht: deze maand valt in uw proefperiode.',

  'overview.licenses.title': 'Licenties',
  'overview.licenses.assigned': 'Toegewezen aan actieve gebruikers',
  'overview.licenses.free': 'Vrij',
  'overview.licenses.free-note': 'Vrije licenties worden ook gefactureerd.',
  'overview.licenses.quantity': 'Aantal deze periode',
  'overview.licenses.quantity-value': '{licenses} × {months} = {quantity}',
  'overview.n-licenses': { one: '{n} licentie', other: '{n} licenties' },
  'overview.n-license-months': { one: '{n} licentiemaand', other: '{n} licentiemaanden' },
  'overview.licenses.unit-price': 'Prijs per licentie per maand',

  'overview.storage.title': 'Bestandsopslag',
  'overview.storage.used': '{used} GB van {included} GB gebruikt',

  'overview.scheduled.title': 'Geplande wijzigingen',
  'overview.scheduled.none': 'Geen wijzigingen gepland.',
  'overview.scheduled.on': 'vanaf {date}',
  'overview.scheduled.cancel': 'Annuleren…',
  'overview.change.add-licenses': { one: '{n} licentie toegevoegd', other: '{n} licenties toegevoegd' },
  'overview.change.remove-licenses': { one: '{n} licentie verwijderd', other: '{n} licenties verwijderd' },
  'overview.change.change-plan': 'Editie wordt {plan}',
  'overview.change.change-period': 'Factuurfrequentie wordt {period}',
  'overview.frequency.1': 'maandelijks',
  'overview.frequency.6': 'elke 6 maanden',
  'overview.frequency.12': 'jaarlijks',
  'overview.frequency.other': { one: 'elke {n} maand', other: 'elke {n} maanden' },

  'overview.manage.title': 'Abonnement wijzigen',
  'overview.add.label': 'Licenties bijkopen',
  'overview.add.hint': 'Direct toegevoegd; u betaalt nu voor de rest van deze periode.',
  'overview.add.button': 'Licenties bijkopen…',
  'overview.add.quoting': 'Prijs ophalen…',
  'overview.remove.label': 'Licenties verwijderen',
  'overview.remove.hint':
    'Verwijderd vanaf {date}, het begin van de volgende periode; deze periode wordt niet gecrediteerd.',
  'overview.remove.button': 'Licenties verwijderen…',
  'overview.remove.max': {
    zero: 'Er kan nu geen licentie worden verwijderd.',
    one: 'U kunt maximaal {n} licentie verwijderen.',
    other: 'U kunt maximaal {n} licenties verwijderen.',
  },
  'overview.refused.too-few-left': 'Vanaf {date} zouden er minder licenties zijn dan actieve gebruikers.',
  'overview.refused.remove-at-most': {
    zero: 'Deactiveer eerst gebruikers.',
    one: 'Verwijder maximaal {n} licentie, of deactiveer eerst gebruikers.',
    other: 'Verwijder maximaal {n} licenties, of deactiveer eerst gebruikers.',
  },
  'overview.plan.label': 'Editie',
  'overview.plan.hint': 'Wijzigt bij de overgang naar de volgende periode, op {date}.',
  'overview.plan.button': 'Editie wijzigen…',
  'overview.plan.option.peak-daily': '{name} ({fee} per maand, {included} gebruikers inbegrepen)',
  'overview.plan.option.per-unit': '{name} ({price} per maand)',
  'overview.plan.current': '{name} (huidig)',
  'overview.plan.scheduled': '{name} (vanaf {date})',
  'overview.period.label': 'Factuurfrequentie',
  'overview.period.button': 'Frequentie wijzigen…',
  'overview.opening': 'Openen…',
  'overview.load-failed':
    'Dit deel van de pagina kon niet worden geladen. Controleer uw verbinding en probeer het opnieuw.',

  'overview.orders.title': 'Bestelgeschiedenis',

  'overview.empty.title': 'Nog geen abonnement',
  'overview.empty.body':
    'Deze organisatie heeft geen abonnement. Zodra er een is, staan de editie, de periodes en de prijzen hier; neem contact op met uw leverancier om er een te starten.',
};
