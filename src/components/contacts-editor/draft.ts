/**
 * The draft <billing-contacts-editor> shows for a loaded document. What it sends and the
 * checks the client makes are in model.ts (needed once the user edits).
 */
import type { BillingDetailsInput } from '../../client/client.js';
import { billingDetailsInputLimits } from '../../client/limits.js';
import type { Draft, RecipientRow } from './model.js';

/** At most this many recipients (the contract's limit). */
export const MAX_RECIPIENTS = billingDetailsInputLimits.recipients.maxItems;

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
