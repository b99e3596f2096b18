import type { Translations } from '../../i18n/types.js';

/** English messages of <billing-users-table>. */
export const en = {
  'users.tabs.label': 'Users by billing status',
  'users.tab.billed': 'Billed users',
  'users.tab.not-billed': 'Not billed users',
  'users.tab.active-on': 'Active on {date}',
  'users.month': 'Month',
  'users.not-charged': 'Not charged: a trial month, or before the subscription.',
  'users.search': 'Search',
  'users.search.placeholder': 'Name or e-mail',
  'users.export': 'Export billed users (CSV)',
  'users.export.done': 'Downloaded {file}.',
  'users.col.name': 'Name',
  'users.col.email': 'E-mail',
  'users.col.role': 'Role',
  'users.col.directories': 'Listed in',
  'users.col.start': 'Start date',
  'users.col.reason': 'Why not billed',
  'users.col.reason-billed': 'Why billed',
  'users.col.actions': 'Actions',
  'users.role.admin': 'Admin',
  'users.role.finance': 'Finance',
  'users.role.member': 'Member',
  'users.role.guest': 'Guest',
  'users.directory.wfm-employees': 'WFM employees',
  'users.directory.account-users': 'Account users',
  'users.directory.people': 'People',
  'users.directory.workplace': 'Workplace',
  'users.directory.severa': 'Severa',
  'users.directory.m365': 'Microsoft 365',
  'users.rule.peak-daily':
    "Billed users are the people active on the day of the month's highest user count; each person counts once, however many lists they are in.",
  'users.rule.per-user': 'Everyone active on at least one day of the month is billed, once.',
  'users.rule.full-month':
    'Only people active for the whole calendar month are billed; guests from other companies never are.',
  'users.rule.invited':
    'People are billed once they have been invited to claim their account; provisioned people are free.',
  'users.rule.prepaid-licenses':
    'You pay for licenses, not for users: each active user holds one of your licenses, and free licenses are charged too.',
  'users.reason.active-on-peak-day': "Active on {date}, the day of the month's peak",
  'users.reason.active-in-month': 'Active during the month',
  'users.reason.active-full-month': 'Active the whole month',
  'users.reason.invited-and-active': 'Invited and active during the month',
  'users.reason.holds-license': 'Holds a license',
  'users.reason.deactivated': 'Deactivated on {date}',
  'users.reason.deactivated-billed': 'Deactivated on {date}, still billed this month',
  'users.reason.deactivated-before-peak': "Deactivated on {date}, before the month's peak",
  'users.reason.not-yet-started': 'Starts on {date}',
  'users.reason.created-mid-month': 'Created on {date}: only full calendar months are billed',
  'users.reason.created-after-peak': "Joined on {date}, after the month's peak",
  'users.reason.ended-mid-month': 'Deactivated on {date}: only full calendar months are billed',
  'users.reason.guest': 'Guest from another company: never billed',
  'users.reason.not-invited': 'Not invited to claim their account',
  'users.reason.no-qualifying-activity': 'No login or other qualifying activity this month',
  'users.action.deactivate': 'Deactivate',
  'users.action.reactivate': 'Reactivate',
  'users.empty.search.title': 'No matches',
  'users.empty.search.body': 'Nobody\'s name or e-mail contains "{q}". Check the spelling or clear the search.',
  'users.empty.billed.title': 'Nobody is billed',
  'users.empty.billed.body': 'No one met the billing rule in {month}.',
  'users.empty.not-billed.title': 'Everyone is billed',
  'users.empty.not-billed.body': 'Every listed person counts towards the bill for {month}.',
  'users.total': { one: '{n} user', other: '{n} users' },
  'users.hidden-deleted': {
    one: '{n} billed user has since been deleted and is not listed',
    other: '{n} billed users have since been deleted and are not listed',
  },
} as const;

/** Dutch, loaded on first use: a page in English does not download it. */
export const nl = (): Promise<Translations<typeof en>> => import('./users-table.messages.nl.js').then((m) => m.nl);

/** German, loaded on first use: a page in English does not download it. */
export const de = (): Promise<Translations<typeof en>> => import('./users-table.messages.de.js').then((m) => m.de);
