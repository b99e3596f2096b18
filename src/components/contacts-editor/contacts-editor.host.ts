import type { BillingDetails } from '../../client/client.js';
import type { BillingApiError } from '../../client/errors.js';
import type { BillingContextValue, ChangeTopic } from '../../context/context.js';
import type { MessageKey, MessageParams } from '../../i18n/index.js';
import type { Draft, FieldId } from './contacts-editor.model.js';

/**
 * <billing-contacts-editor> as the parts it loads on demand see it (editing, people
 * search). Those parts are the element's own code, split off so that a page that only
 * shows the details does not download them: they work on its state as its methods would,
 * so this lists members that TypeScript keeps protected (BillingElement's) or private
 * (the element's) to other code. Types only.
 */
export interface EditorElement {
  // LitElement
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly shadowRoot: ShadowRoot | null;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
  // BillingElement
  readonly billing: BillingContextValue | undefined;
  readonly locale: string;
  readonly canWrite: boolean;
  t(key: MessageKey, params?: MessageParams): string;
  fmtCount(n: number): string;
  reportError(error: unknown): BillingApiError;
  changed(topic: ChangeTopic, detail?: unknown): void;
  // BillingContactsEditor
  readonly saveDelay: number;
  /** The version last loaded or saved. */
  server: BillingDetails | undefined;
  /** What the user edits. */
  draft: Draft | undefined;
  /** The version tag of `server`, sent with `If-Match`. */
  etag: string;
  /**
   * The key (`keyOf`) of the document last confirmed by the server: the draft is dirty when
   * it sends something else. None after a load: then it is the loaded version's.
   */
  savedKey: string | undefined;
  /** The provider's revision the element has seen. */
  seenRevision: number;
  loadError: BillingApiError | undefined;
  /** Said by the form's live region. */
  announcement: string;
  /** True when the element speaks English. */
  readonly english: boolean;
  /** Applies an edit to the draft and schedules a save. */
  edit(patch: Partial<Draft>, field?: FieldId): void;
  /** Shows a server version in the form, replacing the draft. */
  adopt(details: BillingDetails, etag: string): void;
  /** A failed request, in words. */
  describe(error: BillingApiError): string;
}
