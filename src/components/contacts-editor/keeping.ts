/**
 * Keeping <billing-contacts-editor>'s unsaved draft over a reload: the element writes it to
 * the tab's `sessionStorage` after every update while it differs from what the server
 * confirmed, and removes it after. Small and eager; reading it back is kept-draft.ts,
 * loaded when a kept draft is found.
 */
import { tabKeep } from '../../internal/tab-storage.js';
import type { DetailsDocument } from './document.js';
import { draftOf } from './draft.js';

/**
 * The longest record kept in session storage over a reload (characters of JSON: a draft and
 * the version it was made from): the contract's limits keep one below it (about 15,000 for
 * both at every limit, escaped characters aside).
 */
export const MAX_KEPT = 32_000;

/**
 * Keeps `record` under `key` in the tab's session storage, or removes what is kept there
 * (no record, or one longer than any draft within the contract's limits can be). A full or
 * disabled storage keeps nothing: the edit stays on screen, only a reload would lose it.
 */
function keep(key: string, record?: string): void {
  tabKeep(key, record && record.length <= MAX_KEPT ? record : undefined);
}

/**
 * Keeps `doc`'s draft under `key` while it is `unsaved` (at once: a reload may follow the
 * keystroke), and removes it after, with the version it was made from as its base: the
 * server's when its tag is new, else the one kept (a draft restored over a newer version
 * keeps its own), so that a reload merges it three ways. The module that reads it back
 * checks it and cuts it to the contract's limits.
 */
export function keepDraft(key: string, doc: DetailsDocument, unsaved: boolean): void {
  const { draft, etag, server } = doc;
  const was = doc.kept;
  if (unsaved ? draft === was?.draft && etag === was?.etag : !was) return;
  doc.kept = unsaved ? { draft: draft!, etag, base: etag === was?.etag ? was.base : draftOf(server!) } : undefined;
  keep(key, unsaved ? JSON.stringify(doc.kept) : undefined);
}
