/**
 * The form model of <billing-contacts-editor>: the draft the user edits, the document it
 * sends, the checks the client makes as the user types (the server checks again), and the
 * comparison shown when someone else saved first. Pure functions, no DOM.
 */
import type { BillingDetails, BillingDetailsInput } from '../../client/client.js';

/** One recipient row; `key` keeps a row's input (and its focus) stable when others are removed. */
export interface RecipientRow {
  key: number;
  value: string;
}

/** A billing contact: a person picked from the organisation, or an e-mail typed in. */
export interface DraftContact {
  personId?: string;
  email?: string;
  name?: string;
}

/** What the user is editing. Kept apart from the server's copy, so nothing is lost on a failed save. */
export interface Draft {
  recipients: RecipientRow[];
  contact: DraftContact | undefined;
  /** The text in the contact combobox: a picked person's name, or what the user typed. */
  contactText: string;
  address: { line1: string; line2: string; postalCode: string; city: string; country: string };
  eInvoicing: { enabled: boolean; address: string; operatorCode: string };
  poNumber: string;
}

/** A field of the form, by the id of its control. */
export type FieldId =
  | `recipient-${number}`
  | 'contact'
  | 'line1'
  | 'line2'
  | 'postalCode'
  | 'city'
  | 'country'
  | 'einvoice-enabled'
  | 'einvoice-address'
  | 'operator-code'
  | 'po-number';

/** A problem the client found, by code (the element words it in the user's language). */
export interface ClientIssue {
  code: 'invalid-email' | 'duplicate' | 'recipients-required' | 'contact-invalid';
  value: string;
}

/** At most this many recipients (the server's limit). */
export const MAX_RECIPIENTS = 20;

/**
 * A sane e-mail address, the same reading as the billing service: an ASCII local part of
 * the usual characters, `@`, and a domain of at least two labels.
 */
const EMAIL_RE =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isEmail(s: string): boolean {
  return s.length <= 254 && EMAIL_RE.test(s);
}

/** Countries offered for the billing address (ISO 3166-1 alpha-2); a stored other code is added. */
export const COUNTRIES = [
  'AT', 'AU', 'BE', 'BG', 'CA', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GR', 'HR', 'HU',
  'IE', 'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'NZ', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'US',
] as const; // prettier-ignore

let rowKeys = 0;

/** A new recipient row with a fresh key. */
export function row(value = ''): RecipientRow {
  return { key: ++rowKeys, value };
}

/** The draft for a server copy. A tenant without recipients gets one empty row to type in. */
export function draftOf(d: BillingDetails): Draft {
  const contact = d.contact && (d.contact.personId || d.contact.email) ? { ...d.contact } : undefined;
  return {
    recipients: d.recipients.length > 0 ? d.recipients.map((r) => row(r)) : [row()],
    contact,
    contactText: contact ? (contact.personId ? (contact.name ?? contact.email ?? '') : (contact.email ?? '')) : '',
    address: {
      line1: d.address.line1 ?? '',
      line2: d.address.line2 ?? '',
      postalCode: d.address.postalCode ?? '',
      city: d.address.city ?? '',
      country: d.address.country ?? '',
    },
    eInvoicing: {
      enabled: d.eInvoicing.enabled,
      address: d.eInvoicing.address ?? '',
      operatorCode: d.eInvoicing.operatorCode ?? '',
    },
    poNumber: d.poNumber ?? '',
  };
}

/** The document a draft sends, and for each sent recipient the key of its row (blank rows are not sent). */
export function inputOf(draft: Draft): { input: BillingDetailsInput; rowKeys: number[] } {
  const sent = draft.recipients.map((r) => ({ key: r.key, value: r.value.trim() })).filter((r) => r.value !== '');
  const a = draft.address;
  const input: BillingDetailsInput = {
    recipients: sent.map((r) => r.value),
    address: {
      line1: a.line1.trim(),
      ...(a.line2.trim() ? { line2: a.line2.trim() } : {}),
      postalCode: a.postalCode.trim(),
      city: a.city.trim(),
      country: a.country,
    },
    eInvoicing: draft.eInvoicing.enabled
      ? {
          enabled: true,
          address: draft.eInvoicing.address.trim(),
          operatorCode: draft.eInvoicing.operatorCode.trim(),
        }
      : { enabled: false },
  };
  const c = draft.contact;
  if (c?.personId) {
    input.contact = {
      personId: c.personId,
      ...(c.name ? { name: c.name } : {}),
      ...(c.email ? { email: c.email } : {}),
    };
  }
  if (!c?.personId && c?.email?.trim()) input.contact = { email: c.email.trim(), ...(c.name ? { name: c.name } : {}) };
  if (draft.poNumber.trim()) input.poNumber = draft.poNumber.trim();
  return { input, rowKeys: sent.map((r) => r.key) };
}

