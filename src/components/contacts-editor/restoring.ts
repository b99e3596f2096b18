/**
 * What <billing-contacts-editor> needs once it finds a draft kept over a reload, loaded
 * then (a chunk of its own): reading the draft back (kept-draft.ts), and the words of the
 * notice that says so, whose English is with the other parts' (editing.messages.ts).
 */
import type { TemplateResult } from 'lit';
import { translate, type MessageKey } from '../../i18n/index.js';
import { messages } from './editing.messages.js';
import { restoredNotice, type RestoredView } from './kept-draft.js';

export { restore } from './kept-draft.js';

/** A message about the restored draft, in `locale`. */
export function say(locale: string, key: MessageKey): string {
  return translate(locale, key, {}, messages);
}

/** The notice of restored changes (kept-draft.ts), in `locale`. */
export function notice(locale: string, view: Omit<RestoredView, 't'>): TemplateResult {
  return restoredNotice({ ...view, t: (key) => say(locale, key) });
}
