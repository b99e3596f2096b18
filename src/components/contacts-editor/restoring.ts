/**
 * What <billing-contacts-editor> needs once it finds a draft kept over a reload, loaded
 * then (a chunk of its own): reading the draft back (kept-draft.ts), and the words of the
 * notice that says so, whose English is with the other parts' (editing.messages.ts).
 */
import type { TemplateResult } from 'lit';
import type { BillingDetails } from '../../client/client.js';
import { translate, type MessageKey } from '../../i18n/index.js';
import type { EditorContext } from './document.js';
import type { Editing } from './editing.js';
import { messages } from './editing.messages.js';
import { restore, restoredNotice } from './kept-draft.js';

/** A message about the restored draft, in `locale`. */
export function say(locale: string, key: MessageKey): string {
  return translate(locale, key, {}, messages);
}

/** What the notice of restored changes needs of the editor. */
export interface NoticeView {
  /** Editing, once loaded. */
  readonly editing: Editing | undefined;
  /** The role allows saving. */
  readonly mayWrite: boolean;
  save(): void;
  discard(): void;
}

/**
 * The notice of restored changes (kept-draft.ts), in `locale`: Save only while the changes
 * wait for the user (not while compared with another version: the comparison decides), and
 * what of a version saved meanwhile was taken into them.
 */
export function notice(locale: string, { editing, mayWrite, save, discard }: NoticeView): TemplateResult {
  return restoredNotice({
    canSave: (!editing || editing.status === 'restored') && mayWrite,
    merged: editing?.restoredMerge ?? '',
    save,
    discard,
    t: (key) => say(locale, key),
  });
}

/**
 * Shows the draft kept under `key` in the editor's document, unless it is what the server
 * has (`answer`), and says so once the form is there. True when the draft was made from
 * another version than the server's: the editor then has editing merge both, three ways
 * with the version kept with the draft (see `Editing.restoredOver`).
 */
export function show(ctx: EditorContext, key: string, answer: { details: BillingDetails; etag: string }): boolean {
  const { doc, host } = ctx;
  const record = restore(key, doc, answer.details);
  if (!record) return false;
  doc.kept = record;
  doc.restored = true;
  // Said once by the form's live region, once the form is there.
  void host.updateComplete.then(() => {
    doc.announcement = say(ctx.locale(), 'contacts.restored.title');
    host.requestUpdate();
  });
  return record.etag !== answer.etag;
}

/** The restored changes were dropped (the editor shows the server's version again): said, and the focus on the title. */
export function discarded(ctx: EditorContext): void {
  ctx.doc.restored = false;
  ctx.doc.announcement = say(ctx.locale(), 'contacts.restored.discarded');
  ctx.host.requestUpdate();
  ctx.host.shadowRoot?.querySelector<HTMLElement>('#title')?.focus();
}
