import type { Translations } from '../../i18n/types.js';
import type { en as partsEn } from './editing.messages.js';
/**
 * English messages of <billing-contacts-editor>: what it shows before any part is loaded
 * on demand. What only those parts say (editing, the people search, the conflict review)
 * is in editing.messages.ts, bundled with them. One catalogue each, never changed at run
 * time.
 */
export const en = {
  'contacts.title': 'Billing details',
  'contacts.read-only': 'You can see these details, but only admins and finance can change them.',
  'contacts.required': 'required',
  'contacts.status.idle': 'Changes save automatically',
  'contacts.status.pending': 'Unsaved changes',
  'contacts.status.failed': 'Not saved. {reason} Your changes are kept.',
  'contacts.retry': 'Retry saving',
  'contacts.part-failed': 'Part of the editor could not be loaded. Check your connection.',
  'contacts.empty.title': 'No billing details yet',
  'contacts.empty.body':
    'Add at least one e-mail address to send invoices to, and the billing address. Everything is saved as you type.',
  'contacts.recipients.legend': 'Invoice recipients',
  'contacts.recipients.hint': 'These addresses receive invoices and payment reminders.',
  'contacts.recipients.label': 'Recipient {n}',
  'contacts.recipients.add': 'Add recipient',
  'contacts.recipients.remove': 'Remove',
  'contacts.recipients.max': 'At most {n} recipients.',
  'contacts.recipients.recommend':
    'Add a second recipient. With only one, a missed e-mail can lead to late payment, and late payment can suspend your subscription.',
  'contacts.contact.legend': 'Billing contact',
  'contacts.contact.hint':
    'The person we contact about billing questions. Pick someone of your organisation, or type an e-mail address.',
  'contacts.contact.label': 'Person or e-mail address',
  'contacts.contact.search-failed': 'People could not be searched. You can still type an e-mail address.',
  'contacts.contact.person': 'Of your organisation: {email}',
  'contacts.contact.typed': 'An e-mail address, not a person of your organisation.',
  'contacts.address.legend': 'Billing address',
  'contacts.address.hint': 'Printed on every invoice. Required, also when invoices go out as e-invoices.',
  'contacts.field.line1': 'Street and number',
  'contacts.field.line2': 'Address line 2 (optional)',
  'contacts.field.postalCode': 'Postal code',
  'contacts.field.city': 'City',
  'contacts.field.country': 'Country',
  'contacts.address.country.choose': 'Choose a country',
  'contacts.einvoice.legend': 'E-invoicing',
  'contacts.einvoice.toggle': 'Send invoices as e-invoices',
  'contacts.einvoice.hint': 'Invoices go to your e-invoicing operator instead of by e-mail.',
  'contacts.field.einvoice-address': 'E-invoice address',
  'contacts.field.einvoice-address.hint': 'Your electronic invoicing address (e.g. an OVT or GLN code).',
  'contacts.field.operator-code': 'Operator code',
  'contacts.field.operator-code.hint': "Your e-invoicing operator's code (e.g. E204503).",
  'contacts.po.legend': 'Purchase order',
  'contacts.field.po-number': 'PO number (optional)',
  'contacts.field.po-number.hint': 'Printed on invoices issued from now on; invoices already issued keep theirs.',
  'contacts.company.title': 'Company',
  'contacts.company.name': 'Company name',
  'contacts.company.vat': 'VAT number',
  'contacts.company.vat.none': 'Not set',
  'contacts.company.where': 'Read-only here. Change them in {place}.',
  'contacts.company.where.unknown': 'Read-only here. Change them in your company profile.',
  'contacts.status.denied':
    'Not saved: saving needs the administrator or finance role. Your changes are kept; sign in again with that role to save them.',
} as const;

/**
 * Every message of the element and its parts, as each translation must give them: a
 * language other than English is one chunk with the parts' words too, loaded before the
 * element renders in it, so a part loaded later finds its words at hand.
 */
export type AllMessages = typeof en & typeof partsEn;

/** Dutch, loaded on first use: a page in English does not download it. */
export const nl = (): Promise<Translations<AllMessages>> =>
  import('./contacts-editor.messages.nl.js').then((m) => m.nl);

/** German, loaded on first use: a page in English does not download it. */
export const de = (): Promise<Translations<AllMessages>> =>
  import('./contacts-editor.messages.de.js').then((m) => m.de);
