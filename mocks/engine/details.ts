/**
 * Rules for billing contacts and details (billing-rules.md, "Billing contacts and
 * details"): at least one invoice recipient, valid and unique ignoring case; a physical
 * address, always; the e-invoice address and operator code when e-invoicing is on; a
 * billing contact picked from the organisation's people or typed as an e-mail.
 *
 * One function checks a whole details document and lists every problem with its field,
 * so the mock backend answers a rejected save with all of them at once, and the world
 * validator reuses the same rules.
 */
import { isEmail } from './email.js';
import { LIMITS } from './limits.js';
import type { BillingDetailsRecord } from './types.js';
import type { TextParams } from './world.js';

/** One problem with a details document. */
export interface DetailsIssue {
  /** Path inside the document, e.g. `recipients[1]`, `address.city`, `eInvoicing.operatorCode`. */
  field: string;
  /** `required`, `invalid-email`, `duplicate`, `too-long`, `too-many`, `invalid`, `unknown-person`. */
  code: string;
  /** One plain English sentence a user can act on (for logs and clients without words for the code). */
  message: string;
  /** What the code is worded with: `max` (too-long, too-many), `value` (invalid-email, duplicate). */
  params?: TextParams;
}

/** What the user sent, as a `value` param (at most 320 characters, as the contract bounds it). */
const sent = (v: unknown): string => String(v).slice(0, 320);

/** What a client may send: the record without its version. */
export type BillingDetailsInput = Omit<BillingDetailsRecord, 'version' | 'companyManagedAt'> & { poNumber?: string };

export const MAX_RECIPIENTS = 20;
export const MAX_PO_NUMBER = LIMITS.poNumberLength;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const blank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';

function text(
  issues: DetailsIssue[],
  obj: Obj,
  key: string,
  path: string,
  label: string,
  max: number,
  required: boolean,
) {
  const v = obj[key];
  if (v === undefined || v === null || v === '') {
    if (required) issues.push({ field: path, code: 'required', message: `Enter the ${label}.` });
    return;
  }
  if (typeof v !== 'string') {
    issues.push({ field: path, code: 'invalid', message: `The ${label} must be text.` });
  } else if (required && v.trim() === '') {
    issues.push({ field: path, code: 'required', message: `Enter the ${label}.` });
  } else if (v.length > max) {
    issues.push({
      field: path,
      code: 'too-long',
      message: `The ${label} can be at most ${max} characters.`,
      params: { max },
    });
  }
}

/**
 * Every problem of a billing details document, in field order (empty when it is valid).
 * `personIds`, when given, are the people a contact may be picked from.
 */
