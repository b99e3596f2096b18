import type { Translations } from '../../i18n/types.js';
/**
 * English messages of <billing-contacts-editor>, and of what it loads on demand (editing,
 * the people search, the conflict review): one catalogue, never changed at run time.
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
  'contacts.status.saving': 'Saving…',
  'contacts.status.saved': 'Saved',
  'contacts.status.blocked': 'Not saved: correct the marked fields.',
  'contacts.recipients.remove-last':
    'Invoices need at least one recipient. Add another address before removing this one.',
  'contacts.recipients.removed': 'Removed {email}.',
  'contacts.error.recipient.invalid': '"{value}" is not a valid e-mail address.',
  'contacts.error.recipient.duplicate': '{value} is already in the list.',
  'contacts.error.recipients.required': 'Add at least one e-mail address to send invoices to.',
  'contacts.error.contact.invalid': 'Pick a person from the list or enter a valid e-mail address.',
  'contacts.contact.people': 'People of your organisation',
  'contacts.contact.searching': 'Searching…',
  'contacts.contact.results': {
    one: '{n} person found. Use the up and down arrows to choose, Enter to pick.',
    other: '{n} people found. Use the up and down arrows to choose, Enter to pick.',
  },
  'contacts.contact.no-results': 'Nobody of your organisation matches. A typed e-mail address is used as it is.',
  'contacts.status.invalid': 'Not saved: the billing service refused some fields. Correct the marked fields.',
  'contacts.status.conflict': 'Not saved: someone else changed these details. Choose which version to keep.',
  'contacts.status.replaced': 'Showing the version someone else saved.',
  'contacts.status.denied':
    'Not saved: saving needs the administrator or finance role. Your changes are kept; sign in again with that role to save them.',
  'contacts.restored.title': 'Restored unsaved changes',
  'contacts.restored.body':
    'These changes were not saved before the page was left. Save them, or discard them to see the saved details.',
  'contacts.restored.save': 'Save changes',
  'contacts.restored.discard': 'Discard',
  'contacts.restored.discarded': 'Unsaved changes discarded.',
  'contacts.error.contact.unknown': 'Pick the billing contact from the people of your organisation.',
  'contacts.error.required': 'Fill in this field.',
  'contacts.error.country': 'Choose a country.',
  'contacts.error.too-long': 'This is too long. Shorten it.',
  'contacts.error.invalid': 'This value is not valid.',
  'contacts.conflict.title': 'Someone else changed these details',
  'contacts.conflict.body':
    'While you were editing, someone saved other billing details. Nothing was overwritten. Compare the fields that differ and choose which version to keep.',
  'contacts.conflict.caption': 'Fields that differ',
  'contacts.conflict.field': 'Field',
  'contacts.conflict.mine': 'Your version',
  'contacts.conflict.theirs': 'Their version',
  'contacts.conflict.keep-mine': 'Keep mine',
  'contacts.conflict.use-theirs': 'Use theirs',
  'contacts.on': 'On',
  'contacts.off': 'Off',
  'contacts.none': '(empty)',
} as const;

/** Every message of the element and its parts, as each translation must give them. */
export type AllMessages = typeof en;

/** Dutch, loaded on first use: a page in English does not download it. */
export const nl = (): Promise<Translations<AllMessages>> =>
  import('./contacts-editor.messages.nl.js').then((m) => m.nl);
