/**
 * The form model of <billing-contacts-editor>: the draft the user edits, the document it
 * sends, and the checks the client makes as the user types (the server checks again).
 * Pure functions, no DOM. Used once the user edits (it loads with the editing part); the
 * draft for a loaded document is made in draft.ts.
 */
import type { BillingDetailsInput } from '../../client/client.js';
import { billingContactLimits } from '../../client/limits.js';

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

/** The fields holding text (the country is a code), by the id of their control. */
export type TextField =
  'line1' | 'line2' | 'postalCode' | 'city' | 'country' | 'einvoice-address' | 'operator-code' | 'po-number';

/**
 * What the user is editing, each field under the id of its control. Kept apart from the
 * server's copy, so nothing is lost on a failed save.
 */
export type Draft = Record<TextField, string> & {
  recipients: RecipientRow[];
  contact: DraftContact | undefined;
  /** The text in the contact combobox: a picked person's name, or what the user typed. */
  contactText: string;
  'einvoice-enabled': boolean;
};

/** A field of the form, by the id of its control. */
export type FieldId = TextField | `recipient-${number}` | 'contact' | 'einvoice-enabled';

/** A problem the client found, by code (the element words it with the message `contacts.error.<code>`). */
export interface ClientIssue {
  code: 'recipient.invalid' | 'recipient.duplicate' | 'recipients.required' | 'contact.invalid' | 'required';
  value: string;
}

/**
 * A sane e-mail address, the same reading as the billing service: an ASCII local part of
 * the usual characters, `@`, and a domain of at least two labels.
 */
const EMAIL_RE =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isEmail(s: string): boolean {
  return s.length <= billingContactLimits.email.maxLength && EMAIL_RE.test(s);
}

/** The document a draft sends, and for each sent recipient the key of its row (blank rows are not sent). */
export function inputOf(d: Draft): { input: BillingDetailsInput; rowKeys: number[] } {
  const sent = d.recipients.filter((r) => r.value.trim() !== '');
  const v = (field: TextField): string => d[field].trim();
  const input: BillingDetailsInput = {
    recipients: sent.map((r) => r.value.trim()),
    address: {
      line1: v('line1'),
      ...(v('line2') ? { line2: v('line2') } : {}),
      postalCode: v('postalCode'),
      city: v('city'),
      country: d.country,
    },
    eInvoicing: d['einvoice-enabled']
      ? { enabled: true, address: v('einvoice-address'), operatorCode: v('operator-code') }
      : { enabled: false },
  };
  const c = d.contact;
  if (c?.personId) {
    input.contact = {
      personId: c.personId,
      ...(c.name ? { name: c.name } : {}),
      ...(c.email ? { email: c.email } : {}),
    };
  } else if (c?.email?.trim()) {
    input.contact = { email: c.email.trim(), ...(c.name ? { name: c.name } : {}) };
  }
  if (v('po-number')) input.poNumber = v('po-number');
  return { input, rowKeys: sent.map((r) => r.key) };
}

/** A stable key of the document a draft sends: two drafts that send the same are equal. */
export function keyOf(draft: Draft): string {
  return JSON.stringify(inputOf(draft).input);
}

/**
 * What the client checks as the user types: each recipient a valid e-mail address, no
 * duplicates ignoring case, at least one recipient; a typed contact a valid address;
 * e-invoicing, while on, its address and operator code (`required`: the switch waits for
 * them, see editing.ts). The rest (required address fields) the server checks and names
 * per field.
 */
export function clientIssues(draft: Draft): Map<FieldId, ClientIssue> {
  const issues = new Map<FieldId, ClientIssue>();
  const seen = new Set<string>();
  for (const r of draft.recipients) {
    const value = r.value.trim();
    if (!value) continue;
    const code = !isEmail(value)
      ? 'recipient.invalid'
      : seen.has(value.toLowerCase())
        ? 'recipient.duplicate'
        : undefined;
    if (code) issues.set(`recipient-${r.key}`, { code, value });
    else seen.add(value.toLowerCase());
  }
  const first = draft.recipients[0];
  if (first && !draft.recipients.some((r) => r.value.trim())) {
    issues.set(`recipient-${first.key}`, { code: 'recipients.required', value: '' });
  }
  const c = draft.contact;
  if (c && !c.personId && c.email && !isEmail(c.email.trim())) {
    issues.set('contact', { code: 'contact.invalid', value: c.email });
  }
  if (draft['einvoice-enabled']) {
    for (const id of ['einvoice-address', 'operator-code'] as const) {
      if (!draft[id].trim()) issues.set(id, { code: 'required', value: '' });
    }
  }
  return issues;
}