/** A stable key of the document a draft sends: two drafts that send the same are equal. */
export function keyOf(draft: Draft): string {
  return JSON.stringify(inputOf(draft).input);
}

/**
 * What the client checks as the user types: each recipient a valid e-mail address, no
 * duplicates ignoring case, at least one recipient; a typed contact a valid address.
 * The rest (required address fields, e-invoicing) the server checks and names per field.
 */
export function clientIssues(draft: Draft): Map<FieldId, ClientIssue> {
  const issues = new Map<FieldId, ClientIssue>();
  const seen = new Set<string>();
  let count = 0;
  for (const r of draft.recipients) {
    const v = r.value.trim();
    if (v === '') continue;
    count++;
    if (!isEmail(v)) {
      issues.set(`recipient-${r.key}`, { code: 'invalid-email', value: v });
    } else if (seen.has(v.toLowerCase())) {
      issues.set(`recipient-${r.key}`, { code: 'duplicate', value: v });
    } else {
      seen.add(v.toLowerCase());
    }
  }
  const first = draft.recipients[0];
  if (count === 0 && first) issues.set(`recipient-${first.key}`, { code: 'recipients-required', value: '' });
  const c = draft.contact;
  if (c && !c.personId && c.email && !isEmail(c.email.trim())) {
    issues.set('contact', { code: 'contact-invalid', value: c.email });
  }
  return issues;
}

/** The control a server field path (`recipients[1]`, `address.city`, `eInvoicing.operatorCode`) belongs to. */
export function fieldOf(path: string, rowKeysSent: readonly number[], draft: Draft): FieldId | undefined {
  const m = /^recipients\[(\d+)\]/.exec(path);
  if (m) {
    const key = rowKeysSent[Number(m[1])];
    return key === undefined ? undefined : `recipient-${key}`;
  }
  if (path === 'recipients') {
    const first = draft.recipients[0];
    return first ? `recipient-${first.key}` : undefined;
  }
  if (path === 'contact' || path.startsWith('contact.')) return 'contact';
  if (path === 'address') return 'line1';
  const address = /^address\.(line1|line2|postalCode|city|country)$/.exec(path);
  if (address) return address[1] as FieldId;
  if (path === 'eInvoicing' || path === 'eInvoicing.enabled') return 'einvoice-enabled';
  if (path === 'eInvoicing.address') return 'einvoice-address';
  if (path === 'eInvoicing.operatorCode') return 'operator-code';
  if (path === 'poNumber') return 'po-number';
  return undefined;
}

/** The fields compared when someone else saved first, in form order. */
export type DiffField =
  | 'recipients'
  | 'contact'
  | 'line1'
  | 'line2'
  | 'postalCode'
  | 'city'
  | 'country'
  | 'einvoice-enabled'
  | 'einvoice-address'
  | 'operator-code'
  | 'po-number';

export interface DiffValues {
  recipients: string[];
  contact: DraftContact | undefined;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: string;
  'einvoice-enabled': boolean;
  'einvoice-address': string;
  'operator-code': string;
  'po-number': string;
}

function valuesOf(input: BillingDetailsInput): DiffValues {
  return {
    recipients: input.recipients,
    contact: input.contact,
    line1: input.address.line1,
    line2: input.address.line2 ?? '',
    postalCode: input.address.postalCode,
    city: input.address.city,
    country: input.address.country,
    'einvoice-enabled': input.eInvoicing.enabled,
    'einvoice-address': input.eInvoicing.enabled ? (input.eInvoicing.address ?? '') : '',
    'operator-code': input.eInvoicing.enabled ? (input.eInvoicing.operatorCode ?? '') : '',
    'po-number': input.poNumber ?? '',
  };
}

const sameContact = (a: DraftContact | undefined, b: DraftContact | undefined): boolean =>
  a?.personId || b?.personId
    ? a?.personId === b?.personId
    : (a?.email ?? '').toLowerCase() === (b?.email ?? '').toLowerCase();

/** The fields where the draft and another saved version differ, with both values. */
export function differences(
  draft: Draft,
  theirs: BillingDetails,
): { field: DiffField; mine: DiffValues[DiffField]; theirs: DiffValues[DiffField] }[] {
  const mine = valuesOf(inputOf(draft).input);
  const other = valuesOf(inputOf(draftOf(theirs)).input);
  const fields = Object.keys(mine) as DiffField[];
  return fields
    .filter((f) =>
      f === 'contact'
        ? !sameContact(mine.contact, other.contact)
        : JSON.stringify(mine[f]) !== JSON.stringify(other[f]),
    )
    .map((f) => ({ field: f, mine: mine[f], theirs: other[f] }));
}
