/**
 * The draft <billing-contacts-editor> shows for a loaded document. What it sends and the
 * checks the client makes are in model.ts (needed once the user edits).
 */
import type { BillingDetailsInput } from '../../client/client.js';
import { billingDetailsInputLimits } from '../../client/limits.js';
import type { Draft, RecipientRow } from './model.js';

/** At most this many recipients (the contract's limit). */
export const MAX_RECIPIENTS = billingDetailsInputLimits.recipients.maxItems;

/**
 * The longest record kept in session storage over a reload (characters of JSON: a draft and
 * the version it was made from): the contract's limits keep one below it (about 15,000 for
 * both at every limit, escaped characters aside).
 */
export const MAX_KEPT = 32_000;

/** Countries offered for the billing address (ISO 3166-1 alpha-2); a stored other code is added. */
export const COUNTRIES = [
  'AT', 'AU', 'BE', 'BG', 'CA', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GR', 'HR', 'HU',
  'IE', 'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'NZ', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'US',
] as const; // prettier-ignore

const regionNames = new Map<string, Intl.DisplayNames>();

/** A country's name in `locale` (English, then the code itself, when the locale has none). */
export function countryName(locale: string, code: string): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
    regionNames.set(locale, names);
  }
  return names.of(code) ?? code;
}

let rowKeys = 0;

/** A new recipient row with a fresh key. */
export function row(value = ''): RecipientRow {
  return { key: ++rowKeys, value };
}

/** The draft for a saved document. A tenant without recipients gets one empty row to type in. */
export function draftOf(d: BillingDetailsInput): Draft {
  const contact = d.contact?.personId || d.contact?.email ? { ...d.contact } : undefined;
  const a = d.address;
  const e = d.eInvoicing;
  return {
    recipients: d.recipients.length > 0 ? d.recipients.map((r) => row(r)) : [row()],
    contact,
    contactText: (contact?.personId ? contact.name : undefined) ?? contact?.email ?? '',
    line1: a.line1 ?? '',
    line2: a.line2 ?? '',
    postalCode: a.postalCode ?? '',
    city: a.city ?? '',
    country: a.country ?? '',
    'einvoice-enabled': e.enabled,
    'einvoice-address': e.address ?? '',
    'operator-code': e.operatorCode ?? '',
    'po-number': d.poNumber ?? '',
  };
}