export function checkBillingDetails(input: unknown, personIds?: ReadonlySet<string>): DetailsIssue[] {
  const issues: DetailsIssue[] = [];
  if (!isObj(input)) return [{ field: '', code: 'invalid', message: 'Billing details must be an object.' }];

  const recipients = input['recipients'];
  if (!Array.isArray(recipients) || recipients.length === 0) {
    issues.push({
      field: 'recipients',
      code: 'required',
      message: 'Add at least one e-mail address to send invoices to.',
    });
  } else {
    if (recipients.length > MAX_RECIPIENTS) {
      issues.push({
        field: 'recipients',
        code: 'too-many',
        message: `At most ${MAX_RECIPIENTS} recipients.`,
        params: { max: MAX_RECIPIENTS },
      });
    }
    const seen = new Map<string, number>();
    recipients.forEach((r, i) => {
      const field = `recipients[${i}]`;
      if (!isEmail(typeof r === 'string' ? r.trim() : r)) {
        issues.push({
          field,
          code: 'invalid-email',
          message: `"${String(r)}" is not a valid e-mail address.`,
          params: { value: sent(r) },
        });
        return;
      }
      const key = r.trim().toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push({
          field,
          code: 'duplicate',
          message: `${r.trim()} is already in the list.`,
          params: { value: sent(r.trim()) },
        });
      } else {
        seen.set(key, i);
      }
    });
  }

  const contact = input['contact'];
  if (contact !== undefined && contact !== null) {
    if (!isObj(contact)) {
      issues.push({ field: 'contact', code: 'invalid', message: 'The billing contact must be a person or an e-mail.' });
    } else if (contact['personId'] !== undefined) {
      if (typeof contact['personId'] !== 'string' || (personIds && !personIds.has(contact['personId']))) {
        issues.push({
          field: 'contact.personId',
          code: 'unknown-person',
          message: 'Pick the billing contact from the people of your organisation.',
        });
      }
      // A picked person may carry their e-mail too: it must be one.
      if (contact['email'] !== undefined && !blank(contact['email']) && !isEmail(contact['email'])) {
        issues.push({
          field: 'contact.email',
          code: 'invalid-email',
          message: 'Pick a person or enter a valid e-mail address for the billing contact.',
          params: { value: sent(contact['email']) },
        });
      }
    } else if (!isEmail(contact['email'])) {
      const missing = blank(contact['email']);
      issues.push({
        field: 'contact.email',
        code: missing ? 'required' : 'invalid-email',
        message: 'Pick a person or enter a valid e-mail address for the billing contact.',
        ...(missing ? {} : { params: { value: sent(contact['email']) } }),
      });
    }
    if (isObj(contact)) text(issues, contact, 'name', 'contact.name', 'contact name', LIMITS.nameLength, false);
  }

  const address = input['address'];
  if (!isObj(address)) {
    issues.push({ field: 'address', code: 'required', message: 'Enter the billing address.' });
  } else {
    text(issues, address, 'line1', 'address.line1', 'street and number', 200, true);
    text(issues, address, 'line2', 'address.line2', 'second address line', 200, false);
    text(issues, address, 'postalCode', 'address.postalCode', 'postal code', 20, true);
    text(issues, address, 'city', 'address.city', 'city', 100, true);
    const country = address['country'];
    if (blank(country)) {
      issues.push({ field: 'address.country', code: 'required', message: 'Choose the country.' });
    } else if (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country)) {
      issues.push({ field: 'address.country', code: 'invalid', message: 'Use a two-letter country code, e.g. NL.' });
    }
  }

  const e = input['eInvoicing'];
  if (!isObj(e) || typeof e['enabled'] !== 'boolean') {
    issues.push({
      field: 'eInvoicing.enabled',
      code: 'required',
      message: 'Say whether invoices go out as e-invoices.',
    });
  } else {
    text(issues, e, 'address', 'eInvoicing.address', 'e-invoice address', 200, e['enabled']);
    text(issues, e, 'operatorCode', 'eInvoicing.operatorCode', 'operator code', 50, e['enabled']);
  }

  if (input['poNumber'] !== undefined) {
    text(issues, input, 'poNumber', 'poNumber', 'PO number', MAX_PO_NUMBER, false);
  }
  return issues;
}

/** Advice shown beside valid details: fewer than two recipients risks missed reminders. */
export function detailsRecommendations(details: Pick<BillingDetailsRecord, 'recipients'>): 'add-second-recipient'[] {
  return details.recipients.length < 2 ? ['add-second-recipient'] : [];
}

/** The details with recipients trimmed (their case kept) and empty optional fields dropped. */
export function normaliseBillingDetails(input: BillingDetailsInput): BillingDetailsInput {
  const out: BillingDetailsInput = {
    recipients: input.recipients.map((r) => r.trim()),
    address: { ...input.address },
    eInvoicing: input.eInvoicing.enabled
      ? {
          enabled: true,
          address: input.eInvoicing.address?.trim() ?? '',
          operatorCode: input.eInvoicing.operatorCode?.trim() ?? '',
        }
      : { enabled: false },
  };
  if (!out.address.line2) delete out.address.line2;
  if (input.contact && (input.contact.personId || input.contact.email)) out.contact = { ...input.contact };
  if (input.poNumber?.trim()) out.poNumber = input.poNumber.trim();
  return out;
}
