import type { Translations } from '../../i18n/types.js';
import type { en } from './user-dialog.messages.js';

/** Dutch messages of <billing-user-dialog>. */
export const nl: Translations<typeof en> = {
  'users.dialog.deactivate.title': '{name} deactiveren?',
  'users.dialog.deactivate.body': 'Deze persoon verliest de toegang. U kunt de persoon later heractiveren.',
  'users.dialog.deactivate.license':
    'De licentie komt vrij. Verwijdert u die vanaf uw volgende periode, of houdt u die voor iemand anders? Vrije licenties worden ook gefactureerd.',
  'users.dialog.deactivate.keep': 'Licentie houden voor iemand anders',
  'users.dialog.deactivate.remove': 'Licentie verwijderen vanaf de volgende periode',
  'users.dialog.buy.title': 'Geen vrije licentie',
  'users.dialog.buy.body':
    'Om {name} te heractiveren, koopt u één licentie extra. Die kost {price} voor de rest van deze periode (tot en met {end}) en wordt nu in rekening gebracht.',
  'users.dialog.buy.confirm': 'Licentie kopen en heractiveren',
  'users.deactivated': '{name} is gedeactiveerd.',
  'users.reactivated': '{name} is weer actief.',
  'users.whatif.loading': 'Wat dit met de factuur doet, wordt berekend…',
  'users.whatif.error': 'Wat dit met de factuur doet, kon niet worden berekend',
  'users.whatif.billed': 'Nog gefactureerd voor {month}: {reason}.',
  'users.whatif.not-billed': 'Niet gefactureerd voor {month}: {reason}.',
  'users.whatif.not-billed-from': 'Niet meer gefactureerd vanaf {month}.',
  'users.whatif.drops': 'De factuur daalt van {before} naar {after} (voorlopig, exclusief btw).',
  'users.whatif.same': 'De factuur blijft {amount} (voorlopig, exclusief btw).',
  'users.whatif.license-stays':
    'De licentie wordt gefactureerd tot en met {date}, het einde van de periode: licenties worden per hele periode gefactureerd.',
  'users.whatif.license-removed': 'De licentie wordt verwijderd uit de volgende periode, vanaf {month}.',
  'users.whatif.license-kept':
    'De licentie blijft in de volgende periode, vanaf {month}, als vrije licentie, en wordt gefactureerd.',
  'users.person.billed': 'Gefactureerd: {reason}.',
  'users.person.not-billed': 'Niet gefactureerd: {reason}.',
  'users.person.facts': 'Wat er gebeurde in {month}',
  'users.person.no-facts': 'Niets in deze maand is van invloed op de factuur.',
  'users.person.truncated': 'Er zijn meer feiten dan hier passen; de rest is weggelaten.',
  'users.effect.bills': 'Telt mee: waarom gefactureerd',
  'users.effect.excludes': 'Waarom niet gefactureerd',
  'users.effect.none': 'Geen invloed op deze factuur',
  'users.fact.listed': 'Vermeld in {directories}',
  'users.fact.started': 'Eerste dag als gebruiker',
  'users.fact.invited': 'Uitgenodigd om het account te claimen',
  'users.fact.activity.login': 'Aangemeld',
  'users.fact.activity.web-visit': 'Bezoek via het web',
  'users.fact.activity.mobile-visit': 'Bezoek via mobiel',
  'users.fact.activity.admin-panel': 'Beheerpaneel gebruikt',
  'users.fact.activity.chat': 'Chat gebruikt',
  'users.fact.activity.push-notification-view': 'Pushmelding bekeken',
  'users.fact.activity.email-notification-view': 'E-mailmelding bekeken',
  'users.fact.peak-day': {
    one: 'De piek van de maand: {n} gebruiker',
    other: 'De piek van de maand: {n} gebruikers',
  },
  'users.fact.deactivated': 'Gedeactiveerd',
  'users.fact.deleted': 'Verwijderd',
};
