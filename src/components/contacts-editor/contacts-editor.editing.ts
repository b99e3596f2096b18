/**
 * The editing part of <billing-contacts-editor>, loaded when the user first focuses the
 * form (a chunk of its own): the client's checks and their messages, the auto-save cycle
 * (debounced, at once when a field is left, one save at a time, `If-Match`), adding and
 * removing recipients, and what a failed save shows. A refusal or a conflict loads one
 * more part (contacts-editor.refused.ts) when the server first answers with one.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { BillingDetails } from '../../client/client.js';
import type { BillingApiError } from '../../client/errors.js';
import type { draftOf as DraftOf, row as Row } from './contacts-editor.draft.js';
import type { EditorElement } from './contacts-editor.host.js';
import { clientIssues, inputOf, keyOf, type ClientIssue, type Draft, type FieldId } from './contacts-editor.model.js';
import type * as Refused from './contacts-editor.refused.js';

/** English messages of this part; the element adds them to its own when the part loads. */
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
} as const;

/** Where the auto-save stands, as the status line says it (`contacts.status.<status>`). */
export type SaveStatus =
  'idle' | 'pending' | 'blocked' | 'saving' | 'saved' | 'failed' | 'invalid' | 'conflict' | 'replaced';

/** What this part gets from the element's own chunk (it imports none of its modules, so they stay there). */
export interface EditingNeeds {
  draftOf: typeof DraftOf;
  row: typeof Row;
  /** Loads the part shown after a refused save. */
  refused: () => Promise<typeof Refused>;
}

const POINTER_EVENTS = ['pointerdown', 'pointerup', 'pointercancel'];

/** The editing state and behaviour of one element; the element renders what it holds. */
export class Editing {
  status: SaveStatus = 'idle';
  /** Why the last save failed; none with status `failed` when a part of the editor could not be loaded. */
  saveError: BillingApiError | undefined;
  /** The server's reasons from the last refused save, by field. */
  serverErrors: Refused.ServerErrors = {};
  /** Fields whose client-side problems are shown (left once, or a save was attempted). */
  touched = new Set<string>();
  /** The version someone else saved, while the user chooses. */
  conflict: BillingDetails | undefined;
  /** A refusal next to the recipients (removing the last one). */
  notice = '';
  #saving = false;
  #queued = false;
  #everSaved = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** A pointer is pressed: what must wait for its release (the messages of a field just left). */
  #pointerDown = false;
  #afterPointer: (() => void)[] = [];
  /** The draft last checked, and its problems. */
  #checked: [Draft | undefined, Map<FieldId, ClientIssue>] = [undefined, new Map()];
  #refused: typeof Refused | undefined;
  readonly #el: EditorElement;
  readonly #needs: EditingNeeds;

  constructor(el: EditorElement, needs: EditingNeeds) {
    this.#el = el;
    this.#needs = needs;
    this.connect();
  }

