/**
 * The document `<billing-contacts-editor>` edits, and what the editor gives the
 * controllers it loads on demand (editing, the people search). Small and eager: the
 * element shows the details with it before anything else is loaded.
 */
import type { ReactiveControllerHost } from 'lit';
import type { BillingClient, BillingDetails } from '../../client/client.js';
import type { BillingApiError } from '../../client/errors.js';
import { draftOf } from './draft.js';
import type { KeptDraft } from './kept-draft.js';
import type { Draft, FieldId } from './model.js';

/** The server's version of the billing details, the user's draft of them, and the save bookkeeping. */
export class DetailsDocument {
  /** The version last loaded or saved. */
  server: BillingDetails | undefined;
  /** What the user edits; kept apart from `server`, so nothing is lost on a failed save. */
  draft: Draft | undefined;
  /** The version tag of `server`, sent with `If-Match`. */
  etag = '';
  /**
   * The key (`keyOf`) of the document last confirmed by the server: the draft is dirty
   * when it sends something else. None after a load: then it is the loaded version's.
   */
  savedKey: string | undefined;
  /** The draft was edited since it was loaded (what tells whether it is clean before editing is loaded). */
  edited = false;
  /** Said by the form's live region. */
  announcement = '';
  /** What is kept in the tab's session storage for a reload (none: nothing kept). */
  kept: KeptDraft | undefined;
  /** The draft shown was restored after a reload and waits for the user: it is not saved until they edit or ask. */
  restored = false;

  /** Shows a server version, replacing the draft. */
  adopt(details: BillingDetails, etag: string): void {
    this.server = details;
    this.etag = etag;
    this.draft = draftOf(details);
    this.savedKey = undefined;
    this.edited = false;
  }
}

/** What every key of a kept draft starts with. */
export const DRAFT_KEYS = 'billing-elements:contacts-draft:';

/**
 * Where an unsaved draft is kept in the tab's session storage: one per API and tenant (the
 * `tenantId` of `GET /me`), so a draft never shows up for another tenant or backend.
 */
export function draftKey(baseUrl: string, tenantId: string): string {
  return `${DRAFT_KEYS}${tenantId}@${baseUrl}`;
}

/**
 * What the editor gives the controllers it loads on demand, besides itself as their host:
 * the document, the API client, its language and its services. One object, made by the
 * element; the controllers reach nothing else of it.
 */
export interface EditorContext {
  readonly host: ReactiveControllerHost & HTMLElement;
  readonly doc: DetailsDocument;
  /** The API client, once there is one. */
  client(): BillingClient | undefined;
  /** The draft may be saved now (the role allows it, and no save was refused for the role since). */
  canWrite(): boolean;
  /** Milliseconds after the last change before it is saved. */
  saveDelay(): number;
  /** The element's language (the parts say their words in it: see editing.messages.ts). */
  locale(): string;
  count(n: number): string;
  /** Reports a failed request to the host (`billing-error`); returns it typed. */
  report(error: unknown): BillingApiError;
  /** Applies an edit to the draft and schedules a save. */
  edit(patch: Partial<Draft>, field?: FieldId): void;
  /** A save the server confirmed: the other elements hear of it. */
  saved(details: BillingDetails): void;
  /** A save was refused for the caller's role (a 403): the element keeps the edit, read-only, and says so. */
  forbidden(error: BillingApiError): void;
  /** Loads the conflict review (a private element) before it is shown. */
  loadReview(): Promise<unknown>;
}
