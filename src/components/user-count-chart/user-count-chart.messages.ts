import type { Translations } from '../../i18n/types.js';

/** English messages of <billing-user-count-chart>. */
export const en = {
  'chart.title.month': 'Daily users, {month}',
  'chart.title.year': 'Billed users per month, {year}',
  'chart.range': '{from} to {to}',
  'chart.period': 'Period',
  'chart.period.month': 'Month',
  'chart.period.year': 'Year',
  'chart.show-table': 'Show as table',
  'chart.series.daily': 'Users per day',
  'chart.series.included': 'Included users',
  'chart.series.above': 'Above the included users',
  'chart.series.peak': 'Peak',
  'chart.series.billed': 'Billed users',
  'chart.series.billable': 'Billable users',
  'chart.series.licenses': 'Licenses in use',
  'chart.series.mau': 'Monthly active users',
  'chart.series.provisional': 'Provisional (month in progress)',
  'chart.series.not-charged': 'Not charged (trial)',
  'chart.series.before': 'Not charged (before the subscription)',
  'chart.series.held': 'Licenses (current period)',
  'chart.stat.peak-on': 'on {date}',
  'chart.stat.highest': 'Highest daily count',
  'chart.stat.extra': 'Extra users',
  'chart.rule.peak-daily':
    'The month is billed on its highest daily user count (the peak); users above the included users are billed as extra users.',
  'chart.rule.per-user':
    "Everyone active on at least one day of the month is billed once, so the billed count can be higher than any single day's count.",
  'chart.rule.full-month':
    'The invoice is usually lower than monthly active users: it counts only people active on every day of the calendar month with a qualifying activity (a login, a visit on web or mobile, the admin panel or chat) where the plan requires one, while monthly active users counts anyone with any activity in the last 30 days.',
  'chart.rule.invited':
    'People are billed once they are invited to claim their account and are active, so billed users can be fewer than the daily counts: provisioned people are free.',
  'chart.rule.prepaid-licenses':
    'You pay for licenses, not for users: each active user holds one license, and free licenses are charged too.',
  'chart.provisional.year': '{month} is still in progress: its figure is provisional.',
  'chart.aria.hint':
    'Focus the chart and use the arrow keys to read its values one by one, Enter to see the people behind one; “Show as table” shows them all.',
  'chart.summary.included': { one: '{n} user included.', other: '{n} users included.' },
  'chart.summary.highest': { one: 'Highest: {n} user in {month}.', other: 'Highest: {n} users in {month}.' },
  'chart.summary.mau': 'Monthly active users in {month}: {n}.',
  'chart.caption.provisional': '{caption} (provisional)',
  'chart.col.date': 'Date',
  'chart.col.users': 'Users',
  'chart.col.note': 'Note',
  'chart.note.provisional': 'Provisional',
  'chart.note.not-charged': 'Not charged (trial or before the subscription)',
  'chart.empty.month.title': 'No users in {month}',
  'chart.empty.month.body': 'Nobody was active on any day of this month. Pick another month to see its daily counts.',
  'chart.empty.year.title': 'No billed users in {year}',
  'chart.empty.year.body': 'No month of this year has users yet. Pick another year.',
  'chart.load-failed': 'The chart could not be drawn. The table shows the same figures.',
} as const;

/** Dutch, loaded on first use: a page in English does not download it. */
export const nl = (): Promise<Translations<typeof en>> => import('./user-count-chart.messages.nl.js').then((m) => m.nl);

/** German, loaded on first use: a page in English does not download it. */
export const de = (): Promise<Translations<typeof en>> => import('./user-count-chart.messages.de.js').then((m) => m.de);