  /** The client's problems with the draft. */
  get issues(): Map<FieldId, ClientIssue> {
    const draft = this.#el.draft;
    if (this.#checked[0] !== draft) this.#checked = [draft, draft ? clientIssues(draft) : new Map()];
    return this.#checked[1];
  }

  /** The key of the document last confirmed by the server (see EditorElement). */
  get #savedKey(): string {
    const el = this.#el;
    return (el.savedKey ??= keyOf(this.#needs.draftOf(el.server!)));
  }

  get #dirty(): boolean {
    const draft = this.#el.draft;
    return !!draft && keyOf(draft) !== this.#savedKey;
  }

  /** True when the form shows what the server has and nothing is on its way. */
  get clean(): boolean {
    return !this.#dirty && !this.#saving && !this.conflict && this.status !== 'failed' && this.status !== 'invalid';
  }

  /** The element is in the page (again): listens, and picks up where it was left. */
  connect(): void {
    for (const type of POINTER_EVENTS) window.addEventListener(type, this.#onPointer, true);
    if (this.#dirty) this.schedule();
  }

  disconnect(): void {
    for (const type of POINTER_EVENTS) window.removeEventListener(type, this.#onPointer, true);
    clearTimeout(this.#timer);
  }

  /** The element shows a server version: nothing of the old one remains. */
  reset(): void {
    this.serverErrors = {};
    this.touched = new Set();
    this.conflict = undefined;
    this.notice = '';
    this.status = 'idle';
  }

  /** After an edit of the draft: the server's reason for the field is stale, and a save is due. */
  edited(field?: FieldId): void {
    if (field && this.serverErrors[field]) this.serverErrors = { ...this.serverErrors, [field]: undefined };
    this.notice = '';
    this.schedule();
  }

  schedule(): void {
    clearTimeout(this.#timer);
    if (!this.#saving && !this.conflict) this.status = this.#dirty ? 'pending' : this.#everSaved ? 'saved' : 'idle';
    this.#timer = setTimeout(() => void this.save(), this.#el.saveDelay);
  }

  #onPointer = (e: Event): void => {
    this.#pointerDown = e.type === 'pointerdown';
    const waiting = this.#pointerDown ? [] : this.#afterPointer.splice(0);
    // After the click: a message appearing under the pointer must not move what was clicked.
    if (waiting.length > 0) setTimeout(() => waiting.forEach((fn) => fn()));
  };

  /** Runs `fn` now, or once a pressed pointer is released. */
  #whenReleased(fn: () => void): void {
    if (this.#pointerDown) this.#afterPointer.push(fn);
    else fn();
  }

  /** Shows the client's messages for these fields. */
  #touch(ids: string[]): void {
    this.#whenReleased(() => {
      this.touched = new Set([...this.touched, ...ids]);
      this.#el.requestUpdate();
    });
  }

  /** The control with this id lost the focus: its messages show, and a pending edit is saved at once. */
  focusOut(id: string): void {
    if (id && id !== 'title') this.#touch([id]);
    this.#whenReleased(() => {
      if (this.#dirty && (this.status === 'pending' || this.status === 'saving')) void this.save();
    });
  }

  #focus(id: string): void {
    this.#el.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  /** Focuses a control once the pending render is done. */
  #focusSoon(id: string): void {
    void this.#el.updateComplete.then(() => this.#focus(id));
  }

  add(): void {
    const el = this.#el;
    const added = this.#needs.row();
    el.draft = { ...el.draft!, recipients: [...el.draft!.recipients, added] };
    this.notice = '';
    this.#focusSoon(`recipient-${added.key}`);
  }

  remove(key: number): void {
    const el = this.#el;
    const rows = el.draft!.recipients;
    const i = rows.findIndex((r) => r.key === key);
    const removed = rows[i]?.value.trim() ?? '';
    const rest = rows.filter((r) => r.key !== key);
    if (rest.length === 0 || (removed && !rest.some((r) => r.value.trim()))) {
      this.notice = el.t('contacts.recipients.remove-last');
      return;
    }
    // Indexes shift: the server's reasons for recipients no longer point at the right rows.
    this.serverErrors = Object.fromEntries(
      Object.entries(this.serverErrors).filter(([field]) => !field.startsWith('recipient-')),
    );
    el.draft = { ...el.draft!, recipients: rest };
    this.edited();
    if (removed) el.announcement = el.t('contacts.recipients.removed', { email: removed });
    this.#focusSoon(`recipient-${rest[Math.min(i, rest.length - 1)]!.key}`);
  }

  /** Saves the draft now (the element renders the outcome). */
  async save(): Promise<void> {
    try {
      await this.#save();
    } finally {
      this.#el.requestUpdate();
    }
  }

  async #save(): Promise<void> {
    clearTimeout(this.#timer);
    const el = this.#el;
    const client = el.billing?.client;
    const draft = el.draft;
    if (!client || !draft || !el.canWrite) return;
    if (this.conflict) {
      this.status = 'conflict';
      return;
    }
    if (this.#saving) {
      this.#queued = true;
      return;
    }
    const issues = clientIssues(draft);
    if (issues.size > 0) {
      // A contact still being typed (the user may be searching for a person) is not marked until left.
      const typing = el.shadowRoot?.activeElement?.id === 'contact';
      const shown = [...issues.keys()].filter((id) => !(typing && id === 'contact'));
      this.#touch(shown);
      this.status = shown.length > 0 ? 'blocked' : 'pending';
      return;
    }
    const { input, rowKeys } = inputOf(draft);
    const key = JSON.stringify(input);
    if (key === this.#savedKey) {
      this.status = this.#everSaved ? 'saved' : 'idle';
      return;
    }
    this.#saving = true;
    this.status = 'saving';
    this.saveError = undefined;
    el.requestUpdate();
    let again = false;
    try {
      const { details, etag } = await client.putBillingDetails(input, el.etag);
      el.etag = etag;
      el.server = details;
      el.savedKey = key;
      this.#everSaved = true;
      this.serverErrors = {};
      this.status = this.#dirty ? 'pending' : 'saved';
      el.changed('details', details);
      el.seenRevision = el.billing?.revision ?? el.seenRevision;
      again = this.#dirty;
    } catch (e) {
      again = await this.#failed(el.reportError(e), rowKeys, draft);
    } finally {
      this.#saving = false;
    }
    this.#queued = false;
    if (again) void this.save();
  }

  /** Shows why a save failed; true when a newer edit should be tried at once. */
  async #failed(error: BillingApiError, rowKeys: number[], sent: Draft): Promise<boolean> {
    const el = this.#el;
    const kind = error.kind;
    if (kind === 'forbidden') {
      el.loadError = error;
      return false;
    }
    if (kind === 'stale' || kind === 'invalid') {
      // Shown by a part loaded now; until it is there, the status still says "Saving…".
      let refused: typeof Refused | undefined;
      try {
        refused = this.#refused = await this.#needs.refused();
        if (kind === 'invalid') {
          const errors = refused.serverErrors(this.#refusedHost(), error, rowKeys, sent);
          if (Object.keys(errors).length === 0) errors.general = el.describe(error);
          this.serverErrors = errors;
          this.status = 'invalid';
        } else {
          const theirs = error.problem?.current ?? (await el.billing!.client.getBillingDetails()).details;
          if (refused.differences(this.#asSaved(el.draft!), this.#asSaved(this.#needs.draftOf(theirs))).length > 0) {
            this.conflict = theirs;
            this.status = 'conflict';
          } else {
            // They saved exactly what the user has: nothing to choose.
            el.server = theirs;
            el.etag = theirs.version;
            el.savedKey = keyOf(el.draft!);
            this.status = 'saved';
          }
          return false;
        }
      } catch (e) {
        // The part could not be loaded (no saveError: the status says so), or their version could not be fetched.
        this.saveError = refused && el.reportError(e);
        this.status = 'failed';
        return false;
      }
    } else {
      this.saveError = error;
      this.status = 'failed';
    }
    // A newer edit (made while this one was on its way) may fix it.
    return this.#queued && keyOf(el.draft ?? sent) !== keyOf(sent);
  }

  /** A draft as it is saved: trimmed, blank rows dropped, e-invoice fields empty when off. */
  #asSaved(draft: Draft): Draft {
    return this.#needs.draftOf(inputOf(draft).input);
  }

  #refusedHost(): Refused.RefusedHost {
    const el = this.#el;
    return {
      locale: el.locale,
      english: el.english,
      t: (key, params) => el.t(key, params),
      keepMine: () => this.#keepMine(),
      useTheirs: () => this.#useTheirs(),
    };
  }

