import type { ElementMessages } from '../../i18n/index.js';
import { de, en as editorEn, nl } from './contacts-editor.messages.js';

/**
 * English messages that only the parts <billing-contacts-editor> loads on demand say
 * (editing: the save's progress, the checks, a refused save; the people search; the
 * conflict review; a draft restored after a reload), bundled with them rather than with
 * the element. Their translations are
 * in the element's catalogue of each language (contacts-editor.messages.nl.ts, .de.ts), which the
 * element loads before it renders: a part loaded later waits for no words.
 */
export const en = {
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
  'contacts.status.merged': 'Saved, with the changes someone else made meanwhile to {fields}.',
  'contacts.error.contact.unknown': 'Pick the billing contact from the people of your organisation.',
  'contacts.error.required': 'Fill in this field.',
  'contacts.error.country': 'Choose a country.',
  'contacts.error.too-long': 'This is too long. Shorten it.',
  'contacts.error.too-long.max': {
    one: 'This is too long: at most {max} character.',
    other: 'This is too long: at most {max} characters.',
  },
  'contacts.error.recipients.too-many': 'There can be at most {max} recipients.',
  'contacts.error.invalid': 'This value is not valid.',
  'contacts.conflict.title': 'Someone else changed these details',
  'contacts.conflict.body':
    'While you were editing, someone saved other billing details. Nothing was overwritten. Compare the fields that differ and choose which version to keep.',
  'contacts.conflict.merged':
    'Their changes to {fields} are in your version already. Only the fields below were changed by both of you.',
  'contacts.conflict.caption': 'Fields that differ',
  'contacts.conflict.field': 'Field',
  'contacts.conflict.mine': 'Your version',
  'contacts.conflict.theirs': 'Their version',
  'contacts.conflict.keep-mine': 'Keep mine',
  'contacts.conflict.use-theirs': 'Use theirs',
  'contacts.on': 'On',
  'contacts.off': 'Off',
  'contacts.none': '(empty)',
  'contacts.restored.title': 'Restored unsaved changes',
  'contacts.restored.body':
    'These changes were not saved before the page was left. Save them, or discard them to see the saved details.',
  'contacts.restored.save': 'Save changes',
  'contacts.restored.discard': 'Discard',
  'contacts.restored.discarded': 'Unsaved changes discarded.',
  'contacts.restored.merged': 'Someone else changed {fields} meanwhile. Their changes are in your version already.',
} as const;

/** What the parts translate with: the element's catalogue, with their English added. */
export const messages: ElementMessages = { en: { ...editorEn, ...en }, nl, de };
