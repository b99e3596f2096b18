/**
 * What <billing-contacts-editor> needs once it finds a draft kept over a reload, loaded
 * then (a chunk of its own): reading the draft back (kept-draft.ts), and the words of the
 * notice that says so, whose English is with the other parts' (editing.messages.ts).
 */
import { translate, type MessageKey } from '../../i18n/index.js';
import { messages } from './editing.messages.js';

export { restore, restoredNotice } from './kept-draft.js';

/** A message about the restored draft, in `locale`. */
export function say(locale: string, key: MessageKey): string {
  return translate(locale, key, {}, messages);
}