  #keepMine(): void {
    const el = this.#el;
    const theirs = this.conflict!;
    el.server = theirs;
    el.etag = theirs.version;
    el.savedKey = keyOf(this.#needs.draftOf(theirs));
    this.conflict = undefined;
    this.#focus('title');
    void this.save();
  }

  #useTheirs(): void {
    clearTimeout(this.#timer);
    const theirs = this.conflict!;
    this.#el.adopt(theirs, theirs.version);
    this.saveError = undefined;
    this.status = 'replaced';
    this.#focus('title');
    this.#el.requestUpdate();
  }

  /** Tries a failed save again. */
  retry(): void {
    // The button goes away while saving: keep the focus in the editor.
    this.#focus('title');
    void this.save();
  }

  /** The message shown next to a field: the client's own check once the field was left, else the server's reason. */
  errorFor(id: FieldId): string | undefined {
    const issue = this.issues.get(id);
    return issue && this.touched.has(id)
      ? this.#el.t(`contacts.error.${issue.code}`, { value: issue.value })
      : this.serverErrors[id];
  }

  /** Above the form's sections: the conflict panel, the server's reason that fits no field (and this part's styles). */
  render(): TemplateResult {
    const theirs = this.conflict;
    return html`<style>
        input[aria-invalid='true'],
        select[aria-invalid='true'] {
          border-color: var(--_danger);
          box-shadow: inset 0 0 0 1px var(--_danger);
        }
        .field-error,
        .notice {
          color: var(--_danger);
        }
        .field-error {
          font-size: 0.9rem;
        }
        .field-error::before {
          content: '! ';
          font-weight: 700;
        }
      </style>
      ${
        theirs
          ? this.#refused!.conflictPanel(
              this.#refusedHost(),
              this.#asSaved(this.#el.draft!),
              this.#asSaved(this.#needs.draftOf(theirs)),
            )
          : nothing
      }
      ${
        this.serverErrors.general
          ? html`<p class="field-error" part="field-error">${this.serverErrors.general}</p>`
          : nothing
      }`;
  }
}
