import type { Translations } from '../../i18n/types.js';
import type { en } from './user-count-chart.messages.js';

/** Dutch messages of <billing-user-count-chart>; loaded when an element first speaks Dutch (a chunk of its own). */
export const nl: Translations<typeof en> = {
  'chart.title.month': 'Gebruikers per dag, {month}',
  'chart.title.year': 'Gefactureerde gebruikers per maand, {year}',
  'chart.range': '{from} tot en met {to}',
  'chart.period': 'Periode',
  'chart.period.month': 'Maand',
  'chart.period.year': 'Jaar',
  'chart.show-table': 'Als tabel tonen',
  'chart.series.daily': 'Gebruikers per dag',
  'chart.series.included': 'Inbegrepen gebruikers',
  'chart.series.above': 'Boven de inbegrepen gebruikers',
  'chart.series.peak': 'Piek',
  'chart.series.billed': 'Gefactureerde gebruikers',
  'chart.series.billable': 'Factureerbare gebruikers',
  'chart.series.licenses': 'Licenties in gebruik',
  'chart.series.mau': 'Maandelijks actieve gebruikers',
  'chart.series.provisional': 'Voorlopig (maand loopt nog)',
  'chart.series.not-charged': 'Niet in rekening gebracht (proefperiode)',
  'chart.series.before': 'Niet in rekening gebracht (vóór het abonnement)',
  'chart.series.held': 'Licenties (huidige periode)',
  'chart.stat.peak-on': 'op {date}',
  'chart.stat.highest': 'Hoogste aantal op één dag',
  'chart.stat.extra': 'Extra gebruikers',
  'chart.rule.peak-daily':
    'De maand wordt gefactureerd op het hoogste aantal gebruikers op één dag (de piek); gebruikers boven de inbegrepen gebruikers worden als extra gebruikers gefactureerd.',
  'chart.rule.per-user':
    'Iedereen die op minstens één dag van de maand actief was, wordt één keer gefactureerd; het gefactureerde aantal kan dus hoger zijn dan het aantal op een enkele dag.',
  'chart.rule.full-month':
    'De factuur is meestal lager dan het aantal maandelijks actieve gebruikers: ze telt alleen mensen die elke dag van de kalendermaand actief waren, met een kwalificerende activiteit (inloggen, een bezoek via web of mobiel, het beheerpaneel of chat) als het abonnement die vereist; maandelijks actieve gebruikers telt iedereen met enige activiteit in de laatste 30 dagen.',
  'chart.rule.invited':
    'Mensen worden gefactureerd zodra ze zijn uitgenodigd om hun account te claimen en actief zijn; het gefactureerde aantal kan dus lager zijn dan de aantallen per dag, want aangemaakte accounts zijn gratis.',
  'chart.rule.prepaid-licenses':
    'U betaalt voor licenties, niet voor gebruikers: elke actieve gebruiker heeft één licentie, en vrije licenties worden ook gefactureerd.',
  'chart.provisional.year': 'De maand {month} loopt nog: het aantal is voorlopig.',
  'chart.aria.hint':
    'Geef de grafiek de focus en lees de waarden één voor één met de pijltjestoetsen, met Enter ziet u de personen achter een waarde; „Als tabel tonen” toont ze allemaal.',
  'chart.summary.included': { one: '{n} gebruiker inbegrepen.', other: '{n} gebruikers inbegrepen.' },
  'chart.summary.highest': {
    one: 'Hoogste: {n} gebruiker in {month}.',
    other: 'Hoogste: {n} gebruikers in {month}.',
  },
  'chart.summary.mau': 'Maandelijks actieve gebruikers in {month}: {n}.',
  'chart.caption.provisional': '{caption} (voorlopig)',
  'chart.col.date': 'Datum',
  'chart.col.users': 'Gebruikers',
  'chart.col.note': 'Opmerking',
  'chart.note.provisional': 'Voorlopig',
  'chart.note.not-charged': 'Niet in rekening gebracht (proefperiode of vóór het abonnement)',
  'chart.empty.month.title': 'Geen gebruikers in {month}',
  'chart.empty.month.body':
    'Niemand was op een dag van deze maand actief. Kies een andere maand om de aantallen per dag te zien.',
  'chart.empty.year.title': 'Geen gefactureerde gebruikers in {year}',
  'chart.empty.year.body': 'Geen enkele maand van dit jaar heeft al gebruikers. Kies een ander jaar.',
  'chart.load-failed': 'De grafiek kon niet worden getekend. De tabel toont dezelfde cijfers.',
};
