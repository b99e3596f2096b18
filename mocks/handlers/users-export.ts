/**
 * The users CSV export in every language the mock writes documents in (`en`, `nl`, `de`;
 * see `mocks/http/language.ts`): the header row and the role, directory, status, billed
 * and reason values, one object per language of the type {@link ExportWords} (a language
 * missing a word does not compile). Formal register (Dutch "u", German "Sie"), the terms
 * of docs/i18n.md's glossary.
 *
 * Dates stay ISO 8601 (`YYYY-MM-DD`) in every language: spreadsheet apps read them as
 * dates whatever their locale, where `13-10-2026` or `13.10.2026` is read as text or as
 * the wrong day by a reader set to another locale. The file starts with a UTF-8
 * byte-order mark so Excel reads names such as Schäfer right.
 */
import { CSV_BOM, toCsv } from '../csv.js';
import type { DocumentLanguage } from '../http/language.js';
import type { ApiBillingUser } from '../store/contract.js';

type Reason = ApiBillingUser['reason'];
type Directory = ApiBillingUser['directories'][number];
type Role = 'admin' | 'finance' | 'member' | 'guest';

/** Every word of the users CSV in one language. */
export interface ExportWords {
  header: {
    name: string;
    email: string;
    role: string;
    directories: string;
    startDate: string;
    status: string;
    deactivatedOn: string;
    billed: string;
    reason: string;
    reasonDate: string;
  };
  /** The kit's roles; a host's own role is written as it is named. */
  roles: Record<Role, string>;
  directories: Record<Directory, string>;
  status: Record<ApiBillingUser['status'], string>;
  billed: { yes: string; no: string };
  reasons: Record<Reason, string>;
}

export const en: ExportWords = {
  header: {
    name: 'Name',
    email: 'E-mail',
    role: 'Role',
    directories: 'Directories',
    startDate: 'Start date',
    status: 'Status',
    deactivatedOn: 'Deactivated on',
    billed: 'Billed',
    reason: 'Reason',
    reasonDate: 'Reason date',
  },
  roles: { admin: 'Admin', finance: 'Finance', member: 'Member', guest: 'Guest' },
  directories: {
    'wfm-employees': 'WFM employees',
    'account-users': 'Account users',
    people: 'People',
    workplace: 'Workplace',
    severa: 'Severa',
    m365: 'Microsoft 365',
  },
  status: { active: 'Active', deactivated: 'Deactivated' },
  billed: { yes: 'Yes', no: 'No' },
  reasons: {
    'active-on-peak-day': 'Active on the peak day',
    'active-in-month': 'Active in the month',
    'active-full-month': 'Active the full month',
    'invited-and-active': 'Invited and active in the month',
    'holds-license': 'Holds a license',
    deactivated: 'Deactivated',
    'not-yet-started': 'Not yet started',
    'created-mid-month': 'Created after the 1st: only full calendar months are billed',
    'ended-mid-month': 'Ended before the last day: only full calendar months are billed',
    guest: 'Guest from another company: never billed',
    'not-invited': 'Not invited to claim the account',
    'no-qualifying-activity': 'No qualifying activity in the month',
  },
};

export const nl: ExportWords = {
  header: {
    name: 'Naam',
    email: 'E-mailadres',
    role: 'Rol',
    directories: 'Vermeld in',
    startDate: 'Startdatum',
    status: 'Status',
    deactivatedOn: 'Gedeactiveerd op',
    billed: 'Gefactureerd',
    reason: 'Reden',
    reasonDate: 'Datum van de reden',
  },
  roles: { admin: 'Beheerder', finance: 'Financiën', member: 'Lid', guest: 'Gast' },
  directories: {
    'wfm-employees': 'WFM-medewerkers',
    'account-users': 'Accountgebruikers',
    people: 'People',
    workplace: 'Workplace',
    severa: 'Severa',
    m365: 'Microsoft 365',
  },
  status: { active: 'Actief', deactivated: 'Gedeactiveerd' },
  billed: { yes: 'Ja', no: 'Nee' },
  reasons: {
    'active-on-peak-day': 'Actief op de dag met het hoogste aantal',
    'active-in-month': 'Actief in de maand',
    'active-full-month': 'De hele maand actief',
    'invited-and-active': 'Uitgenodigd en actief in de maand',
    'holds-license': 'Heeft een licentie',
    deactivated: 'Gedeactiveerd',
    'not-yet-started': 'Nog niet begonnen',
    'created-mid-month': 'Na de 1e aangemaakt: alleen volledige kalendermaanden worden gefactureerd',
    'ended-mid-month': 'Vóór de laatste dag beëindigd: alleen volledige kalendermaanden worden gefactureerd',
    guest: 'Gast van een ander bedrijf: wordt nooit gefactureerd',
    'not-invited': 'Niet uitgenodigd om het account te claimen',
    'no-qualifying-activity': 'Geen kwalificerende activiteit in de maand',
  },
};

