/**
 * Request bodies the checks send: the billing details as an input (from what the backend
 * answered), and bodies the billing rules refuse whatever else is wrong with them, so an
 * invalid-write check never places an order even on a backend that ignores the defect
 * under test.
 */

/** An id no backend has: requests about it change nothing. */
export const UNKNOWN_USER = 'conformance-no-such-user';
export const UNKNOWN_INVOICE = 'conformance-no-such-invoice';

/** A license order the rules refuse (more licenses removed than any tenant holds). */
export const REFUSED_ORDER = Object.freeze({ kind: 'remove', quantity: 100000 });

/** A scheduled change the rules refuse (no such edition). */
export const REFUSED_CHANGE = Object.freeze({ kind: 'change-plan', planId: 'conformance-no-such-plan' });

/** Valid billing details, for a tenant whose details were never saved. */
export const SAMPLE_DETAILS: Readonly<Record<string, unknown>> = Object.freeze({
  recipients: ['billing@example.com'],
  address: { line1: '1 Example Street', postalCode: '1000', city: 'Example', country: 'NL' },
  eInvoicing: { enabled: false },
});

const INPUT_FIELDS = ['recipients', 'contact', 'address', 'eInvoicing', 'poNumber'] as const;

/** The editable part of the billing details as answered: what a `PUT` sends back unchanged. */
export function detailsInput(details: unknown): Record<string, unknown> {
  const d = (details ?? {}) as Record<string, unknown>;
  const input: Record<string, unknown> = {};
  for (const field of INPUT_FIELDS) {
    if (d[field] !== undefined) input[field] = structuredClone(d[field]);
  }
  // A contact picked from the people is sent by its id (the answer adds the current name and e-mail).
  const contact = input['contact'] as Record<string, unknown> | undefined;
  if (contact && typeof contact['personId'] === 'string') input['contact'] = { personId: contact['personId'] };
  return input;
}