export const de: ExportWords = {
  header: {
    name: 'Name',
    email: 'E-Mail',
    role: 'Rolle',
    directories: 'Aufgeführt in',
    startDate: 'Startdatum',
    status: 'Status',
    deactivatedOn: 'Deaktiviert am',
    billed: 'Abgerechnet',
    reason: 'Grund',
    reasonDate: 'Datum des Grundes',
  },
  roles: { admin: 'Administrator', finance: 'Finanzen', member: 'Mitglied', guest: 'Gast' },
  directories: {
    'wfm-employees': 'WFM-Mitarbeiter',
    'account-users': 'Kontobenutzer',
    people: 'People',
    workplace: 'Workplace',
    severa: 'Severa',
    m365: 'Microsoft 365',
  },
  status: { active: 'Aktiv', deactivated: 'Deaktiviert' },
  billed: { yes: 'Ja', no: 'Nein' },
  reasons: {
    'active-on-peak-day': 'Am Tag mit dem Spitzenwert aktiv',
    'active-in-month': 'Im Lauf des Monats aktiv',
    'active-full-month': 'Den ganzen Monat aktiv',
    'invited-and-active': 'Eingeladen und im Lauf des Monats aktiv',
    'holds-license': 'Hat eine Lizenz',
    deactivated: 'Deaktiviert',
    'not-yet-started': 'Noch nicht begonnen',
    'created-mid-month': 'Nach dem 1. angelegt: Es werden nur volle Kalendermonate abgerechnet',
    'ended-mid-month': 'Vor dem letzten Tag beendet: Es werden nur volle Kalendermonate abgerechnet',
    guest: 'Gast aus einem anderen Unternehmen: wird nie abgerechnet',
    'not-invited': 'Nicht eingeladen, das eigene Konto zu übernehmen',
    'no-qualifying-activity': 'Keine anrechenbare Aktivität im Monat',
  },
};

/** The words of each document language. */
export const EXPORT_WORDS: Readonly<Record<DocumentLanguage, ExportWords>> = { en, nl, de };

/** The CSV columns of the export in a language, in order. */
export function exportHeader(language: DocumentLanguage = 'en'): string[] {
  const h = EXPORT_WORDS[language].header;
  return [
    h.name,
    h.email,
    h.role,
    h.directories,
    h.startDate,
    h.status,
    h.deactivatedOn,
    h.billed,
    h.reason,
    h.reasonDate,
  ];
}

/** A word of `table` for `key`, else the key as given (a host's own role, a value the mock does not know). */
function wordOf(table: Readonly<Record<string, string>>, key: string): string {
  return Object.hasOwn(table, key) ? (table[key] as string) : key;
}

/** One user as a row of the export, in a language; dates as ISO `YYYY-MM-DD`. */
export function exportRow(u: ApiBillingUser, language: DocumentLanguage = 'en'): string[] {
  const w = EXPORT_WORDS[language];
  return [
    u.name,
    u.email,
    wordOf(w.roles, u.role),
    u.directories.map((d) => wordOf(w.directories, d)).join('; '),
    u.startDate,
    wordOf(w.status, u.status),
    u.deactivatedOn ?? '',
    u.billable ? w.billed.yes : w.billed.no,
    wordOf(w.reasons, u.reason),
    u.reasonDate ?? '',
  ];
}

/** The export's text: a byte-order mark, the header and a row per user, in a language. */
export function usersCsv(users: readonly ApiBillingUser[], language: DocumentLanguage = 'en'): string {
  return `${CSV_BOM}${toCsv(
    exportHeader(language),
    users.map((u) => exportRow(u, language)),
  )}`;
}
